import { describe, expect, it } from 'vitest';
import { visibleRange } from './useVirtualRows';

describe('visibleRange', () => {
  it('covers the rows in view plus a margin', () => {
    expect(visibleRange(0, 280, 28, 1000, 8)).toEqual({ start: 0, end: 18 });
    expect(visibleRange(28 * 500, 280, 28, 1000, 8)).toEqual({ start: 492, end: 518 });
  });
  it('stays inside the list', () => {
    expect(visibleRange(28 * 995, 280, 28, 1000, 8)).toEqual({ start: 987, end: 1000 });
    expect(visibleRange(0, 280, 28, 0, 8)).toEqual({ start: 0, end: 0 });
    expect(visibleRange(0, 280, 28, 5, 8)).toEqual({ start: 0, end: 5 });
  });
  it('renders 10^6 rows as a window of a few dozen', () => {
    const { start, end } = visibleRange(28 * 600_000, 800, 28, 1_000_000);
    expect(end - start).toBeLessThan(50);
  });
});
