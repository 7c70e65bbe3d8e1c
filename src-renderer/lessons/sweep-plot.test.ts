import { describe, expect, it } from 'vitest';
import type { GuideFormula } from '../../src-core/lessons/guide-schema';
import { specProblem } from '../plots/plot-spec';
import { sweepPlotSpec } from './sweep-plot';

const formula = { id: 'firstLookup', title: 'First lookup', unit: 's' } as GuideFormula;
const words = { formula: 'Formula', simulated: 'Simulated' };

describe('a sweep as a plot', () => {
  it('plots a delay in seconds: the formula\'s line and the simulated points', () => {
    const spec = sweepPlotSpec(
      { title: 'T', parameter: 'links[router-root].delayMs', parameterLabel: 'link router-root: Delay (ms)', values: [10, 20], formula },
      [{ value: 20, computed: 0.116, simulated: 0.1161, error: null }, { value: 10, computed: 0.096, simulated: 0.0961, error: null }],
      [{ x: 10, y: 0.096 }, { x: 15, y: 0.106 }, { x: 20, y: 0.116 }],
      words,
    );
    expect(specProblem(spec)).toBeNull();
    expect(spec.x).toEqual({ label: 'link router-root: Delay', unit: 's' });
    expect(spec.series[0]).toMatchObject({ style: 'line', x: [0.01, 0.015, 0.02], y: [0.096, 0.106, 0.116] });
    expect(spec.series[1]).toMatchObject({ style: 'points', x: [0.01, 0.02], y: [0.0961, 0.1161] });
  });

  it('draws the formula through its values at the points when it has no line, and a mode\'s choices at 1, 2 …', () => {
    const spec = sweepPlotSpec(
      { title: 'T', parameter: 'workload[0].mode', parameterLabel: 'action 1: HTTP mode', values: ['non-persistent', 'persistent'], formula },
      [{ value: 'non-persistent', computed: 0.67, simulated: 0.674, error: null }, { value: 'persistent', computed: null, simulated: 0.37, error: null }],
      [],
      words,
    );
    expect(specProblem(spec)).toBeNull();
    expect(spec.x).toEqual({ label: 'action 1: HTTP mode (1: non-persistent, 2: persistent)', unit: 'count' });
    expect(spec.series[0]).toMatchObject({ x: [1, 2], y: [0.67, null] });
    expect(spec.series[1]).toMatchObject({ x: [1, 2], y: [0.674, 0.37] });
  });
});
