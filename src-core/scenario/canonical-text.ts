/**
 * The text the app saves a scenario as (docs/scenario-format.md, "Saved
 * files"): the same scenario always gives the same text, so saved files and
 * lessons diff cleanly, and a file the app wrote reads well in the editor.
 *
 * Rules:
 * - The document is written as given (a ScenarioInput, the file's JSON):
 *   absent optional fields stay absent, defaults are not filled in, values
 *   are not changed. Strict JSON (RFC 8259), "\n" line ends, a final newline.
 * - Properties follow the schema's shape order (schema.ts), which is the
 *   order of the tables in docs/scenario-format.md. In a service, an action
 *   or a DNS record, "type" comes first, then its variant's order (every
 *   variant's shape starts with "type"; a test checks it). Unknown properties
 *   go last, in their own order (serialize.ts `inSchemaOrder`).
 * - Indent: 2 spaces per level.
 * - One-line rule: a non-empty array or object is written on one line,
 *   `{ "x": 80, "y": 200 }` or `["client", "r1"]`, when it is flat (an
 *   array's items are scalars; an object's values are scalars or arrays of
 *   scalars) and that whole line, indent, key and trailing comma included,
 *   is at most MAX_LINE_LENGTH characters. Anything else has one member per
 *   line. Empty arrays and objects are always `[]` and `{}`.
 *   So positions, links, DNS records, run and view settings usually take one
 *   line each; nodes, zones and long actions are spread out.
 */
import type { ScenarioInput } from './schema';
import { ScenarioSchema } from './schema';
import { inSchemaOrder } from './serialize';

/** The longest line the one-line rule makes (a longer scalar, such as a description, still takes one line). */
export const MAX_LINE_LENGTH = 120;

const INDENT = '  ';

type Scalar = string | number | boolean | null;

/** The scenario's canonical file text. */
export function canonicalScenarioText(doc: ScenarioInput): string {
  return `${formatValue(inSchemaOrder(ScenarioSchema, doc), '', '', '')}\n`;
}

/**
 * `value` as it appears after `prefix` (`"key": ` or nothing) on a line
 * indented by `indent` and followed by `suffix` ("," or nothing); the text
 * returned starts after the prefix and ends before the suffix.
 */
function formatValue(value: unknown, indent: string, prefix: string, suffix: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every(isScalar)) {
      const oneLine = `[${value.map(scalarText).join(', ')}]`;
      if (fits(indent, prefix, oneLine, suffix)) return oneLine;
    }
    const inner = indent + INDENT;
    const lines = value.map((item, i) => inner + formatValue(item, inner, '', commaAfter(i, value.length)) + commaAfter(i, value.length));
    return `[\n${lines.join('\n')}\n${indent}]`;
  }
  if (isObject(value)) {
    const entries = Object.entries(value).filter(([, member]) => member !== undefined);
    if (entries.length === 0) return '{}';
    if (entries.every(([, member]) => isScalar(member) || (Array.isArray(member) && member.every(isScalar)))) {
      const members = entries.map(([key, member]) => `${JSON.stringify(key)}: ${flatText(member)}`);
      const oneLine = `{ ${members.join(', ')} }`;
      if (fits(indent, prefix, oneLine, suffix)) return oneLine;
    }
    const inner = indent + INDENT;
    const lines = entries.map(([key, member], i) => {
      const keyText = `${JSON.stringify(key)}: `;
      const comma = commaAfter(i, entries.length);
      return inner + keyText + formatValue(member, inner, keyText, comma) + comma;
    });
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
  return scalarText(value);
}

function fits(indent: string, prefix: string, oneLine: string, suffix: string): boolean {
  return indent.length + prefix.length + oneLine.length + suffix.length <= MAX_LINE_LENGTH;
}

function commaAfter(index: number, count: number): string {
  return index < count - 1 ? ',' : '';
}

/** A scalar, or an array of scalars, on one line. */
function flatText(value: unknown): string {
  return Array.isArray(value) ? (value.length === 0 ? '[]' : `[${value.map(scalarText).join(', ')}]`) : scalarText(value);
}

/** JSON's own spelling; a value JSON cannot hold (none comes from a file) is written as JSON.stringify writes it in an array: null. */
function scalarText(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

function isScalar(value: unknown): value is Scalar {
  return value === null || typeof value !== 'object';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
