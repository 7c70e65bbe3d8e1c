/**
 * The topology drawing's cytoscape style, from the theme's colours (read
 * from the CSS variables, so light and dark follow styles/theme.css).
 * Shapes tell kinds apart without colour: host a rounded box, server a
 * barrel, router a circle.
 */
import type { StylesheetJson } from 'cytoscape';

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
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)', 'text-wrap': 'wrap', 'text-max-width': '88px', 'text-valign': 'bottom', 'text-margin-y': 5, 'font-size': 10.5, color: c.text,
        'text-background-color': c.bg, 'text-background-opacity': 0.85, 'text-background-padding': '1px',
        width: 34, height: 26, 'background-color': c.surface, 'border-width': 1.5, 'border-color': c.muted, shape: 'round-rectangle',
      },
    },
    { selector: 'node[kind = "server"]', style: { shape: 'barrel', width: 30, height: 34 } },
    { selector: 'node[kind = "router"]', style: { shape: 'ellipse', width: 30, height: 30, 'border-style': 'double', 'border-width': 4 } },
    { selector: 'node.sender, node.receiver', style: { 'border-color': c.accent, 'border-width': 3, 'font-weight': 'bold' } },
    { selector: 'node.receiver', style: { 'border-style': 'dashed' } },
    {
      selector: 'edge',
      style: {
        width: 2, 'line-color': c.border, label: 'data(label)', 'font-size': 9, color: c.muted, 'text-rotation': 'none', 'text-wrap': 'wrap', 'text-max-width': '52px',
        'text-background-color': c.bg, 'text-background-opacity': 0.85, 'text-background-padding': '1px', 'curve-style': 'straight',
      },
    },
    { selector: 'edge.on-path', style: { 'line-color': c.accent, width: 3 } },
    {
      selector: 'node.packet',
      style: {
        width: 14, height: 14, shape: 'ellipse', 'background-color': 'data(color)', 'border-width': 2, 'border-color': c.bg,
        label: '', 'z-index': 10, events: 'no',
      },
    },
    {
      selector: 'node.packet.lost',
      style: { 'background-color': c.lost, label: '✕', color: c.lost, 'font-size': 18, 'font-weight': 'bold', 'text-valign': 'center', 'text-halign': 'right', 'text-margin-x': 4, 'text-margin-y': 0 },
    },
  ];
}
