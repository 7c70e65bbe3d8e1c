/**
 * The scenario's network as cytoscape elements (plain data; the scenario is
 * the model, cytoscape only shows it), and the patch that turns the elements
 * shown into new ones, by id (react-cytoscapejs's patch.js): remove what
 * went, add what came, update data and positions that changed.
 */
import { linkId } from '../../src-core/scenario/build';
import type { Scenario } from '../../src-core/scenario/load';
import { displayKind, type NodeDisplayKind } from '../../src-core/scenario/node-kind';
import { t } from '../i18n/translate';

/** How the drawing shows a node (one rule for drawing, legend and list: displayKind). */
export type TopologyKind = NodeDisplayKind;

export interface TopologyElement {
  readonly group: 'nodes' | 'edges';
  readonly data: Readonly<Record<string, string>> & { readonly id: string };
  readonly position?: { readonly x: number; readonly y: number };
}

/** Ids of elements that views add for themselves (the packet dot) start with this, and are never patched away. */
export const OWN_PREFIX = '__';

/** "2 ms · 10 Mbit/s", with the loss rate when there is one. (Where the drawing has no room: linkShortLabel.) */
export function linkLabel(link: { delayMs: number; bandwidthMbps: number; lossRate: number }): string {
  const values = { delay: link.delayMs, bandwidth: link.bandwidthMbps };
  return link.lossRate > 0 ? t('topology.linkLabelLoss', { ...values, loss: +(link.lossRate * 100).toFixed(2) }) : t('topology.linkLabel', values);
}

/** "2 ms": a link's label where the full one does not fit (topology/labels.ts). */
export function linkShortLabel(link: { delayMs: number }): string {
  return t('topology.linkShort', { delay: link.delayMs });
}

/** What the drawing needs of a network: a loaded scenario, or the editor's document while it has issues (topology/network.ts). */
export interface DrawnNetwork {
  readonly nodes: readonly { readonly id: string; readonly name?: string | undefined; readonly kind: 'host' | 'router'; readonly address: string; readonly position?: { readonly x: number; readonly y: number } | undefined; readonly services: readonly unknown[] }[];
  readonly links: readonly { readonly id?: string | undefined; readonly a: string; readonly b: string; readonly delayMs: number; readonly bandwidthMbps: number; readonly lossRate: number }[];
}

export function scenarioElements(scenario: DrawnNetwork | Scenario): TopologyElement[] {
  const nodes: TopologyElement[] = scenario.nodes.map((n) => ({
    group: 'nodes',
    data: { id: n.id, name: n.name ?? n.id, label: `${n.name ?? n.id}\n${n.address}`, kind: displayKind(n) },
    ...(n.position ? { position: { x: n.position.x, y: n.position.y } } : {}),
  }));
  const edges: TopologyElement[] = scenario.links.map((l) => ({
    group: 'edges',
    data: { id: linkId(l), source: l.a, target: l.b, label: linkLabel(l), short: linkShortLabel(l) },
  }));
  return [...nodes, ...edges];
}

/** Whether any node lacks a position (then a layout places them all). */
export function needsLayout(elements: readonly TopologyElement[]): boolean {
  return elements.some((e) => e.group === 'nodes' && !e.position);
}

export interface ElementPatch {
  readonly remove: string[];
  readonly add: TopologyElement[];
  readonly update: TopologyElement[];
}

export function diffElements(shown: readonly TopologyElement[], next: readonly TopologyElement[]): ElementPatch {
  const before = new Map(shown.filter((e) => !e.data.id.startsWith(OWN_PREFIX)).map((e) => [e.data.id, e]));
  const after = new Set(next.map((e) => e.data.id));
  const patch: ElementPatch = { remove: [...before.keys()].filter((id) => !after.has(id)), add: [], update: [] };
  for (const e of next) {
    const old = before.get(e.data.id);
    if (!old || old.group !== e.group || old.data['source'] !== e.data['source'] || old.data['target'] !== e.data['target']) {
      if (old) patch.remove.push(e.data.id);
      patch.add.push(e);
    } else if (!sameRecord(old.data, e.data) || old.position?.x !== e.position?.x || old.position?.y !== e.position?.y) {
      patch.update.push(e);
    }
  }
  return patch;
}

function sameRecord(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
