/**
 * The run's per-link statistics as metrics (Kurose & Ross §1.4, §2.2.5: the
 * access link's utilisation and queueing delay), one set per direction of
 * every link that carried a packet, recorded when the run stops:
 * - `linkUtilisation` (ratio) on the sending node: the time its
 *   transmitter was busy / the run's length; the summary gives the packets,
 *   the bytes and the rate they were sent at;
 * - `queueingDelay` (s) on the sending node, only where a packet waited:
 *   the mean wait in the queue per packet sent, the summary with the
 *   longest wait, the longest queue and the packets refused when it was
 *   full.
 * And over time, for each direction busy at least BOTTLENECK_UTILISATION of
 * the run (linkSamples: a nearly idle link's curve is a flat zero, and every
 * DNS lesson would carry hundreds of them): the run cut into at most
 * MAX_SAMPLES intervals of a 1-2-5 width from 10 ms, and per interval
 * - `linkUtilisationSample` (ratio): busy time within it / its length;
 * - `queueingDelaySample` (s): the mean wait of the packets whose
 *   transmission started in it (0 without any), the summary with the
 *   longest queue;
 * each recorded at the interval's end.
 */
import { toSeconds, type SimTime } from '../sim/time';
import type { ChannelStats } from './channel';
import { BIN_NS, type LinkTimeline } from './link-timeline';

/** The samples over time: for plots and the exported trace, not listed in the Results. */
export const LINK_SAMPLE_NAMES: ReadonlySet<string> = new Set(['linkUtilisationSample', 'queueingDelaySample']);

/** The names of all these metrics: views that show a lesson's own measures (the chart's pills, the Results table's first part) set them apart. */
export const LINK_METRIC_NAMES: ReadonlySet<string> = new Set(['linkUtilisation', 'queueingDelay', ...LINK_SAMPLE_NAMES]);

/** At most this many intervals per direction over a run. */
export const MAX_SAMPLES = 60;

export interface LinkMetric {
  readonly node: string;
  readonly name: 'linkUtilisation' | 'queueingDelay' | 'linkUtilisationSample' | 'queueingDelaySample';
  readonly value: number;
  readonly unit: 'ratio' | 's';
  readonly summary: string;
  /** A sample's time: its interval's end (absent: the run's end). */
  readonly at?: SimTime;
}

interface ChannelReport {
  readonly link: string;
  readonly from: string;
  readonly to: string;
  readonly stats: Readonly<ChannelStats>;
}

const ms = (t: SimTime) => `${Number((t / 1e6).toFixed(3))} ms`;
const percent = (r: number) => `${Number((r * 100).toFixed(2))} %`;

/** A link direction is busy enough to be a lesson's bottleneck from this utilisation on: a tenth of the run. */
export const BOTTLENECK_UTILISATION = 0.1;

type NamedValue = { readonly name: string; readonly value: number; readonly summary: string };

/** A sample's interval after its direction in its summary (linkSamples `span`): ", 0 ms to 500 ms". */
const SAMPLE_SPAN = /, [\d.]+ ms to [\d.]+ ms$/;

/** Which link and direction a link metric is about: its summary up to the colon, less a sample's interval ("link access, isp → campus"). */
export function linkDirectionOf(metric: Pick<NamedValue, 'summary'>): string {
  const colon = metric.summary.indexOf(': ');
  return (colon < 0 ? metric.summary : metric.summary.slice(0, colon)).replace(SAMPLE_SPAN, '');
}

/**
 * The busiest link direction of a run, when it was busy at least
 * BOTTLENECK_UTILISATION of it: its utilisation, and its queueing delay
 * when a packet waited — the access link of Kurose & Ross §2.2.5, the
 * bottleneck of a transfer. Null when every link was nearly idle (a DNS
 * lookup's): then no link's load shaped the timings. The first of equals wins.
 */
export function bottleneckLink<M extends NamedValue>(metrics: readonly M[]): { readonly utilisation: M; readonly queueing: M | null } | null {
  let busiest: M | null = null;
  for (const m of metrics) if (m.name === 'linkUtilisation' && (busiest === null || m.value > busiest.value)) busiest = m;
  if (busiest === null || busiest.value < BOTTLENECK_UTILISATION) return null;
  const where = linkDirectionOf(busiest);
  const queueing = metrics.find((m) => m.name === 'queueingDelay' && linkDirectionOf(m) === where) ?? null;
  return { utilisation: busiest, queueing };
}

export function linkMetrics(channels: readonly ChannelReport[], elapsed: SimTime): LinkMetric[] {
  const out: LinkMetric[] = [];
  if (elapsed <= 0) return out;
  for (const { link, from, to, stats } of channels) {
    if (stats.packets === 0 && stats.queueDrops === 0) continue;
    const where = `link ${link}, ${from} → ${to}`;
    const utilisation = stats.busy / elapsed;
    const bits = (8 * stats.bytes) / toSeconds(elapsed);
    out.push({
      node: from,
      name: 'linkUtilisation',
      value: utilisation,
      unit: 'ratio',
      summary: `${where}: busy ${percent(utilisation)} of ${ms(elapsed)}, ${stats.packets} packets, ${stats.bytes} bytes (${Number((bits / 1e6).toFixed(3))} Mbit/s on average)`,
    });
    if (stats.maxQueueing > 0 || stats.queueDrops > 0) {
      const mean = stats.packets > 0 ? stats.queueing / stats.packets : 0;
      out.push({
        node: from,
        name: 'queueingDelay',
        value: toSeconds(mean),
        unit: 's',
        summary: `${where}: ${ms(mean)} in the queue on average, at most ${ms(stats.maxQueueing)}; queue up to ${stats.maxQueue} packets${stats.queueDrops > 0 ? `, ${stats.queueDrops} dropped when full` : ''}`,
      });
    }
  }
  return out;
}

/** The narrowest width of 10, 20, 50, 100 … ms that cuts `elapsed` into at most MAX_SAMPLES intervals. */
export function sampleWidth(elapsed: SimTime): SimTime {
  for (let decade = BIN_NS; ; decade *= 10) {
    for (const step of [1, 2, 5]) if (Math.ceil(elapsed / (decade * step)) <= MAX_SAMPLES) return decade * step;
  }
}

export function linkSamples(channels: readonly (ChannelReport & { readonly timeline: LinkTimeline })[], elapsed: SimTime): LinkMetric[] {
  const out: LinkMetric[] = [];
  if (elapsed <= 0) return out;
  const width = sampleWidth(elapsed);
  for (const { link, from, to, stats, timeline } of channels) {
    if (stats.busy / elapsed < BOTTLENECK_UTILISATION) continue;
    const where = `link ${link}, ${from} → ${to}`;
    for (const i of timeline.intervals(width, elapsed)) {
      const span = `${where}, ${ms(i.start)} to ${ms(i.end)}`;
      // A transmission still under way when an end time stopped the run counts in full: at most the whole interval.
      const busy = Math.min(1, i.busy / (i.end - i.start));
      out.push({ node: from, name: 'linkUtilisationSample', value: busy, unit: 'ratio', at: i.end, summary: `${span}: busy ${percent(busy)}, ${i.packets} packets, ${i.bytes} bytes` });
      const mean = i.packets > 0 ? i.queueing / i.packets : 0;
      out.push({ node: from, name: 'queueingDelaySample', value: toSeconds(mean), unit: 's', at: i.end, summary: `${span}: ${ms(mean)} in the queue on average; queue up to ${i.maxQueue} packets` });
    }
  }
  return out;
}
