/**
 * Which connection to a server a browser's next request goes on (pure; the
 * browser engine, browser.ts, asks it for every request it dispatches).
 *
 * Rules:
 * - A connection counts against the per-server limit while it may take
 *   requests (`open to requests`) or still owes a response: a non-persistent
 *   connection stops taking requests after its one request, yet counts until
 *   its response is in.
 * - non-persistent: every request opens a connection of its own, while the
 *   limit allows;
 * - persistent: an idle connection (nothing waiting, nothing in flight) is
 *   reused, else one is opened while the limit allows;
 * - pipelined: connections are opened up to the limit, then every request
 *   goes to the one with the fewest requests on it (the first such), without
 *   waiting for responses.
 */
import type { BrowseMode } from './schema';

export interface ConnectionLoad {
  /** It may take more requests (not closing, not a spent non-persistent one). */
  readonly takesRequests: boolean;
  /** Requests assigned to it and not yet answered (waiting to be sent, or sent). */
  readonly pending: number;
}

export type ConnectionChoice = { readonly kind: 'use'; readonly index: number } | { readonly kind: 'open' } | { readonly kind: 'wait' };

export function chooseConnection(mode: BrowseMode, maxConnections: number, connections: readonly ConnectionLoad[]): ConnectionChoice {
  const counted = connections.filter((c) => c.takesRequests || c.pending > 0).length;
  const usable = connections.flatMap((c, index) => (c.takesRequests ? [{ index, pending: c.pending }] : []));
  if (mode === 'persistent') {
    const idle = usable.find((c) => c.pending === 0);
    if (idle) return { kind: 'use', index: idle.index };
  }
  if (mode === 'pipelined' && usable.length >= maxConnections) {
    const least = usable.reduce((a, b) => (b.pending < a.pending ? b : a));
    return { kind: 'use', index: least.index };
  }
  return counted < maxConnections ? { kind: 'open' } : { kind: 'wait' };
}
