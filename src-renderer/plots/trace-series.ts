/**
 * The plots worth showing for a run, each a PlotSpec (plot-spec.ts), in this
 * order, and only those with data:
 * - per link direction busy enough to be sampled (src-core/net/link-report.ts
 *   linkSamples), its utilisation and its queueing delay over time, from the
 *   `linkUtilisationSample` and `queueingDelaySample` metrics (each recorded
 *   at its interval's end: drawn as a step over that interval);
 * - TCP throughput at the receiver: per connection and direction, the
 *   payload bytes of the segments that arrived in each interval (by their
 *   receivedAt; retransmissions that arrived count too: they were delivered),
 *   in bit/s; with more than MAX_THROUGHPUT_SERIES directions (a population
 *   of short connections), one series of them all together instead;
 * - cache entries over time (cache-series.ts);
 * - application messages sent per interval, per protocol.
 * Intervals: bins.ts (the link samples' 1-2-5 widths). x in seconds of
 * simulated time; the trace's times are integer ns.
 */
import { linkDirectionOf } from '../../src-core/net/link-report';
import { toSeconds, type SimTime } from '../../src-core/sim/time';
import type { MessageEvent, Metric, TraceEvent, TraceNode } from '../../src-core/trace/types';
import { t } from '../i18n';
import { intervalSeconds, intervalsOf, stepOfIntervals, sumPerInterval, widthText, type Intervals } from './bins';
import { cacheSeriesOf } from './cache-series';
import { hasValues, type PlotAxis, type PlotSeries, type PlotSpec } from './plot-spec';

/** More directions than this in one throughput plot would be a tangle: their total is shown instead. */
export const MAX_THROUGHPUT_SERIES = 6;

export interface PlotInput {
  readonly events: readonly TraceEvent[];
  readonly metrics: readonly Metric[];
  readonly nodes: readonly TraceNode[];
  /** When the run stopped (ns); null while it runs: the latest time in the trace. */
  readonly endTime: SimTime | null;
  /** Indexes into events, when the caller keeps them (trace/merge-batch.ts); else found here. */
  readonly messageIds?: readonly number[];
  readonly applicationIds?: readonly number[];
  readonly stateIds?: readonly number[];
}

const timeAxis = (): PlotAxis => ({ label: t('plots.axis.time'), unit: 's' });

/** The latest moment the trace mentions (ns). */
export function traceEnd(input: Pick<PlotInput, 'events' | 'metrics'>): SimTime {
  let end = 0;
  for (const e of input.events) end = Math.max(end, e.kind === 'state' ? e.at : Math.max(e.sentAt, e.receivedAt ?? 0));
  for (const m of input.metrics) end = Math.max(end, m.at);
  return end;
}

export function plotsOfTrace(input: PlotInput): PlotSpec[] {
  const end = input.endTime ?? traceEnd(input);
  const intervals = intervalsOf(end);
  const nodeName = (id: string) => input.nodes.find((n) => n.id === id)?.name ?? id;
  const messages = (ids: readonly number[] | undefined, keep: (m: MessageEvent) => boolean): MessageEvent[] => {
    const out: MessageEvent[] = [];
    const visit = (e: TraceEvent | undefined) => {
      if (e?.kind === 'message' && keep(e)) out.push(e);
    };
    if (ids) for (const id of ids) visit(input.events[id]);
    else for (const e of input.events) visit(e);
    return out;
  };
  const plots = [
    ...linkPlots(input.metrics),
    throughputPlot(messages(input.messageIds, (m) => m.protocol === 'tcp' && m.receivedAt !== null), intervals, nodeName),
    cachePlot(input, end, nodeName),
    messagesPlot(messages(input.applicationIds, (m) => m.layer === 'application'), intervals),
  ];
  return plots.filter((p): p is PlotSpec => p !== null && hasValues(p));
}

/** A link direction's samples (at their intervals' ends) as a step series over the intervals. */
function sampleSteps(samples: readonly Metric[]): { x: number[]; y: number[] } {
  const sorted = [...samples].sort((a, b) => a.at - b.at);
  const x = [0, ...sorted.slice(0, -1).map((m) => toSeconds(m.at))];
  const y = sorted.map((m) => m.value);
  if (sorted.length > 0) {
    x.push(toSeconds(sorted[sorted.length - 1]!.at));
    y.push(y[y.length - 1]!);
  }
  return { x, y };
}

function linkPlots(metrics: readonly Metric[]): PlotSpec[] {
  const byDirection = new Map<string, { utilisation: Metric[]; queueing: Metric[] }>();
  for (const m of metrics) {
    if (m.name !== 'linkUtilisationSample' && m.name !== 'queueingDelaySample') continue;
    const where = linkDirectionOf(m);
    let samples = byDirection.get(where);
    if (!samples) byDirection.set(where, (samples = { utilisation: [], queueing: [] }));
    (m.name === 'linkUtilisationSample' ? samples.utilisation : samples.queueing).push(m);
  }
  return [...byDirection].map(([where, samples]) => ({
    id: where,
    title: t('plots.link.title', { where }),
    x: timeAxis(),
    yAxes: [
      { label: t('plots.axis.utilisation'), unit: 'ratio' },
      { label: t('plots.axis.queueing'), unit: 's' },
    ],
    fromZero: true,
    series: [
      ...(samples.utilisation.length > 0 ? [{ label: t('plots.link.utilisation'), unit: 'ratio' as const, style: 'step' as const, ...sampleSteps(samples.utilisation) }] : []),
      ...(samples.queueing.length > 0 ? [{ label: t('plots.link.queueing'), unit: 's' as const, style: 'step' as const, ...sampleSteps(samples.queueing) }] : []),
    ],
  }));
}

/** Payload bytes of a TCP segment: its length less the header (data offset: the high nibble of byte 12, in 32-bit words). */
export function tcpPayloadLength(bytes: Uint8Array): number {
  if (bytes.length < 20) return 0;
  return Math.max(0, bytes.length - (bytes[12]! >>> 4) * 4);
}

function throughputPlot(received: readonly MessageEvent[], intervals: Intervals, nodeName: (id: string) => string): PlotSpec | null {
  const directions = new Map<string, { label: string; times: SimTime[]; bytes: number[] }>();
  for (const m of received) {
    const payload = tcpPayloadLength(m.bytes);
    if (payload === 0 || m.receivedAt === null) continue;
    const key = `${m.connection ?? ''} ${m.from}`;
    let d = directions.get(key);
    if (!d) directions.set(key, (d = { label: `${nodeName(m.from)}:${m.src.port} → ${nodeName(m.to)}:${m.dst.port}`, times: [], bytes: [] }));
    d.times.push(m.receivedAt);
    d.bytes.push(payload);
  }
  if (directions.size === 0 || intervals.count === 0) return null;
  const together = directions.size > MAX_THROUGHPUT_SERIES;
  const all = [...directions.values()];
  const shown = together ? [{ label: t('plots.throughput.total', { count: all.length }), times: all.flatMap((d) => d.times), bytes: all.flatMap((d) => d.bytes) }] : all;
  const width = widthText(intervals.width);
  const series: PlotSeries[] = shown.map((d) => {
    const bits = sumPerInterval(intervals, d.times, d.bytes).map((b, i) => (8 * b) / intervalSeconds(intervals, i));
    return { label: d.label, unit: 'bit/s', style: 'step', ...stepOfIntervals(intervals, bits) };
  });
  return {
    id: 'tcp throughput',
    title: t('plots.throughput.title', { width }),
    x: timeAxis(),
    yAxes: [{ label: t('plots.axis.throughput'), unit: 'bit/s' }],
    fromZero: true,
    series,
  };
}

function cachePlot(input: PlotInput, end: SimTime, nodeName: (id: string) => string): PlotSpec | null {
  const caches = cacheSeriesOf(input.events, end, input.stateIds);
  if (caches.length === 0) return null;
  return {
    id: 'cache entries',
    title: t('plots.cache.title'),
    x: timeAxis(),
    yAxes: [{ label: t('plots.axis.entries'), unit: 'count' }],
    fromZero: true,
    series: caches.map((c) => ({ label: t(`plots.cache.${c.protocol}`, { node: nodeName(c.node) }), unit: 'count', style: 'step', x: c.x, y: c.y })),
  };
}

function messagesPlot(sent: readonly MessageEvent[], intervals: Intervals): PlotSpec | null {
  if (sent.length === 0 || intervals.count === 0) return null;
  const byProtocol = new Map<string, SimTime[]>();
  for (const m of sent) {
    let times = byProtocol.get(m.protocol);
    if (!times) byProtocol.set(m.protocol, (times = []));
    times.push(m.sentAt);
  }
  const width = widthText(intervals.width);
  return {
    id: 'application messages',
    title: t('plots.messages.title', { width }),
    x: timeAxis(),
    yAxes: [{ label: t('plots.axis.messages', { width }), unit: 'count' }],
    fromZero: true,
    series: [...byProtocol].map(([protocol, times]) => ({ label: protocol.toUpperCase(), unit: 'count', style: 'step', ...stepOfIntervals(intervals, sumPerInterval(intervals, times)) })),
  };
}
