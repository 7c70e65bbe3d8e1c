import { describe, expect, it } from 'vitest';
import { alignSeries } from './aligned';
import type { PlotSpec } from './plot-spec';

const spec = (series: PlotSpec['series']): PlotSpec => ({ id: 'p', title: 'P', x: { label: 'x', unit: 'count' }, yAxes: [{ label: 'y', unit: 's' }], series });

describe('alignSeries', () => {
  it('puts every series on the union of their x values, undefined where a series has no point', () => {
    const aligned = alignSeries(
      spec([
        { label: 'measured', unit: 's', x: [1, 3], y: [0.1, 0.3], style: 'points' },
        { label: 'formula', unit: 's', x: [0, 1, 2, 3], y: [0, 0.1, null, 0.3], style: 'line' },
      ]),
    );
    expect(aligned.x).toEqual([0, 1, 2, 3]);
    expect(aligned.y).toEqual([
      [undefined, 0.1, undefined, 0.3],
      [0, 0.1, null, 0.3],
    ]);
  });

  it('keeps repeated x values of one series as rows of their own', () => {
    const aligned = alignSeries(spec([{ label: 'a', unit: 's', x: [0, 1, 1, 2], y: [0, 1, 2, 2], style: 'step' }]));
    expect(aligned.x).toEqual([0, 1, 1, 2]);
    expect(aligned.y).toEqual([[0, 1, 2, 2]]);
  });

  it('gives empty columns for no series', () => {
    expect(alignSeries(spec([]))).toEqual({ x: [], y: [] });
  });
});
