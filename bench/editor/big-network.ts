/**
 * The editor benchmark's scenario (issue 10): 500 nodes (the schema's
 * MAX_NODES) and 1,000 links, built with the editor's own commands
 * (src-core/editor addNode, addLink) from the palette's presets, so it is
 * what a user could have built by hand. A campus of dual-homed hosts:
 * - nodes on a COLUMNS × ROWS grid, SPACING model px apart (multiples of
 *   the editor's 20 px grid; room for a two-line label below each node);
 * - a router where (column + 2 × row) mod 5 = 0 (100 routers): every other
 *   point of the grid is then next to exactly one router, across or down
 *   (the plus-shaped tiling), and diagonally next to another;
 * - hosts cycle through the palette's host presets (plain clients, TCP and
 *   UDP upper-case servers, authoritative DNS servers); ids, names and
 *   addresses are the ones addNode gives (unique, from 10.0.0.0/24 on);
 * - links: each host to the router next to it and to the one diagonally
 *   next to it (where these are inside the grid; a host with neither goes
 *   to the nearest router), the routers to their neighbours in their own
 *   lattice (steps (1, 2) and (2, −1)), and as many longer router links
 *   (step (3, 1), spread evenly) as make 1,000; hosts never forward
 *   (net/routing.ts), so every path runs through routers. No link runs
 *   through a node it does not end at. Delays of 1–20 ms, so that link
 *   labels differ;
 * - a few TCP upper-case clients in the workload, so the file also runs.
 * Deterministic: the same call always gives the same text.
 */
import { addLink } from '../../src-core/editor/add-link';
import { addNode, BASIC_PRESETS } from '../../src-core/editor/add-node';
import type { EditorDoc } from '../../src-core/editor/doc';
import type { NodePreset } from '../../src-core/protocols/module';
import { PROTOCOL_MODULES } from '../../src-core/protocols/registry';
import { canonicalScenarioText } from '../../src-core/scenario/canonical-text';

export const COLUMNS = 25;
export const ROWS = 20;
export const LINKS = 1_000;
/** Between grid neighbours, model px (across, down). */
export const SPACING = { x: 140, y: 100 } as const;
/** Where the grid's first point is, model px. */
const ORIGIN = { x: 60, y: 60 } as const;
/** TCP upper-case clients in the workload. */
const CLIENTS = 5;

const presets = new Map<string, NodePreset>([...BASIC_PRESETS, ...PROTOCOL_MODULES.flatMap((m) => m.presets)].map((p) => [p.id, p]));
/** The host presets the hosts cycle through (the plain client most often). */
const HOST_CYCLE = ['host', 'host', 'tcp-upper-server', 'host', 'udp-upper-server', 'host', 'dns-authoritative', 'host'] as const;

type Cell = readonly [col: number, row: number];
const isRouter = ([c, r]: Cell) => (c + 2 * r) % 5 === 0;
const inGrid = ([c, r]: Cell) => c >= 0 && c < COLUMNS && r >= 0 && r < ROWS;
const plus = ([c, r]: Cell, [dc, dr]: Cell): Cell => [c + dc, r + dr];
/** From a host's router (the one next to it) to its second router, by where the host is from its router: the next router clockwise, diagonally next to the host. */
const SECOND: ReadonlyMap<string, Cell> = new Map([
  ['1,0', [2, -1]],
  ['0,1', [1, 2]],
  ['-1,0', [-2, 1]],
  ['0,-1', [-1, -2]],
]);

function preset(id: string): NodePreset {
  const p = presets.get(id);
  if (!p) throw new Error(`no palette preset "${id}"`);
  return p;
}

/** The pairs of cells to link, `LINKS` of them. */
function linkedCells(): [Cell, Cell][] {
  const cells: Cell[] = [];
  for (let row = 0; row < ROWS; row++) for (let col = 0; col < COLUMNS; col++) cells.push([col, row]);
  const routers = cells.filter(isRouter);
  const pairs: [Cell, Cell][] = [];
  for (const host of cells.filter((c) => !isRouter(c))) {
    const step = ([[1, 0], [-1, 0], [0, 1], [0, -1]] as const).find((d) => isRouter(plus(host, d)))!;
    const first = plus(host, step);
    const second = plus(first, SECOND.get(`${-step[0]},${-step[1]}`)!);
    const uplinks = [first, second].filter(inGrid);
    if (uplinks.length === 0) {
      const distance = ([c, r]: Cell) => Math.hypot((c - host[0]) * SPACING.x, (r - host[1]) * SPACING.y);
      uplinks.push(routers.reduce((best, r) => (distance(r) < distance(best) ? r : best)));
    }
    for (const router of uplinks) pairs.push([host, router]);
  }
  for (const router of routers) {
    for (const step of [[1, 2], [2, -1]] as const) if (inGrid(plus(router, step))) pairs.push([router, plus(router, step)]);
  }
  const longer = routers.filter((r) => inGrid(plus(r, [3, 1])));
  const wanted = LINKS - pairs.length;
  if (wanted < 0 || wanted > longer.length) throw new Error(`the grid gives ${pairs.length} links before the longer ones, ${longer.length} of those`);
  for (let k = 0; k < wanted; k++) {
    const router = longer[Math.floor(((k + 0.5) * longer.length) / wanted)]!;
    pairs.push([router, plus(router, [3, 1])]);
  }
  return pairs;
}

export interface BigNetwork {
  readonly doc: EditorDoc;
  /** The file's text, as the app saves it (canonical-text.ts). */
  readonly text: string;
}

export function bigNetwork(): BigNetwork {
  let doc: EditorDoc = { format: 'l7-scenario', version: 1, name: 'Editor benchmark: 500 nodes, 1,000 links', nodes: [], links: [], workload: [] };
  const ids: string[] = [];
  let hosts = 0;
  for (let row = 0; row < ROWS; row++) {
    for (let col = 0; col < COLUMNS; col++) {
      const kind = isRouter([col, row]) ? 'router' : HOST_CYCLE[hosts++ % HOST_CYCLE.length]!;
      const added = addNode(doc, preset(kind), { x: ORIGIN.x + col * SPACING.x, y: ORIGIN.y + row * SPACING.y });
      doc = added.doc;
      ids.push(added.id);
    }
  }
  const id = ([c, r]: Cell) => ids[r * COLUMNS + c]!;
  for (const [a, b] of linkedCells()) {
    const added = addLink(doc, id(a), id(b));
    if (!added) throw new Error(`could not link ${id(a)} and ${id(b)}`);
    doc = added.doc;
  }
  doc = { ...doc, links: doc.links.map((l, i) => ({ ...l, delayMs: 1 + (i % 20) })) };

  const servers = doc.nodes.filter((n) => n.services?.some((s) => s.type === 'tcp-upper-server'));
  const clients = doc.nodes.filter((n) => n.kind === 'host' && (n.services ?? []).length === 0);
  const workload = Array.from({ length: CLIENTS }, (_, k) => ({
    type: 'tcp-upper-client' as const,
    atMs: k * 10,
    node: clients[(k * 97) % clients.length]!.id,
    server: servers[(k * 31) % servers.length]!.id,
    port: 12000,
    line: `hello from client ${k + 1}`,
  }));
  doc = { ...doc, workload };
  return { doc, text: canonicalScenarioText(doc) };
}
