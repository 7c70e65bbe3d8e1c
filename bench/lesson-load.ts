/**
 * Workloads built from the lessons, for the figures issue 14 asks for beside
 * the TCP transfer: page loads per wall second (the persistent-HTTP lesson's
 * page loaded again and again, each mode in turn), and a DNS resolution storm
 * (10,000 lookups through the iterative lesson's one resolver, a lookup every
 * millisecond, most of names the zone does not have: each a query to the
 * authoritative server once the referrals are cached), with the memory each
 * trace event takes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateScenario } from '../src-core/scenario/load';
import { ScenarioRun } from '../src-core/scenario/runner';
import { retainedBytes } from './gc';

const LESSONS = join(import.meta.dirname, '../resources/lessons');

export interface LoadFigures {
  /** What was counted: page loads, lookups. */
  readonly done: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly traceEvents: number;
  /** Memory kept after the run (heap and array buffers, after a full collection) / trace events: the trace and the simulation behind it. */
  readonly bytesPerEvent: number;
}

function runTimed(value: unknown, count: (metrics: readonly { name: string }[]) => number): LoadFigures {
  const loaded = validateScenario(value);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues.slice(0, 3)));
  const before = retainedBytes();
  const start = process.hrtime.bigint();
  const run = new ScenarioRun(loaded.scenario);
  while (run.step(1_000_000) === 'running');
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const trace = run.trace();
  const kept = retainedBytes() - before;
  const done = count(trace.metrics);
  return { done, seconds, perSecond: done / seconds, traceEvents: trace.events.length, bytesPerEvent: kept / trace.events.length };
}

/** The persistent-HTTP lesson's page, `pages` times, a second apart, cycling through the three modes. */
export function benchPageLoads(pages = 300): LoadFigures {
  const lesson = JSON.parse(readFileSync(join(LESSONS, 'http-persistent.l7.json'), 'utf8')) as Record<string, unknown> & { workload: Record<string, unknown>[] };
  const modes = ['non-persistent', 'persistent', 'pipelined'];
  const workload = Array.from({ length: pages }, (_, i) => ({ ...lesson.workload[0]!, atMs: i * 1000, mode: modes[i % 3] }));
  const { guide: _guide, ...rest } = lesson;
  return runTimed({ ...rest, workload, run: { endTimeMs: pages * 1000 + 60_000 } }, (m) => m.filter((x) => x.name === 'pageLoadTime').length);
}

/** 10,000 lookups through one resolver, one a millisecond: every tenth of www.example.com (cached), the rest of names the zone does not have. */
export function benchDnsStorm(lookups = 10_000): LoadFigures {
  const lesson = JSON.parse(readFileSync(join(LESSONS, 'dns-iterative.l7.json'), 'utf8')) as Record<string, unknown> & { workload: Record<string, unknown>[] };
  const workload = Array.from({ length: lookups }, (_, i) => ({ ...lesson.workload[0]!, atMs: i, name: i % 10 === 0 ? 'www.example.com' : `host${i}.example.com` }));
  const { guide: _guide, ...rest } = lesson;
  return runTimed({ ...rest, workload }, (m) => m.filter((x) => x.name === 'resolutionTime').length);
}
