import { describe, expect, it } from 'vitest';
import { delayParts } from './timing';

describe('delayParts', () => {
  it('splits the delay into parts that add up to the total', () => {
    const parts = delayParts({ propagation: 12e6, transmission: 1e6, queueing: 0 }, 13e6);
    expect(parts.map((p) => p.name)).toEqual(['propagation', 'transmission', 'queueing']);
    expect(parts.reduce((s, p) => s + p.fraction, 0)).toBeCloseTo(1);
    expect(parts[0]!.fraction).toBeCloseTo(12 / 13);
  });

  it('names what the parts leave unexplained', () => {
    const parts = delayParts({ propagation: 2e6, transmission: 0, queueing: 0 }, 3e6);
    expect(parts.at(-1)).toEqual({ name: 'other', value: 1e6, fraction: 1 / 3 });
  });
});
