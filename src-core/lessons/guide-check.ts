/**
 * A guide's checks, each problem at the JSON path of the value at fault, in
 * two kinds:
 * - errors, which the loader reports (scenario/references.ts calls this):
 *   summary patterns are regular expressions; formulas parse, use only
 *   their own names, and an expression binding only the names above it;
 *   formula ids are unique; sweeps and the prediction name a formula of the
 *   guide;
 * - references to the rest of the scenario, which are warnings (`warn`):
 *   queries name existing nodes; parameter paths resolve to a number or a
 *   true/false (an edit's may also set a string: a mode). An edit elsewhere
 *   (an action deleted, a node renamed) must not stop the scenario from
 *   running because its guide points at what is gone: the lesson panel lists
 *   these, and the formula or step concerned says it has no value or event.
 * Whether a query matches anything can only be known from a run: the lesson
 * tests check that (lessons/guides.test.ts).
 */
import { formatPath, type PathSegment } from '../scenario/errors';
import { quote } from '../scenario/describe-value';
import { getAt } from '../editor/json-path';
import { parseFormula } from './expression';
import type { Guide, Measure, TraceQuery } from './guide-schema';
import { resolveParameterPath } from './parameter-path';
import { patternError } from './trace-query';

type Path = readonly PathSegment[];

export interface GuideCheckContext {
  /** The scenario (links with their ids), for parameter paths. */
  readonly scenario: unknown;
  readonly nodeIds: ReadonlySet<string>;
  /** An error: the file does not load. */
  readonly report: (path: Path, message: string) => void;
  /** A reference to something the scenario does not have. */
  readonly warn: (path: Path, message: string) => void;
}

function checkQuery(ctx: GuideCheckContext, path: Path, q: TraceQuery): void {
  for (const key of ['from', 'to', 'node'] as const) {
    const id = q[key];
    if (id !== undefined && !ctx.nodeIds.has(id)) ctx.warn([...path, key], `unknown node ${quote(id)}`);
  }
  if (q.summary !== undefined) {
    const error = patternError(q.summary);
    if (error !== null) ctx.report([...path, 'summary'], `not a regular expression: ${error}`);
  }
}

function checkMeasure(ctx: GuideCheckContext, path: Path, m: Measure): void {
  if ('metric' in m) {
    if (m.node !== undefined && !ctx.nodeIds.has(m.node)) ctx.warn([...path, 'node'], `unknown node ${quote(m.node)}`);
    if (m.nth === 0) ctx.report([...path, 'nth'], 'expected a match number: 1 the first, -1 the last (not 0)');
  } else if ('elapsed' in m) {
    checkQuery(ctx, [...path, 'elapsed', 'from', 'event'], m.elapsed.from.event);
    checkQuery(ctx, [...path, 'elapsed', 'to', 'event'], m.elapsed.to.event);
  } else checkQuery(ctx, [...path, 'count'], m.count);
}

/** `strings`: an edit may set a text (a mode); a formula's parameter must be a number or true/false. */
function checkParameter(ctx: GuideCheckContext, path: Path, parameter: string, strings: boolean): void {
  const resolved = resolveParameterPath(ctx.scenario, parameter);
  if (!resolved.ok) {
    ctx.warn(path, resolved.error);
    return;
  }
  const value = getAt(ctx.scenario, resolved.path);
  const fits = typeof value === 'number' || typeof value === 'boolean' || (strings && (typeof value === 'string' || value === undefined));
  if (!fits) ctx.warn(path, `${parameter} is ${value === undefined ? 'not set' : JSON.stringify(value)}; expected a number${strings ? ', true or false, or a text' : ' or true or false'}`);
}

function checkFormulas(ctx: GuideCheckContext, base: Path, guide: Guide): void {
  const ids = new Map<string, number>();
  guide.formulas.forEach((formula, i) => {
    const path = [...base, 'formulas', i];
    const same = ids.get(formula.id);
    if (same === undefined) ids.set(formula.id, i);
    else ctx.report([...path, 'id'], `duplicate formula id ${quote(formula.id)} (formulas[${same}] has it already)`);
    const above: string[] = [];
    for (const [name, binding] of Object.entries(formula.names)) {
      const at = [...path, 'names', name];
      if ('parameter' in binding) checkParameter(ctx, [...at, 'parameter'], binding.parameter, false);
      else if ('measured' in binding) checkMeasure(ctx, [...at, 'measured'], binding.measured);
      else if ('expression' in binding) {
        const parsed = parseFormula(binding.expression, above);
        if (!parsed.ok) ctx.report([...at, 'expression'], `${parsed.error.message} (at character ${parsed.error.offset + 1}; an expression may use the names above it)`);
      }
      above.push(name);
    }
    const parsed = parseFormula(formula.expression, Object.keys(formula.names));
    if (!parsed.ok) ctx.report([...path, 'expression'], `${parsed.error.message} (at character ${parsed.error.offset + 1})`);
    checkMeasure(ctx, [...path, 'simulated'], formula.simulated);
    formula.assumptions.forEach((a, j) => {
      if (a.check === 'parameter') checkParameter(ctx, [...path, 'assumptions', j, 'parameter'], a.parameter, true);
      else if (a.of !== undefined) checkQuery(ctx, [...path, 'assumptions', j, 'of'], a.of);
    });
  });
  const requireFormula = (path: Path, id: string) => {
    if (!ids.has(id)) ctx.report(path, `unknown formula ${quote(id)} (the guide's formulas: ${[...ids.keys()].map(quote).join(', ') || 'none'})`);
  };
  guide.sweeps.forEach((sweep, i) => {
    checkParameter(ctx, [...base, 'sweeps', i, 'parameter'], sweep.parameter, false);
    requireFormula([...base, 'sweeps', i, 'formula'], sweep.formula);
  });
  if (guide.predict !== undefined) requireFormula([...base, 'predict', 'formula'], guide.predict.formula);
}

/** Every problem of `guide` (at `base`, the guide's own path) goes to ctx.report. */
export function checkGuide(ctx: GuideCheckContext, base: Path, guide: Guide): void {
  guide.steps.forEach((step, i) => checkQuery(ctx, [...base, 'steps', i, 'at'], step.at));
  guide.tryThis.forEach((t, i) => {
    if (t.edit !== undefined) checkParameter(ctx, [...base, 'tryThis', i, 'edit', 'parameter'], t.edit.parameter, true);
  });
  checkFormulas(ctx, base, guide);
}

/** The guide's references to things its scenario does not have (loaded: links with their ids), for the lesson panel. */
export function guideWarnings(scenario: { readonly nodes: readonly { readonly id: string }[]; readonly guide?: Guide }): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (scenario.guide === undefined) return out;
  checkGuide(
    { scenario, nodeIds: new Set(scenario.nodes.map((n) => n.id)), report: () => undefined, warn: (path, message) => out.push({ path: formatPath(path), message }) },
    ['guide'],
    scenario.guide,
  );
  return out;
}
