/**
 * The POP3 server engine (engine/face.ts): a welcoming socket on its port
 * (110, RFC 1939 §3), one session (session.ts) per connection, over the
 * node's mail store (protocols/mail/mail-store.ts).
 *
 * Rules:
 * - On a new connection the server greets first: "+OK POP3 server ready".
 * - Commands are answered one by one in the order they arrive, each as soon
 *   as its line is whole (a client may pipeline them, RFC 2449 §6.6).
 * - A line longer than 255 octets (§3) gets "-ERR line too long"; the
 *   session goes on with the next line.
 * - QUIT is answered, then the server closes its side; lines after QUIT
 *   are not read.
 * - A connection that ends without QUIT (the peer closed, a reset) deletes
 *   nothing and releases the maildrop's lock (§6, §8).
 * - Autologout (§3): a session idle for `autologout` (at least 10 minutes)
 *   is closed without a reply; nothing is deleted. The deadline is weak: it
 *   never keeps a finished run going by itself.
 */
import { idleDeadline, idledOut } from '../../engine/idle';
import type { EngineEnv, SocketId, StreamEvent, Deadline } from '../../engine/face';
import { EngineBase } from '../../engine/base';
import { seconds, type SimTime } from '../../sim/time';
import type { MailStore } from '../mail/mail-store';
import { MAX_COMMAND_LINE } from './codec';
import { PROTOCOL, type Pop3Event } from './events';
import { StreamLineReader } from './line-reader';
import { Pop3Session } from './session';

/** RFC 1939 §3: the autologout timer is at least 10 minutes. */
export const AUTOLOGOUT: SimTime = seconds(600);

export interface Pop3ServerOptions {
  readonly port: number;
  /** ns of inactivity before a session is closed; default (and least, per §3) 10 minutes. */
  readonly autologout?: SimTime;
}

interface Connection {
  readonly session: Pop3Session;
  readonly lines: StreamLineReader;
  readonly connection: string;
  /** QUIT answered or the session aborted: nothing more is read. */
  closing: boolean;
  lastActivity: SimTime;
}

export class Pop3ServerEngine extends EngineBase<Pop3Event> {
  private readonly listener: SocketId;
  private readonly connections = new Map<SocketId, Connection>();
  private readonly autologout: SimTime;

  constructor(
    env: EngineEnv,
    private readonly store: MailStore,
    options: Pop3ServerOptions,
  ) {
    super(PROTOCOL);
    this.autologout = Math.max(options.autologout ?? AUTOLOGOUT, 1);
    this.listener = env.socketId();
    this.out.listen(this.listener, options.port);
  }

  override handleStream(e: StreamEvent, now: SimTime): void {
    switch (e.type) {
      case 'accepted': {
        if (e.listener !== this.listener) return;
        const c: Connection = { session: new Pop3Session(this.store, e.connection), lines: new StreamLineReader(MAX_COMMAND_LINE), connection: e.connection, closing: false, lastActivity: now };
        this.connections.set(e.socket, c);
        const greeting = c.session.greeting();
        this.out.write(e.socket, greeting.bytes, this.out.label(greeting.summary, null));
        return;
      }
      case 'data':
        this.read(e.socket, e.data, e.messages, now);
        return;
      case 'peerClosed': {
        const c = this.connections.get(e.socket);
        if (!c || c.closing) return;
        this.abort(e.socket, c, 'connection-broken');
        return;
      }
      case 'closed': {
        const c = this.connections.get(e.socket);
        if (c && !c.closing) this.report(c.session.abort('connection-broken'));
        this.connections.delete(e.socket);
        return;
      }
      case 'connected':
      case 'acked':
      case 'failed':
        return;
    }
  }

  private read(socket: SocketId, data: Uint8Array, messages: readonly number[], now: SimTime): void {
    const c = this.connections.get(socket);
    if (!c || c.closing) return;
    c.lastActivity = now;
    let k = 0; // lines completed in this chunk ↔ the trace messages whose last byte is in it, in order
    for (const line of c.lines.push(data)) {
      const cause = messages[k++] ?? null;
      const step = c.session.handle(line, cause);
      for (const event of step.events) this.out.event(event);
      this.out.write(socket, step.reply.bytes, this.out.label(step.reply.summary, cause));
      if (step.reply.close) {
        c.closing = true;
        this.out.close(socket);
        return;
      }
    }
  }

  private abort(socket: SocketId, c: Connection, reason: 'connection-broken' | 'autologout'): void {
    c.closing = true;
    this.report(c.session.abort(reason));
    this.out.close(socket);
  }

  private report(event: Pop3Event | null): void {
    if (event) this.out.event(event);
  }

  override pollTimeout(): Deadline | null {
    return idleDeadline(this.connections.values(), (c) => (c.closing ? null : c.lastActivity), this.autologout);
  }

  override handleTimeout(now: SimTime): void {
    for (const [socket, c] of this.connections) {
      if (c.closing || !idledOut(c.lastActivity, this.autologout, now)) continue;
      this.abort(socket, c, 'autologout');
    }
  }
}
