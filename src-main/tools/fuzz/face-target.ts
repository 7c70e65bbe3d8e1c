/**
 * The one fuzz target for every engine: it drives the engine through the
 * engine face only (src-core/engine/face.ts), on the fuzzer's network
 * (face-net.ts), fed one of three ways:
 * - 'datagram': each input is a datagram from the fuzzer to the UDP socket
 *   the engine bound on `port`;
 * - 'stream': each input is one connection's bytes: `accepted` on the
 *   engine's listener on `port`, the input in `data` chunks of random sizes
 *   (chosen from the input's own bytes, so a replay cuts it the same way),
 *   then `peerClosed`;
 * - 'reply': the engine is first made to ask something (`prompt`: a request
 *   to it, or its action run again) while it is held, then the input comes
 *   as the answer to the last message it sent — a datagram from where that
 *   went, or the bytes of the connection it opened.
 *
 * Time: each input comes `step` after the previous one, and every deadline
 * due by then fires first, at its own time; so retransmissions run and
 * caches age as in a simulation. The world is made anew every `resetEvery`
 * inputs.
 *
 * Outcome: 'ok' when the engines under test gave out anything for the input
 * (a message, an event) beyond refusals (oracle.ts), else 'rejected'.
 * Exceptions from any engine of the world, and failed checks, propagate.
 */
import { Prng } from '../../../src-core/sim/prng';
import { ms, type SimTime } from '../../../src-core/sim/time';
import { type Connection, type Driven, type FuzzNet, type NetNode } from './face-net';
import type { Checker, Oracle } from './oracle';
import { check, chunks, inputHash, inputRng, type FuzzTarget, type Outcome } from './target';

export type RequestFeed = { readonly kind: 'datagram'; readonly port: number } | { readonly kind: 'stream'; readonly port: number };
export type Feed = RequestFeed | { readonly kind: 'reply' };

/** The fuzzer's UDP port. */
export const FUZZER_PORT = 40000;
const RESET_EVERY = 64;
const STEP = ms(100);
/** Prompts tried per reply input before giving up on getting the engine to ask anything (it may answer from its cache). */
const PROMPTS = 4;

export interface Rig {
  readonly net: FuzzNet;
  /** The node requests go to. */
  readonly node: NetNode;
  /** The engines under test: what they give out decides the outcome. */
  readonly engines: readonly Driven[];
}

export interface FaceSpec<R extends Rig> {
  readonly name: string;
  seeds(): Uint8Array[];
  readonly oracle: Oracle | null;
  /** A fresh world with the engine under test in it. */
  make(): R;
  readonly feed: Feed;
  /**
   * Reply inputs: has the engine ask something, its outputs held (FuzzNet.held);
   * returns the engines under test for this input. `attempt` counts the tries for one input.
   */
  prompt?(rig: R, input: Uint8Array, attempt: number): readonly Driven[];
  readonly resetEvery?: number;
  readonly step?: SimTime;
}

export function faceTarget<R extends Rig>(spec: FaceSpec<R>): FuzzTarget {
  let rig: R | null = null;
  let now: SimTime = 0;
  const fresh = (): R => {
    now = 0;
    return spec.make();
  };
  return {
    name: spec.name,
    seeds: () => spec.seeds(),
    ...(spec.oracle ? { dictionary: spec.oracle.dictionary } : {}),
    resetEvery: spec.resetEvery ?? RESET_EVERY,
    reset() {
      rig = null;
    },
    run(input): Outcome {
      const r = (rig ??= fresh());
      const net = r.net;
      now += spec.step ?? STEP;
      net.advance(now);
      const checker = spec.oracle ? net.checker(spec.oracle.protocol) : null;
      let engines = r.engines;
      switch (spec.feed.kind) {
        case 'datagram': {
          const port = spec.feed.port;
          for (const d of engines) d.mark();
          const id = net.datagramToNode(r.node, port, input, FUZZER_PORT);
          check(id !== null, () => `no engine on ${r.node.id} bound UDP port ${port}, which its service listens on`);
          checker?.asked(input, 'udp', id);
          break;
        }
        case 'stream': {
          const port = spec.feed.port;
          const conn = net.connectToNode(r.node, port);
          check(conn !== null, () => `no engine on ${r.node.id} listens on TCP port ${port}, which its service listens on`);
          for (const d of engines) d.mark();
          writeStream(net, conn, input, spec.oracle, checker);
          break;
        }
        case 'reply': {
          const prompt = spec.prompt;
          check(prompt !== undefined, () => `${spec.name} takes replies but has no prompt`);
          net.held = [];
          for (let attempt = 0; attempt < PROMPTS && net.held.length === 0; attempt++) engines = prompt(r, input, attempt);
          const held = net.held.at(-1);
          net.held = [];
          if (!held) return 'rejected';
          for (const d of engines) d.mark();
          if (held.kind === 'datagram') net.datagramToHeld(held, spec.oracle ? spec.oracle.answerTo(held.data, input) : input);
          else writeStream(net, held.conn, input, spec.oracle, null);
          break;
        }
      }
      net.flush();
      net.advance(net.now);
      net.settled();
      return engines.some((d) => d.outputs > d.refusals) ? 'ok' : 'rejected';
    },
  };
}

/** The fuzzer's bytes on a connection, in chunks, each with the ids of the messages (by the oracle's framing) that end in it; then its FIN. */
function writeStream(net: FuzzNet, conn: Connection, input: Uint8Array, oracle: Oracle | null, checker: Checker | null): void {
  const messages = (oracle?.frames(input).messages ?? []).map((m) => {
    const id = net.messageId();
    checker?.asked(m.payload, 'tcp', id);
    return { id, end: m.end };
  });
  let at = 0;
  let next = 0;
  for (const chunk of chunks(input, inputRng(input))) {
    at += chunk.length;
    const ids: number[] = [];
    for (; next < messages.length && messages[next]!.end <= at; next++) ids.push(messages[next]!.id);
    net.fuzzerWrites(conn, chunk, ids);
  }
  net.fuzzerCloses(conn);
}

/**
 * A prompt for a service: a request to it on `feed` (one of `requests`,
 * or the oracle's request for the input's own question on the first
 * attempt), with its engines held.
 */
export function requestPrompt<R extends Rig>(feed: RequestFeed, requests: () => Uint8Array[], oracle: Oracle | null) {
  let pool: Uint8Array[] | null = null;
  return (r: R, input: Uint8Array, attempt: number): readonly Driven[] => {
    pool ??= requests();
    const rng = new Prng(inputHash(input) ^ attempt);
    const request = (attempt === 0 ? oracle?.prompt(input) : null) ?? (pool.length > 0 ? pool[rng.nextInt(0, pool.length - 1)]! : input);
    const net = r.net;
    for (const d of r.engines) d.held = true;
    try {
      if (feed.kind === 'datagram') {
        const id = net.datagramToNode(r.node, feed.port, request, FUZZER_PORT);
        if (oracle && id !== null) net.checker(oracle.protocol)?.asked(request, 'udp', id);
      } else {
        const conn = net.connectToNode(r.node, feed.port);
        if (conn) writeStream(net, conn, request, oracle, oracle ? net.checker(oracle.protocol) : null);
      }
      net.flush();
    } finally {
      for (const d of r.engines) d.held = false;
    }
    return r.engines;
  };
}
