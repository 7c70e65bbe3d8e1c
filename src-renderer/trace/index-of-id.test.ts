import { describe, expect, it } from 'vitest';
import { indexOfId } from './index-of-id';

describe('indexOfId', () => {
  it('finds ids in an ascending list, or −1', () => {
    const ids = [0, 2, 4, 6, 8, 10, 11, 15];
    ids.forEach((id, i) => expect(indexOfId(ids, id)).toBe(i));
    for (const missing of [-1, 1, 3, 9, 12, 16]) expect(indexOfId(ids, missing)).toBe(-1);
    expect(indexOfId([], 0)).toBe(-1);
  });

  it('agrees with indexOf on a long list', () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => i * 3 + (i % 2));
    for (const id of [0, 4, 299_998, 150_001, 150_000, 7]) expect(indexOfId(ids, id)).toBe(ids.indexOf(id));
  });
});
