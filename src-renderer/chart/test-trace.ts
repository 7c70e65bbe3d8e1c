/** Traces for the chart's tests: the TCP socket lesson, and a synthetic long one. */
import { DEFAULT_LAYOUT, layoutChart, type ChartLayout } from '../../src-core/chart/layout';
import { parseScenarioText } from '../../src-core/scenario/load';
import { runScenario } from '../../src-core/scenario/runner';
import type { MessageEvent, TraceNode } from '../../src-core/trace/types';
import { lessonText } from '../testing/lessons';

export function tcpLessonTrace() {
  const loaded = parseScenarioText(lessonText('sockets-tcp'));
  if (!loaded.ok) throw new Error('lesson does not load');
  return runScenario(loaded.scenario).trace();
}

export function tcpLayout(showTransport = true): ChartLayout {
  const trace = tcpLessonTrace();
  return layoutChart(trace.nodes, trace.events, { ...DEFAULT_LAYOUT, showTransport, endTime: trace.header.endTime });
}

export const NODES: TraceNode[] = [
  { id: 'a', name: 'A', kind: 'host', address: '10.0.0.1' },
  { id: 'b', name: 'B', kind: 'host', address: '10.0.0.2' },
];

/** `count` UDP datagrams A → B, one per millisecond, each taking 5 ms; `lost` ids are lost half-way. */
export function longTrace(count: number, lost: ReadonlySet<number> = new Set()): MessageEvent[] {
  const out: MessageEvent[] = [];
  for (let id = 0; id < count; id++) {
    const sentAt = id * 1_000_000;
    out.push({
      kind: 'message', id, layer: 'transport', protocol: 'udp', from: 'a', to: 'b',
      src: { addr: '10.0.0.1', port: 1 }, dst: { addr: '10.0.0.2', port: 2 },
      sentAt, receivedAt: lost.has(id) ? null : sentAt + 5_000_000, summary: `datagram ${id}`, bytes: new Uint8Array(0),
      connection: 'udp:a-b', causedBy: null, carries: [], retransmission: false, timing: null,
      lost: lost.has(id) ? { at: sentAt + 2_500_000, reason: 'random', link: null, node: 'a' } : null,
    });
  }
  return out;
}

/** The long trace laid out message by message: its datagrams, 1 ms apart (8 px at the default zoom), would otherwise be one burst (bursts.ts). */
export function longLayout(count: number, lost?: ReadonlySet<number>): ChartLayout {
  return layoutChart(NODES, longTrace(count, lost), { ...DEFAULT_LAYOUT, showTransport: true, endTime: count * 1_000_000 + 5_000_000, bursts: false });
}

/** `count` DNS answers A → B sent 0.1 ms apart, each discarded at B 5 ms later (no socket on its port): a burst of them. */
export function discardedAnswers(count: number): MessageEvent[] {
  return Array.from({ length: count }, (_, id): MessageEvent => ({
    kind: 'message', id, layer: 'application', protocol: 'dns', from: 'a', to: 'b',
    src: { addr: '10.0.0.1', port: 53 }, dst: { addr: '10.0.0.2', port: 4444 },
    sentAt: id * 100_000, receivedAt: null, summary: `answer ${id}`, bytes: new Uint8Array(0),
    connection: null, causedBy: null, carries: [], retransmission: false, timing: null,
    lost: { at: id * 100_000 + 5_000_000, reason: 'port-unreachable', link: null, node: 'b' },
  }));
}
