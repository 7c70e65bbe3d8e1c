/**
 * Three-way handshake (RFC 9293 §3.5) over a ConnectionPair. One-way delay
 * 10 ms, so RTT = 20 ms.
 */
import { describe, expect, it } from 'vitest';
import { ms, seconds } from '../../sim/time';
import { TCP_FLAGS } from './codec';
import { DEFAULT_TCP_CONFIG, TcpConnection, TcpUsageError } from './connection';
import { ConnectionPair } from './pair.test-helper';

const text = (s: string) => new TextEncoder().encode(s);

describe('three-way handshake', () => {
  it('delivers data written on tcp.connected 1.5 RTT after connect', () => {
    const pair = new ConnectionPair({
      delay: ms(10),
      onEvent: (side, event, p) => {
        if (side === 'a' && event.type === 'tcp.connected') p.conn('a').send(text('hello'), p.now);
      },
    });
    pair.connect();
    pair.run();
    // t = 0 SYN →, t = 10 ms ← SYN,ACK, t = 20 ms ACK+data →, arrives t = 30 ms.
    expect(pair.wire.slice(0, 3).map((w) => [w.sentAt, w.info])).toEqual([
      [0, '49152 → 12000 [SYN] Seq=0 Win=65535 Len=0 MSS=1460'],
      [ms(10), '12000 → 49152 [SYN, ACK] Seq=0 Ack=1 Win=65535 Len=0 MSS=1460'],
      [ms(20), '49152 → 12000 [PSH, ACK] Seq=1 Ack=1 Win=65535 Len=5'],
    ]);
    expect(pair.timeOf('a', 'tcp.connected')).toBe(ms(20));
    expect(pair.timeOf('b', 'tcp.connected')).toBe(ms(30));
    expect(pair.timeOf('b', 'tcp.dataReceived')).toBe(ms(30));
    expect(new TextDecoder().decode(pair.received('b'))).toBe('hello');
    expect(pair.statePath('a')).toEqual(['CLOSED', 'SYN_SENT', 'ESTABLISHED']);
    expect(pair.statePath('b')).toEqual(['LISTEN', 'SYN_RCVD', 'ESTABLISHED']);
  });

  it('sends a bare ACK when there is no data, and uses relative sequence numbers from any ISN', () => {
    const pair = new ConnectionPair({ issA: 0xfffffffe, issB: 0x7fffffff });
    pair.connect();
    pair.run();
    expect(pair.wire.map((w) => w.info)).toEqual([
      '49152 → 12000 [SYN] Seq=0 Win=65535 Len=0 MSS=1460',
      '12000 → 49152 [SYN, ACK] Seq=0 Ack=1 Win=65535 Len=0 MSS=1460',
      '49152 → 12000 [ACK] Seq=1 Ack=1 Win=65535 Len=0',
    ]);
    expect(pair.wire[2]!.segment.seq).toBe(0xffffffff);
    expect(pair.conn('b').irs).toBe(0xfffffffe);
    expect(pair.conn('a').irs).toBe(0x7fffffff);
  });

  it('negotiates the effective MSS as the smaller of the two and segments by it', () => {
    const pair = new ConnectionPair({
      configB: { mss: 536 },
      onEvent: (side, event, p) => {
        if (side === 'a' && event.type === 'tcp.connected') p.conn('a').send(new Uint8Array(1200), p.now);
      },
    });
    pair.connect();
    pair.run();
    expect(pair.conn('a').effectiveMss).toBe(536);
    expect(pair.conn('b').effectiveMss).toBe(536);
    const lengths = pair.wire.filter((w) => w.from === 'a' && w.segment.payload.length > 0).map((w) => w.segment.payload.length);
    expect(lengths).toEqual([536, 536, 128]);
    // PSH only on the last segment of the burst.
    const psh = pair.wire.filter((w) => w.from === 'a' && w.segment.payload.length > 0).map((w) => (w.segment.flags & TCP_FLAGS.PSH) !== 0);
    expect(psh).toEqual([false, false, true]);
  });

  it('is refused with RST,ACK when nobody listens (RFC 9293 §3.10.7.1)', () => {
    const pair = new ConnectionPair({ listen: false });
    pair.connect();
    pair.run();
    expect(pair.wire.map((w) => w.info)).toEqual([
      '49152 → 12000 [SYN] Seq=0 Win=65535 Len=0 MSS=1460',
      '12000 → 49152 [RST, ACK] Seq=0 Ack=1001 Win=0 Len=0',
    ]);
    expect(pair.eventsOf('a')).toContainEqual({ type: 'tcp.reset', by: 'peer' });
    expect(pair.conn('a').state).toBe('CLOSED');
    expect(pair.conn('a').pollTimeout()).toBeNull();
  });

  it('retransmits a lost SYN after the initial RTO and falls back to RTO = 3 s (RFC 6298 5.7)', () => {
    const pair = new ConnectionPair({ lose: (q) => q.from === 'a' && q.index === 0 });
    pair.connect();
    pair.run();
    expect(pair.wire.filter((w) => w.from === 'a').map((w) => [w.sentAt, w.retransmission])).toEqual([
      [0, false],
      [seconds(1), true],
      [seconds(1) + ms(20), false],
    ]);
    expect(pair.eventsOf('a')).toContainEqual({ type: 'tcp.retransmitting', seq: 1000, reason: 'timeout', rto: seconds(2) });
    expect(pair.timeOf('a', 'tcp.connected')).toBe(seconds(1) + ms(20));
    expect(pair.conn('a').rto).toBe(seconds(3));
  });

  it('answers a repeated SYN in SYN_RCVD with the SYN,ACK again when the first was lost', () => {
    const pair = new ConnectionPair({ lose: (q) => q.from === 'b' && q.index === 0, configB: { initialRto: seconds(3) } });
    pair.connect();
    pair.run();
    // a's SYN times out at 1 s; b resends SYN,ACK on the duplicate SYN instead of waiting for its 3 s timer.
    const fromB = pair.wire.filter((w) => w.from === 'b');
    expect(fromB.map((w) => [w.sentAt, w.info, w.retransmission])).toEqual([
      [ms(10), '12000 → 49152 [SYN, ACK] Seq=0 Ack=1 Win=65535 Len=0 MSS=1460', false],
      [seconds(1) + ms(10), '12000 → 49152 [SYN, ACK] Seq=0 Ack=1 Win=65535 Len=0 MSS=1460', true],
    ]);
    expect(pair.conn('b').state).toBe('ESTABLISHED');
  });

  it('recovers from a lost third ACK when b resends its SYN,ACK', () => {
    const pair = new ConnectionPair({ lose: (q) => q.from === 'a' && q.index === 1 });
    pair.connect();
    pair.run();
    expect(pair.conn('a').state).toBe('ESTABLISHED');
    expect(pair.conn('b').state).toBe('ESTABLISHED');
    // b's SYN,ACK timer fires 1 s after it was sent; a answers the duplicate with an ACK.
    expect(pair.timeOf('b', 'tcp.connected')).toBe(ms(10) + seconds(1) + ms(20));
  });

  it('handles a simultaneous open (SYN_SENT → SYN_RCVD → ESTABLISHED)', () => {
    const cfg = DEFAULT_TCP_CONFIG;
    const a = TcpConnection.connect({ addr: 1, port: 10 }, { addr: 2, port: 20 }, 100, cfg, 0);
    const b = TcpConnection.connect({ addr: 2, port: 20 }, { addr: 1, port: 10 }, 900, cfg, 0);
    const synA = a.pollTransmit(0)!.segment;
    const synB = b.pollTransmit(0)!.segment;
    a.handleSegment(synB, ms(10));
    b.handleSegment(synA, ms(10));
    expect([a.state, b.state]).toEqual(['SYN_RCVD', 'SYN_RCVD']);
    const synAckA = a.pollTransmit(ms(10))!.segment;
    const synAckB = b.pollTransmit(ms(10))!.segment;
    expect(synAckA.flags).toBe(TCP_FLAGS.SYN | TCP_FLAGS.ACK);
    // Each SYN,ACK repeats an already received SYN, so it fails the acceptability
    // test (RFC 9293 §3.10.7.4 "First") and is answered with an ACK — the ACKs
    // complete the open (RFC 9293 Figure 8).
    a.handleSegment(synAckB, ms(20));
    b.handleSegment(synAckA, ms(20));
    const ackA = a.pollTransmit(ms(20))!.segment;
    const ackB = b.pollTransmit(ms(20))!.segment;
    expect([ackA.flags, ackB.flags]).toEqual([TCP_FLAGS.ACK, TCP_FLAGS.ACK]);
    a.handleSegment(ackB, ms(30));
    b.handleSegment(ackA, ms(30));
    expect([a.state, b.state]).toEqual(['ESTABLISHED', 'ESTABLISHED']);
  });

  it('rejects a non-SYN in acceptSyn and send() after close()', () => {
    const a = TcpConnection.connect({ addr: 1, port: 10 }, { addr: 2, port: 20 }, 100, DEFAULT_TCP_CONFIG, 0);
    const syn = a.pollTransmit(0)!.segment;
    expect(() => TcpConnection.acceptSyn({ addr: 2, port: 20 }, { ...syn, flags: TCP_FLAGS.ACK }, 1, 5, DEFAULT_TCP_CONFIG, 0)).toThrow(
      TcpUsageError,
    );
    a.send(text('x'), 0);
    a.close(0);
    expect(() => a.send(text('y'), 0)).toThrow(TcpUsageError);
    a.abort(0);
    expect(() => a.send(text('y'), 0)).toThrow(expect.objectContaining({ code: 'closed' }));
  });
});
