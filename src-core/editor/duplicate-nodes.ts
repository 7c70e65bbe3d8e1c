/**
 * Editor command: copies of nodes (Ctrl+D, and paste), each with a fresh id
 * and a free address, placed `offset` px from the original, with copies of
 * the links among the copied nodes (a link to a node not copied is not
 * copied: it would join the copy to the original's neighbour twice over).
 * Services are copied as they are; a copy of a DNS server serves the same
 * zones, which the user then edits.
 */
import { freeAddress, freshId, usedIds, type EditorDoc, type EditorNode, type Point } from './doc';

export const PASTE_OFFSET: Point = { x: 40, y: 40 };

export function duplicateNodes(doc: EditorDoc, copied: readonly EditorNode[], links: EditorDoc['links'], offset: Point = PASTE_OFFSET): { doc: EditorDoc; ids: string[] } {
  let next = doc;
  const renamed = new Map<string, string>();
  for (const node of copied) {
    const id = freshId(usedIds(next), node.id);
    renamed.set(node.id, id);
    const copy: EditorNode = {
      ...structuredClone(node),
      id,
      address: freeAddress(next, node.kind),
      ...(node.name === undefined ? {} : { name: `${node.name} (copy)` }),
      ...(node.position === undefined ? {} : { position: { x: node.position.x + offset.x, y: node.position.y + offset.y } }),
    };
    next = { ...next, nodes: [...next.nodes, copy] };
  }
  const newLinks = links
    .filter((l) => renamed.has(l.a) && renamed.has(l.b))
    .map(({ id: _id, ...l }) => ({ ...l, a: renamed.get(l.a)!, b: renamed.get(l.b)! }));
  return { doc: { ...next, links: [...next.links, ...newLinks] }, ids: [...renamed.values()] };
}
