import { describe, expect, it } from 'vitest';
import { formatMetricValue } from './metric-format';

describe('formatMetricValue', () => {
  it('writes each unit the way the course does', () => {
    expect(formatMetricValue({ value: 0.116085, unit: 's' })).toBe('116.085 ms');
    expect(formatMetricValue({ value: 2.5, unit: 's' })).toBe('2.500 s');
    expect(formatMetricValue({ value: 1460, unit: 'bytes' })).toBe('1460 bytes');
    expect(formatMetricValue({ value: 3, unit: 'count' })).toBe('3');
    expect(formatMetricValue({ value: 0.25, unit: 'ratio' })).toBe('25.0 %');
    expect(formatMetricValue({ value: 8.72, unit: 'factor' })).toBe('×8.7');
    expect(formatMetricValue({ value: 1.5e6, unit: 'bit/s' })).toBe('1.50 Mbit/s');
    expect(formatMetricValue({ value: 64e3, unit: 'bit/s' })).toBe('64.0 kbit/s');
  });
});
