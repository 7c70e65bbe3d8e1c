/**
 * The topology's half of playback: when the cursor moves to a message, its
 * sender and receiver are highlighted and a dot travels the message's path
 * (topology/path.ts) link by link in about 400 ms / speed, in its protocol's
 * chart colour (src-core/chart/colors.ts).
 * A lost message's dot stops on the link it was lost on (as far along as
 * the chart's cross) (or at the node that
 * dropped it) and shows a ✕. With reduced motion the dot just appears at the
 * end. `packet` says what is shown (for the page's data attributes).
 */
import type { Core, Position, SingularAnimationOptionsPos } from 'cytoscape';
import { readonly, ref, watch, type Ref } from 'vue';
import { protocolColor } from '../../src-core/chart/colors';
import { LOST_FRACTION } from '../../src-core/chart/layout';
import type { MessageEvent } from '../../src-core/trace/types';
import { usePlaybackStore } from '../stores/playback';
import { usePreferencesStore } from '../stores/preferences';
import { useRunStore } from '../stores/run';
import { OWN_PREFIX } from '../topology/elements';
import { hopsUntilLoss, type Router } from '../topology/path';

const PACKET = `${OWN_PREFIX}packet`;
export const PACKET_MS = 400;

export interface PacketShown {
  readonly message: number;
  readonly links: readonly string[];
  readonly lost: boolean;
  /** The dot reached its end (the receiver, or where the message was lost). */
  readonly arrived: boolean;
}

export function usePacketAnimation(cy: Readonly<Ref<Core | null>>, router: Readonly<Ref<Router | null>>) {
  const playback = usePlaybackStore();
  const run = useRunStore();
  const preferences = usePreferencesStore();
  const packet = ref<PacketShown | null>(null);
  let generation = 0;

  function clear(c: Core): void {
    // Stop first: a removed element's running animation can stall the next dot's.
    c.nodes('.packet').stop(true, false).remove();
    c.elements('.sender, .receiver, .on-path').removeClass('sender receiver on-path');
  }

  async function show(c: Core, m: MessageEvent, token: number): Promise<void> {
    const all = router.value?.path(m.from, m.to) ?? [];
    const { hops, onLink } = m.lost ? hopsUntilLoss(all, m.lost) : { hops: all, onLink: false };
    c.getElementById(m.from).addClass('sender');
    c.getElementById(m.to).addClass('receiver');
    packet.value = { message: m.id, links: hops.map((h) => h.link), lost: m.lost !== null, arrived: false };
    const start = c.getElementById(m.from);
    if (start.empty() || (hops.length === 0 && !m.lost)) return;
    for (const h of hops) c.getElementById(h.link).addClass('on-path');

    const points: Position[] = hops.map((h) => ({ ...c.getElementById(h.to).position() }));
    if (onLink && points.length > 0) {
      const last = hops[hops.length - 1]!;
      const a = c.getElementById(last.from).position();
      const b = points[points.length - 1]!;
      points[points.length - 1] = { x: a.x + (b.x - a.x) * LOST_FRACTION, y: a.y + (b.y - a.y) * LOST_FRACTION };
    }
    const dot = c.add({ group: 'nodes', data: { id: `${PACKET}-${token}`, protocol: m.protocol, color: protocolColor(m.protocol, preferences.effectiveTheme) }, position: { ...start.position() }, classes: 'packet' });
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const perHop = PACKET_MS / playback.speed / Math.max(1, points.length);
    for (const p of points) {
      if (reduce) dot.position(p);
      // (cytoscape's types make every option required; position, duration and easing are enough.)
      else await dot.animation({ position: p, duration: perHop, easing: 'ease-in-out-sine' } as SingularAnimationOptionsPos).play().promise('complete');
      if (token !== generation || dot.removed()) return;
    }
    if (m.lost) dot.addClass('lost');
    packet.value = { ...packet.value, arrived: true };
  }

  watch(
    [() => playback.cursor, cy, router],
    ([cursor, c]) => {
      const token = ++generation;
      if (!c) return;
      clear(c);
      packet.value = null;
      const event = cursor === null ? undefined : run.trace.events[cursor];
      if (event?.kind === 'message') void show(c, event, token);
    },
    { flush: 'post' },
  );

  return { packet: readonly(packet) };
}
