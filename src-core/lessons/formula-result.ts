/**
 * A guide's formula worked out for one scenario and, once it has run, its
 * trace: each name's value (a parameter from the scenario, a value measured
 * in the run, an expression over names before it, a constant), the formula
 * with those numbers in it, its value, the simulated value, their
 * difference, whether they agree within the formula's tolerance, and
 * whether its assumptions held. Everything is in SI units (seconds, bit/s,
 * bytes); the panel formats it.
 *
 * Without a run, names bound to measured values have none, and so neither
 * has the formula nor the simulation: the panel shows the formula and the
 * parameters it will use.
 */
import type { MetricUnit } from '../trace/types';
import { checkAssumption, type AssumptionResult } from './assumptions';
import { evaluateFormula, parseFormula, substitute } from './expression';
import { unitOfFormula } from './expression-unit';
import type { Binding, GuideFormula } from './guide-schema';
import { describeMeasure, measure, type RunRecord } from './measure';
import { readParameter, siUnitOf } from './parameter-path';
import { formatQuantity } from './quantity';

export interface NameValue {
  readonly name: string;
  readonly kind: 'parameter' | 'measured' | 'expression' | 'value';
  /** Where it comes from: the parameter path, the measure in words, the expression. */
  readonly source: string;
  readonly value: number | null;
  readonly unit: MetricUnit | null;
  /** Why there is no value (no run yet, or the reason given). */
  readonly missing?: string;
  /** An expression's numbers in place: "2 × (4 ms + 20 ms)". */
  readonly substituted?: string;
}

export interface FormulaResult {
  readonly formula: GuideFormula;
  readonly names: readonly NameValue[];
  /** The formula with each name's value and unit in its place, once every name has a value. */
  readonly substituted: string | null;
  readonly computed: number | null;
  readonly simulated: number | null;
  /** simulated − computed. */
  readonly difference: number | null;
  /** difference / computed (null when computed is 0). */
  readonly relative: number | null;
  /** Within the tolerance; null until both values exist. */
  readonly agrees: boolean | null;
  readonly assumptions: readonly AssumptionResult[];
  /** Why the formula has no value, when it has none and a run exists (a name without a value, a division by zero). */
  readonly error: string | null;
}

function bindingValue(name: string, binding: Binding, scenario: unknown, run: RunRecord | null, known: Readonly<Record<string, number>>, units: ReadonlyMap<string, MetricUnit | null>): NameValue {
  if ('parameter' in binding) {
    const read = readParameter(scenario, binding.parameter);
    if (!read.ok) return { name, kind: 'parameter', source: binding.parameter, value: null, unit: null, missing: read.error };
    if (read.si === null) return { name, kind: 'parameter', source: binding.parameter, value: null, unit: null, missing: `${binding.parameter} is ${JSON.stringify(read.raw) ?? 'absent'}, not a number` };
    return { name, kind: 'parameter', source: binding.parameter, value: read.si, unit: siUnitOf(binding.parameter) };
  }
  if ('measured' in binding) {
    const source = describeMeasure(binding.measured);
    if (run === null) return { name, kind: 'measured', source, value: null, unit: null, missing: 'measured in the run' };
    const m = measure(run, binding.measured);
    return m.ok ? { name, kind: 'measured', source, value: m.value, unit: m.unit } : { name, kind: 'measured', source, value: null, unit: null, missing: m.reason };
  }
  if ('expression' in binding) {
    const parsed = parseFormula(binding.expression, [...units.keys()]);
    if (!parsed.ok) return { name, kind: 'expression', source: binding.expression, value: null, unit: null, missing: parsed.error.message };
    const without = parsed.formula.names.find((n) => known[n] === undefined);
    if (without !== undefined) return { name, kind: 'expression', source: binding.expression, value: null, unit: null, missing: `${without} has no value` };
    const v = evaluateFormula(parsed.formula, known);
    if (!v.ok) return { name, kind: 'expression', source: binding.expression, value: null, unit: null, missing: v.error.message };
    const unitOf = (n: string) => units.get(n) ?? null;
    const substituted = substitute(parsed.formula, (n) => formatQuantity(known[n]!, unitOf(n)));
    return { name, kind: 'expression', source: binding.expression, value: v.value, unit: unitOfFormula(parsed.formula, unitOf), substituted };
  }
  return { name, kind: 'value', source: String(binding.value), value: binding.value, unit: null };
}

/** The formula for this scenario (a loaded one: defaults filled in) and, when given, its run. */
export function evaluateGuideFormula(formula: GuideFormula, scenario: unknown, run: RunRecord | null): FormulaResult {
  const known: Record<string, number> = {};
  const units = new Map<string, MetricUnit | null>();
  const names: NameValue[] = [];
  for (const [name, binding] of Object.entries(formula.names)) {
    const nv = bindingValue(name, binding, scenario, run, known, units);
    names.push(nv);
    units.set(name, nv.unit);
    if (nv.value !== null) known[name] = nv.value;
  }
  const parsed = parseFormula(formula.expression, Object.keys(formula.names));
  const empty = { formula, names, substituted: null, computed: null, simulated: null, difference: null, relative: null, agrees: null };
  if (!parsed.ok) return { ...empty, assumptions: [], error: parsed.error.message };
  // the first name without a value, in the order they are declared: the root of a chain of expressions without one
  const missing = parsed.formula.names.some((n) => known[n] === undefined) ? names.find((n) => n.value === null) : undefined;
  const byName = new Map(names.map((n) => [n.name, n]));
  const substituted = missing === undefined ? substitute(parsed.formula, (n) => formatQuantity(known[n]!, byName.get(n)?.unit ?? null)) : null;
  const evaluated = missing === undefined ? evaluateFormula(parsed.formula, known) : null;
  const computed = evaluated?.ok === true ? evaluated.value : null;
  const simulatedValue = run === null ? null : measure(run, formula.simulated);
  const simulated = simulatedValue?.ok === true ? simulatedValue.value : null;
  const difference = computed !== null && simulated !== null ? simulated - computed : null;
  const relative = difference !== null && computed !== null && computed !== 0 ? difference / computed : null;
  const agrees = difference === null || computed === null ? null : Math.abs(difference) <= formula.tolerance * Math.abs(computed) + 1e-12;
  const assumptions = run === null ? [] : formula.assumptions.map((a) => checkAssumption(run, a));
  let error: string | null = null;
  if (run !== null) {
    if (missing !== undefined) error = `${missing.name}: ${missing.missing ?? 'no value'}`;
    else if (evaluated !== null && !evaluated.ok) error = evaluated.error.message;
    else if (simulatedValue !== null && !simulatedValue.ok) error = `simulated: ${simulatedValue.reason}`;
  }
  return { formula, names, substituted, computed, simulated, difference, relative, agrees, assumptions, error };
}
