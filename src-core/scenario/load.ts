/**
 * The scenario loader: text or a parsed value in, a validated Scenario (with
 * every default filled in) or a list of issues out. It never throws.
 *
 * Order of checks; each stage runs only if the previous one passed:
 *  0. from bytes (a file): they are UTF-8 text (decode-text.ts);
 *  1. the text is strict JSON (json-text.ts);
 *  2. the root is an object with "format": "l7-scenario" and a version this
 *     code reads; older versions are migrated (migrate.ts);
 *  3. the shape matches the schema (schema.ts, shape-issues.ts);
 *  4. cross-references are consistent (references.ts);
 *  5. defaults that depend on other fields are filled in (resolve.ts).
 * Duplicate property names are reported alongside stages 2–4.
 * Issues are sorted by position in the file and at most MAX_ISSUES are returned.
 */
import { decodeText } from './decode-text';
import { describeValue } from './describe-value';
import { formatPath, limitIssues } from './errors';
import type { PathIssue, PathSegment, ScenarioIssue } from './errors';
import { duplicatePropertyIssues, locateIssue } from './json-locate';
import { readJson } from './json-text';
import { migrateToCurrent, readHeader } from './migrate';
import { checkReferences } from './references';
import { resolveScenario } from './resolve';
import type { Scenario } from './schema';
import { checkShape } from './shape-issues';

export type { ScenarioIssue } from './errors';
export { decodeText } from './decode-text';
export { formatIssue, formatIssues, formatPath, MAX_ISSUES } from './errors';
export type { Scenario, ScenarioInput } from './schema';

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

/** Parses and validates the text of a `.l7.json` file; issues carry line, column and offset. */
export function parseScenarioText(text: string): LoadResult {
  try {
    if (typeof text !== 'string') {
      return { ok: false, issues: [{ path: '', message: `expected the scenario text as a string, got ${describeValue(text)}` }] };
    }
    const read = readJson(text);
    if (!read.ok) return { ok: false, issues: limitIssues(read.issues) };
    const { doc } = read;
    const duplicates = duplicatePropertyIssues(doc);
    const checked = checkValue(doc.value);
    if (checked.ok && duplicates.length === 0) return checked;
    const found: PathIssue[] = [...duplicates, ...(checked.ok ? [] : checked.issues)];
    const located = found.map((issue) => locateIssue(doc, issue));
    // Stable: issues at the same offset keep the order they were found in.
    located.sort((x, y) => (x.offset ?? Infinity) - (y.offset ?? Infinity));
    return { ok: false, issues: limitIssues(located) };
  } catch (error) {
    return internalError(error);
  }
}

/**
 * Decodes and parses the bytes of a `.l7.json` file: invalid UTF-8 and binary
 * files give one issue (decode-text.ts), the text then goes to parseScenarioText.
 */
export function parseScenarioBytes(bytes: Uint8Array): LoadResult {
  const decoded = decodeText(bytes);
  return decoded.ok ? parseScenarioText(decoded.text) : { ok: false, issues: [decoded.issue] };
}

/** Validates an already parsed value (e.g. from the editor); issues have paths but no locations. */
export function validateScenario(value: unknown): LoadResult {
  try {
    const checked = checkValue(value);
    if (checked.ok) return checked;
    const keyed = checked.issues.map((issue) => ({ issue, key: documentOrder(value, issue.path) }));
    keyed.sort((x, y) => compareOrder(x.key, y.key));
    return {
      ok: false,
      issues: limitIssues(keyed.map(({ issue }) => ({ path: formatPath(issue.path), message: issue.message }))),
    };
  } catch (error) {
    return internalError(error);
  }
}

type Checked = { ok: true; scenario: Scenario } | { ok: false; issues: PathIssue[] };

/** Stages 2–5 of the file comment. */
function checkValue(value: unknown): Checked {
  const header = readHeader(value);
  if (!header.ok) return { ok: false, issues: [header.issue] };
  const doc = migrateToCurrent(header.doc, header.version);
  const shape = checkShape(doc);
  if (!shape.ok) return shape;
  const references = checkReferences(shape.scenario);
  if (references.length > 0) return { ok: false, issues: references };
  return { ok: true, scenario: resolveScenario(shape.scenario) };
}

/**
 * Where a path lies in document order: for each step, the index of the
 * property among its object's keys or the array index. A property that does
 * not exist counts as −1, so it sorts at its parent object, before the children.
 */
function documentOrder(value: unknown, path: readonly PathSegment[]): number[] {
  const order: number[] = [];
  let current: unknown = value;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) break;
    if (Array.isArray(current) && typeof segment === 'number') {
      order.push(segment);
      current = current[segment];
    } else {
      const index = Object.keys(current).indexOf(String(segment));
      order.push(index);
      if (index < 0) break;
      current = (current as Record<string, unknown>)[String(segment)];
    }
  }
  return order;
}

/** Lexicographic; a prefix comes first. */
function compareOrder(x: readonly number[], y: readonly number[]): number {
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i]! - y[i]!;
  }
  return x.length - y.length;
}

function internalError(error: unknown): LoadResult {
  let detail: string;
  try {
    detail = error instanceof Error ? error.message : String(error);
  } catch {
    detail = 'unknown error';
  }
  return { ok: false, issues: [{ path: '', message: `internal error while reading the scenario: ${detail}` }] };
}
