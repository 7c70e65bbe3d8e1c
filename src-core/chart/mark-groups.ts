/**
 * State changes that belong to one moment, summarised into one mark: the
 * ~100 "dropped a response from 198.41.0.4 with id 0x00…" of a cache
 * poisoning race read as one note, "×99 dropped a response from
 * 198.41.0.4 with id …, 6.018–6.6 ms", instead of a column of labels pushed
 * down the lane as if they had happened over 100 ms. What happened at the
 * same moment but differently (the forged answer cached) stays a mark of
 * its own, above the summary when it came first.
 *
 * The rule: among the marked changes (id = time order), those on the same
 * node, of the same protocol, whose summaries begin with the same
 * MARK_GROUP_WORDS words, each at most BURST_GAP after the previous one of
 * the run, are one group when there are at least BURST_MIN of them. Others
 * in between (other nodes, other words) neither join nor break the run.
 * Fewer common words (a referral's "cached com NS …", "cached
 * a.gtld-servers.net A …") stay apart: each of those entries is the point.
 */
import type { StateEvent } from '../trace/types';
import { BURST_GAP, BURST_MIN, commonWordCount, timeRange } from './bursts';

/** Words two summaries must begin with to be summarised together. */
export const MARK_GROUP_WORDS = 3;

export interface MarkGroup {
  /** The first change of the group: the mark's id and time. */
  readonly event: StateEvent;
  readonly label: string;
  /** How many changes the mark stands for (1: just `event`). */
  readonly count: number;
}

export function groupStates(states: readonly StateEvent[]): MarkGroup[] {
  const runs = new Map<string, { members: number[]; last: number }>();
  const groups: number[][] = [];
  const finish = (members: number[]) => groups.push(members);
  states.forEach((e, i) => {
    const words = e.summary.split(' ');
    if (words.length < MARK_GROUP_WORDS) return finish([i]);
    const key = `${e.node}|${e.protocol}|${words.slice(0, MARK_GROUP_WORDS).join(' ')}`;
    const run = runs.get(key);
    if (run && e.at - run.last <= BURST_GAP) {
      run.members.push(i);
      run.last = e.at;
      return;
    }
    if (run) finish(run.members);
    runs.set(key, { members: [i], last: e.at });
  });
  for (const run of runs.values()) finish(run.members);
  const out: MarkGroup[] = [];
  for (const members of groups.sort((a, b) => a[0]! - b[0]!)) {
    if (members.length < BURST_MIN) {
      for (const i of members) out.push({ event: states[i]!, label: states[i]!.summary, count: 1 });
      continue;
    }
    const events = members.map((i) => states[i]!);
    out.push({ event: events[0]!, label: groupLabel(events), count: events.length });
  }
  return out.sort((a, b) => a.event.id - b.event.id);
}

function groupLabel(events: readonly StateEvent[]): string {
  const texts = events.map((e) => e.summary);
  const n = commonWordCount(texts);
  const words = texts[0]!.split(' ');
  const common = words.slice(0, n).join(' ') + (n < words.length ? ' …' : '');
  return `×${events.length} ${common}, ${timeRange(events[0]!.at, events[events.length - 1]!.at)}`;
}
