/**
 * Checks a value against ScenarioSchema and turns zod's issues into
 * PathIssues whose messages say what was expected and what was found.
 *
 * Messages come from one error map: "expected <description>, got <value>",
 * where <description> is the phrase the failing schema was described with
 * (fields.ts, schema.ts). An unknown property gives one issue per property,
 * pointing at its name, with a "did you mean" or the list of allowed names.
 */
import { z } from './zod';
import { describeValue, orList, quote } from './describe-value';
import type { PathIssue, PathSegment } from './errors';
import { ScenarioSchema } from './schema';
import type { ParsedScenario } from './schema';
import { unknownNameHint } from './suggest';

export type ShapeResult = { ok: true; scenario: ParsedScenario } | { ok: false; issues: PathIssue[] };

export function checkShape(value: unknown): ShapeResult {
  /** The properties each strict object allows, keyed by the offending input object. */
  const allowedKeys = new WeakMap<object, readonly string[]>();
  const result = ScenarioSchema.safeParse(value, {
    reportInput: true,
    error: (iss) => {
      if (iss.code === 'unrecognized_keys' && iss.inst instanceof z.ZodObject && isObject(iss.input)) {
        allowedKeys.set(iss.input, Object.keys(iss.inst.shape));
      }
      return messageFor(iss);
    },
  });
  if (result.success) return { ok: true, scenario: result.data };
  const issues: PathIssue[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.filter(isSegment);
    if (issue.code === 'unrecognized_keys') {
      const allowed = isObject(issue.input) ? (allowedKeys.get(issue.input) ?? []) : [];
      for (const key of issue.keys) {
        issues.push({
          path: [...path, key],
          message: `unknown property ${quote(key)}${unknownNameHint(key, allowed, 'allowed here')}`,
          target: 'key',
        });
      }
    } else {
      issues.push({ path, message: issue.message });
    }
  }
  return { ok: false, issues };
}

/** The message for one raw zod issue (see the file comment). */
function messageFor(iss: z.core.$ZodRawIssue): string {
  const path = iss.path ?? [];
  const last = path[path.length - 1];
  if (iss.code === 'unrecognized_keys') return 'unknown property'; // replaced per key in checkShape
  if (iss.code === 'invalid_union' && iss.discriminator !== undefined) {
    // A discriminated union whose "type" matched no variant; zod's path already ends with the discriminator.
    const found = isObject(iss.input) ? (iss.input as Record<string, unknown>)[iss.discriminator] : undefined;
    const options: unknown[] = Array.isArray(iss.options) ? iss.options : [];
    return expectation(orList(options), found, last);
  }
  if (iss.code === 'custom') return iss.message ?? 'invalid value';
  const owner = iss.schema;
  const description = (owner && z.globalRegistry.get(owner)?.description) ?? fallbackDescription(iss);
  return expectation(description, iss.input, last);
}

/** "expected D, got V", or for a missing property 'missing property "k": expected D'. */
function expectation(description: string, found: unknown, key: PropertyKey | undefined): string {
  if (found === undefined && typeof key === 'string') return `missing property ${quote(key)}: expected ${description}`;
  return `expected ${description}, got ${describeValue(found)}`;
}

/** For schemas without a description (there should be none; this keeps messages readable anyway). */
function fallbackDescription(iss: z.core.$ZodRawIssue): string {
  switch (iss.code) {
    case 'invalid_type':
      return TYPE_PHRASES[iss.expected] ?? `a value of type ${iss.expected}`;
    case 'invalid_value':
      return orList(iss.values);
    case 'too_small':
      return `a value ≥ ${String(iss.minimum)}`;
    case 'too_big':
      return `a value ≤ ${String(iss.maximum)}`;
    default:
      return 'a valid value';
  }
}

const TYPE_PHRASES: Record<string, string> = {
  number: 'a number',
  int: 'an integer',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
};

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function isSegment(segment: PropertyKey): segment is PathSegment {
  return typeof segment === 'string' || typeof segment === 'number';
}
