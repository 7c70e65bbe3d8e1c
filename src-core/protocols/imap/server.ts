/**
 * The IMAP server engine (engine/face.ts, RFC 9051): a welcoming socket on
 * its port, and per connection a reader (reader.ts) and a session
 * (session.ts) over the node's mail store.
 *
 * Rules:
 * - The greeting "* OK [CAPABILITY …] …" goes out on accept (§7.1.1).
 * - Commands are answered in order, each response one write (one message
 *   in the trace), the tagged completion last.
 * - A synchronizing literal "{n}" gets "+ " before its bytes (§7.5); a
 *   non-synchronizing one "{n+}" is refused with BAD (we do not advertise
 *   LITERAL+, RFC 7888), its bytes skipped.
 * - A line or literal over the limits gets "* BAD" and the connection is
 *   closed (§7.1.5: the server may send BYE; we send BAD then BYE).
 * - A malformed line: "tag BAD" when its tag could be read, else "* BAD"
 *   (§7.1.3); traced as imap.bad, the session goes on.
 * - Autologout (§5.4): a connection with no command for `autologout` (at
 *   least 30 minutes) gets "* BYE" and is closed. The deadline is weak: it
 *   never keeps a finished run going by itself.
 */
import { ConnectionTable, type OpenConnection } from '../../engine/connection-table';
import type { EngineEnv, SocketId, StreamEvent, Deadline } from '../../engine/face';
import { EngineBase } from '../../engine/base';
import { seconds, type SimTime } from '../../sim/time';
import type { MailStore } from '../mail/mail-store';
import { parseCommand } from './command';
import { PROTOCOL, type ImapEvent } from './events';
import { ImapReader, DEFAULT_LIMITS, type ReaderLimits } from './reader';
import { GREETING, ImapSession, type SessionEvent } from './session';
import { ascii } from './syntax';

/** RFC 9051 §5.4: the autologout timer is at least 30 minutes. */
export const MIN_AUTOLOGOUT: SimTime = seconds(30 * 60);

export interface ImapServerOptions {
  readonly port: number;
  readonly store: MailStore;
  /** ns; at least MIN_AUTOLOGOUT */
  readonly autologout?: SimTime;
  readonly limits?: ReaderLimits;
}

/** A connection's reader and session; its table entry is closing once LOGOUT, BYE or a broken limit ended it, and idle since its last data. */
interface Connection {
  readonly reader: ImapReader;
  readonly session: ImapSession;
}

export class ImapServerEngine extends EngineBase<ImapEvent> {
  private readonly listener: SocketId;
  private readonly connections: ConnectionTable<Connection>;

  constructor(
    env: EngineEnv,
    private readonly options: ImapServerOptions,
  ) {
    super(PROTOCOL);
    this.connections = new ConnectionTable((socket) => this.out.close(socket), Math.max(MIN_AUTOLOGOUT, options.autologout ?? MIN_AUTOLOGOUT));
    this.listener = env.socketId();
    this.out.listen(this.listener, options.port);
  }

  override handleStream(e: StreamEvent, now: SimTime): void {
    this.connections.handle(e, now, {
      accept: (a) => (a.listener === this.listener ? { reader: new ImapReader(this.options.limits ?? DEFAULT_LIMITS), session: new ImapSession(this.options.store) } : null),
      opened: (c) => this.out.write(c.socket, ascii(`${GREETING}\r\n`), this.out.label(GREETING, null)),
      data: (c, d) => this.read(c, d.data, d.messages, now),
    });
  }

  private read(c: OpenConnection<Connection>, data: Uint8Array, messages: readonly number[], now: SimTime): void {
    const socket = c.socket;
    c.idleSince = now;
    let k = 0;
    const on = { connection: c.connection };
    for (const output of c.state.reader.push(data)) {
      if (output.kind === 'literalWanted') {
        this.out.write(socket, ascii('+ ready for literal data\r\n'), this.out.label('+ ready for literal data', messages[k] ?? null));
        continue;
      }
      const cause = messages[k++] ?? null;
      if (output.kind === 'error') {
        this.event({ type: 'imap.bad', reply: 'BAD', tag: null, reason: output.error.message, offset: output.error.offset }, cause, on.connection);
        this.reply(socket, `* BAD ${output.error.message}`, cause);
        this.reply(socket, '* BYE closing: the limits were broken', cause);
        this.connections.finish(c);
        return;
      }
      const unit = output.unit;
      const nonSync = unit.literals.find((l) => l.nonSync);
      const parsed = parseCommand(unit);
      if (nonSync || !parsed.ok) {
        const tag = parsed.ok ? parsed.command.tag : parsed.tag;
        const reason = nonSync ? 'LITERAL+ ({n+}) is not offered: use {n}' : !parsed.ok ? parsed.error.message : '';
        const offset = unit.offset + (nonSync ? nonSync.start : !parsed.ok ? parsed.error.offset : 0);
        this.event({ type: 'imap.bad', reply: 'BAD', tag, reason, offset }, cause, on.connection);
        this.reply(socket, `${tag ?? '*'} BAD ${reason}`, cause);
        continue;
      }
      const answer = c.state.session.answer(parsed.command);
      for (const ev of answer.events) this.event(ev.type === 'imap.bad' ? { ...ev, offset: unit.offset + ev.offset } : ev, cause, c.connection);
      for (const r of answer.responses) this.out.write(socket, r.bytes, this.out.label(r.summary, cause));
      if (answer.close) {
        this.connections.finish(c);
        return;
      }
    }
  }

  private event(ev: SessionEvent, cause: number | null, connection: string): void {
    this.out.event({ ...ev, cause, connection } as ImapEvent);
  }

  private reply(socket: SocketId, text: string, cause: number | null): void {
    this.out.write(socket, ascii(`${text}\r\n`), this.out.label(text, cause));
  }


  override pollTimeout(): Deadline | null {
    return this.connections.deadline();
  }

  override handleTimeout(now: SimTime): void {
    for (const c of this.connections.idle(now)) {
      this.out.event({ type: 'imap.autologout', idle: now - c.idleSince, connection: c.connection });
      this.reply(c.socket, '* BYE autologout: idle too long', null);
      this.connections.finish(c);
    }
  }
}

