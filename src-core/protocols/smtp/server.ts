/**
 * The SMTP server engine (RFC 5321; submission RFC 6409; AUTH PLAIN RFC
 * 4954, RFC 4616): a mail server's receiving side, on the relay port (25)
 * and, when given, the submission port (587), over the node's mail store.
 *
 * Rules (the section of RFC 5321 unless said otherwise):
 * - The session: 220 greeting (§4.3.1); EHLO (the extensions, one per
 *   line) or HELO; then transactions of MAIL FROM, RCPT TO (one or more),
 *   DATA and 354, the data ended by CRLF.CRLF (data.ts), 250 with the id it
 *   is queued as; RSET, NOOP, VRFY (252: not verified, §3.5.3), HELP;
 *   QUIT and 221, then the server closes (§4.1.1.10).
 * - Several transactions on one connection; commands may be pipelined
 *   (RFC 2920, advertised): each is answered in order.
 * - Bad sequences get 503 (§4.1.4: MAIL before EHLO/HELO, RCPT before
 *   MAIL, DATA before RCPT), bad arguments 501, unknown verbs 500, an
 *   over-long line 500 (§4.5.3.1.4), a known verb we do not offer 502.
 *   Each refusal is an smtp.refused event; undecodable bytes smtp.malformed.
 * - RCPT: a user of the server's domain gets 250, an unknown one 550 5.1.1
 *   (§3.6.2 lets a server refuse unknown users); another domain is relayed
 *   only for an authenticated client (submission), else 550 5.7.1 (§3.6.2:
 *   no open relay). More than MAX_RECIPIENTS: 452 (§4.5.3.1.10).
 * - The submission port requires AUTH before MAIL (RFC 6409 §4.3: 530).
 *   AUTH PLAIN is offered there only; a wrong password gets 535.
 * - 8BITMIME is not offered, so data with a byte ≥ 0x80 is refused with
 *   554 5.6.1, naming the offset (§2.3.1, §2.4: 7-bit US-ASCII unless the
 *   extension was used); a line over 1000 octets with 554 5.6.0; data past
 *   MAX_MESSAGE_BYTES with 552 (SIZE, RFC 1870).
 * - An accepted message gets a Received field at its top (§4.4: from the
 *   client's EHLO name and address, by this server, with ESMTP or ESMTPA
 *   when authenticated, RFC 3848, its id, the date), is put into each
 *   local recipient's INBOX (smtp.delivered) and, for other domains, handed
 *   to the node's outgoing queue (smtp.relayNeeded).
 * - A session idle for SERVER_TIMEOUT_MS gets 421 and is closed (§4.5.3.2.7).
 * - A connection that ends mid-transaction loses that transaction, never
 *   a message already answered 250 (§6.1).
 */
import { idleDeadline, idledOut } from '../../engine/idle';
import type { Cause, EngineEnv, SocketId, StreamEvent, Deadline } from '../../engine/face';
import { EngineBase } from '../../engine/base';
import { formatIpv4 } from '../../net/ipv4';
import type { SimTime } from '../../sim/time';
import { ms } from '../../sim/time';
import { decodeBase64Strict, formatMailDate } from '../mail/message';
import type { MailStore } from '../mail/mail-store';
import { parseCommandLine, parsePath } from './command';
import { MAX_COMMAND_LINE, MAX_MESSAGE_BYTES, MAX_RECIPIENTS, PROTOCOL, SERVER_TIMEOUT_MS } from './constants';
import { MailDataReader, type MailDataProblems } from './data';
import type { SmtpEvent } from './events';
import { CommandLines } from './lines';
import { encodeReply, summarizeReply } from './reply';

export interface SmtpServerOptions {
  /** The relay port (25). */
  readonly port: number;
  /** The submission port (587), or null for none. */
  readonly submissionPort: number | null;
  /** The server's host name in its greeting and Received fields ("mail.example.com"). */
  readonly hostName: string;
}

interface Session {
  readonly socket: SocketId;
  readonly connection: string;
  readonly client: string;
  readonly submission: boolean;
  readonly lines: CommandLines;
  helo: string | null;
  user: string | null;
  from: string | null;
  readonly to: string[];
  data: MailDataReader | null;
  /** AUTH PLAIN sent without its argument: the next line is the credentials (RFC 4954 §4). */
  awaitingAuth: boolean;
  idleSince: SimTime;
  closing: boolean;
}

export class SmtpServerEngine extends EngineBase<SmtpEvent> {
  private readonly listeners = new Map<SocketId, boolean>();
  private readonly sessions = new Map<SocketId, Session>();
  private nextId = 1;

  constructor(
    private readonly env: EngineEnv,
    private readonly store: MailStore,
    private readonly options: SmtpServerOptions,
  ) {
    super(PROTOCOL);
    this.open(options.port, false);
    if (options.submissionPort !== null) this.open(options.submissionPort, true);
  }

  private open(port: number, submission: boolean): void {
    const socket = this.env.socketId();
    this.listeners.set(socket, submission);
    this.out.listen(socket, port);
  }

  override handleStream(e: StreamEvent, now: SimTime): void {
    if (e.type === 'accepted') {
      const submission = this.listeners.get(e.listener) ?? false;
      const s: Session = { socket: e.socket, connection: e.connection, client: formatIpv4(e.remote.addr), submission, lines: new CommandLines(MAX_COMMAND_LINE), helo: null, user: null, from: null, to: [], data: null, awaitingAuth: false, idleSince: now, closing: false };
      this.sessions.set(e.socket, s);
      this.reply(s, 220, `${this.options.hostName} ESMTP L7 Lab ready`, null);
      return;
    }
    const s = this.sessions.get(e.socket);
    if (!s) return;
    switch (e.type) {
      case 'data':
        s.idleSince = now;
        this.receive(s, e.data, e.messages[0] ?? null, now);
        return;
      case 'peerClosed':
        this.out.close(s.socket);
        return;
      case 'closed':
        this.sessions.delete(s.socket);
        return;
      default:
        return;
    }
  }

  private receive(s: Session, chunk: Uint8Array, cause: Cause, now: SimTime): void {
    let from = 0;
    while (from < chunk.length && !s.closing) {
      if (s.data) {
        const step = s.data.feed(chunk.subarray(from));
        if (!step.done) return;
        from += step.used;
        s.data = null;
        this.endOfData(s, step, cause, now);
        continue;
      }
      // Lines up to the end of the chunk, or the DATA command that switches to data mode.
      const lf = chunk.indexOf(0x0a, from);
      const until = lf < 0 ? chunk.length : lf + 1;
      for (const line of s.lines.feed(chunk, from, until)) {
        if (line.kind === 'too-long') {
          this.out.event({ type: 'smtp.malformed', reason: `a command line of ${line.length} octets, more than ${MAX_COMMAND_LINE}`, cause, connection: s.connection });
          this.refuse(s, '(line)', 500, '5.5.2 Line too long', cause);
          continue;
        }
        if (line.bareLf) this.out.event({ type: 'smtp.malformed', reason: 'a line ended by a bare LF, not CRLF (RFC 5321 §2.3.8)', cause, connection: s.connection });
        this.command(s, line.line, cause);
      }
      from = until;
    }
  }

  private command(s: Session, line: Uint8Array, cause: Cause): void {
    if (s.awaitingAuth) {
      s.awaitingAuth = false;
      this.authPlain(s, new TextDecoder('latin1').decode(line), cause);
      return;
    }
    const parsed = parseCommandLine(line);
    if (!parsed.ok) {
      this.out.event({ type: 'smtp.malformed', reason: parsed.error.message, cause, connection: s.connection });
      this.refuse(s, '(line)', 500, '5.5.2 Syntax error, command unrecognized', cause);
      return;
    }
    const { verb, args } = parsed.command;
    switch (verb) {
      case 'EHLO':
      case 'HELO':
        return this.hello(s, verb, args, cause);
      case 'MAIL':
        return this.mail(s, args, cause);
      case 'RCPT':
        return this.rcpt(s, args, cause);
      case 'DATA':
        if (args !== '') return this.refuse(s, verb, 501, '5.5.4 DATA takes no arguments', cause);
        if (s.from === null) return this.refuse(s, verb, 503, '5.5.1 Need MAIL before DATA', cause);
        if (s.to.length === 0) return this.refuse(s, verb, 503, '5.5.1 Need RCPT before DATA', cause);
        s.data = new MailDataReader(MAX_MESSAGE_BYTES);
        return this.reply(s, 354, 'End data with <CR><LF>.<CR><LF>', cause);
      case 'RSET':
        this.resetTransaction(s);
        return this.reply(s, 250, '2.0.0 OK', cause);
      case 'NOOP':
        return this.reply(s, 250, '2.0.0 OK', cause);
      case 'VRFY':
        return this.reply(s, 252, '2.5.2 Cannot VRFY user, but will accept message and attempt delivery', cause);
      case 'HELP':
        return this.reply(s, 214, '2.0.0 Commands: EHLO HELO MAIL RCPT DATA RSET NOOP VRFY HELP QUIT AUTH', cause);
      case 'AUTH':
        return this.auth(s, args, cause);
      case 'QUIT':
        this.reply(s, 221, `2.0.0 ${this.options.hostName} closing connection`, cause);
        s.closing = true;
        this.out.close(s.socket);
        return;
      case 'STARTTLS':
      case 'EXPN':
      case 'TURN':
      case 'BDAT':
        return this.refuse(s, verb, 502, `5.5.1 ${verb} is not offered here`, cause);
      default:
        return this.refuse(s, verb, 500, `5.5.2 Command not recognized: ${verb}`, cause);
    }
  }

  private hello(s: Session, verb: 'EHLO' | 'HELO', args: string, cause: Cause): void {
    const name = args.trim();
    if (name === '' || name.includes(' ')) return this.refuse(s, verb, 501, `5.5.4 ${verb} needs the client's domain or address literal`, cause);
    s.helo = name;
    this.resetTransaction(s);
    if (verb === 'HELO') return this.reply(s, 250, `${this.options.hostName}`, cause);
    const lines = [`${this.options.hostName} greets ${name}`, `SIZE ${MAX_MESSAGE_BYTES}`, 'PIPELINING', 'ENHANCEDSTATUSCODES'];
    if (s.submission) lines.push('AUTH PLAIN');
    lines.push('HELP');
    this.reply(s, 250, lines, cause);
  }

  private mail(s: Session, args: string, cause: Cause): void {
    if (s.helo === null) return this.refuse(s, 'MAIL', 503, '5.5.1 Send EHLO or HELO first', cause);
    if (s.submission && s.user === null) return this.refuse(s, 'MAIL', 530, '5.7.0 Authentication required (RFC 6409 section 4.3)', cause);
    if (s.from !== null) return this.refuse(s, 'MAIL', 503, '5.5.1 Sender already given: RSET first', cause);
    const path = parsePath(args, 'FROM');
    if (!path.ok) return this.refuse(s, 'MAIL', 501, `5.5.4 ${path.message}`, cause);
    const size = path.params.find((p) => p.toUpperCase().startsWith('SIZE='));
    if (size !== undefined && Number(size.slice(5)) > MAX_MESSAGE_BYTES) return this.refuse(s, 'MAIL', 552, `5.3.4 Message too big: at most ${MAX_MESSAGE_BYTES} octets`, cause);
    s.from = path.address;
    this.reply(s, 250, `2.1.0 Sender <${path.address}> OK`, cause);
  }

  private rcpt(s: Session, args: string, cause: Cause): void {
    if (s.from === null) return this.refuse(s, 'RCPT', 503, '5.5.1 Need MAIL before RCPT', cause);
    const path = parsePath(args, 'TO');
    if (!path.ok) return this.refuse(s, 'RCPT', 501, `5.5.4 ${path.message}`, cause);
    if (s.to.length >= MAX_RECIPIENTS) return this.refuse(s, 'RCPT', 452, `4.5.3 Too many recipients: at most ${MAX_RECIPIENTS} per message`, cause);
    const address = path.address;
    const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
    if (domain === this.store.domain.toLowerCase()) {
      if (!this.store.isLocalAddress(address)) return this.refuse(s, 'RCPT', 550, `5.1.1 <${address}>: no such user here`, cause);
    } else if (s.user === null) {
      return this.refuse(s, 'RCPT', 550, `5.7.1 <${address}>: relaying denied (this server takes mail for ${this.store.domain} only)`, cause);
    }
    // The same recipient twice gets one copy (RFC 5321 §3.3 leaves it to the server; one mailbox, one message).
    if (!s.to.some((t) => t.toLowerCase() === address.toLowerCase())) s.to.push(address);
    this.reply(s, 250, `2.1.5 Recipient <${address}> OK`, cause);
  }

  private auth(s: Session, args: string, cause: Cause): void {
    if (!s.submission) return this.refuse(s, 'AUTH', 502, '5.5.1 AUTH is offered on the submission port only', cause);
    if (s.helo === null) return this.refuse(s, 'AUTH', 503, '5.5.1 Send EHLO first', cause);
    if (s.user !== null) return this.refuse(s, 'AUTH', 503, '5.5.1 Already authenticated', cause);
    // "AUTH mechanism [initial-response]" (RFC 4954 §4): all after the first space is the response, checked as base64.
    const space = args.indexOf(' ');
    const mechanism = space < 0 ? args : args.slice(0, space);
    const initial = space < 0 ? undefined : args.slice(space + 1);
    if (mechanism.toUpperCase() !== 'PLAIN') return this.refuse(s, 'AUTH', 504, `5.5.4 Unrecognized authentication type ${mechanism}`.trimEnd(), cause);
    if (initial === undefined || initial === '') {
      s.awaitingAuth = true;
      return this.reply(s, 334, '', cause);
    }
    this.authPlain(s, initial, cause);
  }

  /** RFC 4616 §2: base64 of authzid NUL authcid NUL passwd. "*" cancels (RFC 4954 §4). */
  private authPlain(s: Session, text: string, cause: Cause): void {
    if (text === '*') return this.refuse(s, 'AUTH', 501, '5.0.0 Authentication cancelled', cause);
    // Strict base64 (RFC 4954 §4: what is not base64 gets 501), its bytes as latin1.
    const decoded = decodeBase64Strict(text);
    const parts = decoded && String.fromCharCode(...decoded).split('\0');
    if (!parts || parts.length !== 3) return this.refuse(s, 'AUTH', 501, '5.5.2 Cannot decode the AUTH PLAIN response (base64 of authzid, NUL, user, NUL, password)', cause);
    const [, user, password] = parts as [string, string, string];
    const ok = this.store.authenticate(user, password);
    this.out.event({ type: 'smtp.authenticated', user, ok, cause, connection: s.connection });
    if (!ok) return this.refuse(s, 'AUTH', 535, '5.7.8 Authentication credentials invalid', cause);
    s.user = this.store.userNamed(user);
    this.reply(s, 235, '2.7.0 Authentication successful', cause);
  }

  private endOfData(s: Session, data: { readonly message: Uint8Array; readonly problems: MailDataProblems; readonly tooBig: boolean }, cause: Cause, now: SimTime): void {
    const { message, problems } = data;
    const from = s.from!;
    const to = s.to.splice(0);
    s.from = null;
    if (data.tooBig) return this.refuse(s, 'DATA', 552, `5.3.4 Message too big: more than ${MAX_MESSAGE_BYTES} octets`, cause);
    if (problems.firstEightBit !== null) return this.refuse(s, 'DATA', 554, `5.6.1 8-bit byte at offset ${problems.firstEightBit} of the message: this server offers no 8BITMIME, so the body must be 7-bit (encode it as quoted-printable or base64)`, cause);
    if (problems.firstLongLine !== null) return this.refuse(s, 'DATA', 554, `5.6.0 A line longer than 1000 octets at offset ${problems.firstLongLine} (RFC 5321 section 4.5.3.1.6)`, cause);
    const id = `${this.nextId++}`.padStart(6, '0');
    const received = receivedField({ helo: s.helo ?? s.client, client: s.client, by: this.options.hostName, authenticated: s.user !== null, id, forOne: to.length === 1 ? to[0]! : null, at: now });
    const stored = concat(new TextEncoder().encode(received), message);
    const local = to.filter((a) => this.store.isLocalAddress(a));
    const remote = to.filter((a) => !this.store.isLocalAddress(a));
    this.out.event({ type: 'smtp.accepted', id, from, local, remote, bytes: message.length, cause, connection: s.connection });
    for (const address of local) {
      const user = address.slice(0, address.lastIndexOf('@'));
      const kept = this.store.deliver(user, stored, now);
      if (kept) this.out.event({ type: 'smtp.delivered', id, user: this.store.userNamed(user) ?? user, uid: kept.uid, bytes: stored.length, cause, connection: s.connection });
    }
    if (remote.length > 0) this.out.event({ type: 'smtp.relayNeeded', id, from, to: remote, message: stored, cause, connection: s.connection });
    this.reply(s, 250, `2.0.0 OK: queued as ${id}`, cause);
  }

  private resetTransaction(s: Session): void {
    s.from = null;
    s.to.length = 0;
    s.data = null;
  }

  private refuse(s: Session, command: string, code: number, text: string, cause: Cause): void {
    this.out.event({ type: 'smtp.refused', command, code, reason: text, cause, connection: s.connection });
    this.reply(s, code, text, cause);
  }

  /** Reply texts are ASCII (RFC 5321 §4.2): every one here is written so. */
  private reply(s: Session, code: number, lines: string | readonly string[], cause: Cause): void {
    const texts = typeof lines === 'string' ? [lines] : lines;
    this.out.write(s.socket, encodeReply(code, texts), this.out.label(summarizeReply({ code, lines: texts }), cause));
  }

  override pollTimeout(): Deadline | null {
    return idleDeadline(this.sessions.values(), (s) => (s.closing ? null : s.idleSince), ms(SERVER_TIMEOUT_MS));
  }

  override handleTimeout(now: SimTime): void {
    for (const s of this.sessions.values()) {
      if (s.closing || !idledOut(s.idleSince, ms(SERVER_TIMEOUT_MS), now)) continue;
      this.out.event({ type: 'smtp.timedOut', connection: s.connection });
      this.reply(s, 421, `4.4.2 ${this.options.hostName} Timeout: closing connection`, null);
      s.closing = true;
      this.out.close(s.socket);
    }
  }
}

/** RFC 5321 §4.4 trace field: "Received: from EHLO-name (address) by host with ESMTP id ID for <one>; date". RFC 5322 §3.3 date, zone +0000. */
export function receivedField(r: { readonly helo: string; readonly client: string; readonly by: string; readonly authenticated: boolean; readonly id: string; readonly forOne: string | null; readonly at: SimTime }): string {
  const date = formatMailDate(r.at);
  const forPart = r.forOne === null ? '' : ` for <${r.forOne}>`;
  return `Received: from ${r.helo} ([${r.client}])\r\n\tby ${r.by} with ${r.authenticated ? 'ESMTPA' : 'ESMTP'} id ${r.id}${forPart};\r\n\t${date}\r\n`;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
