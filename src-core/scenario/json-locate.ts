/**
 * Finding where in the text a JSON path is, and the duplicate-property check
 * (JSON.parse silently keeps the last of two equal names; a scenario file
 * must not say one thing twice).
 */
import type { Node as JsonNode } from 'jsonc-parser';
import { quote } from './describe-value';
import type { PathIssue, PathSegment, ScenarioIssue } from './errors';
import { formatPath } from './errors';
import type { JsonDocument } from './json-text';

/**
 * The node at `path`, or the deepest existing ancestor when the path does not
 * exist (a missing property is located at its parent object). Of duplicate
 * properties the last is taken, as JSON.parse does. `exact` tells which case.
 */
export function findNode(root: JsonNode, path: readonly PathSegment[]): { node: JsonNode; exact: boolean } {
  let node = root;
  for (const segment of path) {
    let next: JsonNode | undefined;
    if (node.type === 'object' && typeof segment === 'string') {
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key?.value === segment && value !== undefined) next = value;
      }
    } else if (node.type === 'array' && typeof segment === 'number') {
      next = node.children?.[segment];
    }
    if (next === undefined) return { node, exact: false };
    node = next;
  }
  return { node, exact: true };
}

/**
 * A located ScenarioIssue: an explicit `offset` wins; else the value at the
 * path (or the property's name for target "key"), else the nearest ancestor.
 */
export function locateIssue(doc: JsonDocument, issue: PathIssue & { offset?: number }): ScenarioIssue {
  const base = { path: formatPath(issue.path), message: issue.message };
  if (issue.offset !== undefined) return { ...base, ...doc.position(issue.offset) };
  if (doc.tree === undefined) return base;
  const { node, exact } = findNode(doc.tree, issue.path);
  const keyNode = node.parent?.type === 'property' ? node.parent : undefined;
  const offset = exact && issue.target === 'key' && keyNode !== undefined ? keyNode.offset : node.offset;
  return { ...base, ...doc.position(offset) };
}

/** Every property name that repeats one earlier in the same object, at the repeat's name. */
export function duplicatePropertyIssues(doc: JsonDocument): (PathIssue & { offset: number })[] {
  const issues: (PathIssue & { offset: number })[] = [];
  if (doc.tree === undefined) return issues;
  const pending: { node: JsonNode; path: PathSegment[] }[] = [{ node: doc.tree, path: [] }];
  while (pending.length > 0) {
    const { node, path } = pending.pop()!;
    if (node.type === 'array') {
      (node.children ?? []).forEach((child, i) => pending.push({ node: child, path: [...path, i] }));
    } else if (node.type === 'object') {
      const first = new Map<string, JsonNode>();
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key === undefined || typeof key.value !== 'string') continue;
        const name = key.value;
        const earlier = first.get(name);
        if (earlier === undefined) first.set(name, key);
        else {
          const at = doc.position(earlier.offset);
          issues.push({
            path: [...path, name],
            message: `duplicate property ${quote(name)} (also at line ${at.line}, column ${at.column}; give each property once)`,
            target: 'key',
            offset: key.offset,
          });
        }
        if (value !== undefined) pending.push({ node: value, path: [...path, name] });
      }
    }
  }
  return issues;
}
