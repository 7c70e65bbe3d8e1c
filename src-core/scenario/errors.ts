/**
 * Scenario issues: what the loader reports when a scenario file cannot be used.
 *
 * Rules:
 * - Every issue names the JSON path of the offending value ("links[2].b"; "" is the root).
 * - Messages say what was expected and what was found.
 * - Locations (when the issue comes from text) are 1-based line and column as an
 *   editor shows them, and a 0-based offset in UTF-16 code units into the text
 *   that was given (a leading byte-order mark counts in the offset only).
 */

export interface ScenarioIssue {
  /** JSON path like "links[2].b"; "" for the root. */
  path: string;
  /** What was expected and what was found. */
  message: string;
  /** 1-based line of the offending value (or of the parent object for a missing property). */
  line?: number;
  /** 1-based column, in UTF-16 code units. */
  column?: number;
  /** 0-based offset into the text, in UTF-16 code units. */
  offset?: number;
}

/** One step of a path: a property name or an array index. */
export type PathSegment = string | number;

/**
 * An issue before it is located in the text. `target` says which part of the
 * JSON the location should point at: the value (default) or, for an unknown
 * or duplicate property, the property's name.
 */
export interface PathIssue {
  path: readonly PathSegment[];
  message: string;
  target?: 'value' | 'key';
}

/** At most this many issues are reported; the last one then says how many more there were. */
export const MAX_ISSUES = 50;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** ["links", 2, "b"] → "links[2].b"; [] → "". Names that are not identifiers are quoted: `view["lane order"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/**
 * One issue on one line, compiler style:
 * `lesson.l7.json:12:5: links[2].b: unknown node "srv"`.
 * Parts that are unknown (file name, location) or empty (root path) are left out.
 */
export function formatIssue(issue: ScenarioIssue, fileName?: string): string {
  let where = fileName ?? '';
  if (issue.line !== undefined) {
    where += `${where === '' ? '' : ':'}${issue.line}${issue.column !== undefined ? `:${issue.column}` : ''}`;
  }
  const parts: string[] = [];
  if (where !== '') parts.push(where);
  if (issue.path !== '') parts.push(issue.path);
  parts.push(issue.message);
  return parts.join(': ');
}

/** All issues, one per line (no trailing newline). */
export function formatIssues(issues: readonly ScenarioIssue[], fileName?: string): string {
  return issues.map((issue) => formatIssue(issue, fileName)).join('\n');
}

/**
 * Keeps at most MAX_ISSUES issues: when there are more, the first
 * MAX_ISSUES − 1 are kept and a last one (root path) says how many were left out.
 */
export function limitIssues(issues: readonly ScenarioIssue[]): ScenarioIssue[] {
  if (issues.length <= MAX_ISSUES) return [...issues];
  const kept = issues.slice(0, MAX_ISSUES - 1);
  const more = issues.length - kept.length;
  kept.push({ path: '', message: `${more} more issues not shown (only the first ${kept.length} are listed)` });
  return kept;
}
