/**
 * Editor command: nodes and links deleted, with what cannot stand without
 * them:
 * - a deleted node's links;
 * - workload actions that name a deleted node in any field (the host that
 *   acts, its resolver, the server it attacks …): they could not run;
 * - the node's id in lists of node ids (a resolver's rootServers, the
 *   chart's view.laneOrder);
 * - loss rules on a deleted link or naming a deleted node.
 * Any other reference (a resolver's forwarder) stays, and the loader then
 * says where it points at nothing: the user decides what replaces it.
 */
import { linkIdOf } from '../scenario/resolve';
import type { EditorDoc } from './doc';

export function deleteElements(doc: EditorDoc, ids: ReadonlySet<string>): EditorDoc {
  const gone = (id: string) => ids.has(id);
  const nodes = doc.nodes.filter((n) => !gone(n.id));
  const removedNodes = new Set(doc.nodes.filter((n) => gone(n.id)).map((n) => n.id));
  const links = doc.links.filter((l) => !gone(linkIdOf(l)) && !removedNodes.has(l.a) && !removedNodes.has(l.b));
  const keptLinks = new Set(links.map(linkIdOf));
  if (nodes.length === doc.nodes.length && links.length === doc.links.length) return doc;
  const names = (v: unknown): boolean => (typeof v === 'string' ? removedNodes.has(v) : Array.isArray(v) ? v.some(names) : false);
  const workload = doc.workload.filter((a) => !Object.values(a).some(names));
  const withoutIds = (list: readonly string[]) => list.filter((id) => !removedNodes.has(id));
  return {
    ...doc,
    nodes: nodes.map((n) => (n.services === undefined ? n : { ...n, services: n.services.map((s) => dropFromIdLists(s, removedNodes)) })),
    links,
    workload,
    ...(doc.lossRules === undefined ? {} : { lossRules: doc.lossRules.filter((r) => (r.link === undefined || keptLinks.has(r.link)) && !names(r.from) && !names(r.to)) }),
    ...(doc.view?.laneOrder === undefined ? {} : { view: { ...doc.view, laneOrder: withoutIds(doc.view.laneOrder) } }),
  };
}

/** A service with the removed ids taken out of its lists of node ids (a resolver's rootServers). */
function dropFromIdLists<S extends object>(service: S, removed: ReadonlySet<string>): S {
  let out: S | null = null;
  for (const [key, value] of Object.entries(service)) {
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string') || !value.some((v) => removed.has(v as string))) continue;
    out ??= { ...service };
    (out as Record<string, unknown>)[key] = value.filter((v) => !removed.has(v as string));
  }
  return out ?? service;
}
