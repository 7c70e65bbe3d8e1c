import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../scenario/load';
import { runScenario } from '../scenario/runner';
import { computeAnnotations, formatMs, TRANSMISSION_SPACING } from './annotations';
import { chartPalette, contrastRatio, hashColor, legendFor, protocolColor } from './colors';
import { BAND_MARGIN, rectsOverlap } from './group-bands';
import { connectionIndexes, DEFAULT_LAYOUT, layoutChart } from './layout';
import { plainMessage } from '../trace/tcp-message-view';

function lessonTrace(name: string) {
  const loaded = parseScenarioText(readFileSync(join(__dirname, '../../resources/lessons', name), 'utf8'));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return runScenario(loaded.scenario).trace();
}

const tcp = lessonTrace('sockets-tcp.l7.json');
const options = { ...DEFAULT_LAYOUT, endTime: tcp.header.endTime };

describe('computeAnnotations', () => {
  it('draws no pill for what a link carried (linkUtilisation, queueingDelay): the lesson\'s own measures only', () => {
    const trace = lessonTrace('http-persistent.l7.json');
    const layout = layoutChart(trace.nodes, trace.events, { ...DEFAULT_LAYOUT, endTime: trace.header.endTime, showTransport: false });
    expect(trace.metrics.some((m) => m.name === 'linkUtilisation')).toBe(true);
    const pills = computeAnnotations(layout, trace.events, trace.metrics).flatMap((n) => (n.kind === 'metric' ? [n.label.split(' ')[0]] : []));
    expect(pills).toEqual(['pageLoadTime', 'pageLoadTime']);
  });

  it('leaves out a reply bracket that would overlap an earlier one on its lane (a proxy with requests to its origin in flight at once)', () => {
    const trace = lessonTrace('http-access-link-cache.l7.json');
    const layout = layoutChart(trace.nodes, trace.events, { ...DEFAULT_LAYOUT, endTime: trace.header.endTime, showTransport: false });
    const brackets = computeAnnotations(layout, trace.events, trace.metrics).flatMap((n) => (n.kind === 'rtt' ? [n] : []));
    const proxy = layout.lanes.findIndex((l) => l.node.id === 'proxy');
    expect(brackets.some((b) => b.lane === proxy)).toBe(true);
    for (const a of brackets) for (const b of brackets) if (a !== b && a.lane === b.lane) expect(a.y1 < b.y2 && b.y1 < a.y2, `${a.label} / ${b.label}`).toBe(false);
  });

  it('brackets each HTTP request → response on the browser\'s lane only: the requests an HTML page leads to are no replies to the server', () => {
    const http = lessonTrace('http-persistent.l7.json');
    const layout = layoutChart(http.nodes, http.events, { ...DEFAULT_LAYOUT, endTime: http.header.endTime, showTransport: false });
    const rtts = computeAnnotations(layout, http.events, http.metrics).flatMap((n) => (n.kind === 'rtt' && n.label.startsWith('reply after') ? [n] : []));
    const client = layout.lanes.findIndex((l) => l.node.id === 'client');
    // the persistent load's 11 requests each; the pipelined load's drawn one by one (a burst is drawn as one arrow)
    expect(rtts.length).toBeGreaterThanOrEqual(11);
    expect(new Set(rtts.map((n) => n.lane))).toEqual(new Set([client]));
  });

  it('brackets the handshake RTT and each request → reply on the requester lane, with transport shown', () => {
    const layout = layoutChart(tcp.nodes, tcp.events, { ...options, showTransport: true });
    const notes = computeAnnotations(layout, tcp.events, tcp.metrics);
    const rtts = notes.filter((n) => n.kind === 'rtt');
    expect(rtts.map((n) => n.label)).toEqual(['RTT 24.08 ms', 'RTT 26.08 ms', 'reply after 24.17 ms', 'reply after 26.17 ms']);
    const clientA = layout.lanes.findIndex((l) => l.node.id === 'clientA');
    expect(rtts[0]).toMatchObject({ lane: clientA, y1: layout.scale.y(0), y2: layout.scale.y(24_077_440) });
    const groups = notes.filter((n) => n.kind === 'group').map((n) => n.label);
    expect(groups.sort()).toEqual(['TCP close', 'TCP close', 'TCP handshake', 'TCP handshake']);
  });

  it('bands each connection’s handshake and close over its own lanes, in its colour, captions apart', () => {
    const layout = layoutChart(tcp.nodes, tcp.events, { ...options, showTransport: true, laneOrder: ['clientA', 'clientB', 'server'] });
    const groups = computeAnnotations(layout, tcp.events, tcp.metrics).filter((n) => n.kind === 'group');
    const x = (i: number) => layout.lanes[i]!.x;
    expect(groups.map((g) => [g.label, g.lanes])).toEqual([
      ['TCP handshake', [0, 2]],
      ['TCP close', [0, 2]],
      ['TCP handshake', [1, 2]],
      ['TCP close', [1, 2]],
    ]);
    const tones = connectionIndexes(layout);
    const [handshakeA, closeA, handshakeB, closeB] = groups;
    // the tone is the connection's badge colour: A's bands share one, B's another
    expect(handshakeA!.tone).toBe(closeA!.tone);
    expect(handshakeB!.tone).toBe(closeB!.tone);
    expect(handshakeA!.tone).not.toBe(handshakeB!.tone);
    expect([...tones.values()]).toContain(handshakeB!.tone);
    for (const g of groups) {
      // within its endpoint lanes and their margins, around its messages
      expect(g.band.x).toBeGreaterThanOrEqual(x(g.lanes[0]) - BAND_MARGIN);
      expect(g.band.x + g.band.width).toBeLessThanOrEqual(x(g.lanes[1]) + BAND_MARGIN);
      expect(g.band.y).toBeLessThan(g.y1);
      expect(g.band.y + g.band.height).toBeGreaterThan(g.y2);
      expect(g.caption).not.toBeNull();
    }
    // B's bands overlap A's in time and lanes: they are inset, so the two outlines never coincide
    expect(handshakeB!.band.x + handshakeB!.band.width).toBeLessThan(handshakeA!.band.x + handshakeA!.band.width);
    const captions = groups.map((g) => g.caption!);
    for (const [i, c] of captions.entries()) for (const d of captions.slice(i + 1)) expect(rectsOverlap(c, d)).toBe(false);
  });

  it('keeps the reply brackets but no TCP groups when only application messages are drawn', () => {
    const layout = layoutChart(tcp.nodes, tcp.events, { ...options, showTransport: false });
    const notes = computeAnnotations(layout, tcp.events, tcp.metrics);
    expect(notes.filter((n) => n.kind === 'group')).toEqual([]);
    expect(notes.filter((n) => n.kind === 'rtt').map((n) => n.label)).toEqual(['reply after 24.17 ms', 'reply after 26.17 ms']);
  });

  it('places each metric at its node lane and time with its value', () => {
    const layout = layoutChart(tcp.nodes, tcp.events, { ...options, showTransport: false });
    const metrics = computeAnnotations(layout, tcp.events, tcp.metrics).filter((n) => n.kind === 'metric');
    expect(metrics.map((m) => m.label)).toContain('replyTime 48.245 ms');
    const reply = metrics.find((m) => m.label === 'replyTime 48.245 ms')!;
    expect(reply.y).toBeCloseTo(layout.scale.y(48_245_440), 6);
  });

  it('marks the transmission time of a message when it is a noticeable part of its delay', () => {
    const events = tcp.events.map((e) =>
      e.kind === 'message' && e.id === 11 && e.timing ? { ...plainMessage(e), timing: { ...e.timing, transmission: 1_200_000 } } : e,
    );
    const layout = layoutChart(tcp.nodes, events, { ...options, showTransport: true });
    const notes = computeAnnotations(layout, events, []).filter((n) => n.kind === 'transmission');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ id: 11, label: 'transmission 1.20 ms' });
  });

  it('writes one transmission time per line of text on a lane: the first of a train of back-to-back segments', () => {
    // every segment Client A sends takes 1.2 ms to transmit; at 8 px/ms those sent within 14 px (1.75 ms) share one note
    const events = tcp.events.map((e) => (e.kind === 'message' && e.from === 'clientA' && e.timing ? { ...plainMessage(e), timing: { ...e.timing, transmission: 1_200_000 } } : e));
    const layout = layoutChart(tcp.nodes, events, { ...options, showTransport: true });
    const notes = computeAnnotations(layout, events, []).filter((n) => n.kind === 'transmission');
    expect(notes.length).toBeGreaterThan(1);
    for (let i = 1; i < notes.length; i++) expect(notes[i]!.y1 - Math.max(notes[i - 1]!.y1, notes[i - 1]!.y2)).toBeGreaterThanOrEqual(TRANSMISSION_SPACING);
    const sent = events.filter((e) => e.kind === 'message' && e.from === 'clientA' && layout.arrows.some((a) => a.id === e.id));
    expect(notes.length).toBeLessThan(sent.length);
  });

  it('formats durations in a readable unit', () => {
    expect(formatMs(24_077_440)).toBe('24.08 ms');
    expect(formatMs(1_500_000_000)).toBe('1.500 s');
    expect(formatMs(3_200)).toBe('3.2 µs');
  });
});

describe('chart colours', () => {
  it('keeps text contrast (≥ 4.5:1) for every protocol colour and hashed colour on both backgrounds', () => {
    for (const theme of ['light', 'dark'] as const) {
      const bg = chartPalette(theme).background;
      for (const p of ['sockets', 'tcp', 'udp', 'http', 'dns', 'smtp', 'imap', 'pop3', 'ftp', 'quic', 'ssh', 'mqtt', 'x']) {
        expect(contrastRatio(protocolColor(p, theme), bg), `${p} ${theme}`).toBeGreaterThanOrEqual(4.5);
      }
      expect(contrastRatio(chartPalette(theme).text, bg)).toBeGreaterThanOrEqual(7);
    }
  });

  it('hashes unknown protocols stably and lists the legend known-first', () => {
    expect(hashColor('quic', 'light')).toBe(hashColor('quic', 'light'));
    expect(legendFor(['zz', 'tcp', 'sockets'], 'light').map((e) => e.protocol)).toEqual(['sockets', 'tcp', 'zz']);
  });
});
