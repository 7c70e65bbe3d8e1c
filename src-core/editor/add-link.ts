/**
 * Editor command: a link between two nodes, with the defaults a new link
 * gets (DEFAULT_LINK: 10 ms, 100 Mbit/s; queue and loss take the loader's
 * defaults). Refused (the document unchanged, null) for a link from a node
 * to itself or a second link between the same two nodes: the network has
 * one link per pair (resolve.ts link ids).
 */
import type { EditorDoc, EditorLink } from './doc';

export const DEFAULT_LINK = { delayMs: 10, bandwidthMbps: 100 } as const;

export function addLink(doc: EditorDoc, a: string, b: string): { doc: EditorDoc; id: string } | null {
  if (a === b) return null;
  const ids = new Set(doc.nodes.map((n) => n.id));
  if (!ids.has(a) || !ids.has(b)) return null;
  if (doc.links.some((l) => (l.a === a && l.b === b) || (l.a === b && l.b === a))) return null;
  const link: EditorLink = { a, b, ...DEFAULT_LINK };
  return { doc: { ...doc, links: [...doc.links, link] }, id: `${a}-${b}` };
}
