/**
 * Connection release (RFC 9293 §3.6) in all four orders, and reset
 * (§3.10.5 ABORT, §3.10.7.4 "Second"). One-way delay 10 ms, MSL 1 s so
 * TIME_WAIT lasts 2 s.
 */
import { describe, expect, it } from 'vitest';
import type { SimTime } from '../../sim/time';
import { ms, seconds } from '../../sim/time';
import { ConnectionPair } from './pair.test-helper';
import type { PairOptions, Side } from './pair.test-helper';

const MSL = seconds(1);

/** An established pair (at t = 30 ms) with a few bytes exchanged each way. */
function established(options: PairOptions = {}): ConnectionPair {
  const pair = new ConnectionPair({ config: { msl: MSL }, ...options });
  pair.connect();
  pair.at(ms(20), (p) => p.conn('a').send(new Uint8Array(100).fill(1), p.now));
  pair.at(ms(40), (p) => p.conn('b').send(new Uint8Array(50).fill(2), p.now));
  pair.run(ms(100));
  expect(pair.conn('a').state).toBe('ESTABLISHED');
  expect(pair.conn('b').state).toBe('ESTABLISHED');
  return pair;
}

function lastEvent(pair: ConnectionPair, side: Side): string {
  const events = pair.eventsOf(side);
  const last = events[events.length - 1]!;
  return last.type === 'tcp.reset' ? `${last.type}:${last.by}` : last.type;
}

function closedAt(pair: ConnectionPair, side: Side): SimTime | null {
  return pair.timeOf(side, 'tcp.closed');
}

describe('FIN close', () => {
  it('a closes first, b later: FIN_WAIT_1 → FIN_WAIT_2 → TIME_WAIT (2·MSL) and CLOSE_WAIT → LAST_ACK', () => {
    const pair = established();
    pair.at(ms(100), (p) => p.conn('a').close(p.now));
    pair.at(ms(200), (p) => p.conn('b').close(p.now));
    pair.run();
    expect(pair.statePath('a').slice(2)).toEqual(['ESTABLISHED', 'FIN_WAIT_1', 'FIN_WAIT_2', 'TIME_WAIT', 'CLOSED']);
    expect(pair.statePath('b').slice(2)).toEqual(['ESTABLISHED', 'CLOSE_WAIT', 'LAST_ACK', 'CLOSED']);
    expect(pair.timeOf('b', 'tcp.peerClosed')).toBe(ms(110));
    // b's FIN leaves at 200 ms, reaches a at 210 ms; TIME_WAIT lasts 2·MSL from there.
    expect(closedAt(pair, 'a')).toBe(ms(210) + 2 * MSL);
    expect(closedAt(pair, 'b')).toBe(ms(220));
    expect([lastEvent(pair, 'a'), lastEvent(pair, 'b')]).toEqual(['tcp.closed', 'tcp.closed']);
  });

  it('b closes first: the roles swap', () => {
    const pair = established();
    pair.at(ms(100), (p) => p.conn('b').close(p.now));
    pair.at(ms(150), (p) => p.conn('a').close(p.now));
    pair.run();
    expect(pair.statePath('b').slice(2)).toEqual(['ESTABLISHED', 'FIN_WAIT_1', 'FIN_WAIT_2', 'TIME_WAIT', 'CLOSED']);
    expect(pair.statePath('a').slice(2)).toEqual(['ESTABLISHED', 'CLOSE_WAIT', 'LAST_ACK', 'CLOSED']);
    expect([lastEvent(pair, 'a'), lastEvent(pair, 'b')]).toEqual(['tcp.closed', 'tcp.closed']);
  });

  it('simultaneous close: both go through CLOSING to TIME_WAIT', () => {
    const pair = established();
    pair.at(ms(100), (p) => {
      p.conn('a').close(p.now);
      p.conn('b').close(p.now);
    });
    pair.run();
    for (const side of ['a', 'b'] as const) {
      expect(pair.statePath(side).slice(2)).toEqual(['ESTABLISHED', 'FIN_WAIT_1', 'CLOSING', 'TIME_WAIT', 'CLOSED']);
      expect(closedAt(pair, side)).toBe(ms(120) + 2 * MSL);
    }
  });

  it('b closes at once on tcp.peerClosed: its FIN carries the ACK, a skips the FIN_WAIT_2 wait', () => {
    const pair = established({
      onEvent: (side, event, p) => {
        if (side === 'b' && event.type === 'tcp.peerClosed') p.conn('b').close(p.now);
      },
    });
    pair.at(ms(100), (p) => p.conn('a').close(p.now));
    pair.run();
    const fromB = pair.wire.filter((w) => w.from === 'b' && w.sentAt >= ms(100));
    expect(fromB.map((w) => w.info)).toEqual(['12000 → 49152 [FIN, ACK] Seq=51 Ack=102 Win=65535 Len=0']);
    // One segment moves a through FIN_WAIT_2 into TIME_WAIT at 120 ms.
    expect(pair.statePath('a').slice(2)).toEqual(['ESTABLISHED', 'FIN_WAIT_1', 'FIN_WAIT_2', 'TIME_WAIT', 'CLOSED']);
    expect(pair.events.filter((e) => e.side === 'a' && e.event.type === 'tcp.stateChanged' && e.at === ms(120))).toHaveLength(2);
    expect(pair.statePath('b').slice(2)).toEqual(['ESTABLISHED', 'CLOSE_WAIT', 'LAST_ACK', 'CLOSED']);
    expect(closedAt(pair, 'b')).toBe(ms(130));
  });

  it('sends the FIN only after all queued data, and delivers every byte before tcp.peerClosed', () => {
    const pair = new ConnectionPair({
      onEvent: (side, event, p) => {
        if (side === 'a' && event.type === 'tcp.connected') {
          p.conn('a').send(new Uint8Array(10_000).fill(7), p.now);
          p.conn('a').close(p.now);
        }
        if (side === 'b' && event.type === 'tcp.peerClosed') p.conn('b').close(p.now);
      },
    });
    pair.connect();
    pair.run();
    expect(pair.received('b')).toEqual(new Uint8Array(10_000).fill(7));
    const types = pair.eventsOf('b').map((e) => e.type);
    expect(types.lastIndexOf('tcp.dataReceived')).toBeLessThan(types.indexOf('tcp.peerClosed'));
    const finSegment = pair.wire.find((w) => w.from === 'a' && w.info.includes('FIN'))!;
    expect(finSegment.info).toBe('49152 → 12000 [FIN, PSH, ACK] Seq=8761 Ack=1 Win=65535 Len=1240');
    expect([lastEvent(pair, 'a'), lastEvent(pair, 'b')]).toEqual(['tcp.closed', 'tcp.closed']);
  });

  it('close() in SYN_SENT with data queued waits for ESTABLISHED, then sends data and FIN', () => {
    const pair = new ConnectionPair();
    const a = pair.connect();
    a.send(new Uint8Array(10).fill(3), 0);
    a.close(0);
    expect(a.state).toBe('SYN_SENT');
    pair.run();
    expect(pair.received('b')).toEqual(new Uint8Array(10).fill(3));
    expect(pair.statePath('a').slice(0, 4)).toEqual(['CLOSED', 'SYN_SENT', 'ESTABLISHED', 'FIN_WAIT_1']);
    expect(pair.conn('b').state).toBe('CLOSE_WAIT');
  });

  it('close() in SYN_SENT with nothing queued goes straight to CLOSED', () => {
    const pair = new ConnectionPair();
    const a = pair.connect();
    a.close(0);
    pair.run();
    expect(lastEvent(pair, 'a')).toBe('tcp.closed');
    // b's SYN,ACK then finds no connection and gets a RST.
    expect(pair.wire.map((w) => w.info)).toContain('49152 → 12000 [RST] Seq=1001 Win=0 Len=0');
    expect(pair.conn('b').state).toBe('CLOSED');
  });
});

describe('RST', () => {
  it('abort() sends RST; the peer reports tcp.reset by peer', () => {
    const pair = established();
    pair.at(ms(100), (p) => p.conn('a').abort(p.now));
    pair.run();
    expect(pair.wire.filter((w) => w.sentAt >= ms(100)).map((w) => w.info)).toEqual(['49152 → 12000 [RST] Seq=101 Win=0 Len=0']);
    expect(lastEvent(pair, 'a')).toBe('tcp.reset:us');
    expect(lastEvent(pair, 'b')).toBe('tcp.reset:peer');
    expect(pair.conn('b').state).toBe('CLOSED');
    expect(pair.timeOf('b', 'tcp.reset')).toBe(ms(110));
  });

  it('a RST inside the window but not at RCV.NXT gets a challenge ACK (RFC 5961 §3), and the reset follows', () => {
    // a's data segment is lost, so its RST (seq after the data) is not at b's RCV.NXT.
    let cut = false;
    const pair = established({ lose: (q) => cut && q.from === 'a' && q.segment.payload.length > 0 });
    pair.at(ms(100), (p) => {
      cut = true;
      p.conn('a').send(new Uint8Array(10), p.now);
    });
    pair.at(ms(101), (p) => p.conn('a').abort(p.now));
    pair.run();
    expect(pair.wire.filter((w) => w.sentAt >= ms(101)).map((w) => `${w.from} ${w.info}`)).toEqual([
      'a 49152 → 12000 [RST] Seq=111 Win=0 Len=0',
      'b 12000 → 49152 [ACK] Seq=51 Ack=101 Win=65535 Len=0', // challenge ACK
      'a 49152 → 12000 [RST] Seq=1101 Win=0 Len=0', // from the host: no connection (absolute numbers)
    ]);
    expect(lastEvent(pair, 'b')).toBe('tcp.reset:peer');
  });

  it('ignores a RST outside the window', () => {
    const pair = established();
    const b = pair.conn('b');
    const before = b.state;
    b.handleSegment(
      { srcPort: 49152, dstPort: 12000, seq: (pair.conn('a').iss + 200_000) >>> 0, ack: 0, flags: 0x04, window: 0, urgentPointer: 0, options: [], payload: new Uint8Array(0) },
      pair.now,
    );
    expect(b.state).toBe(before);
    expect(b.pollTransmit(pair.now)).toBeNull();
  });
});
