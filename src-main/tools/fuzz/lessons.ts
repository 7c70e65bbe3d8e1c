/**
 * Fuzz targets of what a scenario file's text reaches before any engine:
 * the loader (shape, references, the guide's checks) and a lesson guide's
 * formulas (src-core/lessons). Inputs are text; a file the loader refuses
 * and a formula the parser refuses are 'rejected'.
 *
 * Checks:
 * - scenario.load: never throws, and an accepted file loads again the same
 *   from its own canonical value (JSON.stringify of what was read);
 * - lessons.formula: an accepted formula evaluates to a finite number or a
 *   typed error, and its written-out form (× ÷ − read back as * / -) means
 *   the same;
 * - lessons.guide: a guide (or the lesson's own with one leaf replaced by
 *   the input) that loads inside the iterative DNS lesson has every formula
 *   worked out and every step looked up against that lesson's run without
 *   an exception.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateFormula, parseFormula, substitute } from '../../../src-core/lessons/expression';
import { evaluateGuideFormula } from '../../../src-core/lessons/formula-result';
import { findEvent } from '../../../src-core/lessons/trace-query';
import { parseScenarioBytes, validateScenario } from '../../../src-core/scenario/load';
import { runScenario } from '../../../src-core/scenario/runner';
import type { TraceContent } from '../../../src-core/trace/json';
import { setAt } from '../../../src-core/editor/json-path';
import { check, inputRng, type FuzzTarget } from './target';

const LESSONS = join(import.meta.dirname, '../../../resources/lessons');
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });

function lessonTexts(): string[] {
  return readdirSync(LESSONS)
    .filter((f) => f.endsWith('.l7.json'))
    .sort()
    .map((f) => readFileSync(join(LESSONS, f), 'utf8'));
}

/** Every formula and expression binding of the built-in guides. */
function formulaSeeds(): Uint8Array[] {
  const out = new Set<string>(['2 * rtt + L / R', 'max(a, b) - min(a, b)', 'pow(2, n) / 3', '(1 + N) * (2 * rtt)']);
  for (const text of lessonTexts()) {
    const guide = (JSON.parse(text) as { guide?: { formulas?: { expression: string; names: Record<string, { expression?: string }> }[] } }).guide;
    for (const f of guide?.formulas ?? []) {
      out.add(f.expression);
      for (const b of Object.values(f.names)) if (b.expression !== undefined) out.add(b.expression);
    }
  }
  return [...out].map((s) => encoder.encode(s));
}

function guideSeeds(): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const text of lessonTexts()) {
    const guide = (JSON.parse(text) as { guide?: unknown }).guide;
    if (guide !== undefined) out.push(encoder.encode(JSON.stringify(guide)));
  }
  return out;
}

const NAME = /[A-Za-z_][A-Za-z0-9_]*/g;

function formulaTarget(): FuzzTarget {
  return {
    name: 'lessons.formula',
    seeds: formulaSeeds,
    dictionary: () => ['(', ')', '*', '/', '+', '-', 'min(', 'pow(', ',', '1e308', '0', '.', 'rtt', '**', '^', '"x"', 'a.b', 'f()', '[1]'].map((s) => encoder.encode(s)),
    run(input) {
      const text = decoder.decode(input);
      const names = [...new Set(text.match(NAME) ?? [])];
      const parsed = parseFormula(text, names);
      if (!parsed.ok) return 'rejected';
      const rng = inputRng(input);
      const values: Record<string, number> = {};
      for (const n of parsed.formula.names) values[n] = rng.nextInt(0, 2000) / 10 - 100;
      const value = evaluateFormula(parsed.formula, values);
      if (value.ok) check(Number.isFinite(value.value), () => `${text}: value ${value.value} is not finite`);
      const back = substitute(parsed.formula, (n) => n).replace(/×/g, '*').replace(/÷/g, '/').replace(/−/g, '-');
      const again = parseFormula(back, names);
      check(again.ok, () => `${text}: written out as ${back}, which does not parse`);
      const reread = evaluateFormula(again.formula, values);
      check(reread.ok === value.ok && (!value.ok || !reread.ok || Object.is(reread.value, value.value)), () => `${text}: ${back} has another value`);
      return value.ok ? 'ok' : 'rejected';
    },
  };
}

/** Every path to a leaf (a string, number or boolean) of a JSON value. */
function leaves(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) leaves(v, [...path, Array.isArray(value) ? Number(k) : k], out);
  } else out.push(path);
  return out;
}

/**
 * Random JSON text rarely parses, so an input that is not a guide is a patch
 * of the lesson's own guide instead: its text, or a number read from it, put
 * at a leaf the input's hash picks (a query's summary pattern, a formula, a
 * parameter path, an nth …).
 */
function patched(guide: unknown, input: Uint8Array): unknown {
  const paths = leaves(guide);
  const rng = inputRng(input);
  const path = paths[rng.nextInt(0, paths.length - 1)]!;
  const text = decoder.decode(input);
  const asNumber = Number(text);
  const value = rng.chance(0.3) && Number.isFinite(asNumber) ? asNumber : text;
  return setAt(guide, path, value);
}

function guideTarget(): FuzzTarget {
  const lesson = JSON.parse(readFileSync(join(LESSONS, 'dns-iterative.l7.json'), 'utf8')) as Record<string, unknown>;
  let trace: TraceContent | null = null;
  return {
    name: 'lessons.guide',
    seeds: () => [...guideSeeds(), ...formulaSeeds(), ...['^Standard', '(', 'links[router-root].delayMs', '-1', '0', 'nodes[local].services[0].mode'].map((s) => encoder.encode(s))],
    run(input) {
      let guide: unknown;
      try {
        guide = JSON.parse(decoder.decode(input));
      } catch {
        guide = patched(lesson['guide'], input);
      }
      const loaded = validateScenario({ ...lesson, guide });
      if (!loaded.ok) return 'rejected';
      const g = loaded.scenario.guide;
      if (g === undefined) return 'rejected';
      trace ??= runScenario(loaded.scenario).trace();
      for (const step of g.steps) findEvent(trace.events, step.at);
      for (const f of g.formulas) evaluateGuideFormula(f, loaded.scenario, trace);
      return 'ok';
    },
  };
}

/**
 * The lessons written compactly, without their descriptions, and again without
 * their guides, so that most fit the mutator's input size (4 KiB): a seed
 * longer than that is never used.
 */
function loadSeeds(): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const text of lessonTexts()) {
    const { description: _d, ...rest } = JSON.parse(text) as Record<string, unknown>;
    const { guide: _g, ...bare } = rest;
    out.push(encoder.encode(JSON.stringify(rest)), encoder.encode(JSON.stringify(bare)), encoder.encode(text));
  }
  return out;
}

function loadTarget(): FuzzTarget {
  return {
    name: 'scenario.load',
    seeds: loadSeeds,
    dictionary: () => ['"guide"', '"nodes"', '"links"', '"workload"', '[', ']', '{', '}', ',', ':', 'null', '1e999', '-0', '"\\u0000"', '\ufeff'].map((s) => encoder.encode(s)),
    run(input) {
      const result = parseScenarioBytes(input);
      if (!result.ok) {
        check(result.issues.length > 0, () => 'refused with no issue');
        return 'rejected';
      }
      const again = validateScenario(JSON.parse(JSON.stringify(result.scenario)));
      check(again.ok, () => `a loaded scenario does not load again: ${again.ok ? '' : JSON.stringify(again.issues.slice(0, 2))}`);
      return 'ok';
    },
  };
}

export function lessonTargets(): FuzzTarget[] {
  return [formulaTarget(), guideTarget(), loadTarget()];
}
