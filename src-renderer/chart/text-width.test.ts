import { describe, expect, it } from 'vitest';
import { ellipsizeIn, textWidth, WIDTH_CACHE_LIMIT } from './text-width';

/** A context measuring 6 px a character (7 for "…"), counting its calls. */
function measurer() {
  const calls: string[] = [];
  return {
    calls,
    ctx: {
      measureText(text: string) {
        calls.push(text);
        return { width: [...text].reduce((w, c) => w + (c === '…' ? 7 : 6), 0) };
      },
    },
  };
}

describe('text width cache', () => {
  it('measures a text once per context and font', () => {
    const { ctx, calls } = measurer();
    expect(textWidth(ctx, 'a', 'hello')).toBe(30);
    expect(textWidth(ctx, 'a', 'hello')).toBe(30);
    expect(calls).toEqual(['hello']);
    textWidth(ctx, 'b', 'hello');
    expect(calls).toEqual(['hello', 'hello']);
    const other = measurer();
    textWidth(other.ctx, 'a', 'hello');
    expect(other.calls).toEqual(['hello']);
  });

  it('stays bounded: a font’s table starts over past the limit', () => {
    const { ctx, calls } = measurer();
    for (let i = 0; i <= WIDTH_CACHE_LIMIT; i++) textWidth(ctx, 'f', `t${i}`);
    textWidth(ctx, 'f', 't0');
    expect(calls).toHaveLength(WIDTH_CACHE_LIMIT + 2);
  });

  it('ellipsizes at the longest prefix that fits, and measures nothing twice', () => {
    const { ctx, calls } = measurer();
    expect(ellipsizeIn(ctx, 'f', 'abcdefghij', 60)).toBe('abcdefghij');
    expect(ellipsizeIn(ctx, 'f', 'abcdefghij', 59)).toBe('abcdefgh…'); // 8 × 6 + 7 = 55
    expect(ellipsizeIn(ctx, 'f', 'abcdefghij', 13)).toBe('a…'); // 6 + 7
    expect(ellipsizeIn(ctx, 'f', 'abcdefghij', 18.9)).toBe('a…');
    expect(ellipsizeIn(ctx, 'f', 'abcdefghij', 12)).toBe('');
    const measured = calls.length;
    ellipsizeIn(ctx, 'f', 'abcdefghij', 59);
    ellipsizeIn(ctx, 'f', 'abcdefghij', 13);
    expect(calls).toHaveLength(measured);
    expect(new Set(calls).size).toBe(calls.length);
  });
});
