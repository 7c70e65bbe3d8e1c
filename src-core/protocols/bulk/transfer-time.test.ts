// The textbook's transfer times (Kurose & Ross §1.4, §2.2, §3.5) against the
// simulator, over one link of rate R and delay d, where their assumptions
// hold: store-and-forward, no queueing beyond what the formula counts, TCP
// without congestion control (it may fill the peer's 65535-byte window at
// once) and an ACK for every segment.
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../scenario/load';
import { runScenario } from '../../scenario/runner';
import type { ScenarioInput } from '../../scenario/schema';
import { ms, transmissionDelay as tx, type SimTime } from '../../sim/time';
import type { MessageEvent, StateEvent } from '../../trace/types';

const IP = 20;
const TCP = 20;
const UDP = 8;
const MSS = 1460;

interface OneLinkRun {
  readonly states: StateEvent[];
  /** TCP segments and UDP datagrams. */
  readonly packets: MessageEvent[];
  metric(node: string, name: string): number;
}

function oneLink(rateMbps: number, delayMs: number, action: Record<string, unknown>, transport: 'tcp' | 'udp'): OneLinkRun {
  const doc: ScenarioInput = {
    format: 'l7-scenario',
    version: 1,
    name: 'one link',
    nodes: [
      { id: 'client', kind: 'host', address: '10.0.0.1' },
      { id: 'server', kind: 'host', address: '10.0.0.2', services: [{ type: 'bulk-sink', port: 5001, transport }] },
    ],
    links: [{ a: 'client', b: 'server', delayMs, bandwidthMbps: rateMbps, queuePackets: 1000 }],
    workload: [{ type: 'bulk-send', atMs: 0, node: 'client', server: 'server', port: 5001, transport, ...action } as ScenarioInput['workload'][number]],
  };
  const loaded = parseScenarioText(JSON.stringify(doc));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const run = runScenario(loaded.scenario);
  const states = run.sim.store.events.filter((e): e is StateEvent => e.kind === 'state');
  const packets = run.sim.store.events.filter((e): e is MessageEvent => e.kind === 'message' && e.layer === 'transport');
  return { states, packets, metric: (node, name) => run.sim.store.metrics.find((m) => m.node === node && m.name === name)!.value };
}

const at = (states: StateEvent[], type: string): SimTime => states.find((s) => s.type === type)!.at;

describe('TCP over one link, window not limiting (W = 65535 bytes > R·RTT)', () => {
  const R = 10e6;
  const d = ms(5);
  const L = 1_000_000;

  it('the sink has the file at 1 RTT (handshake) + the segments back to back at R + d', () => {
    const { states, packets, metric } = oneLink(R / 1e6, 5, { bytes: L }, 'tcp');
    // The client's data segments, as the simulator's TCP cut them: at most one MSS each, some shorter
    // (the window, 65535 bytes, is no multiple of the MSS: each window's last segment takes what is left).
    const payloads = packets.filter((m) => m.from === 'client').map((m) => m.bytes.length - (m.bytes[12]! >> 4) * 4).filter((n) => n > 0);
    expect(payloads.reduce((a, b) => a + b, 0)).toBe(8 + L);
    expect(Math.max(...payloads)).toBe(MSS);
    expect(packets.some((m) => m.retransmission)).toBe(false);
    // SYN and SYN-ACK carry the 4-byte MSS option; then the client's ACK leaves just before the data,
    // and the link never idles: the window is never used up before an ACK opens it further.
    const handshake = 2 * (tx(IP + TCP + 4, R) + d);
    const ack = tx(IP + TCP, R);
    const onTheWire = payloads.map((p) => tx(IP + TCP + p, R));
    const firstByte = handshake + ack + onTheWire[0]! + d;
    const lastByte = handshake + ack + onTheWire.reduce((a, b) => a + b, 0) + d;
    expect(at(states, 'bulk.completed')).toBe(lastByte);
    expect(metric('server', 'transferTime')).toBeCloseTo((lastByte - firstByte) / 1e9, 12);
    expect(metric('server', 'throughput')).toBeCloseTo((8 * L) / ((lastByte - firstByte) / 1e9), 3);
    // The sender is done when the ACK of the last segment reaches it: sent at once, one bare ACK's transmission and d later.
    expect(at(states, 'bulk.sent')).toBe(lastByte + ack + d);
    // The textbook's estimate, 2 RTT + L/R, within the headers' share (40 of every 1500 bytes) and a few small segments.
    const estimate = 4 * d + (8 * L * 1e9) / R;
    expect(metric('client', 'transferTime') * 1e9).toBeGreaterThan(estimate);
    expect(metric('client', 'transferTime') * 1e9).toBeLessThan(estimate * (1500 / 1460) + 4 * ack);
  });
});

describe('TCP over one link, window limiting (R·RTT > W)', () => {
  it('throughput ≈ W / RTT, far below R', () => {
    const R = 100e6;
    const d = ms(20);
    const { metric } = oneLink(R / 1e6, 20, { bytes: 2_000_000 }, 'tcp');
    // Each window of 65535 bytes takes a round trip: its first segment out, its ACK back.
    const rtt = 2 * d + tx(IP + TCP + MSS, R) + tx(IP + TCP, R);
    const bound = (65_535 * 8) / (rtt / 1e9);
    const throughput = metric('server', 'throughput');
    expect(throughput).toBeLessThan(R / 5);
    expect(Math.abs(throughput - bound) / bound).toBeLessThan(0.02);
  });
});

describe('UDP over one link at a rate r below R', () => {
  it('the last datagram arrives at (N − 1)·T + its transmission at R + d, ≈ L/r + d', () => {
    const R = 10e6;
    const r = 8e6;
    const d = ms(5);
    const L = 1_000_000;
    const size = 1472;
    const { states, metric } = oneLink(R / 1e6, 5, { bytes: L, rateMbps: r / 1e6, datagramBytes: size }, 'udp');
    const per = size - 16;
    const N = Math.ceil(L / per);
    const last = L - (N - 1) * per + 16;
    const T = tx(size, r);
    // r < R even with the 28 bytes of IP and UDP headers: each datagram has left before the next comes, so none waits.
    expect(tx(size + IP + UDP, R)).toBeLessThan(T);
    const lastArrival = (N - 1) * T + tx(last + IP + UDP, R) + d;
    expect(at(states, 'bulk.completed')).toBe(lastArrival);
    const firstArrival = tx(size + IP + UDP, R) + d;
    expect(metric('server', 'transferTime')).toBeCloseTo((lastArrival - firstArrival) / 1e9, 12);
    expect(metric('client', 'transferTime')).toBeCloseTo(((N - 1) * T) / 1e9, 12);
    // L/r + d, where L counts what the rate paces: the file and a 16-byte header per datagram; off by less than one datagram's time.
    const estimate = ((L + 16 * N) * 8 * 1e9) / r + d;
    expect(Math.abs(lastArrival - estimate)).toBeLessThan(T);
    expect(states.some((s) => s.type === 'bulk.datagramsLost')).toBe(false);
  });
});
