/**
 * Finding events in a trace by what they are, not where they are (the
 * guide's steps and measures, guide-schema.ts TraceQuery): every field a
 * query gives must match; `nth` picks among the matches in trace order, from
 * 1, or from the end when negative (-1: the last).
 *
 * A summary pattern is a regular expression, compiled once per query and
 * checked when the scenario loads (guide-check.ts), so a bad one is a located
 * error there and never an exception here.
 */
import type { MessageEvent, StateEvent, TraceEvent } from '../trace/types';
import type { TraceQuery, TraceQueryInput } from './guide-schema';

/** A query with its pattern compiled; build with `compileQuery`. */
export interface CompiledQuery {
  readonly query: TraceQuery;
  readonly pattern: RegExp | null;
}

/** The error of a summary pattern that is not a regular expression, or null. */
export function patternError(pattern: string): string | null {
  try {
    new RegExp(pattern, 'u');
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Fills a query's defaults (kind "message", nth 1) and compiles its pattern (a bad one matches nothing). */
export function compileQuery(query: TraceQueryInput): CompiledQuery {
  const full: TraceQuery = { ...query, kind: query.kind ?? 'message', nth: query.nth ?? 1 };
  let pattern: RegExp | null = null;
  if (full.summary !== undefined) pattern = patternError(full.summary) === null ? new RegExp(full.summary, 'u') : /(?!)/u;
  return { query: full, pattern };
}

function messageMatches(q: TraceQuery, pattern: RegExp | null, m: MessageEvent): boolean {
  if (q.node !== undefined || q.type !== undefined) return false;
  if (q.protocol !== undefined && m.protocol !== q.protocol) return false;
  if (q.layer !== undefined && m.layer !== q.layer) return false;
  if (q.from !== undefined && m.from !== q.from) return false;
  if (q.to !== undefined && m.to !== q.to) return false;
  if (q.lost !== undefined && (m.lost !== null) !== q.lost) return false;
  return pattern === null || pattern.test(m.summary);
}

function stateMatches(q: TraceQuery, pattern: RegExp | null, s: StateEvent): boolean {
  if (q.from !== undefined || q.to !== undefined || q.layer !== undefined || q.lost !== undefined) return false;
  if (q.protocol !== undefined && s.protocol !== q.protocol) return false;
  if (q.node !== undefined && s.node !== q.node) return false;
  if (q.type !== undefined && s.type !== q.type) return false;
  return pattern === null || pattern.test(s.summary);
}

/** Whether one event matches the query's fields (`nth` aside). */
export function eventMatches(compiled: CompiledQuery, event: TraceEvent): boolean {
  const { query, pattern } = compiled;
  if (event.kind !== query.kind) return false;
  return event.kind === 'message' ? messageMatches(query, pattern, event) : stateMatches(query, pattern, event);
}

/** Every event matching the query's fields, in trace order. */
export function findAll(events: readonly TraceEvent[], query: TraceQueryInput | CompiledQuery): TraceEvent[] {
  const compiled = 'pattern' in query ? query : compileQuery(query);
  return events.filter((e) => eventMatches(compiled, e));
}

/** The event the query means (its nth match), or null when there are fewer matches. */
export function findEvent(events: readonly TraceEvent[], query: TraceQueryInput | CompiledQuery): TraceEvent | null {
  const compiled = 'pattern' in query ? query : compileQuery(query);
  const nth = compiled.query.nth;
  if (nth > 0) {
    let seen = 0;
    for (const e of events) if (eventMatches(compiled, e) && ++seen === nth) return e;
    return null;
  }
  let seen = 0;
  for (let i = events.length - 1; i >= 0; i--) if (eventMatches(compiled, events[i]!) && --seen === nth) return events[i]!;
  return null;
}

/** A query in words, for messages that name it: "the 2nd dns message from local to root matching /response/". */
export function describeQuery(query: TraceQueryInput): string {
  const nth = query.nth ?? 1;
  const ordinal = nth === -1 ? 'the last' : nth < 0 ? `the ${ordinalWord(-nth)} from last` : nth === 1 ? 'the first' : `the ${ordinalWord(nth)}`;
  const kind = query.kind === 'state' ? 'state event' : 'message';
  const parts = [ordinal, query.protocol, query.layer, query.type ?? kind];
  if (query.from !== undefined) parts.push(`from ${query.from}`);
  if (query.to !== undefined) parts.push(`to ${query.to}`);
  if (query.node !== undefined) parts.push(`at ${query.node}`);
  if (query.lost === true) parts.push('that was lost');
  if (query.summary !== undefined) parts.push(`matching /${query.summary}/`);
  return parts.filter((p) => p !== undefined).join(' ');
}

function ordinalWord(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}
