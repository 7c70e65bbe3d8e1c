import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, layoutChart, type ChartLayout } from '../../src-core/chart/layout';
import { parseScenarioText } from '../../src-core/scenario/load';
import { runScenario } from '../../src-core/scenario/runner';
import { lessonText } from '../testing/lessons';
import { fakeContext } from './fake-context';
import { hitTest } from './hit-test';
import { chartPalette, fadedAlpha, FADED_MIN_ALPHA, protocolColor } from '../../src-core/chart/colors';
import { paintChart, type PaintInput } from './paint';
import { MARK_RADIUS } from '../../src-core/chart/marks';

function staleCacheLayout(): ChartLayout {
  const loaded = parseScenarioText(lessonText('dns-stale-cache'));
  if (!loaded.ok) throw new Error('lesson does not load');
  const trace = runScenario(loaded.scenario).trace();
  return layoutChart(trace.nodes, trace.events, { ...DEFAULT_LAYOUT, showTransport: false, endTime: trace.header.endTime, laneOrder: loaded.scenario.view.laneOrder });
}

const layout = staleCacheLayout();
const edit = layout.marks.find((m) => m.label.startsWith('zone example.com edited'))!;

function input(over: Partial<PaintInput> = {}): PaintInput {
  return {
    layout,
    annotations: [],
    palette: chartPalette('light'),
    viewport: { top: edit.y - 200, left: 0, width: 1400, height: 500, scale: 1 },
    selectedId: null,
    hoverId: null,
    afterCursor: 'fade',
    options: { labels: true, annotations: true },
    ...over,
  };
}

describe('state marks on the canvas', () => {
  it('draws the zone edit as a mark with its summary on the server\'s lane', () => {
    const { ctx, texts } = fakeContext();
    const result = paintChart(ctx, input());
    expect(result.marks).toContain(edit.id);
    expect(texts().some((t) => t.startsWith('zone example.com edited'))).toBe(true);
  });

  it('fades a mark after the playback cursor no further than 3:1 contrast, and hides it when asked', () => {
    const faded = fakeContext();
    paintChart(faded.ctx, input({ isRevealed: (id) => id < edit.id }));
    const alphas = faded.calls.filter((c) => c.name === 'set:globalAlpha').map((c) => c.args[0] as number);
    const palette = chartPalette('light');
    const expected = Math.max(fadedAlpha(protocolColor(edit.protocol, 'light'), 'light'), fadedAlpha(palette.muted, 'light'));
    expect(expected).toBeGreaterThan(FADED_MIN_ALPHA);
    expect(alphas).toContain(expected);
    const hidden = fakeContext();
    const result = paintChart(hidden.ctx, input({ isRevealed: (id) => id < edit.id, afterCursor: 'hide' }));
    expect(result.marks).not.toContain(edit.id);
  });

  it('is selected by a click on its diamond or its label', () => {
    expect(hitTest(layout, { x: edit.x + MARK_RADIUS - 1, y: edit.y })).toEqual({ kind: 'mark', id: edit.id });
    // the label is a target where it was written (its width as drawn), not where its text would reach
    expect(hitTest(layout, { x: edit.x + 40, y: edit.labelY + 2 }, undefined, new Map([[edit.id, 120]]))).toEqual({ kind: 'mark', id: edit.id });
    expect(hitTest(layout, { x: edit.x + 40, y: edit.labelY + 2 })).toBeNull();
    expect(hitTest(layout, { x: edit.x + 400, y: edit.labelY }, undefined, new Map([[edit.id, 120]]))).toBeNull();
  });
});
