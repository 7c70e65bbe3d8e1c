import { describe, expect, it } from 'vitest';
import { axisIndexOf, hasValues, specProblem, type PlotSpec } from './plot-spec';

const sweep: PlotSpec = {
  id: 'sweep',
  title: 'Sweep',
  x: { label: 'Objects', unit: 'count' },
  yAxes: [{ label: 'Time', unit: 's' }, { label: 'Utilisation', unit: 'ratio' }],
  series: [
    { label: 'measured', unit: 's', x: [1, 2], y: [0.1, 0.2], style: 'points' },
    { label: 'formula', unit: 's', x: [0, 3], y: [0, 0.3], style: 'line' },
  ],
};

describe('PlotSpec rules', () => {
  it('accepts points and a line on one plot, and finds each unit’s axis', () => {
    expect(specProblem(sweep)).toBeNull();
    expect(axisIndexOf(sweep, 's')).toBe(0);
    expect(axisIndexOf(sweep, 'ratio')).toBe(1);
    expect(hasValues(sweep)).toBe(true);
  });

  it('says what is wrong with a spec that cannot be drawn', () => {
    const one = sweep.series[0]!;
    expect(specProblem({ ...sweep, series: [{ ...one, y: [0.1] }] })).toBe('Sweep: series "measured" has 2 x values and 1 y values');
    expect(specProblem({ ...sweep, series: [{ ...one, unit: 'bit/s' }] })).toBe('Sweep: series "measured" is in bit/s, which no y axis shows');
    expect(specProblem({ ...sweep, series: [{ ...one, x: [2, 1] }] })).toBe('Sweep: series "measured" has x values out of order at 1');
    expect(specProblem({ ...sweep, yAxes: [] })).toBe('Sweep: a plot has one or two y axes, not 0');
    expect(hasValues({ ...sweep, series: [{ ...one, y: [null, null] }] })).toBe(false);
  });
});
