import { describe, expect, it } from 'vitest';
import { formatDifference, formatShare, formatValue, predictionUnit } from './formula-text';

describe('formula panel texts', () => {
  it('write values and signed differences in the metric format', () => {
    expect(formatValue(0.11608528, 's')).toBe('116.085 ms');
    expect(formatValue(null, 's')).toBeNull();
    expect(formatDifference({ difference: 0.00008528, relative: 0.000735, formula: { unit: 's' } })).toBe('+0.085 ms (+0.07 %)');
    expect(formatDifference({ difference: -0.002, relative: -0.0125, formula: { unit: 's' } })).toBe('−2.000 ms (−1.25 %)');
    expect(formatDifference({ difference: 0, relative: 0, formula: { unit: 's' } })).toBe('0.000 ms');
    expect(formatDifference({ difference: null, relative: null, formula: { unit: 's' } })).toBeNull();
  });

  it('write shares as percentages and take predictions in the units people think in', () => {
    expect(formatShare(0.01)).toBe('1 %');
    expect(formatShare(0.005)).toBe('0.5 %');
    expect(predictionUnit('s')).toEqual({ label: 'ms', toSi: 1e-3 });
    expect(predictionUnit('count')).toEqual({ label: 'count', toSi: 1 });
  });
});
