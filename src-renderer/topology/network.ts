/**
 * The network the editor draws while the scenario has issues (a new
 * resolver without root servers, a link being filled in): the document's
 * nodes and links that are whole enough to draw — a node with a string id,
 * a kind and an address; a link between two such nodes, its numbers as
 * given (0 where one is missing) — so that the canvas never goes blank in
 * the middle of an edit. A valid scenario is drawn as the loader made it.
 */
import type { EditorDoc } from '../../src-core/editor/doc';
import type { DrawnNetwork } from './elements';

const isText = (v: unknown): v is string => typeof v === 'string' && v !== '';
const numberOr0 = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

export function drawableNetwork(doc: EditorDoc): DrawnNetwork {
  const nodes = doc.nodes
    .filter((n) => n !== null && typeof n === 'object' && isText(n.id) && (n.kind === 'host' || n.kind === 'router') && isText(n.address))
    .map((n) => ({
      id: n.id,
      name: typeof n.name === 'string' ? n.name : undefined,
      kind: n.kind,
      address: n.address,
      position: n.position && Number.isFinite(n.position.x) && Number.isFinite(n.position.y) ? n.position : undefined,
      services: Array.isArray(n.services) ? n.services : [],
    }));
  const ids = new Set(nodes.map((n) => n.id));
  const links = doc.links
    .filter((l) => l !== null && typeof l === 'object' && ids.has(l.a) && ids.has(l.b) && l.a !== l.b)
    .map((l) => ({ id: isText(l.id) ? l.id : undefined, a: l.a, b: l.b, delayMs: numberOr0(l.delayMs), bandwidthMbps: numberOr0(l.bandwidthMbps), lossRate: numberOr0(l.lossRate) }));
  return { nodes, links };
}
