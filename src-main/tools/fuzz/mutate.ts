/**
 * Where fuzz inputs come from: a corpus of valid inputs (a target's seeds,
 * made with our own encoders) and a seeded Prng. Each input is either random
 * bytes (1 in 10) or a seed changed by one to three stacked mutations:
 * bit flips, byte replacement (by random or boundary values), insertion,
 * deletion, truncation, splicing with another corpus item, an arithmetic
 * tweak of an 8- or 16-bit field (the length and count fields of headers),
 * and dictionary tokens.
 *
 * Rules: every choice draws from the Prng given, so the same seed gives the
 * same inputs; inputs are at most `maxLength` bytes. Inputs a target
 * accepted may join the corpus (at most `corpusCap` of them, replacing at
 * random once full): mutating a valid mutant reaches further than mutating
 * the seeds again.
 */
import type { Prng } from '../../../src-core/sim/prng';
import { concat } from './target';

/** Boundary values: zero, one, the top bit, a name pointer's mark (0xc0), a label's 63, the dot. */
const INTERESTING_8 = [0x00, 0x01, 0x02, 0x0a, 0x0d, 0x2e, 0x3f, 0x40, 0x7f, 0x80, 0xc0, 0xfe, 0xff];
const INTERESTING_16 = [0x0000, 0x0001, 0x0002, 0x000c, 0x00ff, 0x0100, 0x01ff, 0x0200, 0x3fff, 0x7fff, 0x8000, 0xc00c, 0xfffe, 0xffff];

export interface MutatorOptions {
  readonly maxLength: number;
  readonly corpusCap: number;
}

export const DEFAULT_MUTATOR_OPTIONS: MutatorOptions = { maxLength: 4096, corpusCap: 512 };

export class Mutator {
  private readonly corpus: Uint8Array[];
  private readonly seedCount: number;

  constructor(
    private readonly rng: Prng,
    seeds: readonly Uint8Array[],
    private readonly dictionary: readonly Uint8Array[] = [],
    private readonly options: MutatorOptions = DEFAULT_MUTATOR_OPTIONS,
  ) {
    this.corpus = seeds.filter((s) => s.length <= options.maxLength).map((s) => s.slice());
    this.seedCount = this.corpus.length;
  }

  get corpusSize(): number {
    return this.corpus.length;
  }

  /** The next input, and whether it is a mutation (false: random bytes). */
  next(): { readonly input: Uint8Array; readonly mutated: boolean } {
    if (this.corpus.length === 0 || this.rng.chance(0.1)) return { input: this.randomBytes(), mutated: false };
    let input = this.pick();
    const n = this.rng.nextInt(1, 3);
    for (let i = 0; i < n; i++) input = this.mutate(input);
    return { input: input.length > this.options.maxLength ? input.subarray(0, this.options.maxLength) : input, mutated: true };
  }

  /** Offers an input the target accepted; 1 in 8 join the corpus. */
  offer(input: Uint8Array): void {
    if (!this.rng.chance(0.125) || input.length > this.options.maxLength) return;
    if (this.corpus.length < this.seedCount + this.options.corpusCap) this.corpus.push(input.slice());
    else this.corpus[this.rng.nextInt(this.seedCount, this.corpus.length - 1)] = input.slice();
  }

  private pick(): Uint8Array {
    return this.corpus[this.rng.nextInt(0, this.corpus.length - 1)]!;
  }

  private randomBytes(): Uint8Array {
    const r = this.rng.nextFloat();
    const max = r < 0.3 ? 16 : r < 0.6 ? 64 : 600;
    const out = new Uint8Array(this.rng.nextInt(0, max));
    for (let i = 0; i < out.length; i++) out[i] = this.rng.nextInt(0, 255);
    return out;
  }

  private position(length: number): number {
    return this.rng.nextInt(0, Math.max(0, length - 1));
  }

  /** A field offset: half of the time within the first 12 bytes, where the headers' length and count fields are. */
  private fieldOffset(length: number, width: number): number {
    const last = length - width;
    if (last < 0) return -1;
    return this.rng.chance(0.5) ? this.rng.nextInt(0, Math.min(last, 12 - width)) : this.rng.nextInt(0, last);
  }

  private mutate(b: Uint8Array): Uint8Array {
    const rng = this.rng;
    switch (rng.nextInt(0, 9)) {
      case 0: {
        // bit flips
        if (b.length === 0) return this.insert(b);
        const out = b.slice();
        for (let i = rng.nextInt(1, 4); i > 0; i--) out[this.position(out.length)]! ^= 1 << rng.nextInt(0, 7);
        return out;
      }
      case 1: {
        // byte replacement
        if (b.length === 0) return this.insert(b);
        const out = b.slice();
        for (let i = rng.nextInt(1, 4); i > 0; i--) out[this.position(out.length)] = rng.chance(0.5) ? rng.nextInt(0, 255) : INTERESTING_8[rng.nextInt(0, INTERESTING_8.length - 1)]!;
        return out;
      }
      case 2:
        return this.insert(b);
      case 3: {
        // deletion of a range
        if (b.length === 0) return b;
        const at = this.position(b.length);
        const n = rng.nextInt(1, Math.min(b.length - at, rng.chance(0.7) ? 8 : b.length));
        return concat([b.subarray(0, at), b.subarray(at + n)]);
      }
      case 4:
        // truncation
        return b.subarray(0, rng.nextInt(0, Math.max(0, b.length - 1)));
      case 5: {
        // splice: the head of this input, the tail of another corpus item
        const other = this.pick();
        return concat([b.subarray(0, rng.nextInt(0, b.length)), other.subarray(rng.nextInt(0, other.length))]);
      }
      case 6:
      case 7: {
        // an 8- or 16-bit field (a length, a count, a pointer) nudged or set to a boundary value
        const wide = rng.chance(0.7);
        const at = this.fieldOffset(b.length, wide ? 2 : 1);
        if (at < 0) return this.insert(b);
        const out = b.slice();
        const old = wide ? (out[at]! << 8) | out[at + 1]! : out[at]!;
        const mask = wide ? 0xffff : 0xff;
        const deltas = [1, 2, 4, 8, 16, 255];
        const r = rng.nextFloat();
        const v =
          r < 0.5 ? old + (rng.chance(0.5) ? 1 : -1) * deltas[rng.nextInt(0, deltas.length - 1)]! : r < 0.8 ? (wide ? INTERESTING_16[rng.nextInt(0, INTERESTING_16.length - 1)]! : INTERESTING_8[rng.nextInt(0, INTERESTING_8.length - 1)]!) : b.length - at + rng.nextInt(-4, 4);
        if (wide) {
          out[at] = (v & mask) >>> 8;
          out[at + 1] = v & 0xff;
        } else out[at] = v & mask;
        return out;
      }
      case 8: {
        // a dictionary token written over the bytes at a position
        const token = this.token();
        if (!token || b.length < token.length) return this.insert(b);
        const out = b.slice();
        out.set(token, rng.nextInt(0, b.length - token.length));
        return out;
      }
      default: {
        // a chunk of the input repeated in place
        if (b.length === 0) return this.insert(b);
        const at = this.position(b.length);
        const n = rng.nextInt(1, Math.min(b.length - at, 32));
        const times = rng.nextInt(1, 4);
        const chunk = b.subarray(at, at + n);
        return concat([b.subarray(0, at + n), ...Array<Uint8Array>(times).fill(chunk), b.subarray(at + n)]);
      }
    }
  }

  private token(): Uint8Array | null {
    return this.dictionary.length === 0 ? null : this.dictionary[this.rng.nextInt(0, this.dictionary.length - 1)]!;
  }

  /** Random bytes or a dictionary token inserted at a position. */
  private insert(b: Uint8Array): Uint8Array {
    const at = this.rng.nextInt(0, b.length);
    let piece = this.rng.chance(0.4) ? this.token() : null;
    if (!piece) {
      piece = new Uint8Array(this.rng.nextInt(1, 16));
      for (let i = 0; i < piece.length; i++) piece[i] = this.rng.nextInt(0, 255);
    }
    return concat([b.subarray(0, at), piece, b.subarray(at)]);
  }
}

