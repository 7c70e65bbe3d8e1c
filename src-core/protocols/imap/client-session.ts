/**
 * One IMAP client connection (RFC 9051 §2.2, §3): the dialogue a user
 * agent (client.ts, the `imap-read` action) or a webmail server
 * (protocols/webmail/) holds with an IMAP server. The engine that owns it
 * opens the socket, hands it the connection's stream events and decides,
 * command by command, what to ask (`ImapSessionOwner.next`); the session
 * writes the commands, reads the responses and says how it ended.
 *
 * Rules:
 * - Wait for the greeting: an untagged OK (a PREAUTH or anything else ends
 *   the session). Then one command at a time: the next goes out when the
 *   tagged completion of the last one has come (tags A1, A2 …, §2.2.1).
 * - Untagged data (`* 3 EXISTS`, `* 1 FETCH (…)`) goes to the owner as it
 *   comes; the session itself notes EXISTS (`exists`).
 * - A NO or BAD completion ends the work: the owner is told (`failed`,
 *   with the command and the server's answer) and the session logs out. A
 *   BYE before LOGOUT, a malformed response, a broken connection or a
 *   connect that failed end it at once (`failed`, then the socket closed).
 * - LOGOUT's completion, OK or not, ends the session: the owner's
 *   `loggedOut`, then the socket is closed. `ended` is called once, last,
 *   whichever way it ended.
 * - Strings it sends are quoted (user names and passwords of the store are
 *   printable ASCII, mail/schema.ts), so it never waits for a "+ ".
 * - With a reply timeout, a server silent that long while a response is
 *   awaited ends the session (failed, socket closed); without one (the
 *   imap-read user agent) the session waits as long as TCP keeps the
 *   connection.
 */
import type { Cause, StreamCloseReason, StreamEvent } from '../../engine/face';
import type { SimTime } from '../../sim/time';
import { encodeCommand, type CommandArg } from './command';
import { ImapReader } from './reader';
import { parseResponse, type ImapResponse, type ImapStatus } from './response';
import { commandSummary } from './summary';

/** A command the owner asks for: its name ("SELECT", "UID FETCH") and arguments. */
export interface ImapRequest {
  readonly name: string;
  readonly args: readonly CommandArg[];
}

/** Why a session stopped before its work was done. */
export interface ImapFailure {
  /** One line for people: "LOGIN refused: NO [AUTHENTICATIONFAILED] invalid credentials". */
  readonly reason: string;
  /** The command the server refused, with its answer; null when the session broke (connection, BYE, bytes that are not IMAP, no answer in time). */
  readonly refused: { readonly command: string; readonly status: ImapStatus; readonly code: string | null; readonly text: string } | null;
  /** The server was silent past the reply timeout. */
  readonly timedOut: boolean;
}

export type ImapDataResponse = Extract<ImapResponse, { kind: 'data' }>;

/** What a session does to its connection; the owning engine performs it. */
export interface ImapSessionIo {
  write(bytes: Uint8Array, summary: string, cause: Cause): void;
  close(): void;
}

/** The owner's side of the dialogue. */
export interface ImapSessionOwner {
  /** The greeting was OK (`completed` null) or the last command completed OK: the next command, or null to log out. */
  next(completed: string | null, cause: Cause, now: SimTime): ImapRequest | null;
  /** Untagged data while a command runs (its FETCH responses …). */
  data(response: ImapDataResponse, cause: Cause): void;
  /** The work stopped (see the rules); the session logs out or closes after it. */
  failed(failure: ImapFailure, cause: Cause, now: SimTime): void;
  /** LOGOUT completed (after the work, or after a refusal). */
  loggedOut?(cause: Cause, now: SimTime): void;
  /** The session is over, whichever way: called once, last. */
  ended?(cause: Cause, now: SimTime): void;
}

export interface ImapSessionOptions {
  /** ns a response may take before the session gives up; null: no limit. */
  readonly replyTimeout: SimTime | null;
}

type Stage = 'connecting' | 'greeting' | 'working' | 'logout' | 'done';

export class ImapClientSession {
  /** The connection's trace id, once connected ('' before). */
  connection = '';
  /** The last `* n EXISTS`: the selected folder's size. */
  exists = 0;
  private stage: Stage = 'connecting';
  private readonly reader = new ImapReader({ maxLineBytes: 65_536, maxLiteralBytes: 64 * 1024 * 1024 });
  private tagCount = 0;
  private current = '';
  private failure: ImapFailure | null = null;
  private deadline: SimTime | null = null;

  constructor(
    private readonly io: ImapSessionIo,
    private readonly owner: ImapSessionOwner,
    private readonly options: ImapSessionOptions = { replyTimeout: null },
  ) {}

  get finished(): boolean {
    return this.stage === 'done';
  }

  /** Why the work stopped, or null while it goes well. */
  get failedWith(): ImapFailure | null {
    return this.failure;
  }

  /** The session's deadline (a response awaited), or null. */
  get timeout(): SimTime | null {
    return this.stage === 'done' ? null : this.deadline;
  }

  /** A stream event of the session's socket. */
  stream(e: StreamEvent, now: SimTime): void {
    if (this.stage === 'done') return;
    switch (e.type) {
      case 'connected':
        this.connection = e.connection;
        this.stage = 'greeting';
        this.wait(now);
        return;
      case 'data':
        this.receive(e.data, e.messages, now);
        return;
      case 'peerClosed':
        return this.broke(this.failure ? null : 'the server closed the connection', null, now, true);
      case 'closed':
        return this.broke(this.failure ? null : this.closedReason(e.reason), null, now, false);
      case 'failed':
        return this.broke(`could not connect: ${e.detail}`, null, now, false);
      default:
        return;
    }
  }

  private closedReason(reason: StreamCloseReason): string {
    if (this.stage === 'connecting') return reason === 'reset' ? 'the server refused the connection (nothing listens on its port)' : 'the server did not answer the connection request';
    return reason !== 'closed' ? `the connection was ${reason}` : 'the server closed the connection';
  }

  /** Called at or after `timeout`. */
  timedOut(now: SimTime): void {
    if (this.stage === 'done' || this.deadline === null || now < this.deadline) return;
    this.broke('no response from the server in time', null, now, true, true);
  }

  private wait(now: SimTime): void {
    this.deadline = this.options.replyTimeout === null ? null : now + this.options.replyTimeout;
  }

  private receive(data: Uint8Array, messages: readonly number[], now: SimTime): void {
    let k = 0;
    for (const output of this.reader.push(data)) {
      if (output.kind === 'literalWanted') continue;
      const cause = messages[k++] ?? null;
      if (output.kind === 'error') return this.broke(output.error.message, cause, now, true);
      const parsed = parseResponse(output.unit);
      if (!parsed.ok) return this.broke(`malformed response: ${parsed.error.message}`, cause, now, true);
      const hadFailed = this.failure !== null;
      this.respond(parsed.response, cause, now);
      // a refusal just now: what else came in this chunk answers nothing we still ask
      const refusedNow = !hadFailed && this.failure !== null;
      if (this.stage === 'done' || refusedNow) return;
    }
  }

  private respond(r: ImapResponse, cause: Cause, now: SimTime): void {
    if (r.kind === 'status' && r.status === 'BYE' && this.stage !== 'logout') return this.broke(`the server said BYE: ${r.text}`, cause, now, true);
    if (r.kind === 'data') {
      if (r.name === 'EXISTS' && r.number !== null) this.exists = r.number;
      this.owner.data(r, cause);
      return;
    }
    if (this.stage === 'greeting') {
      if (r.kind !== 'status' || r.status !== 'OK') return this.broke('the greeting is not OK', cause, now, true);
      this.stage = 'working';
      return this.proceed(null, cause, now);
    }
    if (r.kind !== 'tagged' || r.tag !== `A${this.tagCount}`) return;
    if (this.stage === 'logout') return this.end(cause, now);
    if (r.status !== 'OK') {
      this.failure = { reason: `${this.current} refused: ${r.status} ${r.code ? `[${r.code}] ` : ''}${r.text}`, refused: { command: this.current, status: r.status, code: r.code, text: r.text }, timedOut: false };
      this.owner.failed(this.failure, cause, now);
      return this.send('LOGOUT', [], cause, now);
    }
    this.proceed(this.current, cause, now);
  }

  private proceed(completed: string | null, cause: Cause, now: SimTime): void {
    const next = this.owner.next(completed, cause, now);
    if (next === null) return this.send('LOGOUT', [], cause, now);
    this.send(next.name, next.args, cause, now);
  }

  private send(name: string, args: readonly CommandArg[], cause: Cause, now: SimTime): void {
    if (name === 'LOGOUT') this.stage = 'logout';
    this.current = name;
    const tag = `A${++this.tagCount}`;
    const bytes = encodeCommand(tag, name, args);
    this.io.write(bytes, commandSummary({ bytes, offset: 0, literals: [] }), cause);
    this.wait(now);
  }

  /** LOGOUT completed: the owner told, the socket closed. */
  private end(cause: Cause, now: SimTime): void {
    this.stage = 'done';
    this.owner.loggedOut?.(cause, now);
    this.io.close();
    this.owner.ended?.(cause, now);
  }

  /** The session broke: the owner told why (unless it failed already, `reason` null), the socket closed when `close`. */
  private broke(reason: string | null, cause: Cause, now: SimTime, close: boolean, timedOut = false): void {
    if (reason !== null && this.failure === null) {
      this.failure = { reason, refused: null, timedOut };
      this.owner.failed(this.failure, cause, now);
    }
    this.stage = 'done';
    if (close) this.io.close();
    this.owner.ended?.(cause, now);
  }
}
