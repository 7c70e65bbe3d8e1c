/**
 * The path a message takes through the scenario's network, for the topology
 * animation: the same routes the simulator uses (src-core/net/routing.ts:
 * shortest total propagation delay, ties by fewer hops then link order; only
 * routers forward), followed hop by hop from the sender to the receiver.
 */
import { routesOnDemand } from '../../src-core/net/routing';
import type { Topology } from '../../src-core/net/topology';

export interface Hop {
  readonly link: string;
  readonly from: string;
  readonly to: string;
}

export interface Router {
  /** The hops from `from` to `to`; [] when there is no route (or from = to). */
  path(from: string, to: string): readonly Hop[];
}

/** Routes once per topology, each node's table when a path first passes it; paths are computed on demand and remembered. */
export function createRouter(topology: Topology): Router {
  const tables = routesOnDemand(topology);
  const links = new Map(topology.links.map((l) => [l.id, l]));
  const cache = new Map<string, readonly Hop[]>();

  function path(from: string, to: string): readonly Hop[] {
    const key = `${from}\u0000${to}`;
    const known = cache.get(key);
    if (known) return known;
    const hops: Hop[] = [];
    let at = from;
    // A route never visits a node twice; the bound guards against a broken table.
    for (let i = 0; at !== to && i <= topology.nodes.length; i++) {
      const linkId = tables(at)?.get(to);
      const link = linkId === undefined ? undefined : links.get(linkId);
      if (!link) return remember(key, []);
      const next = link.a === at ? link.b : link.a;
      hops.push({ link: link.id, from: at, to: next });
      at = next;
    }
    return remember(key, at === to ? hops : []);
  }

  function remember(key: string, hops: readonly Hop[]): readonly Hop[] {
    cache.set(key, hops);
    return hops;
  }

  return { path };
}

/**
 * The hops a lost message travelled: up to and including the link it was
 * lost on (its dot stops there), or up to the node that dropped it.
 */
export function hopsUntilLoss(hops: readonly Hop[], lost: { link: string | null; node: string }): { hops: readonly Hop[]; onLink: boolean } {
  if (lost.link !== null) {
    const i = hops.findIndex((h) => h.link === lost.link);
    if (i >= 0) return { hops: hops.slice(0, i + 1), onLink: true };
  }
  const j = hops.findIndex((h) => h.from === lost.node);
  return { hops: j >= 0 ? hops.slice(0, j) : hops, onLink: false };
}
