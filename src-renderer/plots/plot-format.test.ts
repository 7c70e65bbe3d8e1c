import { describe, expect, it } from 'vitest';
import { axisTitle, displayScale, niceTicks, tickText, valueText } from './plot-format';

describe('displayScale and axisTitle', () => {
  it('shows times under a second in ms, ratios in percent, rates and sizes with a prefix from the largest value', () => {
    expect(displayScale('s', 0.004)).toEqual({ factor: 1e3, suffix: 'ms' });
    expect(displayScale('s', 2.5)).toEqual({ factor: 1, suffix: 's' });
    expect(displayScale('ratio', 1)).toEqual({ factor: 100, suffix: '%' });
    expect(displayScale('bit/s', 2.4e6)).toEqual({ factor: 1e-6, suffix: 'Mbit/s' });
    expect(displayScale('bit/s', 800)).toEqual({ factor: 1, suffix: 'bit/s' });
    expect(displayScale('bytes', 15_000)).toEqual({ factor: 1e-3, suffix: 'kB' });
    expect(axisTitle({ label: 'Queueing delay', unit: 's' }, displayScale('s', 0.01))).toBe('Queueing delay (ms)');
    expect(axisTitle({ label: 'Entries', unit: 'count' }, displayScale('count', 9))).toBe('Entries');
  });
});

describe('tickText', () => {
  it('gives as many decimals as the step needs, in the display unit', () => {
    const ms = displayScale('s', 0.5);
    expect(tickText(0.0125, 0.0025, ms)).toBe('12.5');
    expect(tickText(0.02, 0.01, ms)).toBe('20');
    expect(tickText(0.5, 0.25, displayScale('ratio', 1))).toBe('50');
    expect(tickText(-0.0000001, 0.1, displayScale('count', 1))).toBe('0.0');
  });
});

describe('valueText', () => {
  it('says a value with its unit, and a dash for none', () => {
    expect(valueText(0.0125, 's')).toBe('12.500 ms');
    expect(valueText(0.875, 'ratio')).toBe('87.5 %');
    expect(valueText(1.2e6, 'bit/s')).toBe('1.20 Mbit/s');
    expect(valueText(480, 'bit/s')).toBe('480 bit/s');
    expect(valueText(7, 'count')).toBe('7');
    expect(valueText(null, 's')).toBe('–');
    expect(valueText(undefined, 'ratio')).toBe('–');
  });
});

describe('niceTicks', () => {
  it('steps by 1, 2 or 5 times a power of ten, covering the range', () => {
    expect(niceTicks(0, 1, 5)).toEqual({ ticks: [0, 0.2, 0.4, 0.6, 0.8, 1], step: 0.2 });
    expect(niceTicks(0, 0.037, 4)).toEqual({ ticks: [0, 0.01, 0.02, 0.03], step: 0.01 });
    expect(niceTicks(3, 3, 5)).toEqual({ ticks: [3], step: 0 });
    const { ticks, step } = niceTicks(-7, 93, 6);
    expect(step).toBe(20);
    expect(ticks[0]).toBeGreaterThanOrEqual(-7);
    expect(ticks[ticks.length - 1]).toBeLessThanOrEqual(93);
  });
});
