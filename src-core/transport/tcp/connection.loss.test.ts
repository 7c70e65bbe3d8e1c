/**
 * Loss recovery: retransmission timer (RFC 6298 §5), fast retransmit
 * (RFC 5681 §3.2), out-of-order reassembly and the give-up limit
 * (RFC 9293 §3.8.3). One-way delay 10 ms.
 */
import { describe, expect, it } from 'vitest';
import { ms, seconds } from '../../sim/time';
import { TCP_FLAGS } from './codec';
import { ConnectionPair, firstDifference } from './pair.test-helper';
import type { PairOptions } from './pair.test-helper';

/** a writes `size` bytes (value i mod 251) as soon as it is connected. */
function transfer(size: number, options: PairOptions = {}): { pair: ConnectionPair; data: Uint8Array } {
  const data = new Uint8Array(size).map((_, i) => i % 251);
  const pair = new ConnectionPair({
    ...options,
    onEvent: (side, event, p) => {
      if (side === 'a' && event.type === 'tcp.connected') p.conn('a').send(data, p.now);
      options.onEvent?.(side, event, p);
    },
  });
  pair.connect();
  return { pair, data };
}

describe('retransmission timeout (RFC 6298 §5)', () => {
  it('retransmits a lost data segment after the RTO and delivers it', () => {
    // a's segments: 0 = SYN, 1 = ACK, 2 = the only data segment (lost).
    const data = new TextEncoder().encode('GET / HTTP/1.1\r\n\r\n');
    const pair = new ConnectionPair({ lose: (q) => q.from === 'a' && q.index === 2 });
    pair.connect();
    pair.at(ms(50), (p) => p.conn('a').send(data, p.now));
    pair.run();
    const fromA = pair.wire.filter((w) => w.from === 'a');
    expect(fromA.map((w) => [w.sentAt, w.info, w.retransmission, w.lost])).toEqual([
      [0, '49152 → 12000 [SYN] Seq=0 Win=65535 Len=0 MSS=1460', false, false],
      [ms(20), '49152 → 12000 [ACK] Seq=1 Ack=1 Win=65535 Len=0', false, false],
      [ms(50), '49152 → 12000 [PSH, ACK] Seq=1 Ack=1 Win=65535 Len=18', false, true],
      // The handshake gave SRTT = 20 ms, so RTO = max(1 s, 20 + 4·10 ms) = 1 s (RFC 6298 2.4).
      [ms(50) + seconds(1), '49152 → 12000 [PSH, ACK] Seq=1 Ack=1 Win=65535 Len=18', true, false],
    ]);
    expect(pair.eventsOf('a')).toContainEqual({ type: 'tcp.retransmitting', seq: 1001, reason: 'timeout', rto: seconds(2) });
    expect(pair.timeOf('b', 'tcp.dataReceived')).toBe(ms(60) + seconds(1));
    expect(pair.received('b')).toEqual(data);
    expect(pair.eventsOf('a')).toContainEqual({ type: 'tcp.dataAcked', upTo: 18 });
    expect(pair.conn('a').pollTimeout()).toBeNull();
  });

  it('backs off exponentially and gives up after maxRetransmissions with tcp.timedOut', () => {
    const { pair } = transfer(100, { lose: (q) => q.from === 'a' && q.index >= 1, config: { maxRetransmissions: 3 } });
    pair.run();
    const sends = pair.wire.filter((w) => w.from === 'a' && w.segment.payload.length > 0).map((w) => w.sentAt - ms(20));
    expect(sends).toEqual([0, seconds(1), seconds(3), seconds(7)]);
    expect(pair.timeOf('a', 'tcp.timedOut')).toBe(ms(20) + seconds(15));
    expect(pair.conn('a').state).toBe('CLOSED');
    expect(pair.statePath('a').slice(-2)).toEqual(['ESTABLISHED', 'CLOSED']);
  });

  it("takes no RTT sample from a retransmitted segment (Karn's rule) and keeps the backed-off RTO", () => {
    // Lose the data segment once; its retransmission is ACKed 20 ms later.
    const { pair } = transfer(100, { lose: (q) => q.from === 'a' && q.index === 1, config: { minRto: ms(1) } });
    pair.run(ms(30));
    const afterHandshake = pair.conn('a').rto;
    pair.run();
    // The RTO was doubled by the timeout and, without a fresh sample, stays doubled (RFC 6298 5.7).
    expect(pair.conn('a').rto).toBe(afterHandshake * 2);
  });
});

describe('fast retransmit (RFC 5681 §3.2)', () => {
  it('retransmits on the third duplicate ACK, long before the RTO', () => {
    const { pair, data } = transfer(5 * 1460, { lose: (q) => q.from === 'a' && q.index === 1 });
    pair.run();
    // b ACKs segments 2..5 with Ack=1 (four duplicates, arriving at 40 ms).
    const dupAcks = pair.wire.filter((w) => w.from === 'b' && w.info.includes('Ack=1 ') && !(w.segment.flags & TCP_FLAGS.SYN));
    expect(dupAcks).toHaveLength(4);
    const retransmission = pair.wire.find((w) => w.retransmission)!;
    expect(retransmission.sentAt).toBe(ms(40));
    expect(retransmission.info).toBe('49152 → 12000 [ACK] Seq=1 Ack=1 Win=65535 Len=1460');
    expect(pair.eventsOf('a').filter((e) => e.type === 'tcp.retransmitting')).toEqual([
      { type: 'tcp.retransmitting', seq: 1001, reason: 'fast-retransmit', rto: seconds(1) },
    ]);
    expect(pair.received('b')).toEqual(data);
    // Once the hole is filled at 50 ms, b delivers it and the four held segments at once.
    const deliveries = pair.events.filter((e) => e.side === 'b' && e.event.type === 'tcp.dataReceived');
    expect(deliveries.map((e) => e.at)).toEqual([ms(50), ms(50), ms(50), ms(50), ms(50)]);
  });

  it('waits for the RTO when fast retransmit is disabled', () => {
    const { pair } = transfer(5 * 1460, { lose: (q) => q.from === 'a' && q.index === 1, config: { fastRetransmit: false } });
    pair.run();
    expect(pair.wire.find((w) => w.retransmission)!.sentAt).toBe(ms(20) + seconds(1));
  });
});

describe('receiver', () => {
  it("respects the peer's window: never more than it in flight", () => {
    const { pair, data } = transfer(200_000, { config: { receiveWindow: 8000 } });
    let maxInFlight = 0;
    while (pair.step()) maxInFlight = Math.max(maxInFlight, pair.conn('a').bytesInFlight);
    expect(maxInFlight).toBeLessThanOrEqual(8000);
    expect(firstDifference(pair.received('b'), data)).toBe(-1);
  });

  it('ACKs and drops a segment outside the receive window', () => {
    const { pair } = transfer(0);
    pair.run();
    const b = pair.conn('b');
    const a = pair.conn('a');
    b.handleSegment(
      {
        srcPort: 49152,
        dstPort: 12000,
        seq: (a.iss + 1 + 70_000) >>> 0,
        ack: (b.iss + 1) >>> 0,
        flags: TCP_FLAGS.ACK,
        window: 65535,
        urgentPointer: 0,
        options: [],
        payload: new Uint8Array(10),
      },
      pair.now,
    );
    const reply = b.pollTransmit(pair.now)!;
    expect(reply.segment.flags).toBe(TCP_FLAGS.ACK);
    expect(reply.segment.ack).toBe((a.iss + 1) >>> 0);
    expect(b.pollEvent()).toBeNull();
  });

  it('reports exact, unwrapped stream offsets across sequence-number wrap', () => {
    const { pair, data } = transfer(300_000, { issA: 0xffff0000 });
    pair.run();
    expect(firstDifference(pair.received('b'), data)).toBe(-1);
    const acked = pair.eventsOf('a').filter((e) => e.type === 'tcp.dataAcked');
    expect(acked[acked.length - 1]).toEqual({ type: 'tcp.dataAcked', upTo: 300_000 });
    expect(pair.conn('a').sendBufferedBytes).toBe(0);
  });
});

describe('duplicate ACKs when the host polls late', () => {
  it('sends one duplicate ACK per out-of-order segment even if several arrive before pollTransmit', () => {
    const { pair } = transfer(0);
    pair.run();
    const a = pair.conn('a');
    const b = pair.conn('b');
    const segment = (offset: number) => ({
      srcPort: 49152,
      dstPort: 12000,
      seq: (a.iss + 1 + offset) >>> 0,
      ack: (b.iss + 1) >>> 0,
      flags: TCP_FLAGS.ACK,
      window: 65535,
      urgentPointer: 0,
      options: [],
      payload: new Uint8Array(100),
    });
    // Bytes 100..399 arrive, 0..99 are missing.
    for (const offset of [100, 200, 300]) b.handleSegment(segment(offset), pair.now);
    const acks = [];
    for (let t = b.pollTransmit(pair.now); t; t = b.pollTransmit(pair.now)) acks.push(t.segment.ack);
    expect(acks).toEqual([a.iss + 1, a.iss + 1, a.iss + 1]);
    // Two in-order segments polled late produce one cumulative ACK.
    b.handleSegment(segment(0), pair.now);
    b.handleSegment(segment(400), pair.now);
    const after = [];
    for (let t = b.pollTransmit(pair.now); t; t = b.pollTransmit(pair.now)) after.push(t.segment.ack);
    expect(after).toEqual([a.iss + 1 + 500]);
  });
});
