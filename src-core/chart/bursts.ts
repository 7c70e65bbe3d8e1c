/**
 * Bursts: many similar messages between the same two lanes within a short
 * time, drawn as one bundle arrow with a count badge ("×100 [forged]
 * Standard query response, at 1 ms") instead of a smear of lines.
 *
 * The rule (docs/architecture.md, "The sequence chart"):
 * - Messages are taken in drawing order (id order, which is sentAt order).
 *   Two drawn arrows are *alike* when they have the same sender lane, the
 *   same receiver lane, the same protocol, the same layer, the same
 *   ArrowState and the same first word of their label (after the ports of
 *   a transport label): "[forged] Standard query response …" is not alike
 *   "Standard query …" that triggered it. TCP segments are never grouped:
 *   each one's sequence
 *   number, window and retransmission is the point of showing them.
 * - A run of alike arrows, each sent at most BURST_GAP after the previous
 *   one of the run, is a burst when it has at least BURST_MIN members and
 *   its sends are on average closer than BURST_SPACING_PX on screen (at
 *   the zoom's px per ms): zoomed in far enough to tell them apart, the
 *   members are drawn one by one again.
 *   Arrows that are not alike may lie in between (the attacker's queries and
 *   the victim's answers of an amplification interleave): they neither join
 *   nor break the run.
 * - A burst is drawn collapsed, as one arrow from the first member's send to
 *   the last member's arrival (loss, or end of the run), unless its first
 *   member's id is in `open`: then every member is drawn as before and the
 *   first one carries the burst (ArrowBurst.open) for its collapse badge.
 * - The bundle's id is its first member's: selecting it selects that
 *   message, playback steps to it once, and `open` is keyed by it.
 * - Its label: "×N <the words all members' summaries begin with>, <sent
 *   t1–t2 ms | at t ms>"; with no word in common, "<protocol> messages"
 *   stands for them.
 */
import { NS_PER_MS, type SimTime } from '../sim/time';
import type { MessageEvent } from '../trace/types';
import { burstCandidates, forEachRun } from './burst-candidates';
import type { ArrowLayout, ChartLayout } from './layout';

/** Largest time between the sends of two consecutive members of a burst, ns. */
export const BURST_GAP: SimTime = 2 * NS_PER_MS;
/** Fewest members of a burst: three lines still read as three messages. */
export const BURST_MIN = 4;
/** Mean spacing of a burst's sends on screen below which it is bundled, px: a label's height (paint-arrows.ts LABEL_SPACING_PX). */
export const BURST_SPACING_PX = 12;

export interface ArrowBurst {
  /** Ids of the members, in order; the first is the bundle's id. */
  readonly members: readonly number[];
  /** Drawn expanded: every member is an arrow of its own, and this one (the first) carries the collapse badge. */
  readonly open: boolean;
  /** First and last send, last arrival (or loss, or the run's end), ns. */
  readonly sentFrom: SimTime;
  readonly sentTo: SimTime;
  readonly arrivedFrom: SimTime;
  readonly arrivedTo: SimTime;
  /** The words every member's summary begins with, or "<protocol> messages". */
  readonly common: string;
  /** The band a collapsed bundle covers: the first member's line ends at y firstY2, the last member's starts at lastY1. */
  readonly firstY2: number;
  readonly lastY1: number;
}

interface MessageLookup {
  get(id: number): MessageEvent | undefined;
}

const NO_IDS: readonly number[] = Object.freeze([]);

/** What makes two arrows alike, or null for an arrow never grouped (a TCP segment). */
export function burstKey(a: ArrowLayout): string | null {
  if (a.layer === 'transport' && a.protocol === 'tcp') return null;
  return `${a.from}>${a.to}|${a.protocol}|${a.layer}|${a.state}|${firstWord(a.label)}`;
}

const PORTS = /^\d+ → \d+ /;

/** The label's first word after its ports ("53 → 40001 Len=80" → "Len=80"): label.replace(PORTS, '').split(' ', 1)[0], without the copies. */
export function firstWord(label: string): string {
  const start = portsEnd(label);
  const end = label.indexOf(' ', start);
  return end < 0 ? label.slice(start) : label.slice(start, end);
}

/** Where PORTS' match at the label's start ends (0: no match). */
function portsEnd(label: string): number {
  const i = digitsEnd(label, 0);
  if (i === 0 || !label.startsWith(' → ', i)) return 0;
  const j = digitsEnd(label, i + 3);
  return j > i + 3 && label.charCodeAt(j) === 32 ? j + 1 : 0;
}

/** Index after the run of ASCII digits starting at `from`. */
function digitsEnd(text: string, from: number): number {
  let i = from;
  for (let c = text.charCodeAt(i); c >= 48 && c <= 57; c = text.charCodeAt(++i));
  return i;
}

/** The bursts among `arrows` (in id order): each a list of indexes into `arrows`, in order. */
export function findBursts(arrows: readonly ArrowLayout[], sentAt: (id: number) => SimTime, pxPerMs = Infinity): number[][] {
  const bursts: number[][] = [];
  const candidates = burstCandidates(arrows, sentAt, BURST_GAP, BURST_MIN);
  forEachRun(
    arrows.length,
    (i) => {
      if (candidates !== null && candidates[i] === 0) return null; // in no burst (burst-candidates.ts)
      const a = arrows[i]!;
      if (a.layer === 'transport' && a.protocol === 'tcp') return null; // never grouped (burstKey)
      return burstKey(a)!;
    },
    (i) => sentAt(arrows[i]!.id),
    BURST_GAP,
    (members) => {
      if (members.length < BURST_MIN) return;
      const span = sentAt(arrows[members[members.length - 1]!]!.id) - sentAt(arrows[members[0]!]!.id);
      if (((span / NS_PER_MS) * pxPerMs) / (members.length - 1) < BURST_SPACING_PX) bursts.push([...members]);
    },
  );
  return bursts.sort((a, b) => a[0]! - b[0]!);
}

export interface BurstOptions {
  /** First-member ids of the bursts drawn member by member. */
  readonly open?: ReadonlySet<number>;
  /** Where an in-flight member ends, ns. */
  readonly endTime: SimTime;
  /** The zoom (BURST_SPACING_PX). */
  readonly pxPerMs: number;
}

/**
 * `arrows` with every burst not in `open` replaced by its bundle (at its
 * first member's place), and the first member of every open burst carrying
 * its ArrowBurst.
 */
export function groupBursts(arrows: readonly ArrowLayout[], byId: MessageLookup, options: BurstOptions): ArrowLayout[] {
  const open = options.open ?? new Set<number>();
  const endTime = options.endTime;
  const sentAt = (id: number) => byId.get(id)?.sentAt ?? 0;
  const bursts = findBursts(arrows, sentAt, options.pxPerMs);
  if (bursts.length === 0) return [...arrows];
  const replaced = new Map<number, ArrowLayout>();
  const hidden = new Set<number>();
  for (const indexes of bursts) {
    const members = indexes.map((i) => arrows[i]!);
    const first = members[0]!;
    const last = members[members.length - 1]!;
    const ends = members.map((a) => endOf(byId.get(a.id), endTime));
    const burst: ArrowBurst = {
      members: members.map((a) => a.id),
      open: open.has(first.id),
      sentFrom: sentAt(first.id),
      sentTo: sentAt(last.id),
      arrivedFrom: Math.min(...ends),
      arrivedTo: Math.max(...ends),
      common: commonWords(members.map((a) => a.label.replace(PORTS, '')), first.protocol),
      firstY2: first.y2,
      lastY1: last.y1,
    };
    if (burst.open) {
      replaced.set(indexes[0]!, { ...first, burst });
      continue;
    }
    // the bundle ends where the member arriving last ends
    const latest = members.reduce((m, a) => (a.y2 > m.y2 ? a : m), first);
    replaced.set(indexes[0]!, { ...first, x2: latest.x2, y2: latest.y2, label: burstLabel(burst), expandable: false, carries: NO_IDS, burst });
    for (const i of indexes.slice(1)) hidden.add(i);
  }
  const out: ArrowLayout[] = [];
  arrows.forEach((a, i) => {
    if (!hidden.has(i)) out.push(replaced.get(i) ?? a);
  });
  return out;
}

function endOf(m: MessageEvent | undefined, endTime: SimTime): SimTime {
  return m?.receivedAt ?? m?.lost?.at ?? endTime;
}

/** A collapsed bundle's label: "×N <common words>, at t ms" or "…, t1–t2 ms" (the sends). */
export function burstLabel(b: ArrowBurst): string {
  return `×${b.members.length} ${b.common}, ${timeRange(b.sentFrom, b.sentTo)}`;
}

/** What the tooltip says of a bundle: the count, the common words, when sent and when they arrived. */
export function burstTooltip(b: ArrowBurst, arrived = 'arriving'): string {
  return `×${b.members.length} ${b.common}: sent ${timeRange(b.sentFrom, b.sentTo)}, ${arrived} ${timeRange(b.arrivedFrom, b.arrivedTo)}`;
}

/** "at 1 ms" for one instant, else "0.2–1.1 ms", with as many decimals as the span needs (up to µs). */
export function timeRange(from: SimTime, to: SimTime): string {
  const span = to - from;
  const decimals = span >= 10 * NS_PER_MS ? 0 : span >= NS_PER_MS ? 1 : 3;
  const ms = (t: SimTime) => String(Number((t / NS_PER_MS).toFixed(decimals)));
  if (ms(from) === ms(to)) return `at ${ms(from)} ms`;
  return `${ms(from)}–${ms(to)} ms`;
}

/** The whole words every text begins with, else "<protocol> messages". */
export function commonWords(texts: readonly string[], protocol: string): string {
  const n = commonWordCount(texts);
  return n > 0 ? texts[0]!.split(' ').slice(0, n).join(' ') : `${protocol} messages`;
}

/** How many whole words (split at spaces) every text begins with. */
export function commonWordCount(texts: readonly string[]): number {
  const words = texts.map((t) => t.split(' '));
  const first = words[0] ?? [];
  let n = 0;
  while (n < first.length && first[n] !== '' && words.every((w) => w[n] === first[n])) n++;
  return n;
}

const ownerCache = new WeakMap<ChartLayout, ReadonlyMap<number, BurstOwner>>();

export interface BurstOwner {
  /** The burst's first member: the bundle's id, and its key in `open`. */
  readonly first: number;
  readonly open: boolean;
}

/** The burst message `id` belongs to (collapsed or open), or null. */
export function burstOwner(layout: ChartLayout, id: number): BurstOwner | null {
  let owners = ownerCache.get(layout);
  if (!owners) {
    const map = new Map<number, BurstOwner>();
    for (const a of layout.arrows) {
      if (!a.burst) continue;
      const owner = { first: a.id, open: a.burst.open };
      for (const m of a.burst.members) map.set(m, owner);
    }
    ownerCache.set(layout, (owners = map));
  }
  return owners.get(id) ?? null;
}

/** The id of the arrow drawn for message `id`: its bundle's when it is inside a collapsed burst, else its own. */
export function drawnIdOf(layout: ChartLayout, id: number): number {
  const owner = burstOwner(layout, id);
  return owner && !owner.open ? owner.first : id;
}

/** A burst's badge: "×N +" on a bundle (expands it), "×N −" on an open burst's first member (bundles it again). */
export interface BurstBadge {
  /** Centre, chart px. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly text: string;
}

export const BADGE_HEIGHT = 14;
export const BADGE_FONT_PX = 10.5;
/** Width of a badge character, px: an upper bound for 10.5 px bold digits, so canvas and SVG agree on the box. */
const BADGE_CHAR_PX = 6.6;

/**
 * Where arrow `a`'s burst badge sits, or null when it has none: on the
 * arrow, past the tail's connection dot (and past the ⊞/⊟ handle an open
 * burst's first member may also have).
 */
export function burstBadge(a: ArrowLayout): BurstBadge | null {
  const b = a.burst;
  if (!b) return null;
  const text = `×${b.members.length} ${b.open ? '−' : '+'}`;
  const width = Math.ceil(text.length * BADGE_CHAR_PX + 8);
  const dx = a.x2 - a.x1;
  const dy = a.y2 - a.y1;
  const length = Math.max(1, Math.hypot(dx, dy));
  const hasHandle = b.open && (a.expandable || a.carries.length > 0);
  // clear of the tail's lane line: the badge's near edge at least 6 px from it across
  const clear = ((width / 2 + 6) * length) / Math.max(1, Math.abs(dx));
  const along = Math.min(length * 0.45, Math.max(clear, 12 + width / 2) + (hasHandle ? 22 : 0));
  return { x: a.x1 + (dx / length) * along, y: a.y1 + (dy / length) * along, width, height: BADGE_HEIGHT, text };
}

/** Whether point (x, y) is on the badge (1 px of slack). */
export function onBadge(badge: BurstBadge, x: number, y: number): boolean {
  return Math.abs(x - badge.x) <= badge.width / 2 + 1 && Math.abs(y - badge.y) <= badge.height / 2 + 1;
}

/** The tail margin a label of an arrow with a badge needs to start past it (px), or undefined without one. */
export function badgeMargin(a: ArrowLayout): number | undefined {
  const badge = burstBadge(a);
  if (!badge) return undefined;
  return Math.hypot(badge.x - a.x1, badge.y - a.y1) + Math.hypot(badge.width, badge.height) / 2 + 2;
}
