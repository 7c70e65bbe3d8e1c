import { describe, expect, it } from 'vitest';
import { formatCount, formatDuration, formatMs, formatSocket } from './time';

describe('time formats', () => {
  it('shows ms with three decimals', () => {
    expect(formatMs(0)).toBe('0.000');
    expect(formatMs(24_077_440)).toBe('24.077');
    expect(formatMs(600_000_000_000)).toBe('600000.000');
  });

  it('picks a unit for durations', () => {
    expect(formatDuration(12_000_000)).toBe('12.000 ms');
    expect(formatDuration(1_090_398_240)).toBe('1.090 s');
    expect(formatDuration(600_000_000_000)).toBe('600.000 s');
    expect(formatDuration(7_200_000_000_000)).toBe('7,200.000 s');
    expect(formatDuration(3_200)).toBe('3.200 µs');
    expect(formatDuration(0)).toBe('0 ns');
    expect(formatDuration(999)).toBe('999 ns');
  });

  it('formats socket addresses and counts', () => {
    expect(formatSocket({ addr: '10.0.1.10', port: 61032 })).toBe('10.0.1.10:61032');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(48)).toBe('48');
  });
});
