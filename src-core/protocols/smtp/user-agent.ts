/**
 * The user agent's sending side (Kurose & Ross §2.3: Alice's mail
 * program): it submits messages to her own mail server over SMTP — on the
 * submission port with AUTH PLAIN (RFC 6409), or on port 25 without — and
 * her server relays them on. Its session is client-session.ts.
 *
 * Rules:
 * - Several messages on one connection (RFC 5321 §3.3; the outbox of a
 *   mail program): a send to the same server address and port, with the
 *   same login and EHLO name, as a connection this user agent is opening,
 *   or holding and has not yet sent QUIT on, goes over that connection as
 *   one more MAIL/RCPT/DATA transaction, after those before it. The login
 *   must be the same because AUTH is once per session (RFC 4954 §4).
 *   Any other send opens a connection of its own.
 * - Each message's outcome (`smtp.submitted`) is told when its connection's
 *   dialogue is over, in the order they were sent; its elapsed time counts
 *   from its own send.
 */
import type { Cause, EngineEnv, SocketAddr, SocketId, StreamEvent } from '../../engine/face';
import { EngineBase } from '../../engine/base';
import type { SimTime } from '../../sim/time';
import { SmtpClientSession, type OutgoingMessage, type RecipientResult } from './client-session';
import { PROTOCOL } from './constants';
import type { SmtpEvent } from './events';

export interface SendCommand {
  readonly server: SocketAddr;
  /** The name the user agent gives in EHLO. */
  readonly hostName: string;
  readonly auth: { readonly user: string; readonly password: string } | null;
  readonly message: OutgoingMessage;
  /** How the message was written (compose.ts), for the trace; absent for bytes written elsewhere. */
  readonly composed?: { readonly contentType: string; readonly encoded: readonly string[] };
}

interface Submission {
  /** The first send's: server, EHLO name and login are the same for every send it holds. */
  readonly command: SendCommand;
  readonly sends: { readonly message: OutgoingMessage; readonly startedAt: SimTime }[];
  /** Null while the connection is being opened. */
  session: SmtpClientSession | null;
  connection: string;
}

/** Sends that may share one session (see the rules above). */
function sameSession(a: SendCommand, b: SendCommand): boolean {
  return a.server.addr === b.server.addr && a.server.port === b.server.port && a.hostName === b.hostName && a.auth?.user === b.auth?.user && a.auth?.password === b.auth?.password;
}

export class SmtpUserAgent extends EngineBase<SmtpEvent, SendCommand> {
  private readonly submissions = new Map<SocketId, Submission>();

  constructor(private readonly env: EngineEnv) {
    super(PROTOCOL);
  }

  override handleCommand(c: SendCommand, now: SimTime): void {
    if (c.composed) this.out.event({ type: 'smtp.composed', id: c.message.id, bytes: c.message.bytes.length, contentType: c.composed.contentType, encoded: c.composed.encoded });
    for (const s of this.submissions.values()) {
      if (!sameSession(s.command, c)) continue;
      if (s.session === null || s.session.add(c.message)) {
        s.sends.push({ message: c.message, startedAt: now });
        return;
      }
    }
    const socket = this.env.socketId();
    this.submissions.set(socket, { command: c, sends: [{ message: c.message, startedAt: now }], session: null, connection: '' });
    this.out.connect(socket, c.server);
  }

  override handleStream(e: StreamEvent, now: SimTime): void {
    const s = this.submissions.get(e.socket);
    if (!s) return;
    switch (e.type) {
      case 'connected':
        s.connection = e.connection;
        s.session = new SmtpClientSession(
          {
            write: (bytes, summary, cause: Cause) => this.out.write(e.socket, bytes, this.out.label(summary, cause)),
            close: () => this.out.close(e.socket),
            abort: () => this.out.abort(e.socket),
          },
          s.command.hostName,
          s.sends.map((x) => x.message),
          s.command.auth,
          now,
        );
        return;
      case 'data':
        s.session?.receive(e.data, e.messages[0] ?? null, now);
        this.finishIfDone(e.socket, now);
        return;
      case 'peerClosed':
        this.out.close(e.socket);
        return;
      case 'closed':
        if (s.session === null) return this.finish(e.socket, null, () => 'the server refused the connection', now);
        s.session.ended(`the connection was ${e.reason} before the dialogue ended`);
        this.finishIfDone(e.socket, now);
        return;
      case 'failed':
        return this.finish(e.socket, null, () => e.detail, now);
      default:
        return;
    }
  }

  private finishIfDone(socket: SocketId, now: SimTime): void {
    const s = this.submissions.get(socket);
    if (!s?.session?.finished) return;
    const results = s.session.results;
    this.finish(socket, results, () => 'no outcome', now);
  }

  /** Every message of the connection: its recipients' outcomes, or (no session) deferred with `why`. */
  private finish(socket: SocketId, results: readonly RecipientResult[] | null, why: () => string, now: SimTime): void {
    const s = this.submissions.get(socket);
    if (!s) return;
    this.submissions.delete(socket);
    for (const { message, startedAt } of s.sends) {
      const own = results?.filter((r) => r.id === message.id) ?? [];
      const told = own.length > 0 ? own : message.to.map((to) => ({ id: message.id, to, outcome: 'deferred' as const, reply: why() }));
      this.out.event({ type: 'smtp.submitted', id: message.id, results: told, elapsed: now - startedAt, connection: results === null ? null : s.connection });
    }
  }

  override pollTimeout(): { at: SimTime; weak: boolean } | null {
    let at: SimTime | null = null;
    for (const s of this.submissions.values()) {
      const t = s.session?.timeout ?? null;
      if (t !== null) at = at === null ? t : Math.min(at, t);
    }
    return at === null ? null : { at, weak: false };
  }

  override handleTimeout(now: SimTime): void {
    for (const [socket, s] of [...this.submissions]) {
      s.session?.timedOut(now);
      this.finishIfDone(socket, now);
    }
  }
}
