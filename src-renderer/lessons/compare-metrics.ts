/**
 * The comparison view's table: each metric of either run (its node, name
 * and occurrence: the 2nd pageLoadTime at the browser is the 2nd), its value
 * in each run and the difference B − A, in the metric's unit. Of the
 * per-link measures only the bottleneck's (the busiest direction of either
 * run, net/link-report.ts) are listed, paired by link and direction; the
 * samples over time are for plots.
 */
import { bottleneckLink, LINK_METRIC_NAMES, LINK_SAMPLE_NAMES, linkDirectionOf } from '../../src-core/net/link-report';
import type { Metric, MetricUnit } from '../../src-core/trace/types';

export interface MetricRow {
  readonly node: string;
  readonly name: string;
  /** 1 for the first metric of this node and name, 2 for the second … */
  readonly occurrence: number;
  readonly unit: MetricUnit;
  /** What the metric is about, from the first run that has it ("link access, isp → campus: …"). */
  readonly summary: string;
  readonly a: number | null;
  readonly b: number | null;
  /** b − a, when both exist. */
  readonly difference: number | null;
}

/** The link directions worth listing: the bottleneck of each run. */
function bottlenecks(...runs: (readonly Metric[])[]): Set<string> {
  const out = new Set<string>();
  for (const metrics of runs) {
    const found = bottleneckLink(metrics);
    if (found !== null) out.add(linkDirectionOf(found.utilisation));
  }
  return out;
}

function keyed(metrics: readonly Metric[], links: ReadonlySet<string>): Map<string, Metric> {
  const seen = new Map<string, number>();
  const out = new Map<string, Metric>();
  for (const m of metrics) {
    if (LINK_SAMPLE_NAMES.has(m.name)) continue;
    const link = LINK_METRIC_NAMES.has(m.name) ? linkDirectionOf(m) : null;
    if (link !== null && !links.has(link)) continue;
    const base = `${link ?? m.node}\u0000${m.name}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.set(`${base}\u0000${n}`, m);
  }
  return out;
}

export function compareMetrics(a: readonly Metric[], b: readonly Metric[]): MetricRow[] {
  const links = bottlenecks(a, b);
  const ka = keyed(a, links);
  const kb = keyed(b, links);
  const keys = [...ka.keys(), ...[...kb.keys()].filter((k) => !ka.has(k))];
  return keys.map((key) => {
    const ma = ka.get(key);
    const mb = kb.get(key);
    const m = (ma ?? mb)!;
    const [node, name, n] = key.split('\u0000');
    const av = ma?.value ?? null;
    const bv = mb?.value ?? null;
    return { node: node!, name: name!, occurrence: Number(n), unit: m.unit, summary: m.summary, a: av, b: bv, difference: av !== null && bv !== null ? bv - av : null };
  });
}
