import { describe, expect, it } from 'vitest';
import { offsetOf, useSourceJump } from './useSourceJump';

describe('offsetOf', () => {
  const text = 'ab\ncdef\n\nxyz';
  it('finds 1-based line and column', () => {
    expect(offsetOf(text, 1, 1)).toBe(0);
    expect(offsetOf(text, 2, 3)).toBe(5);
    expect(offsetOf(text, 4, 2)).toBe(10);
  });
  it('clamps to the line and the text', () => {
    expect(offsetOf(text, 1, 99)).toBe(2);
    expect(offsetOf(text, 3, 5)).toBe(8);
    expect(offsetOf(text, 99, 1)).toBe(text.length);
  });
});

describe('useSourceJump', () => {
  it('makes every request distinct, even for the same place', () => {
    const jump = useSourceJump();
    jump.jumpTo(3, 2);
    const first = jump.place.value;
    jump.jumpTo(3, 2);
    expect(jump.place.value).toMatchObject({ line: 3, column: 2 });
    expect(jump.place.value).not.toBe(first);
  });
});
