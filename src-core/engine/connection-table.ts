/**
 * A server's open connections (the HTTP server's, POP3's, IMAP's): each
 * accepted socket with its per-connection state, whether it is closing and
 * since when it has been idle, the idle-timeout deadline over all of them
 * (idle.ts) and the ones that have reached it.
 *
 * Rules:
 * - A connection is added when the listener's `accepted` event comes, idle
 *   from then on, and forgotten at its `closed` event.
 * - `finish` stops reading it and closes the server's side (a FIN); a
 *   closing connection has no deadline and is never timed out again.
 * - What a connection does at each event (reply, session events, what a
 *   client's FIN means) stays the server's own.
 */
import type { Deadline, SocketId } from './face';
import { idleDeadline, idledOut } from './idle';
import type { SimTime } from '../sim/time';

export interface OpenConnection<S> {
  readonly socket: SocketId;
  /** The connection's trace name (the `accepted` event's). */
  readonly connection: string;
  readonly state: S;
  /** No more is read: the server closed, or is closing, its side. */
  closing: boolean;
  /** When it went idle; null while busy (a request half read). */
  idleSince: SimTime | null;
}

export class ConnectionTable<S> {
  private readonly open = new Map<SocketId, OpenConnection<S>>();

  /** `close`: the server's own close of a socket (its outbox's); `timeout`: ns of idleness before a connection is due. */
  constructor(
    private readonly close: (socket: SocketId) => void,
    private readonly timeout: SimTime,
  ) {}

  add(socket: SocketId, connection: string, state: S, now: SimTime): OpenConnection<S> {
    const c: OpenConnection<S> = { socket, connection, state, closing: false, idleSince: now };
    this.open.set(socket, c);
    return c;
  }

  /** The connection on `socket`, closing or not. */
  get(socket: SocketId): OpenConnection<S> | undefined {
    return this.open.get(socket);
  }

  /** The connection on `socket` while it is still read; undefined once closing or unknown. */
  reading(socket: SocketId): OpenConnection<S> | undefined {
    const c = this.open.get(socket);
    return c && !c.closing ? c : undefined;
  }

  /** Stops reading `c` and closes the server's side. */
  finish(c: OpenConnection<S>): void {
    c.closing = true;
    this.close(c.socket);
  }

  /** At its `closed` event. */
  forget(socket: SocketId): void {
    this.open.delete(socket);
  }

  /** The engine's deadline: the first moment a connection that is read has been idle for the timeout (weak). */
  deadline(): Deadline | null {
    return idleDeadline(this.open.values(), (c) => (c.closing ? null : c.idleSince), this.timeout);
  }

  /** The connections still read that have been idle for the timeout by `now`, in the order they came. */
  idle(now: SimTime): (OpenConnection<S> & { idleSince: SimTime })[] {
    return [...this.open.values()].filter((c): c is OpenConnection<S> & { idleSince: SimTime } => !c.closing && idledOut(c.idleSince, this.timeout, now));
  }
}
