/**
 * "Lay out" (Ctrl+L): cytoscape's breadth-first layout (deterministic: the
 * same network always gets the same places), run on the drawing, its places
 * written into the document as one editor step.
 */
import type { Core } from 'cytoscape';
import type { EditorDoc, Point } from '../../src-core/editor/doc';
import { moveNodes } from '../../src-core/editor/move-nodes';
import { OWN_PREFIX } from '../topology/elements';

/** Room between ranks and between nodes of a rank, as a share of cytoscape's default. */
const SPACING = 1.4;

export function autoLayout(cy: Core, doc: EditorDoc): EditorDoc {
  const nodes = cy.nodes().filter((n) => !n.id().startsWith(OWN_PREFIX));
  // routers at the top: the hosts hang below the network that joins them
  const routers = nodes.filter('[kind = "router"]').map((n) => `#${n.id()}`);
  nodes.layout({ name: 'breadthfirst', directed: false, spacingFactor: SPACING, animate: false, ...(routers.length > 0 ? { roots: routers } : {}) }).run();
  const places = new Map<string, Point>();
  nodes.forEach((n) => {
    places.set(n.id(), { ...n.position() });
  });
  return moveNodes(doc, places);
}
