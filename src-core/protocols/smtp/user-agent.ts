/**
 * The user agent's sending side (Kurose & Ross §2.3: Alice's mail
 * program): it submits a message to her own mail server over SMTP — on the
 * submission port with AUTH PLAIN (RFC 6409), or on port 25 without — and
 * her server relays it on. One connection per send command; its session is
 * client-session.ts.
 */
import type { Cause, EngineEnv, SocketAddr, SocketId, StreamEvent } from '../../engine/face';
import { EngineBase } from '../../engine/base';
import type { SimTime } from '../../sim/time';
import { SmtpClientSession, type OutgoingMessage } from './client-session';
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

export class SmtpUserAgent extends EngineBase<SmtpEvent, SendCommand> {
  private readonly sends = new Map<SocketId, { readonly command: SendCommand; readonly startedAt: SimTime; session: SmtpClientSession | null; connection: string }>();

  constructor(private readonly env: EngineEnv) {
    super(PROTOCOL);
  }

  override handleCommand(c: SendCommand, now: SimTime): void {
    if (c.composed) this.out.event({ type: 'smtp.composed', id: c.message.id, bytes: c.message.bytes.length, contentType: c.composed.contentType, encoded: c.composed.encoded });
    const socket = this.env.socketId();
    this.sends.set(socket, { command: c, startedAt: now, session: null, connection: '' });
    this.out.connect(socket, c.server);
  }

  override handleStream(e: StreamEvent, now: SimTime): void {
    const send = this.sends.get(e.socket);
    if (!send) return;
    switch (e.type) {
      case 'connected':
        send.connection = e.connection;
        send.session = new SmtpClientSession(
          {
            write: (bytes, summary, cause: Cause) => this.out.write(e.socket, bytes, this.out.label(summary, cause)),
            close: () => this.out.close(e.socket),
            abort: () => this.out.abort(e.socket),
          },
          send.command.hostName,
          [send.command.message],
          send.command.auth,
          now,
        );
        return;
      case 'data':
        send.session?.receive(e.data, e.messages[0] ?? null, now);
        this.finishIfDone(e.socket, now);
        return;
      case 'peerClosed':
        this.out.close(e.socket);
        return;
      case 'closed':
        if (send.session === null) {
          this.sends.delete(e.socket);
          this.out.event({ type: 'smtp.submitted', id: send.command.message.id, results: send.command.message.to.map((to) => ({ id: send.command.message.id, to, outcome: 'deferred' as const, reply: 'the server refused the connection' })), elapsed: now - send.startedAt, connection: null });
          return;
        }
        send.session.ended(`the connection was ${e.reason} before the dialogue ended`);
        this.finishIfDone(e.socket, now);
        return;
      case 'failed':
        this.sends.delete(e.socket);
        this.out.event({ type: 'smtp.submitted', id: send.command.message.id, results: send.command.message.to.map((to) => ({ id: send.command.message.id, to, outcome: 'deferred' as const, reply: e.detail })), elapsed: now - send.startedAt, connection: null });
        return;
      default:
        return;
    }
  }

  private finishIfDone(socket: SocketId, now: SimTime): void {
    const send = this.sends.get(socket);
    if (!send?.session?.finished) return;
    this.sends.delete(socket);
    this.out.event({ type: 'smtp.submitted', id: send.command.message.id, results: send.session.results, elapsed: now - send.startedAt, connection: send.connection });
  }

  override pollTimeout(): { at: SimTime; weak: boolean } | null {
    let at: SimTime | null = null;
    for (const s of this.sends.values()) {
      const t = s.session?.timeout ?? null;
      if (t !== null) at = at === null ? t : Math.min(at, t);
    }
    return at === null ? null : { at, weak: false };
  }

  override handleTimeout(now: SimTime): void {
    for (const [socket, s] of this.sends) {
      s.session?.timedOut(now);
      this.finishIfDone(socket, now);
    }
  }
}
