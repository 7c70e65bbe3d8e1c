/**
 * Editor command: a node from a palette preset (protocol registry presets,
 * plus a plain host and a router), dropped at a point of the drawing, with a
 * fresh id and name and a free address (doc.ts freeAddress).
 */
import type { NodePreset } from '../protocols/module';
import { freeAddress, freshId, usedIds, type EditorDoc, type EditorNode, type Point } from './doc';

/** The palette's own presets, before the protocols' ones. */
export const BASIC_PRESETS: readonly NodePreset[] = [
  { id: 'host', label: 'Client host', short: 'Client', kind: 'host', services: [] },
  { id: 'router', label: 'Router', short: 'Router', kind: 'router', services: [] },
];

export function addNode(doc: EditorDoc, preset: NodePreset, at: Point): { doc: EditorDoc; id: string } {
  const id = freshId(usedIds(doc), preset.id);
  const sameLabel = doc.nodes.filter((n) => n.name !== undefined && (n.name === preset.label || n.name.startsWith(`${preset.label} `))).length;
  const node: EditorNode = {
    id,
    kind: preset.kind,
    name: sameLabel === 0 ? preset.label : `${preset.label} ${sameLabel + 1}`,
    address: freeAddress(doc, preset.kind),
    position: { x: Math.round(at.x), y: Math.round(at.y) },
    // a preset's services are copied, so that editing one node never edits another
    services: structuredClone(preset.services) as EditorNode['services'],
  };
  return { doc: { ...doc, nodes: [...doc.nodes, node] }, id };
}
