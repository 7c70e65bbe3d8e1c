/**
 * One SMTP client connection (RFC 5321 §3, §4.1, Appendix D): the dialogue
 * a user agent holds with its submission server, or a mail server's
 * outgoing queue with the next server. The engine that owns it (user-agent.ts,
 * queue.ts) connects the socket and hands it the connection's stream; the
 * session writes the commands and says how each message went.
 *
 * Rules:
 * - Wait for the 220 greeting, then EHLO (HELO if EHLO gets a 5xx,
 *   §3.2); with credentials AUTH PLAIN (RFC 4954, RFC 4616) before the
 *   first MAIL. One command at a time, each after the reply to the last
 *   (no pipelining: the chart shows the dialogue as the course does).
 * - Per message: MAIL FROM, RCPT TO for each recipient, and DATA only when
 *   at least one recipient was taken (else RSET); the data dot-stuffed
 *   (data.ts); several messages on one connection (§3.3): the owner may
 *   `add` one until the session has sent QUIT, and it goes after those
 *   before it; then QUIT.
 * - A recipient's outcome (§4.2.1): 2xx delivered (once the data got 250),
 *   5xx failed for good, 4xx deferred (try later). A 5xx or 4xx to MAIL or
 *   to the data applies to all its recipients so far; a 5xx to the
 *   greeting, EHLO/HELO or AUTH to every message; 421 (closing) or a
 *   broken connection defers whatever has no outcome yet.
 * - Each reply must come within CLIENT_REPLY_TIMEOUT_MS, the one to the end
 *   of data within CLIENT_DATA_END_TIMEOUT_MS (§4.5.3.2); else everything
 *   open is deferred and the connection aborted.
 */
import type { Cause } from '../../engine/face';
import type { SimTime } from '../../sim/time';
import { ms } from '../../sim/time';
import { encodeCommand } from './command';
import { CLIENT_DATA_END_TIMEOUT_MS, CLIENT_REPLY_TIMEOUT_MS, MAX_REPLY_LINE } from './constants';
import { encodeMailData } from './data';
import { CommandLines } from './lines';
import { parseReplyLine, summarizeReply } from './reply';

export interface OutgoingMessage {
  readonly id: string;
  /** The reverse path: "" for a bounce (RFC 5321 §4.5.5). */
  readonly from: string;
  readonly to: readonly string[];
  readonly bytes: Uint8Array;
}

export type RecipientOutcome = 'delivered' | 'failed' | 'deferred';

export interface RecipientResult {
  readonly id: string;
  readonly to: string;
  readonly outcome: RecipientOutcome;
  /** The reply that decided it ("550 5.1.1 …"), or why there was none. */
  readonly reply: string;
}

/** What a session does to its connection; the engine performs it. */
export interface SessionIo {
  write(bytes: Uint8Array, summary: string, cause: Cause): void;
  close(): void;
  abort(): void;
}

type Stage = 'greeting' | 'ehlo' | 'helo' | 'auth' | 'mail' | 'rcpt' | 'data' | 'dataEnd' | 'rset' | 'quit' | 'done';

export class SmtpClientSession {
  readonly results: RecipientResult[] = [];
  private stage: Stage = 'greeting';
  private readonly lines = new CommandLines(MAX_REPLY_LINE);
  private replyLines: string[] = [];
  private index = 0;
  private rcptIndex = 0;
  private accepted: string[] = [];
  private deadline: SimTime | null;
  private readonly messages: OutgoingMessage[];

  constructor(
    private readonly io: SessionIo,
    private readonly hostName: string,
    messages: readonly OutgoingMessage[],
    private readonly auth: { readonly user: string; readonly password: string } | null,
    connectedAt: SimTime,
  ) {
    this.messages = [...messages];
    this.deadline = connectedAt + ms(CLIENT_REPLY_TIMEOUT_MS);
  }

  /** True once QUIT is sent (or the session is over): no message can be added. */
  get quitting(): boolean {
    return this.stage === 'quit' || this.stage === 'done';
  }

  /** One more message for this connection, its own MAIL/RCPT/DATA transaction after those before it (§3.3); false (not taken) once `quitting`. */
  add(message: OutgoingMessage): boolean {
    if (this.quitting) return false;
    this.messages.push(message);
    return true;
  }

  get finished(): boolean {
    return this.stage === 'done';
  }

  get timeout(): SimTime | null {
    return this.stage === 'done' ? null : this.deadline;
  }

  /** Bytes from the server; `cause` the trace message they completed. */
  receive(data: Uint8Array, cause: Cause, now: SimTime): void {
    for (const line of this.lines.feed(data)) {
      if (this.stage === 'done') return;
      if (line.kind === 'too-long') return this.giveUp('the server sent a reply line over 512 octets', cause, true);
      const parsed = parseReplyLine(line.line);
      if (!parsed.ok) return this.giveUp(`the server's reply is not SMTP: ${parsed.message}`, cause, true);
      this.replyLines.push(parsed.text);
      if (!parsed.last) continue;
      const reply = { code: parsed.code, lines: this.replyLines };
      this.replyLines = [];
      this.replied(reply.code, summarizeReply(reply), cause, now);
    }
  }

  /** The connection ended (closed, reset) before QUIT was answered. */
  ended(why: string): void {
    if (this.stage === 'done') return;
    this.settleRest('deferred', why);
    this.stage = 'done';
  }

  /** Called at or after `timeout`. */
  timedOut(now: SimTime): void {
    if (this.stage === 'done' || this.deadline === null || now < this.deadline) return;
    this.giveUp('no reply from the server in time (RFC 5321 §4.5.3.2)', null, true);
  }

  private replied(code: number, text: string, cause: Cause, now: SimTime): void {
    const ok = code >= 200 && code < 300;
    this.deadline = now + ms(CLIENT_REPLY_TIMEOUT_MS);
    if (code === 421) return this.giveUp(text, cause, false);
    switch (this.stage) {
      case 'greeting':
        if (!ok) return this.refusedAll(code, text, cause);
        return this.send('ehlo', 'EHLO', this.hostName, cause);
      case 'ehlo':
        if (code >= 500) return this.send('helo', 'HELO', this.hostName, cause);
        if (!ok) return this.refusedAll(code, text, cause);
        return this.afterHello(cause);
      case 'helo':
        if (!ok) return this.refusedAll(code, text, cause);
        return this.afterHello(cause);
      case 'auth':
        if (code !== 235) return this.refusedAll(code, text, cause);
        return this.nextMessage(cause);
      case 'mail':
        if (!ok) {
          this.settleMessage(code >= 500 ? 'failed' : 'deferred', text);
          return this.send('rset', 'RSET', '', cause);
        }
        this.rcptIndex = 0;
        this.accepted = [];
        return this.nextRecipient(cause);
      case 'rcpt': {
        const to = this.current.to[this.rcptIndex - 1]!;
        if (ok) this.accepted.push(to);
        else this.results.push({ id: this.current.id, to, outcome: code >= 500 ? 'failed' : 'deferred', reply: text });
        return this.nextRecipient(cause);
      }
      case 'data':
        if (code !== 354) {
          this.settleAccepted(code >= 500 ? 'failed' : 'deferred', text);
          return this.send('rset', 'RSET', '', cause);
        }
        this.stage = 'dataEnd';
        this.deadline = now + ms(CLIENT_DATA_END_TIMEOUT_MS);
        this.io.write(encodeMailData(this.current.bytes), `(message ${this.current.id}, ${this.current.bytes.length} bytes, then ".")`, cause);
        return;
      case 'dataEnd':
        this.settleAccepted(ok ? 'delivered' : code >= 500 ? 'failed' : 'deferred', text);
        this.index++;
        return this.nextMessage(cause);
      case 'rset':
        this.index++;
        return this.nextMessage(cause);
      case 'quit':
        this.stage = 'done';
        this.io.close();
        return;
      case 'done':
        return;
    }
  }

  private get current(): OutgoingMessage {
    return this.messages[this.index]!;
  }

  private afterHello(cause: Cause): void {
    if (this.auth === null) return this.nextMessage(cause);
    const credentials = btoa(`\0${this.auth.user}\0${this.auth.password}`);
    this.stage = 'auth';
    // The summary never shows the credentials.
    this.io.write(encodeCommand('AUTH', `PLAIN ${credentials}`), 'AUTH PLAIN ••••', cause);
  }

  private nextMessage(cause: Cause): void {
    if (this.index >= this.messages.length) return this.send('quit', 'QUIT', '', cause);
    this.send('mail', 'MAIL', `FROM:<${this.current.from}>`, cause);
  }

  private nextRecipient(cause: Cause): void {
    const to = this.current.to[this.rcptIndex];
    if (to !== undefined) {
      this.rcptIndex++;
      return this.send('rcpt', 'RCPT', `TO:<${to}>`, cause);
    }
    if (this.accepted.length === 0) return this.send('rset', 'RSET', '', cause);
    this.send('data', 'DATA', '', cause);
  }

  private send(stage: Stage, verb: string, args: string, cause: Cause): void {
    this.stage = stage;
    this.io.write(encodeCommand(verb, args), args === '' ? verb : `${verb} ${args}`, cause);
  }

  /** Every message gets this outcome for every recipient without one: the server refused the session. */
  private refusedAll(code: number, text: string, cause: Cause): void {
    this.settleRest(code >= 500 ? 'failed' : 'deferred', text);
    this.send('quit', 'QUIT', '', cause);
  }

  private giveUp(why: string, _cause: Cause, abort: boolean): void {
    this.settleRest('deferred', why);
    this.stage = 'done';
    if (abort) this.io.abort();
    else this.io.close();
  }

  private settleMessage(outcome: RecipientOutcome, reply: string): void {
    for (const to of this.current.to) this.results.push({ id: this.current.id, to, outcome, reply });
  }

  private settleAccepted(outcome: RecipientOutcome, reply: string): void {
    for (const to of this.accepted) this.results.push({ id: this.current.id, to, outcome, reply });
    this.accepted = [];
  }

  /** Every recipient of every message not yet settled. */
  private settleRest(outcome: RecipientOutcome, reply: string): void {
    for (const m of this.messages) {
      for (const to of m.to) if (!this.results.some((r) => r.id === m.id && r.to === to)) this.results.push({ id: m.id, to, outcome, reply });
    }
  }
}
