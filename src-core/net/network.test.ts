import { describe, expect, it } from 'vitest';
import { Prng } from '../sim/prng';
import { Scheduler } from '../sim/scheduler';
import { ms } from '../sim/time';
import type { DropReason, LossRule } from './faults';
import { IP_PROTOCOL, parseIpv4 } from './ipv4';
import { Network } from './network';
import { makePacket, type IpPacket } from './packet';
import type { LinkSpec, NodeSpec, Topology } from './topology';

function node(id: string, kind: 'host' | 'router', n: number): NodeSpec {
  return { id, kind, name: id, address: parseIpv4(`10.0.0.${n}`)! };
}

function link(id: string, a: string, b: string, extra: Partial<LinkSpec> = {}): LinkSpec {
  return { id, a, b, delay: ms(5), bandwidth: 10_000_000, queuePackets: 100, lossRate: 0, ...extra };
}

/** A chain A — R1 — … — B with `routers` routers. */
function chain(routers: number, extra: Partial<LinkSpec> = {}): Topology {
  const nodes = [node('A', 'host', 1)];
  for (let i = 1; i <= routers; i++) nodes.push(node(`R${i}`, 'router', 100 + i));
  nodes.push(node('B', 'host', 2));
  const links: LinkSpec[] = [];
  for (let i = 0; i + 1 < nodes.length; i++) links.push(link(`l${i}`, nodes[i]!.id, nodes[i + 1]!.id, extra));
  return { nodes, links };
}

function harness(topology: Topology, rules: LossRule[] = []) {
  const scheduler = new Scheduler();
  const net = new Network(topology, scheduler, new Prng(1), rules);
  const received: Array<{ id: number; at: number; packet: IpPacket }> = [];
  const dropped: Array<{ id: number; at: number; reason: DropReason; link: string | null }> = [];
  net.observe({
    delivered: (p, at) => received.push({ id: p.id, at, packet: p }),
    dropped: (p, at, reason, l) => dropped.push({ id: p.id, at, reason, link: l }),
  });
  const send = (payloadBytes: number, from = 'A', to = 'B', protocol: 6 | 17 = IP_PROTOCOL.UDP) => {
    const p = makePacket({
      id: net.allocatePacketId(),
      src: net.node(from)!.address,
      dst: net.node(to)!.address,
      protocol,
      payload: new Uint8Array(payloadBytes),
      traceId: null,
      origin: from,
    });
    net.send(p);
    return p;
  };
  return { scheduler, net, received, dropped, send };
}

describe('Network timing (store-and-forward)', () => {
  it('delivers a 1,500-byte packet over 10 Mb/s and 5 ms exactly 1.2 ms + 5 ms later', () => {
    const h = harness(chain(0));
    h.send(1480); // + 20-byte IP header = 1,500 bytes
    h.scheduler.run();
    expect(h.received).toHaveLength(1);
    expect(h.received[0]!.at).toBe(ms(1.2) + ms(5));
    expect(h.received[0]!.packet.timing).toEqual({ queueing: 0, transmission: ms(1.2), propagation: ms(5) });
  });

  it('pays L/R + d at every hop of a 3-hop path', () => {
    const h = harness(chain(2));
    h.send(1480);
    h.scheduler.run();
    expect(h.received[0]!.at).toBe(3 * (ms(1.2) + ms(5)));
  });

  it('queues back-to-back packets: the k-th arrives k·L/R + d after the start', () => {
    const h = harness(chain(0));
    for (let k = 0; k < 4; k++) h.send(1480);
    h.scheduler.run();
    expect(h.received.map((r) => r.at)).toEqual([1, 2, 3, 4].map((k) => k * ms(1.2) + ms(5)));
    expect(h.received[3]!.packet.timing.queueing).toBe(3 * ms(1.2));
  });

  it('drops at the tail when the queue is full', () => {
    const h = harness(chain(0, { queuePackets: 2 }));
    for (let k = 0; k < 5; k++) h.send(1480);
    h.scheduler.run();
    expect(h.received.map((r) => r.id)).toEqual([0, 1, 2]);
    expect(h.dropped.map((d) => [d.id, d.reason])).toEqual([
      [3, 'queue-full'],
      [4, 'queue-full'],
    ]);
    expect(h.dropped[0]!.at).toBe(0);
  });

  it('routes by shortest delay and never through a host', () => {
    const topology: Topology = {
      nodes: [node('A', 'host', 1), node('R1', 'router', 11), node('R2', 'router', 12), node('H', 'host', 9), node('B', 'host', 2)],
      links: [
        link('a-r1', 'A', 'R1'),
        link('r1-b-slow', 'R1', 'B', { delay: ms(50) }),
        link('r1-r2', 'R1', 'R2', { delay: ms(1) }),
        link('r2-b', 'R2', 'B', { delay: ms(1) }),
        link('a-h', 'A', 'H', { delay: ms(0) }),
        link('h-b', 'H', 'B', { delay: ms(0) }),
      ],
    };
    const h = harness(topology);
    expect(h.net.nextHop('A', 'B')).toBe('a-r1');
    expect(h.net.nextHop('R1', 'B')).toBe('r1-r2');
    h.send(80);
    h.scheduler.run();
    expect(h.received[0]!.at).toBe(ms(5) + ms(1) + ms(1) + 3 * 80_000); // 100 B at 10 Mb/s = 80 µs per hop
  });

  it('reports an unreachable destination as a drop at the origin', () => {
    const topology: Topology = { nodes: [node('A', 'host', 1), node('B', 'host', 2)], links: [] };
    const h = harness(topology);
    h.send(10);
    h.scheduler.run();
    expect(h.dropped).toEqual([{ id: 0, at: 0, reason: 'no-route', link: null }]);
  });
});

describe('Loss', () => {
  it('drops the n-th matching packet by rule, after it was transmitted', () => {
    const h = harness(chain(1), [{ from: 'A', to: 'B', nth: [2] }]);
    for (let k = 0; k < 3; k++) h.send(1480);
    h.scheduler.run();
    expect(h.received.map((r) => r.id)).toEqual([0, 2]);
    expect(h.dropped).toEqual([{ id: 1, at: 2 * ms(1.2), reason: 'rule', link: 'l0' }]);
  });

  it('counts a rule without a link once per packet, on its first hop', () => {
    const h = harness(chain(2), [{ nth: [1] }]);
    h.send(100);
    h.send(100);
    h.scheduler.run();
    expect(h.dropped.map((d) => d.id)).toEqual([0]);
    expect(h.received.map((r) => r.id)).toEqual([1]);
  });

  it('drops everything sent inside a time window', () => {
    const h = harness(chain(0), [{ fromTime: ms(1), toTime: ms(3) }]);
    for (let k = 0; k < 4; k++) h.send(1480); // finish transmitting at 1.2, 2.4, 3.6, 4.8 ms
    h.scheduler.run();
    expect(h.received.map((r) => r.id)).toEqual([2, 3]);
  });

  it('applies random loss at the link rate, reproducibly for a seed', () => {
    const run = () => {
      const h = harness(chain(0, { lossRate: 0.25, queuePackets: 10_000 }));
      for (let k = 0; k < 2000; k++) h.send(10);
      h.scheduler.run();
      return h.dropped.map((d) => d.id);
    };
    const first = run();
    expect(first.length).toBeGreaterThan(400);
    expect(first.length).toBeLessThan(600);
    expect(run()).toEqual(first);
  });
});
