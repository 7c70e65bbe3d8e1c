import { describe, expect, it } from 'vitest';
import { linkDirectionOf } from '../../src-core/net/link-report';
import { toSeconds } from '../../src-core/sim/time';
import type { MessageEvent } from '../../src-core/trace/types';
import { createTraceArrays, mergeBatch } from '../trace/merge-batch';
import { specProblem, type PlotSeries, type PlotSpec } from './plot-spec';
import { lessonRun } from './test-runs';
import { MAX_THROUGHPUT_SERIES, plotsOfTrace, tcpPayloadLength, traceEnd, type PlotInput } from './trace-series';

const byId = (plots: readonly PlotSpec[], id: string) => plots.find((p) => p.id === id);
const last = <T>(a: readonly T[]) => a[a.length - 1]!;
/** Payload bytes of every TCP segment that arrived. */
const deliveredBytes = (run: PlotInput) =>
  run.events.filter((e): e is MessageEvent => e.kind === 'message' && e.protocol === 'tcp' && e.receivedAt !== null).reduce((sum, m) => sum + tcpPayloadLength(m.bytes), 0);
/** A step series' integral: value × duration, summed (bit/s × s = bits). */
function areaOf(s: PlotSeries): number {
  let area = 0;
  for (let i = 0; i + 1 < s.x.length; i++) area += s.y[i]! * (s.x[i + 1]! - s.x[i]!);
  return area;
}

describe('plotsOfTrace on the bulk transfer lesson', () => {
  const run = lessonRun('transport-bulk');
  const plots = plotsOfTrace(run);

  it('gives well-formed specs in order: links, throughput, messages', () => {
    for (const p of plots) expect(specProblem(p)).toBeNull();
    const ids = plots.map((p) => p.id);
    const directions = new Set(run.metrics.filter((m) => m.name === 'linkUtilisationSample').map(linkDirectionOf));
    expect(directions.size).toBeGreaterThan(0);
    expect(ids.filter((id) => id.startsWith('link '))).toEqual([...directions]);
    expect(ids.slice(-2)).toEqual(['tcp throughput', 'application messages']);
  });

  it('draws each link sample as a step over its interval, from 0 to the last sample’s end, values as recorded', () => {
    const samples = run.metrics.filter((m) => m.name === 'linkUtilisationSample');
    const where = linkDirectionOf(samples[0]!);
    const mine = samples.filter((m) => linkDirectionOf(m) === where);
    const plot = byId(plots, where)!;
    expect(plot.title).toBe(`Utilisation and queueing delay: ${where}`);
    expect(where).not.toMatch(/ ms$/);
    expect(mine.length).toBeGreaterThan(2);
    const utilisation = plot.series.find((s) => s.unit === 'ratio')!;
    expect(utilisation.style).toBe('step');
    expect(utilisation.x[0]).toBe(0);
    expect(last(utilisation.x)).toBe(toSeconds(last(mine).at));
    expect(utilisation.y.slice(0, -1)).toEqual(mine.map((m) => m.value));
    expect(plot.series.find((s) => s.unit === 's')!.y).toHaveLength(mine.length + 1);
  });

  it('measures throughput from the payload delivered, so its bits add up to the bytes received', () => {
    const plot = byId(plots, 'tcp throughput')!;
    expect(plot.yAxes).toEqual([{ label: 'Throughput', unit: 'bit/s' }]);
    expect(plot.series.length).toBeGreaterThan(0);
    expect(plot.series.length).toBeLessThanOrEqual(MAX_THROUGHPUT_SERIES);
    const bits = plot.series.reduce((sum, s) => sum + areaOf(s), 0);
    expect(bits / 8).toBeCloseTo(deliveredBytes(run), 0);
  });

  it('shows many short connections’ throughput as one total', () => {
    const access = lessonRun('http-access-link');
    const plot = byId(plotsOfTrace(access), 'tcp throughput')!;
    expect(plot.series).toHaveLength(1);
    expect(plot.series[0]!.label).toMatch(/^all \d+ connection directions together$/);
    expect(areaOf(plot.series[0]!) / 8).toBeCloseTo(deliveredBytes(access), 0);
  });

  it('counts the application messages sent per protocol', () => {
    const plot = byId(plots, 'application messages')!;
    const sent = run.events.filter((e) => e.kind === 'message' && e.layer === 'application').length;
    const counted = plot.series.reduce((sum, s) => sum + s.y.slice(0, -1).reduce((a: number, v) => a + v!, 0), 0);
    expect(counted).toBe(sent);
    expect(plot.yAxes[0]!.label).toMatch(/^Messages sent per \d+ m?s$/);
  });
});

describe('plotsOfTrace on other lessons', () => {
  it('plots the proxy’s cache filling up in the access-link lesson with a cache', () => {
    const plot = byId(plotsOfTrace(lessonRun('http-access-link-cache')), 'cache entries')!;
    expect(plot.series).toHaveLength(1);
    const entries = plot.series[0]!;
    expect(entries.label).toMatch(/\(HTTP\)$/);
    expect(entries.y[0]).toBe(0);
    expect(Math.max(...entries.y.map(Number))).toBeGreaterThan(0);
  });

  it('shows only plots with data: a DNS lesson has no link or throughput plot', () => {
    const ids = plotsOfTrace(lessonRun('dns-stale-cache')).map((p) => p.id);
    expect(ids).toContain('cache entries');
    expect(ids).toContain('application messages');
    expect(ids.some((id) => id.startsWith('link '))).toBe(false);
  });

  it('reads the renderer’s arrays with their indexes the same as the plain trace', () => {
    const run = lessonRun('http-browser-cache');
    const arrays = createTraceArrays();
    mergeBatch(arrays, { events: run.events, updates: [], metrics: run.metrics });
    expect(plotsOfTrace({ ...arrays, nodes: run.nodes, endTime: run.endTime })).toEqual(plotsOfTrace(run));
  });

  it('has nothing to plot before a run, and ends at the latest time the trace names while it runs', () => {
    expect(plotsOfTrace({ events: [], metrics: [], nodes: [], endTime: null })).toEqual([]);
    const run = lessonRun('sockets-tcp');
    expect(traceEnd(run)).toBeLessThanOrEqual(run.endTime!);
    expect(traceEnd(run)).toBeGreaterThan(0);
  });
});

describe('tcpPayloadLength', () => {
  it('is the segment less its header (data offset × 4 bytes)', () => {
    const segment = new Uint8Array(20 + 12 + 5);
    segment[12] = 8 << 4; // 32-byte header (12 bytes of options)
    expect(tcpPayloadLength(segment)).toBe(5);
    expect(tcpPayloadLength(new Uint8Array(3))).toBe(0);
  });
});
