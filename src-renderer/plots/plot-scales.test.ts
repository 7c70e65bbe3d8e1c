import { describe, expect, it } from 'vitest';
import type { PlotSpec } from './plot-spec';
import { xScaleOf, yScalesOf } from './plot-scales';

const spec: PlotSpec = {
  id: 'p',
  title: 'P',
  x: { label: 'Simulated time', unit: 's' },
  yAxes: [{ label: 'Utilisation', unit: 'ratio' }],
  fromZero: true,
  series: [{ label: 'u', unit: 'ratio', x: [0, 1, 2, 3], y: [0.2, 0.9, 0.3, 0.3], style: 'step' }],
};

describe('plot scales', () => {
  it('spans the data on x, and y from 0 to a whole tick above the largest value', () => {
    const x = xScaleOf(spec);
    expect([x.min, x.max]).toEqual([0, 3]);
    const [y] = yScalesOf(spec, x.min, x.max);
    expect([y!.min, y!.max]).toEqual([0, 1]);
    expect(y!.display.suffix).toBe('%');
  });

  it('fits y to what a zoomed range shows, counting the step that holds at its start', () => {
    const x = xScaleOf(spec, [2.2, 2.8]);
    expect([x.min, x.max]).toEqual([2.2, 2.8]);
    for (const tick of x.ticks) expect(tick >= 2.2 && tick <= 2.8).toBe(true);
    const [y] = yScalesOf(spec, x.min, x.max);
    expect(y!.max).toBeCloseTo(0.3, 12); // 0.9 holds only from 1 to 2: not in view (0.3 is a whole tick of 0.1)
    const [entering] = yScalesOf(spec, 1.5, 1.8);
    expect(entering!.max).toBeGreaterThanOrEqual(0.9); // the step from 1 holds at 1.5
    expect(entering!.max).toBeLessThanOrEqual(1);
  });

  it('gives a flat series a range of its own', () => {
    const flat: PlotSpec = { ...spec, fromZero: false, series: [{ ...spec.series[0]!, y: [0.5, 0.5, 0.5, 0.5] }] };
    const [y] = yScalesOf(flat, 0, 3);
    expect(y!.max).toBeGreaterThan(y!.min);
  });
});
