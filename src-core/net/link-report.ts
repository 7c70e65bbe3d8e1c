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
 */
import { toSeconds, type SimTime } from '../sim/time';
import type { ChannelStats } from './channel';

/** The names of these metrics: views that show a lesson's own measures (the chart's pills, the Results table's first part) set them apart. */
export const LINK_METRIC_NAMES: ReadonlySet<string> = new Set(['linkUtilisation', 'queueingDelay']);

export interface LinkMetric {
  readonly node: string;
  readonly name: 'linkUtilisation' | 'queueingDelay';
  readonly value: number;
  readonly unit: 'ratio' | 's';
  readonly summary: string;
}

const ms = (t: SimTime) => `${Number((t / 1e6).toFixed(3))} ms`;
const percent = (r: number) => `${Number((r * 100).toFixed(2))} %`;

/** A link direction is busy enough to be a lesson's bottleneck from this utilisation on: a tenth of the run. */
export const BOTTLENECK_UTILISATION = 0.1;

type NamedValue = { readonly name: string; readonly value: number; readonly summary: string };

/** Which link and direction a link metric is about: its summary up to the colon ("link access, isp → campus"). */
export function linkDirectionOf(metric: Pick<NamedValue, 'summary'>): string {
  const colon = metric.summary.indexOf(': ');
  return colon < 0 ? metric.summary : metric.summary.slice(0, colon);
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

export function linkMetrics(channels: readonly { readonly link: string; readonly from: string; readonly to: string; readonly stats: Readonly<ChannelStats> }[], elapsed: SimTime): LinkMetric[] {
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
