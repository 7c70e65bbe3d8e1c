/**
 * A cheap first pass of burst finding (bursts.ts findBursts): which arrows
 * can be in a burst at all. Alike arrows (burstKey) share their lanes,
 * protocol, layer and state, and differ at most in their first word; so a
 * run of alike arrows, each sent at most BURST_GAP after the previous, lies
 * inside a run of arrows that share only the lanes, protocol, layer and
 * state (the coarse key, a small integer: no string is built), each at most
 * BURST_GAP after the previous — extra arrows in between only shorten the
 * gaps. An arrow whose coarse run has fewer than BURST_MIN members is in no
 * burst, and leaving it out changes no other run: the coarse run's ends are
 * more than BURST_GAP from any arrow of the same coarse key outside it.
 */
import type { SimTime } from '../sim/time';
import type { ArrowLayout } from './layout';

/** Bits of the coarse key: lanes 10 + 10, protocol 6, layer 2, state 2 (30: a small integer). */
const LANES = 1024;
const PROTOCOLS = 64;
const LAYERS = 4;
const STATES = 4;

/**
 * 1 for each arrow (by index) that may be in a burst: not a TCP segment,
 * and in a coarse run of at least `min` members with sends at most `gap` ns
 * apart. Null when the coarse key does not fit (too many lanes, protocols,
 * layers or states): then every arrow may be.
 */
export function burstCandidates(arrows: readonly ArrowLayout[], sentAt: (id: number) => SimTime, gap: SimTime, min: number): Uint8Array | null {
  const protocols = new Map<string, number>();
  const layers = new Map<string, number>();
  const states = new Map<string, number>();
  const indexOf = (map: Map<string, number>, value: string, limit: number): number => {
    let i = map.get(value);
    if (i === undefined) map.set(value, (i = map.size));
    return i < limit ? i : -1;
  };
  const out = new Uint8Array(arrows.length);
  let fits = true;
  forEachRun(
    arrows.length,
    (i) => {
      const a = arrows[i]!;
      if (a.layer === 'transport' && a.protocol === 'tcp') return null;
      const p = indexOf(protocols, a.protocol, PROTOCOLS);
      const l = indexOf(layers, a.layer, LAYERS);
      const s = indexOf(states, a.state, STATES);
      if (p < 0 || l < 0 || s < 0 || a.from >= LANES || a.to >= LANES) {
        fits = false;
        return null;
      }
      return (((a.from * LANES + a.to) * PROTOCOLS + p) * LAYERS + l) * STATES + s;
    },
    (i) => sentAt(arrows[i]!.id),
    gap,
    (members) => {
      if (members.length >= min) for (const i of members) out[i] = 1;
    },
  );
  return fits ? out : null;
}

/**
 * Splits items 0 … count − 1 into runs: items with the same key (null: in
 * no run), each at most `gap` after the previous item of its key, in index
 * order; calls `finish` with each run's items (in no particular run order).
 */
export function forEachRun<K>(count: number, keyOf: (i: number) => K | null, timeOf: (i: number) => number, gap: number, finish: (members: number[]) => void): void {
  const runs = new Map<K, { members: number[]; last: number }>();
  for (let i = 0; i < count; i++) {
    const key = keyOf(i);
    if (key === null) continue;
    const t = timeOf(i);
    const run = runs.get(key);
    if (run && t - run.last <= gap) {
      run.members.push(i);
      run.last = t;
      continue;
    }
    if (run) finish(run.members);
    runs.set(key, { members: [i], last: t });
  }
  for (const run of runs.values()) finish(run.members);
}
