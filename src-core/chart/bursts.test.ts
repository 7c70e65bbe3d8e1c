import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../scenario/load';
import { runScenario } from '../scenario/runner';
import type { MessageEvent, TraceNode } from '../trace/types';
import { BURST_MIN, burstBadge, burstLabel, burstOwner, commonWords, drawnIdOf, firstWord, timeRange } from './bursts';
import { DEFAULT_LAYOUT, layoutChart } from './layout';
import { chartToSvg } from './svg';

const NODES: TraceNode[] = [
  { id: 'a', name: 'A', kind: 'host', address: '10.0.0.1' },
  { id: 'b', name: 'B', kind: 'host', address: '10.0.0.2' },
];

/** `count` DNS answers A → B, `gap` ns apart, each taking 5 ms; then one more from B to A. */
function answers(count: number, gap: number, summary = (i: number) => `[forged] Standard query response 0x${i} A 6.6.6.6`): MessageEvent[] {
  const out: MessageEvent[] = [];
  for (let i = 0; i < count; i++) out.push(message(i, 'a', 'b', i * gap, summary(i)));
  out.push(message(count, 'b', 'a', 0, 'Standard query 0x1'));
  return out;
}

function message(id: number, from: string, to: string, sentAt: number, summary: string): MessageEvent {
  return {
    kind: 'message', id, layer: 'application', protocol: 'dns', from, to,
    src: { addr: '10.0.0.1', port: 53 }, dst: { addr: '10.0.0.2', port: 53 },
    sentAt, receivedAt: sentAt + 5_000_000, summary, bytes: new Uint8Array(0),
    connection: null, causedBy: null, carries: [], retransmission: false, timing: null, lost: null,
  };
}

const layout = (events: MessageEvent[], open?: ReadonlySet<number>) =>
  layoutChart(NODES, events, { ...DEFAULT_LAYOUT, showTransport: false, endTime: 100_000_000, openBursts: open });

function lesson(name: string) {
  const loaded = parseScenarioText(readFileSync(join(__dirname, '../../resources/lessons', name), 'utf8'));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const trace = runScenario(loaded.scenario).trace();
  return { trace, layout: layoutChart(trace.nodes, trace.events, { ...DEFAULT_LAYOUT, showTransport: false, endTime: trace.header.endTime, laneOrder: loaded.scenario.view.laneOrder }) };
}

describe('bursts', () => {
  it('bundles alike messages sent close together into one arrow from the first send to the last arrival', () => {
    const l = layout(answers(10, 100_000));
    expect(l.arrows).toHaveLength(2);
    const bundle = l.arrows[0]!;
    expect(bundle.burst?.members).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(bundle.id).toBe(0);
    expect(bundle.y1).toBe(l.scale.y(0));
    expect(bundle.y2).toBe(l.scale.y(9 * 100_000 + 5_000_000));
    expect(bundle.label).toBe('×10 [forged] Standard query response, 0–0.9 ms');
    expect(bundle.expandable).toBe(false);
  });

  it('needs BURST_MIN members, each within 2 ms of the previous, and closer than a label on screen', () => {
    expect(layout(answers(BURST_MIN - 1, 100_000)).arrows.some((a) => a.burst)).toBe(false);
    expect(layout(answers(BURST_MIN, 100_000)).arrows[0]!.burst?.members).toHaveLength(BURST_MIN);
    expect(layout(answers(10, 2_500_000)).arrows.some((a) => a.burst)).toBe(false); // 2.5 ms apart
    // 1.5 ms apart is 12 px at 8 px/ms: told apart on screen, drawn one by one
    expect(layout(answers(10, 1_500_000)).arrows.some((a) => a.burst)).toBe(false);
  });

  it('does not group messages whose labels begin differently, nor across directions', () => {
    const events = answers(8, 100_000, (i) => (i % 2 === 0 ? `Standard query 0x${i}` : `[forged] answer ${i}`));
    const l = layout(events);
    expect(l.arrows.filter((a) => a.burst).map((a) => a.burst!.members)).toEqual([[0, 2, 4, 6], [1, 3, 5, 7]]);
    expect(l.arrows.at(-1)!.burst).toBeUndefined(); // B → A
  });

  it('opens a burst into its members, the first carrying the burst for its badge', () => {
    const l = layout(answers(10, 100_000), new Set([0]));
    expect(l.arrows).toHaveLength(11);
    expect(l.arrows[0]!.burst?.open).toBe(true);
    expect(burstBadge(l.arrows[0]!)?.text).toBe('×10 −');
    expect(burstOwner(l, 5)).toEqual({ first: 0, open: true });
    expect(drawnIdOf(l, 5)).toBe(5);
    const closed = layout(answers(10, 100_000));
    expect(drawnIdOf(closed, 5)).toBe(0);
    expect(burstBadge(closed.arrows[0]!)?.text).toBe('×10 +');
  });

  it('writes times as one instant or a range, and the words all summaries begin with', () => {
    expect(timeRange(1_000_000, 1_000_000)).toBe('at 1 ms');
    expect(timeRange(200_000, 1_100_000)).toBe('0.2–1.1 ms');
    expect(timeRange(0, 19_000_000)).toBe('0–19 ms');
    expect(commonWords(['Datagram 1/3', 'Datagram 2/3'], 'bulk')).toBe('Datagram');
    expect(commonWords(['one', 'two'], 'bulk')).toBe('bulk messages');
  });

  it('draws the cache-poisoning race as one bundle of 100 forged answers', () => {
    const { layout: l } = lesson('dns-cache-poisoning.l7.json');
    const bundles = l.arrows.filter((a) => a.burst);
    expect(bundles).toHaveLength(1);
    expect(bundles[0]!.label).toBe('×100 [forged] Standard query response, at 1 ms');
    expect(burstLabel(bundles[0]!.burst!)).toBe(bundles[0]!.label);
  });

  it('ends every amplified answer at the victim, discarded there, bundled', () => {
    const { layout: l, trace } = lesson('dns-amplification.l7.json');
    const victim = l.lanes.findIndex((lane) => lane.node.id === 'victim');
    const answersToVictim = trace.events.filter((e): e is MessageEvent => e.kind === 'message' && e.layer === 'application' && e.to === 'victim');
    expect(answersToVictim.length).toBeGreaterThan(10);
    const open = layoutChart(trace.nodes, trace.events, { ...DEFAULT_LAYOUT, showTransport: false, endTime: trace.header.endTime, openBursts: new Set(l.arrows.filter((a) => a.burst).map((a) => a.id)) });
    for (const m of answersToVictim) {
      const a = open.arrows.find((x) => x.id === m.id)!;
      expect(a.state).toBe('discarded');
      expect(a.x2).toBe(open.lanes[victim]!.x);
    }
    const bundle = l.arrows.find((a) => a.to === victim)!;
    expect(bundle.state).toBe('discarded');
    expect(bundle.burst?.members).toHaveLength(answersToVictim.length);
    expect(bundle.x2).toBe(l.lanes[victim]!.x);
  });

  it('exports the bundles, their badges and the discarded ends to SVG, with their legend entries', () => {
    const { layout: l } = lesson('dns-amplification.l7.json');
    const svg = chartToSvg(l, { title: 'amplification' });
    expect(svg.match(/<g class="burst-badge" data-count="20">/g)).toHaveLength(2);
    expect(svg).toContain('class="burst-band"');
    expect(svg).toContain('<circle class="discarded-end"');
    expect(svg).toContain('discarded at host: no socket on the port');
    expect(svg).toContain('burst: N alike messages in one arrow');
  });
});

describe('firstWord', () => {
  it('is the first word after the ports, as replace(PORTS) and split give it', () => {
    const PORTS = /^\d+ → \d+ /;
    for (const label of [
      '53 → 40001 Len=80',
      '40000 → 53 Len=41 — Standard query 0x1 A host.example',
      'Standard query response A 192.0.2.1',
      '[forged] Standard query response',
      '53 → 40001',
      '53 → 40001 ',
      '53 →  40001 x',
      '53 → x y',
      '5 → 6 ',
      '',
      ' leading space',
      '12 34 → 5 six',
      'single',
    ]) {
      expect(firstWord(label)).toBe(label.replace(PORTS, '').split(' ', 1)[0]);
    }
  });
});
