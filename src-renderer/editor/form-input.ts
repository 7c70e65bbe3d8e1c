/**
 * What the properties form does between its inputs and the scenario:
 * a value shown as input text, input text turned back into the value set,
 * and the loader's issues matched to the field they belong to.
 *
 * Rules:
 * - An empty input means "absent": undefined (the field is removed; the
 *   loader reports a required one as missing, in its own words).
 * - A number input gives a number; one that also takes words (a port or
 *   "random") gives the word as typed. Text that is not a number is passed
 *   on as text, so the loader's message ("expected …, got "abc"") is shown.
 * - A list is one item per line; blank lines are dropped.
 * - Issues are matched by formatted JSON path (formatPath, as ScenarioIssue.path).
 */
import type { FormField, InputSpec } from '../../src-core/editor/form-types';
import type { JsonPath } from '../../src-core/editor/json-path';
import { isAtOrBelow } from '../../src-core/editor/validate-edit';
import { formatPath } from '../../src-core/scenario/errors';
import type { ScenarioIssue } from '../../src-core/scenario/errors';

/** The text an input shows for a value. */
export function displayText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((item) => displayText(item)).join('\n');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The value a text input's text stands for (see the file comment). */
export function parseText(spec: Pick<InputSpec, 'input' | 'list' | 'words'>, text: string): unknown {
  if (spec.list) {
    const items = text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    return items.map((item) => parseOne(spec, item));
  }
  const trimmed = spec.input === 'number' ? text.trim() : text;
  return trimmed === '' ? undefined : parseOne(spec, trimmed);
}

function parseOne(spec: Pick<InputSpec, 'input' | 'words'>, text: string): unknown {
  if (spec.input !== 'number') return text;
  if (spec.words?.includes(text)) return text;
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

/** The issues at exactly `path`. */
export function issuesAt(issues: readonly ScenarioIssue[], path: JsonPath): ScenarioIssue[] {
  const at = formatPath(path);
  return issues.filter((issue) => issue.path === at);
}

/**
 * The issues a field shows: those at its path, and for a table those inside
 * it too, except the ones inside another, longer field of the form (a
 * zone's records table shows its own, not the zones table).
 */
export function issuesOfField(issues: readonly ScenarioIssue[], field: FormField, fields: readonly FormField[]): ScenarioIssue[] {
  if (field.input !== 'table') return issuesAt(issues, field.path);
  const own = formatPath(field.path);
  const inner = fields.map((f) => formatPath(f.path)).filter((p) => p !== own && isAtOrBelow(p, own));
  return issues.filter((issue) => isAtOrBelow(issue.path, own) && !inner.some((p) => isAtOrBelow(issue.path, p)));
}

/** An element id for a path, unique within one form (`prefix` tells forms apart): "pf1-links-0-delayMs". */
export function domId(prefix: string, path: JsonPath, part = ''): string {
  const tail = path.map((s) => String(s).replace(/[^A-Za-z0-9_-]/g, '_')).join('-');
  return part === '' ? `${prefix}-${tail}` : `${prefix}-${tail}--${part}`;
}
