import { describe, expect, it } from 'vitest';
import { movedRow, WATERFALL_KEYS } from './keys';

describe('the waterfall’s keys', () => {
  it('move the focused row within the list, and Enter or Space shows the row’s message', () => {
    expect(movedRow(WATERFALL_KEYS['ArrowDown']!, 0, 11, 5)).toBe(1);
    expect(movedRow(WATERFALL_KEYS['ArrowDown']!, 10, 11, 5)).toBe(10);
    expect(movedRow(WATERFALL_KEYS['ArrowUp']!, 0, 11, 5)).toBe(0);
    expect(movedRow(WATERFALL_KEYS['PageDown']!, 8, 11, 5)).toBe(10);
    expect(movedRow(WATERFALL_KEYS['PageUp']!, 3, 11, 5)).toBe(0);
    expect(movedRow(WATERFALL_KEYS['End']!, 0, 11, 5)).toBe(10);
    expect(movedRow(WATERFALL_KEYS['Home']!, 7, 11, 5)).toBe(0);
    expect(movedRow(WATERFALL_KEYS['Enter']!, 7, 11, 5)).toBeNull();
    expect(WATERFALL_KEYS[' ']).toBe('show');
  });
});
