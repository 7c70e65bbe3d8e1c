import { describe, expect, it } from 'vitest';
import { Prng } from '../sim/prng';
import { NS_PER_MS } from '../sim/time';
import { burstCandidates } from './burst-candidates';
import { BURST_GAP, BURST_MIN, BURST_SPACING_PX, burstKey, findBursts } from './bursts';
import type { ArrowLayout, ArrowState } from './layout';

/** findBursts as it was before the first pass: every arrow's key, every run. */
function reference(arrows: readonly ArrowLayout[], sentAt: (id: number) => number, pxPerMs: number): number[][] {
  const runs = new Map<string, { members: number[]; last: number }>();
  const bursts: number[][] = [];
  const finish = (members: readonly number[]) => {
    if (members.length < BURST_MIN) return;
    const span = sentAt(arrows[members[members.length - 1]!]!.id) - sentAt(arrows[members[0]!]!.id);
    if (((span / NS_PER_MS) * pxPerMs) / (members.length - 1) < BURST_SPACING_PX) bursts.push([...members]);
  };
  arrows.forEach((a, i) => {
    const key = burstKey(a);
    if (key === null) return;
    const t = sentAt(a.id);
    const run = runs.get(key);
    if (run && t - run.last <= BURST_GAP) {
      run.members.push(i);
      run.last = t;
      return;
    }
    if (run) finish(run.members);
    runs.set(key, { members: [i], last: t });
  });
  for (const run of runs.values()) finish(run.members);
  return bursts.sort((a, b) => a[0]! - b[0]!);
}

const STATES: ArrowState[] = ['delivered', 'lost', 'in-flight', 'discarded'];
const WORDS = ['Standard query 0x1', 'Standard query response', '[forged] Standard query response', '53 → 40001 Len=80', '53 → 40001 Len=81', 'GET /'];

/** Arrows in send order over few lanes, protocols and words, mostly sent under 0.15 ms apart, sometimes up to 3 ms: runs of alike ones form and break. */
function randomArrows(count: number, seed: number): { arrows: ArrowLayout[]; sent: number[] } {
  const rng = new Prng(seed);
  const arrows: ArrowLayout[] = [];
  const sent: number[] = [];
  let t = 0;
  for (let id = 0; id < count; id++) {
    t += rng.nextInt(0, rng.chance(0.05) ? 3_000_000 : 150_000);
    sent.push(t);
    const layer = rng.chance(0.5) ? 'application' : 'transport';
    const protocol = layer === 'transport' ? (rng.chance(0.3) ? 'tcp' : 'udp') : rng.chance(0.7) ? 'dns' : 'http';
    const from = rng.nextInt(0, 2);
    arrows.push({
      id, from, to: (from + 1 + rng.nextInt(0, 1)) % 3, x1: 0, y1: t / 1e5, x2: 100, y2: t / 1e5 + 5,
      state: STATES[rng.chance(0.9) ? 0 : rng.nextInt(1, 3)]!, label: WORDS[rng.nextInt(0, WORDS.length - 1)]!,
      protocol, layer, connection: null, expandable: false, carries: [],
    });
  }
  return { arrows, sent };
}

describe('burstCandidates', () => {
  it('leaves findBursts finding what it found with every arrow keyed', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const { arrows, sent } = randomArrows(4_000, seed);
      const sentAt = (id: number) => sent[id]!;
      for (const pxPerMs of [1, 8, Infinity]) expect(findBursts(arrows, sentAt, pxPerMs)).toEqual(reference(arrows, sentAt, pxPerMs));
      expect(reference(arrows, sentAt, 1).length).toBeGreaterThan(3); // the comparison has bursts to find
    }
  });

  it('marks no TCP segment and no arrow of a run shorter than the least burst', () => {
    const { arrows, sent } = randomArrows(2_000, 7);
    const marked = burstCandidates(arrows, (id) => sent[id]!, BURST_GAP, BURST_MIN)!;
    arrows.forEach((a, i) => {
      if (a.protocol === 'tcp') expect(marked[i]).toBe(0);
    });
    expect(marked.some((m) => m === 1)).toBe(true);
  });

  it('gives up (null: every arrow may be in a burst) when a lane does not fit the coarse key', () => {
    const { arrows, sent } = randomArrows(10, 8);
    const wide = arrows.map((a) => ({ ...a, layer: 'application' as const, protocol: 'dns', to: 5_000 }));
    expect(burstCandidates(wide, (id) => sent[id]!, BURST_GAP, BURST_MIN)).toBeNull();
  });
});
