/**
 * Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna, 2018),
 * seeded through splitmix32 so that nearby seeds give unrelated streams.
 *
 * Rule: every random choice in a run (loss, initial sequence numbers,
 * ephemeral ports, DNS ids …) draws from a Prng derived from the run's seed,
 * so the same scenario and seed always give the same trace.
 */
export class Prng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number) {
    let x = seed >>> 0;
    const next = (): number => {
      // splitmix32
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** Uniform unsigned 32-bit integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform float in [0, 1) with 32 bits of precision. */
  nextFloat(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [min, max] (inclusive). */
  nextInt(min: number, max: number): number {
    const span = max - min + 1;
    return min + Math.floor(this.nextFloat() * span);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return p > 0 && this.nextFloat() < p;
  }

  /**
   * An independent generator for one consumer (a link's loss process, a
   * host's port allocator), so that adding a consumer does not shift the
   * numbers every other consumer draws.
   */
  fork(label: string): Prng {
    let h = this.s0 ^ 0x811c9dc5;
    for (let i = 0; i < label.length; i++) {
      h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
    }
    return new Prng(h >>> 0);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
