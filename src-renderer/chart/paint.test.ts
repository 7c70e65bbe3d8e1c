import { describe, expect, it } from 'vitest';
import { computeAnnotations } from '../../src-core/chart/annotations';
import { chartPalette, fadedAlpha, protocolColor } from '../../src-core/chart/colors';
import { DEFAULT_LAYOUT, layoutChart, type ChartLayout } from '../../src-core/chart/layout';
import { fakeContext } from './fake-context';
import { DISCARD_RADIUS, FADED_ALPHA } from './paint-arrows';
import { formatTick, paintChart, type PaintInput } from './paint';
import { discardedAnswers, longLayout, NODES, tcpLayout, tcpLessonTrace } from './test-trace';

const palette = chartPalette('light');

function input(layout: ChartLayout, over: Partial<PaintInput> = {}): PaintInput {
  return {
    layout,
    annotations: [],
    palette,
    viewport: { top: 0, left: 0, width: 900, height: 600, scale: 1 },
    selectedId: null,
    hoverId: null,
    afterCursor: 'fade',
    options: { labels: true, annotations: true },
    ...over,
  };
}

describe('paintChart', () => {
  it('draws only the arrows crossing the viewport of a 100,000-message chart', () => {
    const layout = longLayout(100_000);
    const { ctx, calls } = fakeContext();
    const top = layout.scale.y(50_000 * 1_000_000);
    const result = paintChart(ctx, input(layout, { viewport: { top, left: 0, width: 900, height: 600, scale: 2 } }));
    // 600 − 50 px header at 8 px/ms ≈ 69 ms of sends, plus the 5 ms of arrows started above
    expect(result.drawn.length).toBeGreaterThan(60);
    expect(result.drawn.length).toBeLessThan(80);
    expect(result.drawn[0]).toBeGreaterThanOrEqual(49_990);
    expect(calls.length).toBeLessThan(10_000);
    expect(calls[0]).toEqual({ name: 'setTransform', args: [2, 0, 0, 2, 0, 0] });
  });

  it('ends a lost message in a cross of the lost colour, and draws no head on it', () => {
    const layout = longLayout(20, new Set([3]));
    const { ctx, calls } = fakeContext();
    paintChart(ctx, input(layout, { options: { labels: false, annotations: false } }));
    const lostAt = calls.findIndex((c) => c.name === 'set:strokeStyle' && c.args[0] === palette.lost);
    expect(lostAt).toBeGreaterThan(0);
    const arrow = layout.arrows[3]!;
    const strokes = calls.slice(lostAt, lostAt + 8).filter((c) => c.name === 'moveTo' || c.name === 'lineTo');
    expect(strokes[0]!.args).toEqual([arrow.x2 - 6, arrow.y2 - 6]);
    expect(strokes[1]!.args).toEqual([arrow.x2 + 6, arrow.y2 + 6]);
    expect(calls.filter((c) => c.name === 'set:strokeStyle' && c.args[0] === palette.lost)).toHaveLength(1);
  });

  it('draws the selected arrow last, thicker and with a halo', () => {
    const layout = tcpLayout();
    const plain = fakeContext();
    paintChart(plain.ctx, input(layout));
    expect(plain.calls.some((c) => c.name === 'set:strokeStyle' && c.args[0] === palette.halo)).toBe(false);

    const selected = layout.arrows[2]!;
    const { ctx, calls } = fakeContext();
    const result = paintChart(ctx, input(layout, { selectedId: selected.id }));
    expect(result.drawn).toContain(selected.id);
    const halo = calls.findIndex((c) => c.name === 'set:strokeStyle' && c.args[0] === palette.halo);
    expect(halo).toBeGreaterThan(0);
    // after the halo, no other arrow starts: every moveTo is the selected arrow's, its head or its label
    const tails = calls.slice(halo).filter((c) => c.name === 'moveTo' && c.args[0] !== selected.x1);
    expect(tails.every((c) => c.args[1] !== layout.arrows[0]!.y1)).toBe(true);
    expect(calls.some((c) => c.name === 'set:lineWidth' && (c.args[0] as number) > 8)).toBe(true);
    expect(result.labelled[0]).toBe(selected.id);
  });

  it('fades or hides the messages after the playback cursor', () => {
    const layout = tcpLayout();
    const cursor = layout.arrows[5]!.id;
    const isRevealed = (id: number) => id <= cursor;
    const viewport = { top: 0, left: 0, width: 900, height: layout.height + 60, scale: 1 };
    const faded = fakeContext();
    const all = paintChart(faded.ctx, input(layout, { isRevealed, afterCursor: 'fade', viewport }));
    expect(all.drawn).toHaveLength(layout.arrows.length);
    // faded, but no further than a 3:1 contrast with the background allows (colors.ts fadedAlpha)
    const tcp = fadedAlpha(protocolColor('tcp', 'light'), 'light');
    expect(tcp).toBeGreaterThan(FADED_ALPHA);
    expect(faded.calls.some((c) => c.name === 'set:globalAlpha' && c.args[0] === tcp)).toBe(true);
    expect(all.labelled.every((id) => id <= cursor)).toBe(true);

    const hidden = paintChart(fakeContext().ctx, input(layout, { isRevealed, afterCursor: 'hide', viewport }));
    expect(hidden.drawn).toEqual(layout.arrows.slice(0, 6).map((a) => a.id));
  });

  it('writes the lanes header, the time axis, labels and annotations', () => {
    const layout = tcpLayout();
    const trace = tcpLessonTrace();
    const { ctx, texts } = fakeContext();
    paintChart(ctx, input(layout, { annotations: computeAnnotations(layout, trace.events, trace.metrics), options: { labels: true, annotations: true, title: 'TCP lesson' } }));
    const written = texts();
    expect(written).toEqual(expect.arrayContaining(['Client A', 'Server', '192.0.2.10', 'TCP lesson', 'tcp', 'TCP handshake', 'RTT 24.08 ms']));
    expect(written.some((t) => /^\d+ ms$/.test(t))).toBe(true);
    expect(written.some((t) => t.startsWith('[SYN] Seq=0'))).toBe(true);
  });

  it('formats axis ticks in the unit of their step', () => {
    expect(formatTick(24_000_000, 2_000_000)).toBe('24 ms');
    expect(formatTick(24_500_000, 500_000)).toBe('24.5 ms');
    expect(formatTick(2_000_000_000, 1_000_000_000)).toBe('2 s');
    expect(formatTick(1500, 500)).toBe('1.5 µs');
  });
});

describe('paintArrow ends and bursts', () => {
  it('ends a discarded message in a hollow circle on the receiver lane, and draws a bundle with its ×N badge', () => {
    const nodes = NODES;
    const events = discardedAnswers(6);
    const layout = layoutChart(nodes, events, { ...DEFAULT_LAYOUT, showTransport: false, endTime: 10_000_000 });
    const { ctx, calls } = fakeContext();
    paintChart(ctx, { layout, annotations: [], palette: chartPalette('light'), viewport: { top: 0, left: 0, width: 800, height: 400, scale: 1 }, selectedId: null, hoverId: null, afterCursor: 'fade', options: { labels: true, annotations: false } });
    const a = layout.arrows[0]!;
    expect(calls.some((c) => c.name === 'arc' && c.args[0] === a.x2 && c.args[1] === a.y2 && c.args[2] === DISCARD_RADIUS)).toBe(true);
    expect(calls.some((c) => c.name === 'fillText' && c.args[0] === '×6 +')).toBe(true);
  });
});
