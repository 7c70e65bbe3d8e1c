import { describe, expect, it } from 'vitest';
import { describeValue, orList, quote } from './describe-value';

describe('describeValue', () => {
  it('shows scalars as JSON and containers by kind', () => {
    expect(describeValue('5ms')).toBe('"5ms"');
    expect(describeValue(-1)).toBe('-1');
    expect(describeValue(true)).toBe('true');
    expect(describeValue(null)).toBe('null');
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue([])).toBe('an empty array');
    expect(describeValue([1])).toBe('an array of 1 item');
    expect(describeValue([1, 2])).toBe('an array of 2 items');
    expect(describeValue({})).toBe('an empty object');
    expect(describeValue({ a: 1 })).toBe('an object');
  });
  it('cuts long strings', () => {
    expect(quote('x'.repeat(100))).toBe(`"${'x'.repeat(40)}…"`);
  });
  it('is safe on cyclic values', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(describeValue(cyclic)).toBe('an object');
  });
});

describe('orList', () => {
  it('quotes and joins alternatives', () => {
    expect(orList(['host'])).toBe('"host"');
    expect(orList(['host', 'router'])).toBe('"host" or "router"');
    expect(orList(['a', 'b', 'c'])).toBe('"a", "b" or "c"');
  });
});
