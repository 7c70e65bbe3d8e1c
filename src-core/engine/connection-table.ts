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
 *   client's FIN means) stays the server's own: `handle` routes the stream
 *   events to its handlers, only for connections still read (a closing
 *   one reads nothing more); a FIN finishes the connection unless the
 *   server says otherwise.
 */
import type { Deadline, SocketId, StreamEvent } from './face';
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

/** A server's part in its connections' stream events (`handle`). */
export interface ConnectionHandlers<S> {
  /** The state of a connection accepted on one of the server's listeners; null: not its listener. */
  accept(e: Extract<StreamEvent, { type: 'accepted' }>): S | null;
  /** Right after the accept (a greeting). */
  opened?(c: OpenConnection<S>): void;
  data(c: OpenConnection<S>, e: Extract<StreamEvent, { type: 'data' }>): void;
  /** The client's FIN; default: finish. */
  peerClosed?(c: OpenConnection<S>): void;
  /** The connection ended while still read (a reset, or the client's close before ours); it is forgotten after. */
  closed?(c: OpenConnection<S>): void;
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

  /** Routes a stream event of the server's sockets to `h` (see ConnectionHandlers). */
  handle(e: StreamEvent, now: SimTime, h: ConnectionHandlers<S>): void {
    if (e.type === 'accepted') {
      const state = h.accept(e);
      if (state === null) return;
      const c = this.add(e.socket, e.connection, state, now);
      h.opened?.(c);
      return;
    }
    const c = this.reading(e.socket);
    switch (e.type) {
      case 'data':
        if (c) h.data(c, e);
        return;
      case 'peerClosed':
        if (c) (h.peerClosed ?? ((x) => this.finish(x)))(c);
        return;
      case 'closed':
        if (c) h.closed?.(c);
        this.forget(e.socket);
        return;
      default:
        return;
    }
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
