import { describe, expect, it } from 'vitest';
import type uPlot from 'uplot';
import { seriesColor } from './plot-colors';
import type { PlotSpec } from './plot-spec';
import { uplotData, uplotOptions } from './uplot-options';

const spec: PlotSpec = {
  id: 'link',
  title: 'Link',
  x: { label: 'Simulated time', unit: 's' },
  yAxes: [
    { label: 'Utilisation', unit: 'ratio' },
    { label: 'Queueing delay', unit: 's' },
  ],
  fromZero: true,
  series: [
    { label: 'utilisation', unit: 'ratio', x: [0, 0.5, 1], y: [0.8, 0.9, 0.9], style: 'step' },
    { label: 'queueing delay', unit: 's', x: [0, 0.5, 1], y: [0.002, 0.012, 0.012], style: 'points' },
  ],
};
const fake = {} as uPlot;

describe('uplotOptions', () => {
  const options = uplotOptions(spec, 'light', 800, 360);

  it('has an x axis below and one y axis per unit, left then right, titled in display units', () => {
    expect(options.axes!.map((a) => [a.side, a.scale, a.label])).toEqual([
      [2, 'x', 'Simulated time (s)'],
      [3, 'ratio', 'Utilisation (%)'],
      [1, 's', 'Queueing delay (ms)'],
    ]);
    const values = options.axes![1]!.values as (u: uPlot, splits: number[], axis: number, space: number, step: number) => string[];
    expect(values(fake, [0, 0.25, 0.5], 1, 0, 0.25)).toEqual(['0', '25', '50']);
  });

  it('gives each series its scale, colour and style, and reads values out with their units', () => {
    const [x, utilisation, queueing] = options.series;
    expect((x!.value as (u: uPlot, v: number) => string)(fake, 0.25)).toBe('250.000 ms');
    expect(utilisation).toMatchObject({ label: 'utilisation', scale: 'ratio', stroke: seriesColor(0, 'light'), points: { show: false } });
    expect(typeof utilisation!.paths).toBe('function');
    expect((utilisation!.value as (u: uPlot, v: number) => string)(fake, 0.875)).toBe('87.5 %');
    expect(queueing).toMatchObject({ scale: 's', points: { show: true } });
    expect((queueing!.paths as () => null)()).toBeNull();
  });

  it('zooms by dragging on x only, and starts the y scales at 0, up to a whole tick', () => {
    expect(options.cursor!.drag).toMatchObject({ x: true, y: false, setScale: true });
    const range = options.scales!['ratio']!.range as (u: uPlot, min: number, max: number) => [number, number];
    expect(range(fake, 0.8, 0.93)).toEqual([0, 1]);
    expect(range(fake, 0, 0)).toEqual([0, 1]);
    expect(options.legend).toMatchObject({ show: true, live: true });
    const swatch = options.legend!.markers!.fill as (u: uPlot, i: number) => string;
    expect(swatch(fake, 2)).toBe(seriesColor(1, 'light'));
  });
});

describe('uplotData', () => {
  it('is the shared x column, then a column per series', () => {
    expect(uplotData(spec)).toEqual([
      [0, 0.5, 1],
      [0.8, 0.9, 0.9],
      [0.002, 0.012, 0.012],
    ]);
  });
});
