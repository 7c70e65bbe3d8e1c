/**
 * What the fuzzer knows of one application protocol beyond the engine face:
 * how its byte streams divide into messages, inputs worth starting from, and
 * checks of the messages its engines send. Optional: an engine whose
 * protocol has no oracle is still fuzzed, with the face checks alone
 * (face-net.ts); adding an oracle is one entry in ORACLES.
 */
import type { TransportName } from '../../../src-core/engine/face';
import { dnsOracle } from './dns-oracle';
import { socketsOracle } from './sockets-oracle';

export interface Framed {
  /** The whole messages at the start of the stream, each with the offset just past it. */
  readonly messages: readonly { readonly payload: Uint8Array; readonly end: number }[];
  /** Why the stream cannot be read on after them, or null (it may just be unfinished). */
  readonly error: string | null;
}

export interface Oracle {
  readonly protocol: string;
  frames(stream: Uint8Array): Framed;
  /** Valid requests (a datagram each), beyond those of the lessons. */
  requests(): Uint8Array[];
  /** Valid streams made of `requests` (framed, several back to back, one cut short). */
  streams(requests: readonly Uint8Array[]): Uint8Array[];
  /** Valid answers, beyond those of the lessons. */
  replies(): Uint8Array[];
  dictionary(): Uint8Array[];
  /** A request that makes an engine ask a question `reply` could answer, or null (the target picks one of its seeds). */
  prompt(reply: Uint8Array): Uint8Array | null;
  /** `reply` made to answer `query` where the protocol pairs them (a DNS id), so a mutant is not refused for that alone. */
  answerTo(query: Uint8Array, reply: Uint8Array): Uint8Array;
  /** A checker for one world (face-net.ts makes one per protocol). */
  checker(): Checker;
}

/** 'refusal': the engine turned the input down in the protocol's own way (a FORMERR, a dropped response). */
export type Verdict = 'ok' | 'refusal';

/** Where a message an engine sent went, and why. */
export interface Sent {
  readonly transport: TransportName;
  /** A reply to the fuzzer's own request. */
  readonly toFuzzer: boolean;
  /** The trace id its label names as its cause (one of the fuzzer's messages, when it answers one at once), or null. */
  readonly cause: number | null;
  /** "DNS server on root", for messages. */
  readonly who: string;
}

export interface Checker {
  /** The fuzzer sent this message (a datagram, or one whole message of a stream) with trace id `id`. */
  asked(message: Uint8Array, transport: TransportName, id: number): void;
  /** Checks a message an engine sent (throws FuzzCheckError). */
  sent(message: Uint8Array, how: Sent): Verdict;
  /** How an engine event reads. */
  event?(event: unknown): Verdict;
  /** After each input, when the world is quiet. */
  settled?(): void;
}

export const ORACLES: ReadonlyMap<string, Oracle> = new Map([dnsOracle, socketsOracle].map((o) => [o.protocol, o]));
