/**
 * Checks one edit of the properties panel with the scenario's own loader:
 * the value goes in at its path (json-path.ts setAt; undefined removes it),
 * the whole document is validated (validateScenario), and the issues at that
 * path or below it are returned, with the loader's messages and paths.
 *
 * Rule: the panel shows exactly what the loader would say, so there is no
 * second set of rules to keep in step. Issues elsewhere in the document (or
 * at a stage the edited field does not reach yet) are not this field's.
 */
import { formatPath } from '../scenario/errors';
import type { ScenarioIssue } from '../scenario/errors';
import { validateScenario } from '../scenario/load';
import { setAt } from './json-path';
import type { JsonPath } from './json-path';

export function validateEdit(doc: unknown, path: JsonPath, value: unknown): ScenarioIssue[] {
  const result = validateScenario(setAt(doc, path, value));
  if (result.ok) return [];
  return issuesAtOrBelow(result.issues, path);
}

/** The issues whose path is `path` or lies inside it ("links[0]" covers "links[0].delayMs", not "links[01]"). */
export function issuesAtOrBelow(issues: readonly ScenarioIssue[], path: JsonPath): ScenarioIssue[] {
  const at = formatPath(path);
  return issues.filter((issue) => isAtOrBelow(issue.path, at));
}

/** Whether the formatted path `inner` is `outer` or below it (both as formatPath writes them). */
export function isAtOrBelow(inner: string, outer: string): boolean {
  if (outer === '') return true;
  if (inner === outer) return true;
  return inner.startsWith(outer) && (inner[outer.length] === '.' || inner[outer.length] === '[');
}
