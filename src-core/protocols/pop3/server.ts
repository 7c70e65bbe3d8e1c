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
import { ConnectionTable, type OpenConnection } from '../../engine/connection-table';
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

/** A connection's session and line reader; its table entry is closing once QUIT was answered or the session aborted, and idle since its last data. */
interface Connection {
  readonly session: Pop3Session;
  readonly lines: StreamLineReader;
}

export class Pop3ServerEngine extends EngineBase<Pop3Event> {
  private readonly listener: SocketId;
  private readonly connections: ConnectionTable<Connection>;

  constructor(
    env: EngineEnv,
    private readonly store: MailStore,
    options: Pop3ServerOptions,
  ) {
    super(PROTOCOL);
    this.connections = new ConnectionTable((socket) => this.out.close(socket), Math.max(options.autologout ?? AUTOLOGOUT, 1));
    this.listener = env.socketId();
    this.out.listen(this.listener, options.port);
  }

  override handleStream(e: StreamEvent, now: SimTime): void {
    this.connections.handle(e, now, {
      accept: (a) => (a.listener === this.listener ? { session: new Pop3Session(this.store, a.connection), lines: new StreamLineReader(MAX_COMMAND_LINE) } : null),
      opened: (c) => {
        const greeting = c.state.session.greeting();
        this.out.write(c.socket, greeting.bytes, this.out.label(greeting.summary, null));
      },
      data: (c, d) => this.read(c, d.data, d.messages, now),
      peerClosed: (c) => this.abort(c, 'connection-broken'),
      closed: (c) => this.report(c.state.session.abort('connection-broken')),
    });
  }

  private read(c: OpenConnection<Connection>, data: Uint8Array, messages: readonly number[], now: SimTime): void {
    const socket = c.socket;
    c.idleSince = now;
    let k = 0; // lines completed in this chunk ↔ the trace messages whose last byte is in it, in order
    for (const line of c.state.lines.push(data)) {
      const cause = messages[k++] ?? null;
      const step = c.state.session.handle(line, cause);
      for (const event of step.events) this.out.event(event);
      this.out.write(socket, step.reply.bytes, this.out.label(step.reply.summary, cause));
      if (step.reply.close) {
        this.connections.finish(c);
        return;
      }
    }
  }

  private abort(c: OpenConnection<Connection>, reason: 'connection-broken' | 'autologout'): void {
    this.report(c.state.session.abort(reason));
    this.connections.finish(c);
  }

  private report(event: Pop3Event | null): void {
    if (event) this.out.event(event);
  }

  override pollTimeout(): Deadline | null {
    return this.connections.deadline();
  }

  override handleTimeout(now: SimTime): void {
    for (const c of this.connections.idle(now)) this.abort(c, 'autologout');
  }
}
