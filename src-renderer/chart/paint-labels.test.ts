import { describe, expect, it } from 'vitest';
import { chartPalette } from '../../src-core/chart/colors';
import { DEFAULT_LAYOUT, layoutChart, type ChartLayout } from '../../src-core/chart/layout';
import { fakeContext } from './fake-context';
import { paintChart, type PaintInput } from './paint';
import { LABEL_SPACING_PX } from './paint-arrows';
import { longTrace, NODES } from './test-trace';

/** 200 datagrams, one a millisecond: at `pxPerMs`, one arrow starts every `pxPerMs` px. */
function layout(pxPerMs: number): ChartLayout {
  return layoutChart(NODES, longTrace(200), { ...DEFAULT_LAYOUT, pxPerMs, showTransport: true, endTime: 205_000_000 });
}

function paint(l: ChartLayout, selectedId: number | null) {
  const input: PaintInput = {
    layout: l, annotations: [], palette: chartPalette('light'), viewport: { top: 400, left: 0, width: 900, height: 600, scale: 1 },
    selectedId, hoverId: null, afterCursor: 'fade', options: { labels: true, annotations: true },
  };
  return paintChart(fakeContext().ctx, input);
}

describe('arrow labels and density', () => {
  it('labels arrows that start further apart than a label is tall', () => {
    const result = paint(layout(LABEL_SPACING_PX * 2), null);
    expect(result.labelled.length).toBeGreaterThan(5);
  });

  it('labels only the selected arrow where arrows are denser than one per LABEL_SPACING_PX', () => {
    const dense = layout(LABEL_SPACING_PX / 2);
    const plain = paint(dense, null);
    expect(plain.drawn.length * LABEL_SPACING_PX).toBeGreaterThan(550);
    expect(plain.labelled).toEqual([]);
    const selected = plain.drawn[10]!;
    expect(paint(dense, selected).labelled).toEqual([selected]);
  });
});
