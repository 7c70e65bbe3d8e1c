/**
 * How a message's arrow ends, and the words for it.
 *
 * Rules:
 * - delivered: received by a socket; the arrow ends at the receiver's lane
 *   in a head.
 * - discarded: it reached the receiving host, which threw it away because no
 *   socket listens on its port (LossInfo reason 'port-unreachable', dropped
 *   at the receiver itself). It did arrive, so the arrow ends AT the
 *   receiver's lane, in a bar ⊣ rather than a head. 'connection-closed' is
 *   not counted: data still queued in a closed connection may never have
 *   left the sender, so where it ended is not known to be the receiver.
 * - lost: dropped on the way (a link, a queue, a rule, no route …); the
 *   arrow stops LOST_FRACTION of the way and ends in a cross.
 * - in-flight: still travelling when the run stopped; dashed, to the end time.
 */
import type { MessageEvent } from '../trace/types';

export type ArrowEnd = 'delivered' | 'discarded' | 'lost' | 'in-flight';

/** Whether the message reached its receiver's host and was discarded there (no socket on its port). */
export function discardedAtHost(m: MessageEvent): boolean {
  return m.receivedAt === null && m.lost?.reason === 'port-unreachable' && m.lost.node === m.to;
}

export function arrowEndOf(m: MessageEvent): ArrowEnd {
  if (m.receivedAt !== null) return 'delivered';
  if (discardedAtHost(m)) return 'discarded';
  return m.lost ? 'lost' : 'in-flight';
}

/** "discarded at host (no socket on port 4444)", for tooltips and the inspector. */
export function discardedWording(m: MessageEvent): string {
  return `discarded at host (no socket on port ${m.dst.port})`;
}

/** The legend's words for the discarded end. */
export const DISCARDED_LEGEND = 'discarded at host: no socket on the port';
