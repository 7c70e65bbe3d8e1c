import { describe, expect, it } from 'vitest';
import { parseIpv4 } from '../net/ipv4';
import type { LossRule } from '../net/faults';
import type { Topology } from '../net/topology';
import { ms, transmissionDelay } from '../sim/time';
import type { MessageEvent } from '../trace/types';
import { decodeTcp, describeTcpSegment, TCP_FLAGS } from '../transport/tcp/codec';
import { DEFAULT_TCP_CONFIG } from '../transport/tcp/connection';
import { Simulation } from './simulation';

/** client — router — server, 10 Mb/s, 5 ms per link. */
function twoHops(): Topology {
  const link = (id: string, a: string, b: string) => ({ id, a, b, delay: ms(5), bandwidth: 10_000_000, queuePackets: 100, lossRate: 0 });
  return {
    nodes: [
      { id: 'client', kind: 'host', name: 'client', address: parseIpv4('10.0.0.1')! },
      { id: 'router', kind: 'router', name: 'router', address: parseIpv4('10.0.0.254')! },
      { id: 'server', kind: 'host', name: 'server', address: parseIpv4('10.0.1.1')! },
    ],
    links: [link('c-r', 'client', 'router'), link('r-s', 'router', 'server')],
  };
}

const SERVER = parseIpv4('10.0.1.1')!;

function messages(sim: Simulation, protocol?: string): MessageEvent[] {
  return sim.store.events.filter((e): e is MessageEvent => e.kind === 'message' && (protocol === undefined || e.protocol === protocol));
}

/** One-way time of a packet with `payload` transport bytes over both hops (20-byte IP header). */
function oneWay(transportBytes: number): number {
  return 2 * (transmissionDelay(20 + transportBytes, 10_000_000) + ms(5));
}

describe('TCP over the simulated network', () => {
  it('delivers the first data byte 1.5 RTT after connect (plus transmission times)', () => {
    const sim = new Simulation(twoHops(), 1);
    let receivedAt = -1;
    sim.stack('server').tcpListen(80, (s) => {
      s.onData = () => {
        if (receivedAt < 0) receivedAt = sim.scheduler.now;
      };
    });
    const socket = sim.stack('client').tcpConnect(SERVER, 80);
    socket.onConnected = () => socket.send(new TextEncoder().encode('x'));
    sim.scheduler.run();
    // SYN and SYN-ACK carry a 4-byte MSS option (24-byte TCP header); the data segment 20 + 1 bytes.
    // The ACK completing the handshake (20 bytes) goes first, the data segment queues behind it.
    const syn = oneWay(24);
    const synAck = oneWay(24);
    const ackThenData = transmissionDelay(40, 10_000_000) + oneWay(21);
    expect(receivedAt).toBe(syn + synAck + ackThenData);
    // RTT (propagation) is 20 ms: 1.5 RTT = 30 ms, the rest is transmission.
    expect(receivedAt - ms(30)).toBeLessThan(ms(0.5));
  });

  it('answers a SYN to a port nobody listens on with RST', () => {
    const sim = new Simulation(twoHops(), 1);
    const socket = sim.stack('client').tcpConnect(SERVER, 81);
    let reason = '';
    socket.onClosed = (r) => (reason = r);
    sim.scheduler.run();
    expect(reason).toBe('reset');
    expect(messages(sim, 'tcp').map((m) => m.summary)).toEqual([
      expect.stringMatching(/\[SYN\] Seq=0/),
      expect.stringMatching(/\[RST, ACK\]/),
    ]);
  });

  it('retransmits a lost segment after the RTO; both copies appear in the trace', () => {
    // drop the first data-carrying segment from client to server
    const rules: LossRule[] = [{ from: 'client', to: 'server', protocol: 'tcp', dataOnly: true, nth: [1] }];
    const sim = new Simulation(twoHops(), 1, rules);
    const got: string[] = [];
    sim.stack('server').tcpListen(80, (s) => {
      s.onData = (d) => got.push(new TextDecoder().decode(d));
    });
    const socket = sim.stack('client').tcpConnect(SERVER, 80);
    socket.onConnected = () => socket.send(new TextEncoder().encode('hello'), { protocol: 'test', summary: 'hello' });
    sim.scheduler.run();
    expect(got).toEqual(['hello']);
    const data = messages(sim, 'tcp').filter((m) => m.carries.length > 0);
    expect(data).toHaveLength(2);
    expect(data[0]!.lost?.reason).toBe('rule');
    expect(data[0]!.receivedAt).toBeNull();
    expect(data[1]!.retransmission).toBe(true);
    expect(data[1]!.summary).toMatch(/^\[TCP Retransmission\]/);
    expect(data[1]!.receivedAt).not.toBeNull();
    // RFC 6298: the first RTO after one RTT sample is max(1 s, SRTT + 4·RTTVAR) = 1 s here.
    expect(data[1]!.sentAt - data[0]!.sentAt).toBe(ms(1000));
    // the application message was received when the retransmission arrived
    const app = messages(sim, 'test')[0]!;
    expect(app.receivedAt).toBe(data[1]!.receivedAt);
  });

  it('closes both directions with FIN and reaches CLOSED on both hosts', () => {
    const sim = new Simulation(twoHops(), 3);
    const closed: string[] = [];
    sim.stack('server').tcpListen(80, (s) => {
      s.onPeerClosed = () => s.close();
      s.onClosed = (r) => closed.push(`server:${r}`);
    });
    const socket = sim.stack('client').tcpConnect(SERVER, 80);
    socket.onConnected = () => socket.close();
    socket.onClosed = (r) => closed.push(`client:${r}`);
    sim.scheduler.run();
    expect(closed.sort()).toEqual(['client:closed', 'server:closed']);
    // the active closer waits in TIME_WAIT; that timer is weak, so the run ended without waiting 2·MSL
    expect(socket.state).toBe('TIME_WAIT');
    const flags = messages(sim, 'tcp').map((m) => m.summary.match(/\[([A-Z, ]+)\]/)![1]);
    expect(flags).toEqual(['SYN', 'SYN, ACK', 'ACK', 'FIN, ACK', 'ACK', 'FIN, ACK', 'ACK']);
  });
});

describe('UDP over the simulated network', () => {
  it('delivers a datagram after one one-way time, with no handshake', () => {
    const sim = new Simulation(twoHops(), 1);
    const server = sim.stack('server').udpSocket(53);
    let at = -1;
    server.onMessage = () => (at = sim.scheduler.now);
    sim.stack('client').udpSocket().sendTo(new Uint8Array(100), SERVER, 53, { protocol: 'test', summary: 'q' });
    sim.scheduler.run();
    expect(at).toBe(oneWay(108));
    const [app, datagram] = messages(sim);
    expect(app!.layer).toBe('application');
    expect(datagram!.carries).toEqual([app!.id]);
    expect(app!.receivedAt).toBe(at);
  });

  it('marks a datagram to a closed port as refused', () => {
    const sim = new Simulation(twoHops(), 1);
    sim.stack('client').udpSocket().sendTo(new Uint8Array(1), SERVER, 9, { protocol: 'test', summary: 'q' });
    sim.scheduler.run();
    const [app, datagram] = messages(sim);
    expect(datagram!.receivedAt).not.toBeNull();
    expect(app!.lost?.reason).toBe('port-unreachable');
  });
});

describe('TCP under random loss (property)', () => {
  it('delivers the byte stream intact and in order with up to 30 % loss in each direction', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.3, noNaN: true }), fc.integer({ min: 1, max: 60_000 }), fc.nat(), (lossRate, size, seed) => {
        const topology = twoHops();
        // loss on the router–server link, both directions: data and ACKs are lost
        const lossy: Topology = { ...topology, links: topology.links.map((l) => (l.id === 'r-s' ? { ...l, lossRate } : l)) };
        // patient enough that giving up (8 tries by default) does not happen within the property's runs
        const sim = new Simulation(lossy, seed, [], { ...DEFAULT_TCP_CONFIG, maxRetransmissions: 40 });
        const sent = new Uint8Array(size).map((_, i) => (i * 31 + seed) & 0xff);
        const chunks: Uint8Array[] = [];
        let serverClosed = false;
        sim.stack('server').tcpListen(80, (s) => {
          s.onData = (d) => chunks.push(d.slice());
          s.onPeerClosed = () => s.close();
          s.onClosed = () => (serverClosed = true);
        });
        const socket = sim.stack('client').tcpConnect(SERVER, 80);
        socket.onConnected = () => {
          socket.send(sent.subarray(0, size >> 1));
          socket.send(sent.subarray(size >> 1));
          socket.close();
        };
        sim.scheduler.run({ endTime: ms(3_600_000) });
        const got = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
        let o = 0;
        for (const c of chunks) {
          got.set(c, o);
          o += c.length;
        }
        expect(got).toEqual(sent);
        expect(serverClosed).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('traces every segment of a lossy transfer as it went on the wire: bytes that verify, payload from the stream at its sequence number, the sender\'s Info line', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.3, noNaN: true }), fc.array(fc.integer({ min: 1, max: 5_000 }), { minLength: 1, maxLength: 6 }), fc.nat(), (lossRate, writes, seed) => {
        const topology = twoHops();
        const lossy: Topology = { ...topology, links: topology.links.map((l) => (l.id === 'r-s' ? { ...l, lossRate } : l)) };
        const sim = new Simulation(lossy, seed, [], { ...DEFAULT_TCP_CONFIG, maxRetransmissions: 40 });
        const total = writes.reduce((a, b) => a + b, 0);
        const sent = new Uint8Array(total).map((_, i) => (i * 17 + seed) & 0xff);
        sim.stack('server').tcpListen(80, (s) => {
          s.onData = (d) => s.send(d.slice().reverse()); // the server writes back, in pieces of its own
          s.onPeerClosed = () => s.close();
        });
        const socket = sim.stack('client').tcpConnect(SERVER, 80);
        socket.onConnected = () => {
          let at = 0;
          for (const w of writes) socket.send(sent.subarray(at, (at += w)));
          socket.close();
        };
        sim.scheduler.run({ endTime: ms(3_600_000) });
        const segments = messages(sim, 'tcp');
        const retransmitted = segments.filter((m) => m.retransmission).length;
        const synIsn = new Map<string, number>();
        for (const m of segments) {
          const src = parseIpv4(m.src.addr)!;
          const dst = parseIpv4(m.dst.addr)!;
          const decoded = decodeTcp(m.bytes, src, dst);
          if (!decoded.ok) throw new Error(`event ${m.id}: ${decoded.error.message}`);
          const seg = decoded.value;
          if (seg.flags & TCP_FLAGS.SYN) synIsn.set(m.src.addr, seg.seq);
          const iss = synIsn.get(m.src.addr)!;
          const irs = synIsn.get(m.dst.addr) ?? null;
          const line = describeTcpSegment(seg, { iss, irs });
          // a stray segment after the connection is gone is answered with RST by the stack itself, numbered absolutely (tcp-socket.ts answerWithReset)
          const strayReset = (seg.flags & TCP_FLAGS.RST) !== 0 && m.summary === describeTcpSegment(seg, null);
          if (!strayReset) expect(m.summary).toBe(m.retransmission ? `[TCP Retransmission] ${line}` : line);
          if (m.from === 'client' && seg.payload.length > 0) {
            const offset = (seg.seq - iss - 1) >>> 0;
            expect([...seg.payload]).toEqual([...sent.subarray(offset, offset + seg.payload.length)]);
          }
        }
        expect(retransmitted).toBe(segments.filter((m) => m.summary.startsWith('[TCP Retransmission]')).length);
      }),
      { numRuns: 30 },
    );
  });
});
