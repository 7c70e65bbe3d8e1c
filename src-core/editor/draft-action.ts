/**
 * A new workload action of a given type, filled in from what the scenario
 * contains, so that the editor offers only actions that can run here ("a
 * lookup names a resolver that exists"). Generic over every module's action
 * schema: no action is known by name.
 *
 * Rules:
 * - `atMs` is one second after the last action (0 for the first); every
 *   field with a default or marked optional is left out (the file stays
 *   short; the form shows the defaults).
 * - Each required field is filled with the first candidate the loader
 *   accepts at that field's path: a literal's value; an enum's options in
 *   order; for numbers the schema's minimum, 1, 10, 100, 1000, then the
 *   document's own numbers (a server's port); for text
 *   the document's own strings (node ids, names in its zones, addresses …)
 *   in the order they appear, so a lookup gets a host, that host's resolver
 *   and a name a zone serves, after the field's own example if its schema
 *   has one (`.meta({ examples })`: an e-mail address); for a list, empty,
 *   then one example, then one such string.
 *   First every field gets a value the schema takes, then the references
 *   are chosen field by field, backing up to an earlier field when a later
 *   one has no value the loader takes (at most SEARCH_BUDGET loader runs).
 * - The draft is returned only when the loader then reports nothing at the
 *   action's path: an action this scenario cannot run is not offered.
 */
import { validateScenario } from '../scenario/load';
import { actionVariants } from '../scenario/schema';
import type { ZodType } from '../scenario/zod';
import type { EditorDoc } from './doc';
import { schemaInfo, type SchemaInfo } from './schema-info';
import { isAtOrBelow } from './validate-edit';
import { formatPath } from '../scenario/errors';

type Draft = Record<string, unknown>;

/** The most loader runs one draft may take (a scenario with many nodes and names offers many candidates). */
const SEARCH_BUDGET = 400;
/** Candidates tried per field for a value of the right shape, before the search. */
const SHAPE_TRIES = 4;

/** The action schema of each type. */
const VARIANTS = new Map<string, Readonly<Record<string, ZodType>>>(
  actionVariants.map((v) => {
    const shape = (v as unknown as { shape: Readonly<Record<string, ZodType>> }).shape;
    const type = schemaInfo(shape['type']!) as SchemaInfo & { kind: 'literal' };
    return [String(type.value), shape] as const;
  }),
);

export function actionTypes(): readonly string[] {
  return [...VARIANTS.keys()];
}

export function draftAction(doc: EditorDoc, type: string): { doc: EditorDoc; index: number } | null {
  const shape = VARIANTS.get(type);
  if (!shape) return null;
  const index = doc.workload.length;
  const last = doc.workload.reduce((max, a) => Math.max(max, typeof a.atMs === 'number' ? a.atMs : 0), -1);
  const draft: Draft = { type, atMs: last < 0 ? 0 : last + 1000 };
  const required = Object.entries(shape).filter(([key, field]) => key !== 'type' && key !== 'atMs' && !schemaInfo(field).optional);
  const strings = documentValues(doc, 'string');
  const numbers = documentValues(doc, 'number');
  const withDraft = (d: Draft): EditorDoc => ({ ...doc, workload: [...doc.workload, d as EditorDoc['workload'][number]] });
  const fieldPaths = required.map(([key]) => formatPath(['workload', index, key]));
  /** Whether the loader reports anything at the first `n` required fields. */
  const issuesInFirst = (n: number): boolean => {
    const loaded = validateScenario(withDraft(draft));
    return !loaded.ok && loaded.issues.some((i) => fieldPaths.slice(0, n).some((p) => isAtOrBelow(i.path, p)));
  };
  const options = required.map(([, field]) => candidates(schemaInfo(field), strings, numbers));
  // first a value of the right shape for every field (references are checked only once the whole shape is
  // right, so until then the issues at a field are its own shape's: a list of addresses must not be empty) …
  required.forEach(([key], i) => (draft[key] = options[i]![0]));
  required.forEach(([key], i) => {
    for (const value of options[i]!.slice(0, SHAPE_TRIES)) {
      draft[key] = value;
      const loaded = validateScenario(withDraft(draft));
      if (loaded.ok || !loaded.issues.some((issue) => isAtOrBelow(issue.path, fieldPaths[i]!))) return;
    }
    draft[key] = options[i]![0];
  });
  // … then, field by field, the first value the loader takes with the fields before it, backing up when a
  // later field has none (a client's port must be its server's: the server is chosen again)
  let budget = SEARCH_BUDGET;
  const choose = (i: number): boolean => {
    if (i === required.length) return true;
    const key = required[i]![0];
    for (const value of options[i]!) {
      if (budget-- <= 0) return false;
      draft[key] = value;
      if (!issuesInFirst(i + 1) && choose(i + 1)) return true;
    }
    draft[key] = options[i]![0];
    return false;
  };
  choose(0);
  const loaded = validateScenario(withDraft(draft));
  const path = formatPath(['workload', index]);
  if (!loaded.ok && loaded.issues.some((i) => isAtOrBelow(i.path, path))) return null;
  return { doc: withDraft(draft), index };
}

function candidates(info: SchemaInfo, strings: readonly string[], numbers: readonly number[]): unknown[] {
  switch (info.kind) {
    case 'literal':
      return [info.value];
    case 'enum':
      return [...info.options];
    case 'boolean':
      return [false, true];
    case 'number':
      return [...new Set([info.min ?? 0, 1, 10, 100, 1000, ...numbers].filter((n) => (info.min === undefined || n >= info.min) && (info.max === undefined || n <= info.max)))];
    case 'number-or-text':
      return [...info.words, 0, 1];
    case 'string':
      return [...(typeof info.example === 'string' ? [info.example] : []), ...(strings.length > 0 ? strings : ['example'])];
    case 'array': {
      const example = schemaInfo(info.element).example;
      return [[], ...(example === undefined ? [] : [[example]]), ...strings.map((s) => [s])];
    }
    default:
      return [undefined];
  }
}

/** Every distinct string (or number) in the document's nodes, in order of appearance, node ids first. */
function documentValues(doc: EditorDoc, kind: 'string'): string[];
function documentValues(doc: EditorDoc, kind: 'number'): number[];
function documentValues(doc: EditorDoc, kind: 'string' | 'number'): (string | number)[] {
  const out = new Set<string | number>(kind === 'string' ? doc.nodes.map((n) => n.id) : []);
  const walk = (v: unknown): void => {
    if (typeof v === kind) out.add(v as string | number);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(doc.nodes);
  return [...out].filter((v) => typeof v === 'number' || (v !== '' && v.length <= 253));
}
