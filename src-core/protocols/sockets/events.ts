/** What the upper-case engines report (past tense), and the state events they become (module.ts). */
import type { Cause, CauseRef } from '../../engine/face';
import type { SimTime } from '../../sim/time';

export const PROTOCOL = 'sockets';

export type SocketsEvent =
  /** The client got its reply; `elapsed` since the line was handed to the socket. */
  | { readonly type: 'sockets.replyReceived'; readonly reply: string; readonly elapsed: SimTime; readonly cause: Cause; readonly connection: string | null }
  /** No reply within the client's timeout (UDP: either datagram may be lost). */
  | { readonly type: 'sockets.timedOut'; readonly waited: SimTime; readonly request: CauseRef }
  /** TCP: the three-way handshake finished. */
  | { readonly type: 'sockets.connected'; readonly elapsed: SimTime }
  /** TCP: the connection ended otherwise than by a close (reset, timed out). */
  | { readonly type: 'sockets.failed'; readonly reason: string; readonly connection: string };

/** The state types of the upper-case protocol and the data each carries. */
export type SocketsStateData = {
  readonly 'sockets.replyReceived': { readonly reply: string };
  readonly 'sockets.timeout': Record<string, never>;
  readonly 'sockets.failed': Record<string, never>;
};
