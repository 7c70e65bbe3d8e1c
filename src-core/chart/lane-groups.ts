/**
 * Lane groups: nodes that do the same job (every host running the same
 * services, e.g. the root, TLD and authoritative DNS servers of a lesson)
 * can be collapsed into one lane of the chart, so that a long chain of
 * servers fits the pane and the client's side of the story reads at a
 * glance. Messages between members of a collapsed group are left out (they
 * would run along the lane); messages to or from a member, and its state
 * changes, are drawn on the group's lane. Groups come from the nodes alone,
 * so any topology a user draws has them.
 *
 * Rule: hosts whose service types are the same non-empty list (in any
 * order) form a group when there are at least two of them.
 */
import type { TraceNode } from '../trace/types';

export interface LaneGroup {
  /** "group:" and the members' service types: stable across runs of a scenario. */
  readonly id: string;
  /** What the members are, for people: "3 × dns-server". */
  readonly name: string;
  /** Node ids, in the nodes' order. */
  readonly members: readonly string[];
}

/** The lane groups of these nodes, in the order of their first member. */
export function laneGroups(nodes: readonly TraceNode[]): LaneGroup[] {
  const bySignature = new Map<string, string[]>();
  for (const n of nodes) {
    const services = n.services ?? [];
    if (n.kind !== 'host' || services.length === 0) continue;
    const signature = [...services].sort().join('+');
    const members = bySignature.get(signature);
    if (members) members.push(n.id);
    else bySignature.set(signature, [n.id]);
  }
  return [...bySignature]
    .filter(([, members]) => members.length >= 2)
    .map(([signature, members]) => ({ id: `group:${signature}`, name: `${members.length} × ${signature.replaceAll('+', ' + ')}`, members }));
}

export interface GroupedLanes {
  /** The nodes as lanes: each collapsed group's node in place of its first member, the other members left out. */
  readonly nodes: readonly TraceNode[];
  /** A node's lane id: its group's for a member of a collapsed group, else its own. */
  readonly laneOf: (node: string) => string;
}

/** The lanes with `collapsed` groups (by id) drawn as one each. */
export function groupLanes(nodes: readonly TraceNode[], groups: readonly LaneGroup[], collapsed: ReadonlySet<string>): GroupedLanes {
  const groupOf = new Map<string, LaneGroup>();
  for (const g of groups) if (collapsed.has(g.id)) for (const m of g.members) groupOf.set(m, g);
  if (groupOf.size === 0) return { nodes, laneOf: (id) => id };
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out: TraceNode[] = [];
  for (const n of nodes) {
    const g = groupOf.get(n.id);
    if (!g) out.push(n);
    else if (g.members[0] === n.id) out.push(groupNode(g, byId));
  }
  return { nodes: out, laneOf: (id) => groupOf.get(id)?.id ?? id };
}

/** The lane of a collapsed group: named by its members, with their addresses. */
function groupNode(g: LaneGroup, byId: ReadonlyMap<string, TraceNode>): TraceNode {
  const members = g.members.map((id) => byId.get(id)!);
  return {
    id: g.id,
    name: members.map((m) => m.name).join(', '),
    kind: 'host',
    address: `${g.name} · ${members.map((m) => m.address).join(', ')}`,
    services: members[0]!.services ?? [],
  };
}
