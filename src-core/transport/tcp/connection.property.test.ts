/**
 * Property tests for TcpConnection:
 * 1. Reliable delivery: with up to 30 % random loss in both directions, two
 *    random byte streams (up to 200 kB each way, written in random-sized
 *    chunks at random times) arrive intact and in order, and both sides
 *    close normally; also with reordering and deliberately bad parameters.
 * 2. State transitions (h2's test_state_transitions): in every state a
 *    connection can be in, any sequence of arbitrary segments, application
 *    commands and timeouts either moves it along the table in `state.ts`
 *    (the connection checks each move) or is dropped cleanly — it never
 *    throws (except TcpUsageError for send() after close).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ms, seconds } from '../../sim/time';
import type { SimTime } from '../../sim/time';
import { segmentLength, TCP_FLAGS } from './codec';
import type { TcpOption, TcpSegment } from './codec';
import { TcpUsageError } from './connection';
import type { TcpConfig, TcpConnection, TcpEvent, TcpState } from './connection';
import { ConnectionPair, firstDifference } from './pair.test-helper';
import type { Side } from './pair.test-helper';
import { TCP_STATES } from './state';

/** mulberry32: a small seeded PRNG, so each fast-check case is reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomBytes(length: number, seed: number): Uint8Array {
  const next = prng(seed);
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i += 1) out[i] = Math.floor(next() * 256);
  return out;
}

/** Split `total` bytes into chunks of the given relative sizes. */
function chunkSizes(total: number, weights: number[]): number[] {
  if (total === 0) return [];
  const sum = weights.reduce((s, w) => s + w, 0) || 1;
  const sizes = weights.map((w) => Math.floor((w / sum) * total));
  sizes.push(total - sizes.reduce((s, n) => s + n, 0));
  return sizes.filter((n) => n > 0);
}

interface Stream {
  length: number;
  seed: number;
  weights: number[];
  /** Gap between writes, ms. */
  gapMs: number;
}

const stream = (maxLength: number): fc.Arbitrary<Stream> =>
  fc.record({
    length: fc.integer({ min: 0, max: maxLength }),
    seed: fc.integer(),
    weights: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 0, maxLength: 30 }),
    gapMs: fc.integer({ min: 0, max: 300 }),
  });

interface Scenario {
  lossSeed: number;
  lossRate: number;
  delayMs: number;
  /** Extra random delay per segment, 0..jitterMs (reorders segments). */
  jitterMs: number;
  a: Stream;
  b: Stream;
  config: Partial<TcpConfig>;
}

/**
 * a connects and writes its stream, b writes its own once the SYN arrives;
 * a closes after its last write (once connected: close() in SYN_SENT with
 * nothing queued abandons the connection), b once it has written everything
 * and a has closed. Checks both streams; returns the pair for more checks.
 */
function runScenario(s: Scenario): ConnectionPair {
  const random = prng(s.lossSeed);
  const data: Record<Side, Uint8Array> = { a: randomBytes(s.a.length, s.a.seed), b: randomBytes(s.b.length, s.b.seed) };
  const plan: Record<Side, Stream> = { a: s.a, b: s.b };
  const done: Record<Side, boolean> = { a: false, b: false };
  const peerClosed: Record<Side, boolean> = { a: false, b: false };
  const connected: Record<Side, boolean> = { a: false, b: false };
  const maybeClose = (side: Side, p: ConnectionPair) => {
    if (done[side] && connected[side] && (side === 'a' || peerClosed[side])) p.conn(side).close(p.now);
  };
  /** Schedule side's writes from now on, then try to close. */
  const startWriting = (side: Side, pair: ConnectionPair) => {
    let offset = 0;
    let at = pair.now;
    for (const size of chunkSizes(data[side].length, plan[side].weights)) {
      const chunk = data[side].subarray(offset, offset + size);
      offset += size;
      pair.at(at, (p) => p.conn(side).send(chunk, p.now));
      at += ms(plan[side].gapMs);
    }
    pair.at(at, (p) => {
      done[side] = true;
      maybeClose(side, p);
    });
  };

  const pair = new ConnectionPair({
    delay: ms(s.delayMs),
    jitter: s.jitterMs > 0 ? () => Math.floor(random() * ms(s.jitterMs)) : undefined,
    lose: () => random() < s.lossRate,
    config: s.config,
    onEvent: (side, event, p) => {
      if (event.type === 'tcp.stateChanged' && event.to === 'SYN_RCVD' && side === 'b') startWriting('b', p);
      if (event.type === 'tcp.connected') {
        connected[side] = true;
        maybeClose(side, p);
      }
      if (event.type === 'tcp.peerClosed') {
        peerClosed[side] = true;
        maybeClose(side, p);
      }
    },
  });
  pair.connect();
  startWriting('a', pair);
  pair.run();

  for (const side of ['a', 'b'] as const) {
    const other = side === 'a' ? 'b' : 'a';
    expect(firstDifference(pair.received(other), data[side]), context(pair, s)).toBe(-1);
    expect(pair.conn(side).state).toBe('CLOSED');
  }
  return pair;
}

function context(pair: ConnectionPair, s: Scenario): string {
  return `${JSON.stringify({ ...s, a: s.a.length, b: s.b.length })}\n${pair.transcript().split('\n').slice(-30).join('\n')}`;
}

function lastEvent(pair: ConnectionPair, side: Side): TcpEvent | undefined {
  const events = pair.eventsOf(side);
  return events[events.length - 1];
}

describe('reliable delivery', () => {
  it('delivers both streams intact and in order under up to 30 % loss, and both sides close normally', () => {
    fc.assert(
      fc.property(
        fc.record({
          lossSeed: fc.integer(),
          lossRate: fc.double({ min: 0, max: 0.3, noNaN: true }),
          delayMs: fc.integer({ min: 1, max: 80 }),
          jitterMs: fc.constant(0),
          a: stream(200_000),
          b: stream(200_000),
          // Generous limits so that a long run of losses never aborts the
          // connection; TIME_WAIT (2·MSL) outlasts the largest RTO.
          config: fc.constant({ maxRetransmissions: 100, msl: seconds(300) }),
        }),
        (scenario) => {
          const pair = runScenario(scenario);
          expect(lastEvent(pair, 'a'), context(pair, scenario)).toEqual({ type: 'tcp.closed' });
          expect(lastEvent(pair, 'b'), context(pair, scenario)).toEqual({ type: 'tcp.closed' });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('also with reordering, tiny RTOs (spurious retransmissions), tiny MSS and windows', () => {
    fc.assert(
      fc.property(
        fc.record({
          lossSeed: fc.integer(),
          lossRate: fc.double({ min: 0, max: 0.3, noNaN: true }),
          delayMs: fc.integer({ min: 1, max: 80 }),
          jitterMs: fc.integer({ min: 0, max: 100 }),
          a: stream(8_000),
          b: stream(8_000),
          config: fc.record({
            maxRetransmissions: fc.constant(100),
            msl: fc.constant(seconds(300)),
            initialRto: fc.integer({ min: 1, max: 1000 }).map(ms),
            minRto: fc.integer({ min: 1, max: 1000 }).map(ms),
            mss: fc.integer({ min: 8, max: 1460 }),
            receiveWindow: fc.integer({ min: 1, max: 65535 }),
          }),
        }),
        (scenario) => {
          const pair = runScenario(scenario);
          // A late duplicate ACK can reach the peer after it closed from
          // LAST_ACK; its host answers RST, which ends our TIME_WAIT early
          // (RFC 9293 §3.10.7.4 "Second"; the hazard of RFC 1337). Anything
          // else must end normally.
          for (const side of ['a', 'b'] as const) {
            const last = lastEvent(pair, side);
            if (last?.type === 'tcp.reset' && pair.statePath(side).includes('TIME_WAIT')) continue;
            expect(last, context(pair, scenario)).toEqual({ type: 'tcp.closed' });
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

// ---------------------------------------------------------------------------
// State transitions.
// ---------------------------------------------------------------------------

/** States a TcpConnection can be in (LISTEN belongs to the host's listener, not to a connection). */
const CONNECTION_STATES = TCP_STATES.filter((s) => s !== 'LISTEN');

interface Reached {
  conn: TcpConnection;
  now: SimTime;
  /** The sequence number the connection expects next (its last ACK), or null before it has sent one. */
  rcvNxt: number | null;
  /** The connection's SND.NXT on the wire (what an ACK of everything would carry). */
  sndNxt: number;
}

/** A fresh connection in `state`, built by driving a pair through a script. */
function connectionIn(state: TcpState): Reached {
  let cut = false;
  const pair = new ConnectionPair({ lose: () => cut, config: { msl: seconds(1) } });
  const settle = () => pair.run(pair.now + ms(100));
  const result = (side: Side): Reached => {
    const conn = pair.conn(side);
    let rcvNxt: number | null = null;
    let sndNxt = conn.iss;
    for (const w of pair.wire) {
      if (w.from !== side) continue;
      if (w.segment.flags & TCP_FLAGS.ACK) rcvNxt = w.segment.ack;
      if (!(w.segment.flags & TCP_FLAGS.RST)) sndNxt = (w.segment.seq + segmentLength(w.segment)) >>> 0;
    }
    return { conn, now: pair.now, rcvNxt, sndNxt };
  };
  if (state === 'SYN_SENT') {
    cut = true;
    pair.connect();
    return result('a');
  }
  pair.connect();
  if (state === 'SYN_RCVD') {
    cut = true;
    pair.run(ms(15));
    return result('b');
  }
  pair.run(ms(30));
  pair.conn('a').send(new Uint8Array(100).fill(1), pair.now);
  pair.conn('b').send(new Uint8Array(50).fill(2), pair.now);
  pair.flush();
  settle();
  const a = pair.conn('a');
  const b = pair.conn('b');
  switch (state) {
    case 'ESTABLISHED':
      return result('a');
    case 'CLOSED':
      a.abort(pair.now);
      pair.flush();
      return result('a');
    case 'FIN_WAIT_1':
      cut = true;
      a.close(pair.now);
      pair.flush();
      return result('a');
    case 'FIN_WAIT_2':
    case 'CLOSE_WAIT':
      a.close(pair.now);
      pair.flush();
      settle();
      return result(state === 'FIN_WAIT_2' ? 'a' : 'b');
    case 'LAST_ACK':
      a.close(pair.now);
      pair.flush();
      settle();
      cut = true;
      b.close(pair.now);
      pair.flush();
      return result('b');
    case 'TIME_WAIT':
      a.close(pair.now);
      pair.flush();
      settle();
      b.close(pair.now);
      pair.flush();
      settle();
      return result('a');
    case 'CLOSING':
      a.close(pair.now);
      b.close(pair.now);
      pair.flush();
      cut = true;
      pair.run(pair.now + ms(15));
      return result('a');
    default:
      throw new Error(`no script for ${state}`);
  }
}

interface SegmentSpec {
  seq: { abs: number } | { rel: number };
  ack: { abs: number } | { rel: number };
  flags: number;
  window: number;
  options: TcpOption[];
  payloadLength: number;
  /** Time since the previous input, ms. */
  afterMs: number;
  /** An application command issued before the segment arrives. */
  command: 'none' | 'send' | 'close' | 'abort';
}

const COMMON_FLAGS = [
  TCP_FLAGS.ACK,
  TCP_FLAGS.SYN,
  TCP_FLAGS.SYN | TCP_FLAGS.ACK,
  TCP_FLAGS.FIN | TCP_FLAGS.ACK,
  TCP_FLAGS.PSH | TCP_FLAGS.ACK,
  TCP_FLAGS.RST,
  TCP_FLAGS.RST | TCP_FLAGS.ACK,
  TCP_FLAGS.FIN,
  0,
];

const segmentSpec: fc.Arbitrary<SegmentSpec> = fc.record({
  // Relative numbers are offsets from what the connection expects, so that
  // exact hits (a RST at RCV.NXT, an ACK of our FIN) are common.
  seq: fc.oneof(
    fc.record({ rel: fc.constant(0) }),
    fc.record({ rel: fc.integer({ min: -3, max: 3 }) }),
    fc.record({ rel: fc.integer({ min: -100, max: 3000 }) }),
    fc.record({ rel: fc.integer({ min: -70_000, max: 70_000 }) }),
    fc.record({ abs: fc.integer({ min: 0, max: 0xffffffff }) }),
  ),
  ack: fc.oneof(
    fc.record({ rel: fc.constant(0) }),
    fc.record({ rel: fc.integer({ min: -3, max: 3 }) }),
    fc.record({ rel: fc.integer({ min: -200, max: 200 }) }),
    fc.record({ abs: fc.integer({ min: 0, max: 0xffffffff }) }),
  ),
  flags: fc.oneof(fc.constantFrom(...COMMON_FLAGS), fc.integer({ min: 0, max: 0xff })),
  window: fc.oneof(fc.constant(65535), fc.constant(0), fc.integer({ min: 0, max: 0xffff })),
  options: fc.oneof(fc.constant([] as TcpOption[]), fc.constant([{ kind: 'mss', value: 0 }] as TcpOption[]), fc.constant([{ kind: 'mss', value: 1 }] as TcpOption[])),
  payloadLength: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3000 })),
  afterMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5000 })),
  command: fc.oneof(
    { weight: 6, arbitrary: fc.constant('none' as const) },
    { weight: 1, arbitrary: fc.constantFrom('send' as const, 'close' as const, 'abort' as const) },
  ),
});

function build(spec: SegmentSpec, reached: Reached): TcpSegment {
  const { conn } = reached;
  const seqBase = reached.rcvNxt ?? 12345;
  return {
    srcPort: conn.remote.port,
    dstPort: conn.local.port,
    seq: 'abs' in spec.seq ? spec.seq.abs : (seqBase + spec.seq.rel) >>> 0,
    ack: 'abs' in spec.ack ? spec.ack.abs : (reached.sndNxt + spec.ack.rel) >>> 0,
    flags: spec.flags,
    window: spec.window,
    urgentPointer: 0,
    options: spec.options,
    payload: new Uint8Array(spec.payloadLength).fill(0x55),
  };
}

/** Drain every output; bounded so that a livelock fails the test instead of hanging. */
function drain(conn: TcpConnection, now: SimTime): void {
  for (let i = 0; conn.pollTransmit(now); i += 1) if (i > 10_000) throw new Error('pollTransmit never returns null');
  for (let i = 0; conn.pollEvent(); i += 1) if (i > 10_000) throw new Error('pollEvent never returns null');
}

describe('state transitions', () => {
  it.each(CONNECTION_STATES)('reaches %s with the test script', (state) => {
    expect(connectionIn(state).conn.state).toBe(state);
  });

  it.each(CONNECTION_STATES)('in %s, any segments and timeouts transition or are dropped cleanly', (state) => {
    fc.assert(
      fc.property(fc.array(segmentSpec, { minLength: 1, maxLength: 6 }), fc.boolean(), (specs, fireTimers) => {
        const reached = connectionIn(state);
        const { conn } = reached;
        let now = reached.now;
        drain(conn, now);
        const seen: TcpState[] = [conn.state];
        for (const spec of specs) {
          now += ms(spec.afterMs);
          const due = conn.pollTimeout();
          if (fireTimers && due !== null && due <= now) conn.handleTimeout(now);
          if (spec.command === 'send') {
            try {
              conn.send(new Uint8Array(2000), now);
            } catch (error) {
              // The only error allowed: sending after close/abort.
              expect(error).toBeInstanceOf(TcpUsageError);
            }
          } else if (spec.command === 'close') {
            conn.close(now);
          } else if (spec.command === 'abort') {
            conn.abort(now);
          }
          conn.handleSegment(build(spec, reached), now);
          for (let t = conn.pollTransmit(now), i = 0; t; t = conn.pollTransmit(now), i += 1) {
            expect(i).toBeLessThan(10_000);
            // Everything we send is encodable.
            expect(t.segment.window).toBeLessThanOrEqual(0xffff);
          }
          for (let e = conn.pollEvent(); e; e = conn.pollEvent()) if (e.type === 'tcp.stateChanged') seen.push(e.to);
        }
        // Let every timer run out: the connection must settle.
        for (let i = 0; i < 100; i += 1) {
          const due = conn.pollTimeout();
          if (due === null) break;
          now = Math.max(now, due);
          conn.handleTimeout(now);
          drain(conn, now);
        }
        expect(TCP_STATES).toContain(conn.state);
        if (conn.state === 'CLOSED') expect(conn.pollTimeout()).toBeNull();
      }),
      { numRuns: 150 },
    );
  });
});
