import { describe, expect, it } from 'vitest';
import { computeAnnotations, visibleAnnotations } from '../../src-core/chart/annotations';
import { chartPalette } from '../../src-core/chart/colors';
import { boxesOverlap, rotatedBox, type Box } from '../../src-core/chart/label-boxes';
import { DEFAULT_LAYOUT, layoutChart, type ChartLayout } from '../../src-core/chart/layout';
import { fakeContext, type Call } from './fake-context';
import { paintChart, type PaintInput } from './paint';
import { LABEL_SPACING_PX } from './paint-arrows';
import { CANVAS_LABELS } from './paint-labels';
import { noteBoxes } from './paint-notes';
import { longTrace, NODES, tcpLayout, tcpLessonTrace } from './test-trace';

/** 200 datagrams, one a millisecond: at `pxPerMs`, one arrow starts every `pxPerMs` px (each drawn, not bundled as a burst). */
function layout(pxPerMs: number): ChartLayout {
  return layoutChart(NODES, longTrace(200), { ...DEFAULT_LAYOUT, pxPerMs, showTransport: true, endTime: 205_000_000, bursts: false });
}

function input(l: ChartLayout, over: Partial<PaintInput> = {}): PaintInput {
  return {
    layout: l, annotations: [], palette: chartPalette('light'), viewport: { top: 400, left: 0, width: 900, height: 600, scale: 1 },
    selectedId: null, hoverId: null, afterCursor: 'fade', options: { labels: true, annotations: true }, ...over,
  };
}

function paint(l: ChartLayout, selectedId: number | null, hoverId: number | null = null) {
  return paintChart(fakeContext().ctx, input(l, { selectedId, hoverId }));
}

/**
 * The arrow labels written (translated and rotated, then each line written
 * about 0, 0 on a halo box, which is how they are told from annotation texts), as boxes of the fake context's widths (6 px a
 * character, lines 12 px apart), lines joined by spaces.
 */
function writtenLabels(calls: readonly Call[]): { text: string; box: Box }[] {
  const out: { text: string; box: Box }[] = [];
  let at: number[] | null = null;
  let angle: number | null = null;
  let lines: string[] = [];
  let previous: Call | null = null;
  for (const c of calls) {
    const after = previous;
    previous = c;
    if (c.name === 'save') [at, angle, lines] = [null, null, []];
    else if (c.name === 'translate') at = c.args as number[];
    else if (c.name === 'rotate') angle = c.args[0] as number;
    else if (after?.name === 'rotate' && c.name !== 'set:globalAlpha') angle = null; // not a label: labels start with their halo
    else if (c.name === 'fillText' && at !== null && angle !== null) lines.push(String(c.args[0]));
    else if (c.name === 'restore' && lines.length > 0 && at !== null && angle !== null) {
      const width = Math.max(...lines.map((t) => t.length * 6));
      out.push({ text: lines.join(' '), box: rotatedBox(at[0]!, at[1]!, width, lines.length * CANVAS_LABELS.height, angle) });
      lines = [];
    }
  }
  return out;
}

/** Whether obstacle o is the box around one of arrow a's own ends (a label reaching past its room may cover those). */
const ownEnd = (o: Box, a: { x1: number; y1: number; x2: number; y2: number }) =>
  o.hw === o.hh && ((Math.abs(o.cx - a.x1) < 1e-6 && Math.abs(o.cy - a.y1) < 1e-6) || (Math.abs(o.cx - a.x2) < 1e-6 && Math.abs(o.cy - a.y2) < 1e-6));

describe('arrow labels and density', () => {
  it('labels arrows that start further apart than a label is tall', () => {
    const result = paint(layout(LABEL_SPACING_PX * 2), null);
    expect(result.labelled.length).toBeGreaterThan(5);
  });

  it('labels only the selected and hovered arrows where arrows are denser than one per LABEL_SPACING_PX', () => {
    const dense = layout(LABEL_SPACING_PX / 2);
    const plain = paint(dense, null);
    expect(plain.drawn.length * LABEL_SPACING_PX).toBeGreaterThan(550);
    expect(plain.labelled).toEqual([]);
    const selected = plain.drawn[10]!;
    expect(paint(dense, selected).labelled).toEqual([selected]);
    expect(paint(dense, selected, plain.drawn[20]!).labelled).toEqual([selected, plain.drawn[20]!]);
  });

  it('keeps labels clear of each other and of the annotations on the TCP lesson', () => {
    const l = tcpLayout();
    const trace = tcpLessonTrace();
    const notes = computeAnnotations(l, trace.events, trace.metrics);
    const viewport = { top: 0, left: 0, width: 900, height: l.height + 60, scale: 1 };
    const { ctx, calls } = fakeContext();
    const result = paintChart(ctx, input(l, { annotations: notes, viewport }));
    const labels = writtenLabels(calls);
    expect(labels.map((x) => x.text)).toHaveLength(result.labelled.length);
    expect(labels.length).toBeGreaterThan(l.arrows.length / 2);
    const noteOnly = noteBoxes(fakeContext().ctx, { layout: l, annotations: notes, palette: chartPalette('light') }, visibleAnnotations(notes, 0, l.height));
    expect(noteOnly.length).toBeGreaterThan(8);
    // the painter's obstacles: those annotation boxes, and the arrows' ends and handles
    const obstacles = result.obstacles;
    expect(obstacles).toEqual(expect.arrayContaining(noteOnly));
    expect(obstacles.length).toBeGreaterThan(noteOnly.length + 2 * l.arrows.length);
    for (const [i, a] of labels.entries()) {
      const arrow = l.arrows.find((x) => x.id === result.labels[i]!.id)!;
      for (const b of labels.slice(i + 1)) expect(boxesOverlap(a.box, b.box), `${a.text} / ${b.text}`).toBe(false);
      for (const o of obstacles) if (!ownEnd(o, arrow)) expect(boxesOverlap(a.box, o), a.text).toBe(false);
    }
    // on screen, labels are whole or abbreviated at a word; most are whole
    expect(labels.filter((x) => !x.text.endsWith('…')).length).toBeGreaterThan(labels.length * 0.7);
    // the ports are left to the tooltip and the inspector
    expect(labels.some((x) => x.text.startsWith('[SYN] Seq=0'))).toBe(true);
  });

  it('draws the hovered arrow’s label whole, first, even where another label would take its place', () => {
    const l = tcpLayout();
    const viewport = { top: 0, left: 0, width: 900, height: l.height + 60, scale: 1 };
    const plain = fakeContext();
    const before = paintChart(plain.ctx, input(l, { viewport }));
    const shown = new Set(writtenLabels(plain.calls).map((x) => x.text));
    // an ACK drawn on top of a data segment sent at the same time gets the other side of the arrow, or less
    const hidden = l.arrows.find((a) => !before.labelled.includes(a.id) || !shown.has(a.label.replace(/^\d+ → \d+ /, '')))!;
    expect(hidden).toBeDefined();
    const hovered = fakeContext();
    const after = paintChart(hovered.ctx, input(l, { viewport, hoverId: hidden.id }));
    expect(after.labelled[0]).toBe(hidden.id);
    expect(writtenLabels(hovered.calls)[0]!.text.startsWith(hidden.label.replace(/^\d+ → \d+ /, '').slice(0, 20))).toBe(true);
  });

  it('places labels the same whatever is selected elsewhere in the trace', () => {
    const l = tcpLayout();
    const viewport = { top: 0, left: 0, width: 900, height: 300, scale: 1 };
    const offScreen = l.arrows[l.arrows.length - 1]!.id;
    const a = fakeContext();
    const b = fakeContext();
    paintChart(a.ctx, input(l, { viewport }));
    paintChart(b.ctx, input(l, { viewport, selectedId: offScreen }));
    expect(writtenLabels(b.calls)).toEqual(writtenLabels(a.calls));
  });
});
