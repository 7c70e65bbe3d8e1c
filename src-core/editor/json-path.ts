/**
 * Immutable edits of a JSON document at a path (["links", 0, "delayMs"]).
 *
 * Rules:
 * - The input is never mutated; the result shares every branch the path does
 *   not go through (structural sharing), so unchanged objects keep their identity.
 * - A missing object on the way is created: an object for a string step, an
 *   array for a number step (setting run.seed in a file without "run" works).
 * - Setting `undefined` is removing: an absent optional field is what a file
 *   without it contains, never a property whose value is undefined.
 * - Removing an array item splices it out (later items move up); removing
 *   something absent returns the input itself.
 */
import type { PathSegment } from '../scenario/errors';

export type JsonPath = readonly PathSegment[];

/** The value at `path`, or undefined when any step is missing. */
export function getAt(doc: unknown, path: JsonPath): unknown {
  let current = doc;
  for (const segment of path) {
    if (!isContainer(current)) return undefined;
    current = (current as Record<PathSegment, unknown>)[segment];
  }
  return current;
}

/** A copy of `doc` with `value` at `path` (removed when `value` is undefined). */
export function setAt<T>(doc: T, path: JsonPath, value: unknown): T {
  if (value === undefined) return removeAt(doc, path);
  return setIn(doc, path, 0, value) as T;
}

/** A copy of `doc` without the property or array item at `path`. */
export function removeAt<T>(doc: T, path: JsonPath): T {
  if (path.length === 0) return doc;
  const parentPath = path.slice(0, -1);
  const parent = getAt(doc, parentPath);
  const last = path[path.length - 1]!;
  if (!isContainer(parent) || !hasOwn(parent, last)) return doc;
  let without: unknown;
  if (Array.isArray(parent)) {
    without = parent.filter((_, i) => i !== last);
  } else {
    const copy: Record<string, unknown> = { ...(parent as Record<string, unknown>) };
    delete copy[String(last)];
    without = copy;
  }
  return (parentPath.length === 0 ? without : setIn(doc, parentPath, 0, without)) as T;
}

function setIn(current: unknown, path: JsonPath, depth: number, value: unknown): unknown {
  if (depth === path.length) return value;
  const segment = path[depth]!;
  const container = isContainer(current) ? current : typeof segment === 'number' ? [] : {};
  const child = (container as Record<PathSegment, unknown>)[segment];
  const updated = setIn(child, path, depth + 1, value);
  if (updated === child && hasOwn(container, segment)) return container;
  if (Array.isArray(container)) {
    const copy = [...container];
    copy[segment as number] = updated;
    return copy;
  }
  return { ...(container as Record<string, unknown>), [segment]: updated };
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function hasOwn(container: object, key: PathSegment): boolean {
  if (Array.isArray(container)) return typeof key === 'number' && key >= 0 && key < container.length;
  return Object.prototype.hasOwnProperty.call(container, key);
}
