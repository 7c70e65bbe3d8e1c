/**
 * Scenario parameters named by paths with selectors, as a guide writes them:
 * "links[router-root].delayMs", "nodes[server].services[http-server].persistent",
 * "workload[0].objects". A step is a property name, optionally followed by
 * `[selector]` to pick an array item: a whole number picks by index; any other
 * text picks the first item whose `id`, else `type`, else `name` equals it.
 * Selecting by id keeps a guide right when the file's lists are reordered.
 *
 * Formulas read parameters in SI units, by the unit the field's name ends in
 * (the scenario format's convention): "…Ms" milliseconds → seconds, "…S"
 * seconds, "…Mbps" megabits per second → bit/s; other numbers as they are
 * (bytes, counts); true and false as 1 and 0.
 */
import type { JsonPath } from '../editor/json-path';
import { getAt } from '../editor/json-path';
import { linkIdOf } from '../scenario/resolve';

export interface PathStep {
  readonly key: string;
  /** A whole number (index) or a text (id, type or name), when the step picks an array item. */
  readonly select?: number | string;
}

export type ParsedPath = { readonly ok: true; readonly steps: readonly PathStep[] } | { readonly ok: false; readonly error: string };
export type ResolvedPath = { readonly ok: true; readonly path: JsonPath } | { readonly ok: false; readonly error: string };

const STEP = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[([^\]]+)\])?$/;

/** Splits a parameter path into its steps, or says what is wrong with it. */
export function parseParameterPath(text: string): ParsedPath {
  const steps: PathStep[] = [];
  for (const part of text.split('.')) {
    const m = STEP.exec(part);
    if (m === null) return { ok: false, error: `"${part}" is not a step of a parameter path (a name, optionally with [index or id])` };
    const select = m[2];
    steps.push(select === undefined ? { key: m[1]! } : { key: m[1]!, select: /^\d+$/.test(select) ? Number(select) : select });
  }
  return { ok: true, steps };
}

/** A link without an id has its default one ("a-b"), as everywhere else. */
function itemId(item: Record<string, unknown>): unknown {
  if (item['id'] === undefined && typeof item['a'] === 'string' && typeof item['b'] === 'string') return linkIdOf({ a: item['a'], b: item['b'] });
  return item['id'];
}

function pick(items: readonly unknown[], select: string): number {
  const byId = items.findIndex((item) => item !== null && typeof item === 'object' && itemId(item as Record<string, unknown>) === select);
  if (byId >= 0) return byId;
  for (const field of ['type', 'name']) {
    const index = items.findIndex((item) => item !== null && typeof item === 'object' && (item as Record<string, unknown>)[field] === select);
    if (index >= 0) return index;
  }
  return -1;
}

/**
 * The JSON path a parameter path stands for in `doc` (a scenario file's
 * value, or a loaded scenario), or why there is none. The last step need not
 * exist yet (an optional field left at its default).
 */
export function resolveParameterPath(doc: unknown, text: string): ResolvedPath {
  const parsed = parseParameterPath(text);
  if (!parsed.ok) return parsed;
  const path: (string | number)[] = [];
  let current: unknown = doc;
  for (const [i, step] of parsed.steps.entries()) {
    const last = i === parsed.steps.length - 1;
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return { ok: false, error: `"${path.join('.') || 'the scenario'}" is not an object, so it has no "${step.key}"` };
    const value = (current as Record<string, unknown>)[step.key];
    path.push(step.key);
    if (step.select === undefined) {
      if (value === undefined && !last) return { ok: false, error: `the scenario has no "${step.key}" here` };
      current = value;
      continue;
    }
    if (!Array.isArray(value)) return { ok: false, error: `"${step.key}" is not a list` };
    const index = typeof step.select === 'number' ? (step.select < value.length ? step.select : -1) : pick(value, step.select);
    if (index < 0) return { ok: false, error: typeof step.select === 'number' ? `"${step.key}" has no item ${step.select} (it has ${value.length})` : `"${step.key}" has no item with id, type or name "${step.select}"` };
    path.push(index);
    current = value[index];
  }
  return { ok: true, path };
}

/** The field name a path ends in ("delayMs"), which gives its unit. */
function fieldName(text: string): string {
  const parsed = parseParameterPath(text);
  return parsed.ok ? (parsed.steps[parsed.steps.length - 1]?.key ?? '') : '';
}

/** The factor from a field's file unit to SI, by the unit its name ends in. */
export function siFactor(field: string): number {
  if (/Ms$/.test(field)) return 1e-3;
  if (/Mbps$/.test(field)) return 1e6;
  return 1;
}

/** The factor from a parameter path's file unit to SI ("links[a].delayMs" → 0.001). */
export function siFactorOf(text: string): number {
  return siFactor(fieldName(text));
}

/** What a parameter measures in SI, by its name: for labels and plot axes. */
export function siUnitOf(text: string): 's' | 'bit/s' | null {
  const field = fieldName(text);
  if (/Ms$/.test(field) || /[a-z]S$/.test(field)) return 's';
  if (/Mbps$/.test(field)) return 'bit/s';
  return null;
}

export type ParameterValue = { readonly ok: true; readonly raw: unknown; readonly si: number | null } | { readonly ok: false; readonly error: string };

/** A parameter's value in a loaded scenario (defaults filled): as the file has it, and in SI when it is a number or a boolean. */
export function readParameter(scenario: unknown, text: string): ParameterValue {
  const resolved = resolveParameterPath(scenario, text);
  if (!resolved.ok) return resolved;
  const raw = getAt(scenario, resolved.path);
  const si = typeof raw === 'number' ? raw * siFactor(fieldName(text)) : typeof raw === 'boolean' ? (raw ? 1 : 0) : null;
  return { ok: true, raw, si };
}
