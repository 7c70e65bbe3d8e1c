/**
 * Version handling. A file says which format it is and which version:
 * `{ "format": "l7-scenario", "version": N, … }`.
 * - N newer than SCENARIO_VERSION: refused with a clear message (we cannot know its meaning).
 * - N older: migrated step by step to SCENARIO_VERSION before validation.
 *
 * To introduce version 2: set SCENARIO_VERSION = 2 in schema.ts, change the
 * schema, and add MIGRATIONS[1], a function turning a version-1 document into
 * a version-2 one. Migrations see unvalidated JSON: they must not throw and
 * must leave anything they do not understand for validation to report.
 */
import { describeValue } from './describe-value';
import type { PathIssue } from './errors';
import { SCENARIO_FORMAT, SCENARIO_VERSION } from './schema';

export type JsonObject = Record<string, unknown>;
export type Migrations = Readonly<Record<number, (doc: JsonObject) => JsonObject>>;

/** MIGRATIONS[n] turns a version-n document into a version-(n + 1) one. */
const MIGRATIONS: Migrations = {};

export type HeaderResult = { ok: true; doc: JsonObject; version: number } | { ok: false; issue: PathIssue };

/**
 * Checks that `value` is a scenario object of a version this code reads:
 * an object, `"format": "l7-scenario"`, and an integer `version` from 1 to SCENARIO_VERSION.
 */
export function readHeader(value: unknown): HeaderResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, issue: { path: [], message: `expected a scenario object, got ${describeValue(value)}` } };
  }
  const doc = value as JsonObject;
  const format = doc['format'];
  if (format !== SCENARIO_FORMAT) {
    const found = format === undefined ? '' : `, got ${describeValue(format)}`;
    return {
      ok: false,
      issue: { path: ['format'], message: `not an L7 Lab scenario (expected "format": "${SCENARIO_FORMAT}"${found})` },
    };
  }
  const version = doc['version'];
  const expected = `the scenario format version, an integer from 1 to ${SCENARIO_VERSION}`;
  if (version === undefined) {
    return { ok: false, issue: { path: ['version'], message: `missing property "version": expected ${expected}` } };
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, issue: { path: ['version'], message: `expected ${expected}, got ${describeValue(version)}` } };
  }
  if (version > SCENARIO_VERSION) {
    return {
      ok: false,
      issue: {
        path: ['version'],
        message: `this file was written by a newer L7 Lab (scenario format version ${version}); this version reads version ${SCENARIO_VERSION}`,
      },
    };
  }
  return { ok: true, doc, version };
}

/**
 * Brings a document of `version` (1 ≤ version ≤ target) up to `target`
 * (SCENARIO_VERSION; the parameters exist for tests). Each step's result gets
 * `"version"` set to the step's target. Returns the same object when it is
 * already current.
 */
export function migrateToCurrent(
  doc: JsonObject,
  version: number,
  migrations: Migrations = MIGRATIONS,
  target: number = SCENARIO_VERSION,
): JsonObject {
  let current = doc;
  for (let v = version; v < target; v++) {
    const step = migrations[v];
    if (step === undefined) throw new Error(`no migration from scenario version ${v}`);
    current = { ...step(current), version: v + 1 };
  }
  return current;
}
