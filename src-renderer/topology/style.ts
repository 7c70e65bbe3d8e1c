/**
 * The topology drawing's cytoscape style, from the theme's colours (read
 * from the CSS variables, so light and dark follow styles/theme.css).
 * Shapes tell kinds apart without colour: host a rounded box, server a
 * barrel, router a circle.
 *
 * Which labels show and where comes from topology/labels.ts, applied as
 * classes and data (useTopologyLabels). On a node: `label-above` (`-right`,
 * `-left`; else below), `label-name` (the name without the address), data
 * `labelMax` (wrap width) and `labelDx` (offset across). On a link:
 * `label-full` or `label-short` (else no label), data `labelDx`, `labelDy`.
 */
import type { EdgeSingular, NodeSingular, StylesheetJson } from 'cytoscape';
import { LABEL_LINE_HEIGHT, LABEL_PAD, LINK_LABEL, NODE_LABEL } from './labels';
import type { TopologyKind } from './elements';

/** Node sizes in px by kind (labels.ts needs them to keep labels off nodes). */
export const NODE_SIZE: Readonly<Record<TopologyKind, { readonly width: number; readonly height: number }>> = {
  host: { width: 34, height: 26 },
  server: { width: 30, height: 34 },
  router: { width: 30, height: 30 },
};

/** Stacking of nodes: the packet dot under the nodes and their labels (it slides out of its sender, into its receiver). */
export const PACKET_Z = 0;
export const NODE_Z = 1;

/** The app's UI font (styles/theme.css --font) in the form cytoscape accepts (double quotes only). */
export const TOPOLOGY_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif';

export interface TopologyColors {
  readonly bg: string;
  readonly surface: string;
  readonly border: string;
  readonly text: string;
  readonly muted: string;
  readonly accent: string;
  readonly app: string;
  readonly transport: string;
  readonly lost: string;
}

export const COLOR_VARIABLES: Readonly<Record<keyof TopologyColors, string>> = {
  bg: '--bg', surface: '--surface-2', border: '--border', text: '--text', muted: '--muted', accent: '--accent', app: '--app', transport: '--transport', lost: '--lost',
};

/** Reads the theme's colours from an element's computed style. */
export function readColors(style: Pick<CSSStyleDeclaration, 'getPropertyValue'>): TopologyColors {
  const entries = Object.entries(COLOR_VARIABLES).map(([k, v]) => [k, style.getPropertyValue(v).trim() || '#888']);
  return Object.fromEntries(entries) as unknown as TopologyColors;
}

export function topologyStyle(c: TopologyColors): StylesheetJson {
  const text = {
    'font-family': TOPOLOGY_FONT, 'line-height': LABEL_LINE_HEIGHT,
    'text-background-color': c.bg, 'text-background-opacity': 0.9, 'text-background-padding': `${LABEL_PAD}px`,
  } as const;
  return [
    {
      selector: 'node',
      style: {
        ...text, label: 'data(label)', 'text-wrap': 'wrap', 'text-max-width': `${NODE_LABEL.maxWidth}px`, 'text-valign': 'bottom',
        'text-margin-y': NODE_LABEL.margin, 'font-size': NODE_LABEL.fontSize, color: c.text,
        ...NODE_SIZE.host, 'background-color': c.surface, 'border-width': 1.5, 'border-color': c.muted, shape: 'round-rectangle',
        // above the packet dot: cytoscape draws each element's label with the element, so only a dot drawn
        // before the nodes passes under their labels (edges, and their labels, stay below every node)
        'z-index': NODE_Z,
      },
    },
    { selector: 'node[kind = "server"]', style: { shape: 'barrel', ...NODE_SIZE.server } },
    { selector: 'node[kind = "router"]', style: { shape: 'ellipse', ...NODE_SIZE.router, 'border-style': 'double', 'border-width': 4 } },
    { selector: 'node[labelMax]', style: { 'text-max-width': 'data(labelMax)' } },
    { selector: 'node.label-name', style: { label: 'data(name)' } },
    { selector: 'node.label-above', style: { 'text-valign': 'top', 'text-margin-y': -NODE_LABEL.margin } },
    { selector: 'node.label-right', style: { 'text-valign': 'center', 'text-halign': 'right', 'text-margin-y': 0 } },
    { selector: 'node.label-left', style: { 'text-valign': 'center', 'text-halign': 'left', 'text-margin-y': 0 } },
    { selector: 'node[labelDx]', style: { 'text-margin-x': (n: NodeSingular) => Number(n.data('labelDx')) } },
    { selector: 'node.sender, node.receiver', style: { 'border-color': c.accent, 'border-width': 3, 'font-weight': 'bold' } },
    { selector: 'node.receiver', style: { 'border-style': 'dashed' } },
    {
      selector: 'edge',
      style: {
        ...text, width: 2, 'line-color': c.border, label: '', 'font-size': LINK_LABEL.fontSize, color: c.muted, 'text-rotation': 'none',
        'text-wrap': 'none', 'curve-style': 'straight',
      },
    },
    { selector: 'edge.label-full', style: { label: 'data(label)' } },
    { selector: 'edge.label-short', style: { label: 'data(short)' } },
    { selector: 'edge[labelDx]', style: { 'text-margin-x': (e: EdgeSingular) => Number(e.data('labelDx')), 'text-margin-y': (e: EdgeSingular) => Number(e.data('labelDy')) } },
    { selector: 'edge.on-path', style: { 'line-color': c.accent, width: 3 } },
    {
      selector: 'node.packet',
      style: {
        width: 14, height: 14, shape: 'ellipse', 'background-color': 'data(color)', 'border-width': 2, 'border-color': c.bg,
        label: '', 'z-index': PACKET_Z, events: 'no',
      },
    },
    {
      selector: 'node.packet.lost',
      style: { 'background-color': c.lost, label: '✕', color: c.lost, 'font-size': 18, 'font-weight': 'bold', 'text-valign': 'center', 'text-halign': 'right', 'text-margin-x': 4, 'text-margin-y': 0 },
    },
    // the editor (useTopologyEditor): the selection, the link handle and the link being drawn (cytoscape-edgehandles' classes)
    { selector: 'node:selected', style: { 'border-color': c.accent, 'border-width': 3, 'overlay-opacity': 0 } },
    { selector: 'edge:selected', style: { 'line-color': c.accent, width: 4, 'overlay-opacity': 0 } },
    {
      selector: 'node.edit-handle',
      style: { width: 12, height: 12, shape: 'ellipse', 'background-color': c.accent, 'border-width': 2, 'border-color': c.bg, label: '', 'overlay-opacity': 0 }, // added last: drawn over its node
    },
    { selector: '.eh-preview, .eh-ghost-edge', style: { 'line-color': c.accent, 'line-style': 'dashed', width: 2, label: '' } },
    { selector: '.eh-ghost-edge.eh-preview-active', style: { opacity: 0 } },
    { selector: 'node.eh-target, node.eh-source', style: { 'border-color': c.accent, 'border-width': 3 } },
  ];
}
