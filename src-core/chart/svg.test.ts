import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ms } from '../sim/time';
import { parseScenarioText } from '../scenario/load';
import { runScenario } from '../scenario/runner';
import type { MessageEvent, TraceEvent, TraceNode } from '../trace/types';
import { computeAnnotations, type Annotation } from './annotations';
import { chartPalette } from './colors';
import { layoutGroupBands } from './group-bands';
import { boxesOverlap, rotatedBox } from './label-boxes';
import { DEFAULT_LAYOUT, layoutChart, type ChartLayout } from './layout';
import { arrowsInRange, chartToSvg, elide, escapeXml, num } from './svg';
import { noteBoxes } from './svg-notes';
import { svgTextWidth } from './svg-text';
import { checkXml } from './xml-check.test-helper';

function lessonTrace(name: string) {
  const json = readFileSync(join(__dirname, '../../resources/lessons', name), 'utf8');
  const loaded = parseScenarioText(json);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return runScenario(loaded.scenario).trace();
}

const tcp = lessonTrace('sockets-tcp.l7.json');
const base = { ...DEFAULT_LAYOUT, endTime: tcp.header.endTime, laneOrder: ['clientA', 'clientB', 'server'] };
const appLayout = layoutChart(tcp.nodes, tcp.events, { ...base, showTransport: false });
const allLayout = layoutChart(tcp.nodes, tcp.events, { ...base, showTransport: true, toggled: new Set(appIds()) });

function appIds(): number[] {
  return tcp.events.filter((e) => e.kind === 'message' && e.layer === 'application').map((e) => e.id);
}

function unescape(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
}

/** The text of a <text> element's content: its tspans (wrapped lines) joined by spaces, unescaped. */
const content = (inner: string) => unescape(inner.includes('<tspan') ? [...inner.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]!).join(' ') : inner);

/** Texts of all <text> elements, unescaped. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>((?:[^<]|<\/?tspan[^>]*>)*)<\/text>/g)].map((m) => content(m[1]!));
}

/** Texts written on the arrows (rotated about their own origin). */
function labelTexts(svg: string): string[] {
  return [...svg.matchAll(/<text x="0"[^>]*>((?:[^<]|<\/?tspan[^>]*>)*)<\/text>/g)].map((m) => content(m[1]!));
}

/** Full labels of the messages (each message group's <title>). */
function titles(svg: string): string[] {
  return [...svg.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => unescape(m[1]!));
}

/** The arrow lines of the messages, by id. */
function messageLines(svg: string): Map<number, { x1: string; y1: string; x2: string; y2: string }> {
  const out = new Map<number, { x1: string; y1: string; x2: string; y2: string }>();
  for (const m of svg.matchAll(/<g class="message [^"]*" data-id="(\d+)">\n<line x1="([^"]+)" y1="([^"]+)" x2="([^"]+)" y2="([^"]+)"/g)) {
    out.set(Number(m[1]), { x1: m[2]!, y1: m[3]!, x2: m[4]!, y2: m[5]! });
  }
  return out;
}

describe('elide', () => {
  it('keeps short texts and cuts long ones with an ellipsis', () => {
    expect(elide('short', 200, 11)).toBe('short');
    expect(elide('a'.repeat(100), 64, 11)).toBe(`${'a'.repeat(9)}…`);
  });
});

describe('escapeXml', () => {
  it('escapes the five XML specials and replaces characters XML cannot hold', () => {
    expect(escapeXml(`a<b>&"c"'d'`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;');
    expect(escapeXml('bell\u0007 tab\t')).toBe('bell\ufffd tab\t');
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });
});

describe('chartToSvg', () => {
  it('writes a well-formed standalone SVG document', () => {
    const svg = chartToSvg(allLayout, { title: 'Socket programming: TCP' });
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const { root, elements } = checkXml(svg);
    expect(root).toBe('svg');
    expect(elements).toBeGreaterThan(100);
    expect(svg).toContain('<marker id="head-');
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('contains every label, lane header and the title, escaped', () => {
    const svg = chartToSvg(appLayout, { title: 'Echo <TCP> & "friends"' });
    checkXml(svg);
    const all = texts(svg);
    for (const a of appLayout.arrows) expect(all).toContain(a.label); // short enough to show whole, and clear of each other
    const full = chartToSvg(allLayout, { title: 't' });
    for (const a of allLayout.arrows) expect(titles(full)).toContain(a.label);
    // Transport labels lose their ports (the same on every segment) and are never cut: whole (maybe wrapped),
    // else a marker [n] whose footnote has the text.
    const written = labelTexts(full);
    expect(written.filter((t) => t.endsWith('…'))).toEqual([]);
    const footnotes = texts(full).filter((t) => /^\[\d+\] /.test(t));
    for (const t of written) {
      if (/^\[\d+\]$/.test(t)) expect(footnotes.some((f) => f.startsWith(`${t} `))).toBe(true);
      else expect(allLayout.arrows.some((a) => a.label.replace(/^\d+ → \d+ /, '') === t)).toBe(true);
    }
    expect(all).toContain('Line "hello from client a"');
    expect(svg).toContain('Line &quot;hello from client a&quot;');
    for (const lane of appLayout.lanes) {
      expect(all).toContain(lane.node.name);
      expect(all).toContain(lane.node.address);
    }
    expect(svg).toContain('<title>Echo &lt;TCP&gt; &amp; &quot;friends&quot;</title>');
  });

  it('writes labels clear of each other and of the annotation texts, and bands behind the arrows in their connection colours', () => {
    const notes = computeAnnotations(allLayout, tcp.events, tcp.metrics);
    const svg = chartToSvg(allLayout, { title: 't', annotations: notes });
    checkXml(svg);
    const labels = [...svg.matchAll(/<text x="0" y="[^"]+" [^>]*font-size="(\d+)"[^>]*transform="translate\(([^ ]+) ([^)]+)\) rotate\(([^)]+)\)">((?:[^<]|<\/?tspan[^>]*>)*)<\/text>/g)].map((m) => {
      const lines = m[5]!.includes('<tspan') ? [...m[5]!.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((t) => unescape(t[1]!)) : [unescape(m[5]!)];
      const width = Math.max(...lines.map((t) => svgTextWidth(t, Number(m[1]))));
      // rounded to 0.01 px in the document: shrink a hair so that labels placed edge to edge do not count
      return rotatedBox(Number(m[2]), Number(m[3]), width - 0.1, 12 * lines.length - 0.1, (Number(m[4]) * Math.PI) / 180);
    });
    expect(labels.length).toBeGreaterThan(allLayout.arrows.length / 2);
    const obstacles = noteBoxes(allLayout, notes, 0, allLayout.height, chartPalette('light'));
    expect(obstacles.length).toBeGreaterThan(8);
    for (const [i, a] of labels.entries()) {
      for (const b of labels.slice(i + 1)) expect(boxesOverlap(a, b)).toBe(false);
      for (const o of obstacles) expect(boxesOverlap(a, o)).toBe(false);
    }
    const bands = [...svg.matchAll(/<rect class="annotation group"[^>]* fill="([^"]+)"/g)].map((m) => m[1]);
    expect(bands).toHaveLength(4);
    expect(new Set(bands).size).toBe(2); // one colour per connection
    expect(svg.indexOf('class="annotation group"')).toBeLessThan(svg.indexOf('<g class="message'));
    expect(texts(svg).filter((t) => /^TCP (handshake|close)$/.test(t))).toEqual(['TCP handshake', 'TCP close', 'TCP handshake', 'TCP close']);
  });

  it('keeps the layout coordinates of every arrow', () => {
    const svg = chartToSvg(allLayout, { title: 't' });
    const lines = messageLines(svg);
    expect(lines.size).toBe(allLayout.arrows.length);
    for (const a of allLayout.arrows) {
      expect(lines.get(a.id)).toEqual({ x1: num(a.x1), y1: num(a.y1), x2: num(a.x2), y2: num(a.y2) });
    }
  });

  it('draws a time axis with units', () => {
    const all = texts(chartToSvg(appLayout, { title: 't' }));
    expect(all).toContain('0 s');
    expect(all.some((t) => / ms$/.test(t))).toBe(true);
  });

  it('crops to a time range: only arrows crossing it, and ticks inside it', () => {
    const range = { t0: ms(20), t1: ms(30) };
    const svg = chartToSvg(allLayout, { title: 't', range });
    checkXml(svg);
    const ids = [...messageLines(svg).keys()];
    const top = allLayout.scale.y(range.t0);
    const bottom = allLayout.scale.y(range.t1);
    const crossing = allLayout.arrows.filter((a) => a.y1 <= bottom && a.y2 >= top).map((a) => a.id);
    expect(ids).toEqual(crossing);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThan(allLayout.arrows.length);
    expect(arrowsInRange(allLayout, range).map((a) => a.id)).toEqual(crossing);
    const ticks = texts(svg).filter((t) => / ms$/.test(t)).map((t) => parseFloat(t));
    expect(ticks.length).toBeGreaterThan(2);
    for (const t of ticks) expect(t).toBeGreaterThanOrEqual(19);
    for (const t of ticks) expect(t).toBeLessThanOrEqual(31);
  });

  it('draws lost messages with a cross and in-flight ones dashed, and names both in the legend', () => {
    const layout = tinyLayout();
    const svg = chartToSvg(layout, { title: 'loss' });
    checkXml(svg);
    expect(svg).toMatch(/<g class="message lost" data-id="1">\n<line [^>]*\/>\n<path d="M/);
    expect(svg).not.toMatch(/<g class="message lost" data-id="1">\n<line [^>]*marker-end/);
    expect(svg).toMatch(/<g class="message in-flight" data-id="2">\n<line [^>]*stroke-dasharray="6 4"[^>]*marker-end/);
    const all = texts(svg);
    expect(all).toContain('lost');
    expect(all).toContain('in flight when the run stopped');
    expect(all).toContain('transport: TCP segment, UDP datagram');
    expect(all).toContain('application message');
  });

  it('draws annotations inside the band only', () => {
    const layout = tinyLayout();
    expect(computeAnnotations(appLayout, tcp.events, tcp.metrics).length).toBeGreaterThan(0);
    const svg = chartToSvg(layout, {
      title: 'notes',
      range: { t0: 0, t1: ms(5) },
      annotations: [
        { kind: 'rtt', lane: 0, y1: layout.scale.y(ms(1)), y2: layout.scale.y(ms(2)), label: 'timeout < 3 ms & retry' },
        { kind: 'metric', lane: 1, y: layout.scale.y(ms(40)), label: 'outside' },
        groupNote(layout, 'TCP "handshake"', layout.scale.y(0), layout.scale.y(ms(3))),
      ],
    });
    checkXml(svg);
    expect(texts(svg)).toContain('timeout < 3 ms & retry');
    expect(texts(svg)).toContain('TCP "handshake"');
    expect(texts(svg)).not.toContain('outside');
  });
});

/** A group between lanes 0 and 1, its band and caption placed as computeAnnotations places them. */
function groupNote(layout: ChartLayout, label: string, y1: number, y2: number): Annotation {
  const [g] = layoutGroupBands([{ lanes: [0, 1], y1, y2, label }], (i) => layout.lanes[i]!.x);
  return { kind: 'group', lanes: [0, 1], y1, y2, label, tone: 0, band: g!.band, caption: g!.caption };
}

function tinyLayout(): ChartLayout {
  const nodes: TraceNode[] = [
    { id: 'a', name: 'A & Co', kind: 'host', address: '10.0.0.1' },
    { id: 'b', name: 'B', kind: 'host', address: '10.0.0.2' },
  ];
  const message = (id: number, over: Partial<MessageEvent>): MessageEvent => ({
    kind: 'message',
    id,
    layer: 'application',
    protocol: 'dns',
    from: 'a',
    to: 'b',
    src: { addr: '10.0.0.1', port: 5000 },
    dst: { addr: '10.0.0.2', port: 53 },
    sentAt: ms(id),
    receivedAt: ms(id + 1),
    summary: `query <${id}>`,
    bytes: new Uint8Array(),
    connection: null,
    causedBy: null,
    carries: [],
    retransmission: false,
    timing: null,
    lost: null,
    ...over,
  });
  const events: TraceEvent[] = [
    message(0, {}),
    message(1, { layer: 'transport', protocol: 'udp', receivedAt: null, lost: { at: ms(2), reason: 'random', link: null, node: 'a' } }),
    message(2, { receivedAt: null }),
  ];
  return layoutChart(nodes, events, { ...DEFAULT_LAYOUT, showTransport: true, endTime: ms(10) });
}
