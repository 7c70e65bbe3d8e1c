/**
 * The annotations that carry a time in their text — RTT brackets ("RTT
 * 24.08 ms", "reply after 24.17 ms") and transmission bars ("transmission
 * 1.20 ms") — keep the time (ns) and write the text when it is read: a
 * trace of 10^6 messages has about 8 × 10^5 of them, and only those on
 * screen (or in an export) are ever read. Same fields as annotations.ts
 * Annotation's 'rtt' and 'transmission' kinds, `label` a getter.
 */
import { NS_PER_MS } from '../sim/time';

/** 24077440 → "24.08 ms"; 1.5 s → "1.500 s"; 3200 → "3.2 µs". */
export function formatMs(ns: number): string {
  if (ns >= 1000 * NS_PER_MS) return `${(ns / (1000 * NS_PER_MS)).toFixed(3)} s`;
  if (ns >= NS_PER_MS) return `${(ns / NS_PER_MS).toFixed(2)} ms`;
  return `${(ns / 1000).toFixed(1)} µs`;
}

export class RttNote {
  readonly kind = 'rtt';

  /** `words`: what the text says before the time ("RTT", "reply after"); `ns`: the time. */
  constructor(
    readonly lane: number,
    readonly y1: number,
    readonly y2: number,
    private readonly words: string,
    private readonly ns: number,
  ) {}

  get label(): string {
    return `${this.words} ${formatMs(this.ns)}`;
  }
}

export class TransmissionNote {
  readonly kind = 'transmission';

  /** `ns`: the message's transmission time. */
  constructor(
    readonly lane: number,
    readonly id: number,
    readonly y1: number,
    readonly y2: number,
    private readonly ns: number,
  ) {}

  get label(): string {
    return `transmission ${formatMs(this.ns)}`;
  }
}
