/**
 * Routes by shortest total propagation delay (Dijkstra), computed once per run.
 * Ties are broken by fewer hops, then by the order links were declared, so the
 * routes are deterministic. Only routers forward: a host is never a transit
 * node (a real host does not forward packets that are not addressed to it).
 */
import type { Topology } from './topology';

/** For a node, the link id to send on to reach each destination node id. */
export type RoutingTable = ReadonlyMap<string, string>;

type Adjacency = Map<string, Array<{ link: string; to: string; delay: number }>>;

function graphOf(topology: Topology): { kind: Map<string, string>; adjacency: Adjacency } {
  const kind = new Map(topology.nodes.map((n) => [n.id, n.kind]));
  const adjacency: Adjacency = new Map();
  for (const n of topology.nodes) adjacency.set(n.id, []);
  for (const l of topology.links) {
    adjacency.get(l.a)?.push({ link: l.id, to: l.b, delay: l.delay });
    adjacency.get(l.b)?.push({ link: l.id, to: l.a, delay: l.delay });
  }
  return { kind, adjacency };
}

export function computeRoutes(topology: Topology): Map<string, RoutingTable> {
  const { kind, adjacency } = graphOf(topology);
  const tables = new Map<string, RoutingTable>();
  for (const source of topology.nodes) {
    tables.set(source.id, routesFrom(source.id, adjacency, kind));
  }
  return tables;
}

/**
 * The same tables as computeRoutes, each made when first asked for and then
 * kept: for views that follow a few paths through a big network (all 500
 * tables of a 500-node network take about a second).
 */
export function routesOnDemand(topology: Topology): (source: string) => RoutingTable | undefined {
  const { kind, adjacency } = graphOf(topology);
  const tables = new Map<string, RoutingTable>();
  return (source) => {
    if (!adjacency.has(source)) return undefined;
    let table = tables.get(source);
    if (!table) {
      table = routesFrom(source, adjacency, kind);
      tables.set(source, table);
    }
    return table;
  };
}

interface Best {
  delay: number;
  hops: number;
  firstLink: string;
}

function routesFrom(source: string, adjacency: Adjacency, kind: Map<string, string>): RoutingTable {
  const best = new Map<string, Best>();
  const done = new Set<string>();
  best.set(source, { delay: 0, hops: 0, firstLink: '' });
  // Node counts are small (≤ 500): a linear scan for the minimum is simple and fast enough.
  for (;;) {
    let current: string | null = null;
    let currentBest: Best | null = null;
    for (const [id, b] of best) {
      if (done.has(id)) continue;
      if (currentBest === null || b.delay < currentBest.delay || (b.delay === currentBest.delay && b.hops < currentBest.hops)) {
        current = id;
        currentBest = b;
      }
    }
    if (current === null || currentBest === null) break;
    done.add(current);
    if (current !== source && kind.get(current) !== 'router') continue; // hosts do not forward
    for (const edge of adjacency.get(current) ?? []) {
      if (done.has(edge.to)) continue;
      const candidate: Best = {
        delay: currentBest.delay + edge.delay,
        hops: currentBest.hops + 1,
        firstLink: current === source ? edge.link : currentBest.firstLink,
      };
      const known = best.get(edge.to);
      if (!known || candidate.delay < known.delay || (candidate.delay === known.delay && candidate.hops < known.hops)) {
        best.set(edge.to, candidate);
      }
    }
  }
  const table = new Map<string, string>();
  for (const [id, b] of best) if (id !== source) table.set(id, b.firstLink);
  return table;
}
