/**
 * Values measured in a run, for a guide's formulas (guide-schema.ts
 * Measure), in SI units: a metric's value as recorded; an elapsed time in
 * seconds between two moments of matched events; a count of matches.
 */
import type { Metric, MetricUnit, TraceEvent } from '../trace/types';
import type { Measure, TraceMoment } from './guide-schema';
import { describeQuery, findAll, findEvent } from './trace-query';

/** What a formula reads of a run. */
export interface RunRecord {
  readonly events: readonly TraceEvent[];
  readonly metrics: readonly Metric[];
}

export type Measured = { readonly ok: true; readonly value: number; readonly unit: MetricUnit } | { readonly ok: false; readonly reason: string };

/** The nth of a list, from 1, or from the end when negative. */
function nthOf<T>(items: readonly T[], nth: number): T | undefined {
  return nth > 0 ? items[nth - 1] : items[items.length + nth];
}

function momentOf(record: RunRecord, end: TraceMoment, fallback: 'sent' | 'received'): { ok: true; ns: number } | { ok: false; reason: string } {
  const event = findEvent(record.events, end.event);
  if (event === null) return { ok: false, reason: `the run has no ${describeQuery(end.event)}` };
  if (event.kind === 'state') return { ok: true, ns: event.at };
  const moment = end.moment ?? fallback;
  if (moment === 'sent') return { ok: true, ns: event.sentAt };
  if (event.receivedAt === null) return { ok: false, reason: `${describeQuery(end.event)} never arrived` };
  return { ok: true, ns: event.receivedAt };
}

type MetricMeasure = Extract<Measure, { metric: string }>;

/** The metrics a metric measure picks among: its name, at its node if it names one. */
function metricsNamed(metrics: readonly Metric[], m: MetricMeasure): Metric[] {
  return metrics.filter((x) => x.name === m.metric && (m.node === undefined || x.node === m.node));
}

/** The metric a metric measure means (its nth), or undefined. */
export function findMetric(metrics: readonly Metric[], m: MetricMeasure): Metric | undefined {
  return nthOf(metricsNamed(metrics, m), m.nth);
}

/** The measure's value in the run, or why it has none. */
export function measure(record: RunRecord, m: Measure): Measured {
  if ('metric' in m) {
    const found = metricsNamed(record.metrics, m);
    const metric = nthOf(found, m.nth);
    if (metric === undefined) return { ok: false, reason: `the run has ${found.length === 0 ? 'no' : `only ${found.length}`} ${m.metric} metric${found.length === 1 ? '' : 's'}${m.node === undefined ? '' : ` at ${m.node}`}` };
    return { ok: true, value: metric.value, unit: metric.unit };
  }
  if ('elapsed' in m) {
    const from = momentOf(record, m.elapsed.from, 'sent');
    if (!from.ok) return from;
    const to = momentOf(record, m.elapsed.to, 'received');
    if (!to.ok) return to;
    return { ok: true, value: (to.ns - from.ns) / 1e9, unit: 's' };
  }
  return { ok: true, value: findAll(record.events, m.count).length, unit: 'count' };
}

/** A measure in words, for the panel's list of names. */
export function describeMeasure(m: Measure): string {
  if ('metric' in m) {
    const which = m.nth === 1 ? '' : m.nth === -1 ? 'last ' : `#${m.nth} `;
    return `${which}${m.metric}${m.node === undefined ? '' : ` at ${m.node}`} (measured)`;
  }
  if ('elapsed' in m) return `time from ${describeQuery(m.elapsed.from.event)} ${m.elapsed.from.moment ?? 'sent'} to ${describeQuery(m.elapsed.to.event)} ${m.elapsed.to.moment ?? 'received'} (measured)`;
  return `number of ${describeQuery({ ...m.count, nth: 1 }).replace(/^the first /, '')}s (measured)`;
}
