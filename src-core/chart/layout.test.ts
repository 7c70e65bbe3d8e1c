import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ms } from '../sim/time';
import { parseScenarioText } from '../scenario/load';
import { runScenario } from '../scenario/runner';
import type { MessageEvent } from '../trace/types';
import { DEFAULT_LAYOUT, layoutChart, LOST_FRACTION, visibleArrows } from './layout';

function lessonTrace(name: string, mutate?: (s: Record<string, unknown>) => void) {
  const json = JSON.parse(readFileSync(join(__dirname, '../../resources/lessons', name), 'utf8'));
  mutate?.(json);
  const loaded = parseScenarioText(JSON.stringify(json));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return runScenario(loaded.scenario).trace();
}

const tcp = lessonTrace('sockets-tcp.l7.json');
const base = { ...DEFAULT_LAYOUT, endTime: tcp.header.endTime, laneOrder: ['clientA', 'clientB', 'server'] };

describe('layoutChart', () => {
  it('puts one lane per communicating node, in the given order', () => {
    const l = layoutChart(tcp.nodes, tcp.events, { ...base, showTransport: false });
    expect(l.lanes.map((x) => x.node.id)).toEqual(['clientA', 'clientB', 'server']); // the router never sends: no lane
    expect(l.lanes[1]!.x - l.lanes[0]!.x).toBe(DEFAULT_LAYOUT.laneWidth);
  });

  it('derives positions from times: y = top + pxPerMs · t', () => {
    const l = layoutChart(tcp.nodes, tcp.events, { ...base, showTransport: false });
    for (const a of l.arrows) {
      const m = tcp.events[a.id] as MessageEvent;
      expect(a.y1).toBeCloseTo(DEFAULT_LAYOUT.top + (m.sentAt / ms(1)) * DEFAULT_LAYOUT.pxPerMs, 6);
      expect(a.y2).toBeCloseTo(DEFAULT_LAYOUT.top + (m.receivedAt! / ms(1)) * DEFAULT_LAYOUT.pxPerMs, 6);
      expect(a.x1).toBe(l.lanes[a.from]!.x);
      expect(a.x2).toBe(l.lanes[a.to]!.x);
    }
  });

  it('shows only application messages when transport is collapsed, and their segments when expanded', () => {
    const app = layoutChart(tcp.nodes, tcp.events, { ...base, showTransport: false });
    expect(app.arrows.every((a) => a.layer === 'application')).toBe(true);
    expect(app.arrows).toHaveLength(4);
    expect(app.arrows.every((a) => a.expandable)).toBe(true);

    const all = layoutChart(tcp.nodes, tcp.events, { ...base, showTransport: true });
    expect(all.arrows.every((a) => a.layer === 'transport')).toBe(true);
    const tcpCount = tcp.events.filter((e) => e.kind === 'message' && e.protocol === 'tcp').length;
    expect(all.arrows).toHaveLength(tcpCount);
    const data = all.arrows.filter((a) => a.carries.length > 0);
    expect(data[0]!.label).toMatch(/\[PSH, ACK\].* — Line "hello from client a"$/);
  });

  it('expands and collapses single messages', () => {
    const first = tcp.events.find((e) => e.kind === 'message' && e.layer === 'application')!;
    const one = layoutChart(tcp.nodes, tcp.events, { ...base, showTransport: false, toggled: new Set([first.id]) });
    expect(one.arrows.filter((a) => a.layer === 'application')).toHaveLength(3);
    expect(one.arrows.filter((a) => a.layer === 'transport').map((a) => a.carries)).toEqual([[first.id]]);

    const allButOne = layoutChart(tcp.nodes, tcp.events, { ...base, showTransport: true, toggled: new Set([first.id]) });
    expect(allButOne.arrows.filter((a) => a.layer === 'application').map((a) => a.id)).toEqual([first.id]);
  });

  it('ends a lost message part-way at its loss time', () => {
    const lossy = lessonTrace('sockets-udp.l7.json', (s) => {
      s['lossRules'] = [{ from: 'clientA', nth: [1] }];
    });
    const l = layoutChart(lossy.nodes, lossy.events, { ...base, laneOrder: [], endTime: lossy.header.endTime, showTransport: false });
    const lost = l.arrows.find((a) => a.state === 'lost')!;
    const m = lossy.events[lost.id] as MessageEvent;
    expect(lost.x2).toBeCloseTo(lost.x1 + (l.lanes[lost.to]!.x - lost.x1) * LOST_FRACTION);
    expect(lost.y2).toBeCloseTo(l.scale.y(m.lost!.at));
  });

  it('filters messages and hides lanes', () => {
    const onlyB = layoutChart(tcp.nodes, tcp.events, { ...base, showTransport: false, hiddenLanes: new Set(['clientA']) });
    expect(onlyB.lanes.map((l) => l.node.id)).toEqual(['clientB', 'server']);
    expect(onlyB.arrows).toHaveLength(2);
    const replies = layoutChart(tcp.nodes, tcp.events, { ...base, showTransport: false, include: (m) => m.summary.startsWith('Reply') });
    expect(replies.arrows.map((a) => a.label)).toEqual(['Reply "HELLO FROM CLIENT A"', 'Reply "AND HELLO FROM CLIENT B"']);
  });

  it('draws an expanded message collapsed when the filter hides all its carriers', () => {
    const l = layoutChart(tcp.nodes, tcp.events, { ...base, showTransport: true, include: (m) => m.protocol === 'sockets' });
    expect(l.arrows.map((a) => a.layer)).toEqual(['application', 'application', 'application', 'application']);
  });

  it('finds the arrows crossing a band of the chart', () => {
    const l = layoutChart(tcp.nodes, tcp.events, { ...base, showTransport: true });
    const top = 300;
    const bottom = 500;
    const expected = l.arrows.filter((a) => a.y2 >= top && a.y1 <= bottom).map((a) => a.id);
    expect(visibleArrows(l, top, bottom).map((a) => a.id)).toEqual(expected);
  });
});
