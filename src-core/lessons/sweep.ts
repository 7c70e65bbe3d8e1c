/**
 * Parameter sweeps (issue 13): the same scenario run once per value of one
 * parameter, a formula's simulated value measured in each run and its
 * computed value beside it, for a plot of measured points on the formula's
 * line.
 *
 * Rules:
 * - A variant is the scenario file's value with the one parameter set
 *   (json-path setAt on the resolved path), validated like any file: a value
 *   the loader refuses (a negative delay) is that point's error, located,
 *   and the sweep goes on.
 * - Runs happen one after another through `runOne` (the host's worker in
 *   the app, runScenario in tests and the command line); each uses the
 *   scenario's own seed, so the same sweep gives the same points.
 * - Cancelling stops before the next run; the points so far are kept and the
 *   result says it was cancelled.
 * - The formula's line is drawn through more x values than were run, when
 *   the formula needs nothing measured (only parameters): `formulaLine`.
 */
import { setAt } from '../editor/json-path';
import { validateScenario, type Scenario } from '../scenario/load';
import { formatIssue } from '../scenario/errors';
import type { GuideFormula } from './guide-schema';
import { evaluateGuideFormula } from './formula-result';
import type { RunRecord } from './measure';
import { readParameter, resolveParameterPath } from './parameter-path';

/** A value to set: a number, true/false, or a choice (a mode such as "persistent"). */
export type SweepValue = number | boolean | string;

export interface SweepPoint {
  /** The value as the file writes it (ms for a delay). */
  readonly value: SweepValue;
  readonly computed: number | null;
  readonly simulated: number | null;
  /** Why the point has no simulated value (the variant did not load, the run failed, the measure found nothing). */
  readonly error: string | null;
}

export interface SweepResult {
  readonly points: readonly SweepPoint[];
  readonly cancelled: boolean;
}

export type Variant = { readonly ok: true; readonly scenario: Scenario; readonly input: unknown } | { readonly ok: false; readonly error: string };

/** The scenario file's value with `parameter` set to `value`, loaded and checked. */
export function sweepVariant(input: unknown, parameter: string, value: SweepValue): Variant {
  const resolved = resolveParameterPath(input, parameter);
  if (!resolved.ok) return { ok: false, error: `${parameter}: ${resolved.error}` };
  const changed = setAt(input, resolved.path, value);
  const loaded = validateScenario(changed);
  if (!loaded.ok) return { ok: false, error: `with ${parameter} = ${String(value)}: ${loaded.issues.map((issue) => formatIssue(issue)).join('; ')}` };
  return { ok: true, scenario: loaded.scenario, input: changed };
}

export interface SweepOptions {
  /** Called after each run with the runs done so far. */
  readonly onProgress?: (done: number, total: number, point: SweepPoint) => void;
  /** Read before each run: true stops the sweep there. */
  readonly cancelled?: () => boolean;
}

/** A run of one variant: its record, or why it has none. */
export type RunOne = (scenario: Scenario, input: unknown, index: number) => Promise<RunRecord | { readonly error: string }>;

export async function runSweep(input: unknown, parameter: string, values: readonly SweepValue[], formula: GuideFormula, runOne: RunOne, options: SweepOptions = {}): Promise<SweepResult> {
  const points: SweepPoint[] = [];
  for (const [index, value] of values.entries()) {
    if (options.cancelled?.() === true) return { points, cancelled: true };
    const variant = sweepVariant(input, parameter, value);
    let point: SweepPoint;
    if (!variant.ok) point = { value, computed: null, simulated: null, error: variant.error };
    else {
      const record = await runOne(variant.scenario, variant.input, index);
      if ('error' in record) point = { value, computed: evaluateGuideFormula(formula, variant.scenario, null).computed, simulated: null, error: record.error };
      else {
        const result = evaluateGuideFormula(formula, variant.scenario, record);
        point = { value, computed: result.computed, simulated: result.simulated, error: result.simulated === null ? result.error : null };
      }
    }
    points.push(point);
    options.onProgress?.(points.length, values.length, point);
  }
  return { points, cancelled: false };
}

/** Whether the formula needs only parameters (no measured names): then its line can be drawn anywhere. */
export function needsNoRun(formula: GuideFormula): boolean {
  return Object.values(formula.names).every((b) => !('measured' in b));
}

/**
 * The formula's computed value at `samples` evenly spaced values from the
 * smallest to the largest swept value, plus the swept ones, in order; empty
 * when the formula needs measured values (draw it through the points then).
 */
export function formulaLine(input: unknown, parameter: string, values: readonly number[], formula: GuideFormula, samples = 40): { x: number; y: number }[] {
  if (!needsNoRun(formula) || values.length === 0) return [];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const xs = new Set<number>(values);
  for (let i = 0; i <= samples; i++) xs.add(lo + ((hi - lo) * i) / samples);
  const line: { x: number; y: number }[] = [];
  for (const x of [...xs].sort((a, b) => a - b)) {
    const variant = sweepVariant(input, parameter, x);
    if (!variant.ok) continue;
    const y = evaluateGuideFormula(formula, variant.scenario, null).computed;
    if (y !== null) line.push({ x, y });
  }
  return line;
}

/** Evenly spaced values from `from` to `to` (both included), `count` of them; rounded to 9 significant digits so 0.1 steps print as 0.1. */
export function valueRange(from: number, to: number, count: number): number[] {
  if (count < 2) return [from];
  return Array.from({ length: count }, (_, i) => Number((from + ((to - from) * i) / (count - 1)).toPrecision(9)));
}

/** The current value of the swept parameter in a loaded scenario, as the file writes it. */
export function currentValue(scenario: Scenario, parameter: string): unknown {
  const read = readParameter(scenario, parameter);
  return read.ok ? read.raw : undefined;
}
