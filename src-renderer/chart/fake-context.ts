/**
 * A recording stand-in for CanvasRenderingContext2D, for painter tests in
 * Node: every method call and property assignment is recorded in order;
 * measureText measures 6 px per character.
 */
import type { PaintContext } from './paint';

export type Call = { readonly name: string; readonly args: readonly unknown[] };

export function fakeContext(): { ctx: PaintContext; calls: Call[]; texts: () => string[]; state: Record<string, unknown> } {
  const calls: Call[] = [];
  const state: Record<string, unknown> = {};
  const target: Record<string, unknown> = {
    measureText: (text: string) => ({ width: text.length * 6 }),
  };
  const ctx = new Proxy(target, {
    get(t, name: string) {
      if (name in t) {
        const value = t[name];
        if (typeof value === 'function') {
          return (...args: unknown[]) => {
            calls.push({ name, args });
            return (value as (...a: unknown[]) => unknown)(...args);
          };
        }
        return value;
      }
      if (name in state) return state[name];
      return (...args: unknown[]) => void calls.push({ name, args });
    },
    set(_t, name: string, value: unknown) {
      state[name] = value;
      calls.push({ name: `set:${name}`, args: [value] });
      return true;
    },
  }) as unknown as PaintContext;
  const texts = () => calls.filter((c) => c.name === 'fillText').map((c) => String(c.args[0]));
  return { ctx, calls, texts, state };
}
