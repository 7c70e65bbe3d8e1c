/**
 * Editor command: nodes placed at new points (one drag, the nudge keys, an
 * automatic layout). Positions are whole px of the drawing's model
 * coordinates. A node not named keeps its place.
 */
import type { EditorDoc, Point } from './doc';

export function moveNodes(doc: EditorDoc, places: ReadonlyMap<string, Point>): EditorDoc {
  let changed = false;
  const nodes = doc.nodes.map((n) => {
    const p = places.get(n.id);
    if (!p) return n;
    const position = { x: Math.round(p.x), y: Math.round(p.y) };
    if (n.position?.x === position.x && n.position.y === position.y) return n;
    changed = true;
    return { ...n, position };
  });
  return changed ? { ...doc, nodes } : doc;
}
