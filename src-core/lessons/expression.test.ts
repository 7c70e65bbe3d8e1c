import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateFormula, parseFormula, substitute, type Formula } from './expression';

const formula = (text: string, known?: string[]): Formula => {
  const parsed = parseFormula(text, known);
  if (!parsed.ok) throw new Error(`${parsed.error.message} at ${parsed.error.offset}`);
  return parsed.formula;
};
const refusal = (text: string, known?: string[]) => {
  const parsed = parseFormula(text, known);
  return parsed.ok ? null : parsed.error;
};

describe('formulas: arithmetic on known names, nothing else', () => {
  it('evaluates the course\'s formulas with the scenario\'s numbers', () => {
    // a non-persistent page of 10 objects: 2 RTT per object; an iterative lookup: the sum of the RTTs
    expect(evaluateFormula(formula('(1 + objects) * 2 * rtt'), { objects: 10, rtt: 0.05 })).toEqual({ ok: true, value: 1.1 });
    expect(evaluateFormula(formula('rttRoot + rttTld + rttAuth + 2 * dLocal'), { rttRoot: 0.1, rttTld: 0.2, rttAuth: 0.3, dLocal: 0.01 })).toMatchObject({ ok: true });
    expect(evaluateFormula(formula('max(N * F / us, F / dmin)'), { N: 10, F: 8e6, us: 1e6, dmin: 2e6 })).toEqual({ ok: true, value: 80 });
    expect(evaluateFormula(formula('-x + +y - pow(2, 3) / ceil(1.2)'), { x: 1, y: 5 })).toEqual({ ok: true, value: 0 });
    expect(formula('a * b + a').names).toEqual(['a', 'b']);
  });

  it('refuses anything that is not arithmetic, saying what and where', () => {
    expect(refusal('a ^ 2')).toEqual({ message: '"^" is not arithmetic: a formula may use + - * / and parentheses (a power is pow(a, b))', offset: 2 });
    expect(refusal('rtt * delay', ['rtt'])).toEqual({ message: 'unknown name "delay" (known: rtt)', offset: 6 });
    expect(refusal('alert(1)')?.message).toBe('only the functions min, max, ceil, floor, abs, sqrt, log2, pow may be called');
    expect(refusal('constructor(1)')?.message).toMatch(/^only the functions/);
    expect(refusal('max(1)')?.message).toBe('max takes 2 arguments, got 1');
    expect(refusal('"text"')?.message).toBe('only numbers may stand in a formula, not "text"');
    expect(refusal('a.b')?.message).toMatch(/may not hold$/);
    expect(refusal('a = 1')).not.toBeNull();
    expect(refusal('a < b')?.message).toMatch(/^"<" is not arithmetic/);
    expect(refusal('a ? b : c')).not.toBeNull();
    expect(refusal('[1, 2]')).not.toBeNull();
    expect(refusal('this')).not.toBeNull();
    expect(refusal('a, b')).not.toBeNull();
    expect(refusal('')).toEqual({ message: 'the formula is empty', offset: 0 });
    expect(refusal('(a + ')).toMatchObject({ offset: 5 });
    expect(refusal('2e308 * a')).toEqual({ message: '2e308 is too large a number', offset: 0 }); // (found by the fuzzer: it read as Infinity)
  });

  it('gives an error, never NaN or Infinity, for a missing value or a value outside the domain', () => {
    const f = formula('L / R');
    expect(evaluateFormula(f, { L: 1 })).toEqual({ ok: false, error: { message: 'no value for "R"', offset: 4 } });
    expect(evaluateFormula(f, { L: 1, R: 0 })).toMatchObject({ ok: false });
    expect(evaluateFormula(formula('sqrt(x)'), { x: -1 })).toMatchObject({ ok: false });
  });

  it('writes the numbers into the formula, with the parentheses the tree needs', () => {
    const show = (n: string) => ({ a: '1 s', b: '2 s', c: '3' })[n] ?? n;
    expect(substitute(formula('(a + b) * c'), show)).toBe('(1 s + 2 s) × 3');
    expect(substitute(formula('a - (b - c)'), show)).toBe('1 s − (2 s − 3)');
    expect(substitute(formula('a / b / c'), show)).toBe('1 s ÷ 2 s ÷ 3');
    expect(substitute(formula('max(a, b * c)'), show)).toBe('max(1 s, 2 s × 3)');
  });

  it('agrees with JavaScript\'s own arithmetic on random + - * / trees, and the written form means the same', () => {
    type Tree = { op: string; l: Tree; r: Tree } | { n: number } | { v: 'x' | 'y' };
    const tree: fc.Arbitrary<Tree> = fc.letrec<{ t: Tree }>((tie) => ({
      t: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.integer({ min: 0, max: 99 }).map((n) => ({ n })), fc.constantFrom<'x' | 'y'>('x', 'y').map((v) => ({ v })), fc.record({ op: fc.constantFrom('+', '-', '*', '/'), l: tie('t'), r: tie('t') })),
    })).t;
    const js = (t: Tree, x: number, y: number): number => ('n' in t ? t.n : 'v' in t ? (t.v === 'x' ? x : y) : t.op === '+' ? js(t.l, x, y) + js(t.r, x, y) : t.op === '-' ? js(t.l, x, y) - js(t.r, x, y) : t.op === '*' ? js(t.l, x, y) * js(t.r, x, y) : js(t.l, x, y) / js(t.r, x, y));
    const text = (t: Tree): string => ('n' in t ? String(t.n) : 'v' in t ? t.v : `(${text(t.l)} ${t.op} ${text(t.r)})`);
    fc.assert(
      fc.property(tree, fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), (t, x, y) => {
        const expected = js(t, x, y);
        const got = evaluateFormula(formula(text(t)), { x, y });
        if (!Number.isFinite(expected)) {
          expect(got.ok).toBe(false);
          return;
        }
        expect(got).toEqual({ ok: true, value: expected });
        // the written form, read back with its symbols as operators, has the same value
        const back = substitute(formula(text(t)), (n) => n).replace(/×/g, '*').replace(/÷/g, '/').replace(/−/g, '-');
        expect(evaluateFormula(formula(back), { x, y })).toEqual({ ok: true, value: expected });
      }),
      { numRuns: 300 },
    );
  });
});
