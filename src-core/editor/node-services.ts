/**
 * Editor commands on a node's services: add one of a type, as the palette
 * preset that runs it has it set up (so a new DNS server starts with a
 * zone), or remove one. A type that no preset runs has no starting point and
 * is not offered.
 */
import type { NodePreset } from '../protocols/module';
import type { EditorDoc, EditorNode } from './doc';

type Service = NonNullable<EditorNode['services']>[number];

/** The service types the presets start, each with the preset's set-up, in palette order. */
export function serviceStarters(presets: readonly NodePreset[]): ReadonlyMap<string, Service> {
  const out = new Map<string, Service>();
  for (const p of presets) for (const s of p.services) if (!out.has(s.type)) out.set(s.type, s as Service);
  return out;
}

export function addService(doc: EditorDoc, nodeId: string, service: Service): EditorDoc {
  const nodes = doc.nodes.map((n) => (n.id === nodeId && n.kind === 'host' ? { ...n, services: [...(n.services ?? []), structuredClone(service)] } : n));
  return nodes.some((n, i) => n !== doc.nodes[i]) ? { ...doc, nodes } : doc;
}

export function removeService(doc: EditorDoc, nodeId: string, index: number): EditorDoc {
  const nodes = doc.nodes.map((n) => (n.id === nodeId && n.services !== undefined && index >= 0 && index < n.services.length ? { ...n, services: n.services.filter((_, i) => i !== index) } : n));
  return nodes.some((n, i) => n !== doc.nodes[i]) ? { ...doc, nodes } : doc;
}
