/**
 * The IMAP client engine: a user agent reading a mailbox (Kurose & Ross
 * §2.3.4): connect, wait for the greeting, LOGIN, SELECT the folder, FETCH
 * 1:* (UID FLAGS RFC822.SIZE ENVELOPE), FETCH 1:* BODY[] (each body read is
 * one imap.messageRead), optionally STORE 1:* +FLAGS.SILENT (\Deleted)
 * and EXPUNGE, then LOGOUT.
 *
 * Rules:
 * - One command at a time: the next goes out when the tagged completion of
 *   the last one has come (tags A1, A2 …, RFC 9051 §2.2.1).
 * - A NO or BAD completion, a BYE before LOGOUT, a malformed response or a
 *   closed connection ends the reading with imap.readFailed; the client
 *   then logs out (after a NO) or closes.
 * - Strings it sends are quoted (user names and passwords of the store are
 *   printable ASCII, mail/schema.ts), so it never waits for a "+ ".
 */
import type { EngineEnv, SocketAddr, SocketId, StreamEvent } from '../../engine/face';
import { EngineBase } from '../../engine/base';
import type { SimTime } from '../../sim/time';
import { encodeCommand, type CommandArg } from './command';
import { PROTOCOL, type ImapEvent } from './events';
import { ImapReader } from './reader';
import { parseResponse, type ImapResponse } from './response';
import { commandSummary } from './summary';
import { textOf, type ImapValue } from './syntax';

export interface ImapReadCommand {
  readonly server: SocketAddr;
  readonly user: string;
  readonly password: string;
  readonly folder: string;
  readonly deleteAfter: boolean;
}

type Step = 'greeting' | 'login' | 'select' | 'envelopes' | 'bodies' | 'delete' | 'expunge' | 'logout' | 'done';

interface Seen {
  uid: number;
  size: number;
  subject: string | null;
  flags: string[];
}

/** The name → value pairs of a FETCH response's list. */
export function fetchPairs(values: readonly ImapValue[]): Map<string, ImapValue> {
  const pairs = new Map<string, ImapValue>();
  const list = values[0];
  if (list?.kind !== 'list') return pairs;
  for (let i = 0; i + 1 < list.items.length; i += 2) {
    const name = list.items[i]!;
    if (name.kind === 'atom') pairs.set(name.text.toUpperCase(), list.items[i + 1]!);
  }
  return pairs;
}

export class ImapClientEngine extends EngineBase<ImapEvent, ImapReadCommand> {
  private socket: SocketId | null = null;
  private connection = '';
  private job: ImapReadCommand | null = null;
  private readonly reader = new ImapReader({ maxLineBytes: 65_536, maxLiteralBytes: 64 * 1024 * 1024 });
  private step: Step = 'greeting';
  private tagCount = 0;
  private exists = 0;
  private started: SimTime = 0;
  private readonly messages = new Map<number, Seen>();
  private read = 0;
  private bytes = 0;
  private deleted = 0;
  private failed = false;

  constructor(private readonly env: EngineEnv) {
    super(PROTOCOL);
  }

  override handleCommand(command: ImapReadCommand, now: SimTime): void {
    if (this.job) return;
    this.job = command;
    this.started = now;
    this.socket = this.env.socketId();
    this.out.connect(this.socket, command.server);
  }

  override handleStream(e: StreamEvent, now: SimTime): void {
    if (e.socket !== this.socket) return;
    switch (e.type) {
      case 'connected':
        this.connection = e.connection;
        return;
      case 'data': {
        let k = 0;
        for (const output of this.reader.push(e.data)) {
          if (output.kind === 'literalWanted') continue;
          const cause = e.messages[k++] ?? null;
          if (output.kind === 'error') return this.fail(output.error.message, cause, true);
          const parsed = parseResponse(output.unit);
          if (!parsed.ok) return this.fail(`malformed response: ${parsed.error.message}`, cause, true);
          this.respond(parsed.response, cause, now);
          if (this.step === 'done' || this.failed) return;
        }
        return;
      }
      case 'peerClosed':
      case 'closed':
        if (this.step !== 'done' && !this.failed) this.fail(e.type === 'closed' && e.reason !== 'closed' ? `the connection was ${e.reason}` : 'the server closed the connection', null, e.type === 'peerClosed');
        return;
      case 'failed':
        this.fail(`could not connect: ${e.detail}`, null, false);
        return;
      default:
        return;
    }
  }

  private send(name: string, args: CommandArg[], cause: number | null): void {
    const tag = `A${++this.tagCount}`;
    const bytes = encodeCommand(tag, name, args);
    this.out.write(this.socket!, bytes, this.out.label(commandSummary({ bytes, offset: 0, literals: [] }), cause));
  }

  private respond(r: ImapResponse, cause: number | null, now: SimTime): void {
    const job = this.job!;
    if (r.kind === 'status' && r.status === 'BYE' && this.step !== 'logout') return this.fail(`the server said BYE: ${r.text}`, cause, true);
    if (r.kind === 'data') return this.data(r, cause);
    if (this.step === 'greeting') {
      if (r.kind !== 'status' || r.status !== 'OK') return this.fail('the greeting is not OK', cause, true);
      this.step = 'login';
      this.send('LOGIN', [{ string: job.user }, { string: job.password }], cause);
      return;
    }
    if (r.kind !== 'tagged') return;
    if (r.tag !== `A${this.tagCount}`) return;
    if (r.status !== 'OK') {
      if (this.step === 'logout') return this.finish(cause, now);
      this.fail(`${this.step === 'login' ? 'LOGIN' : this.step.toUpperCase()} refused: ${r.status} ${r.code ? `[${r.code}] ` : ''}${r.text}`, cause, false);
      this.step = 'logout';
      this.send('LOGOUT', [], cause);
      return;
    }
    switch (this.step) {
      case 'login':
        this.step = 'select';
        this.send('SELECT', [{ string: job.folder }], cause);
        return;
      case 'select':
        if (this.exists === 0) return this.logout(cause);
        this.step = 'envelopes';
        this.send('FETCH', [{ atom: '1:*' }, { list: [{ atom: 'UID' }, { atom: 'FLAGS' }, { atom: 'RFC822.SIZE' }, { atom: 'ENVELOPE' }] }], cause);
        return;
      case 'envelopes':
        this.step = 'bodies';
        this.send('FETCH', [{ atom: '1:*' }, { list: [{ atom: 'UID' }, { atom: 'BODY[]' }] }], cause);
        return;
      case 'bodies':
        if (!job.deleteAfter) return this.logout(cause);
        this.step = 'delete';
        this.send('STORE', [{ atom: '1:*' }, { atom: '+FLAGS.SILENT' }, { list: [{ atom: '\\Deleted' }] }], cause);
        return;
      case 'delete':
        this.step = 'expunge';
        this.send('EXPUNGE', [], cause);
        return;
      case 'expunge':
        return this.logout(cause);
      case 'logout':
        return this.finish(cause, now);
      default:
        return;
    }
  }

  private data(r: Extract<ImapResponse, { kind: 'data' }>, cause: number | null): void {
    if (r.name === 'EXISTS' && r.number !== null) this.exists = r.number;
    if (r.name === 'EXPUNGE') this.deleted++;
    if (r.name !== 'FETCH' || r.number === null) return;
    const pairs = fetchPairs(r.values);
    const uid = Number(textOf(pairs.get('UID')) ?? NaN);
    if (!Number.isInteger(uid)) return;
    const seen = this.messages.get(uid) ?? { uid, size: 0, subject: null, flags: [] };
    this.messages.set(uid, seen);
    const size = textOf(pairs.get('RFC822.SIZE'));
    if (size !== null) seen.size = Number(size);
    const flags = pairs.get('FLAGS');
    if (flags?.kind === 'list') seen.flags = flags.items.map((f) => textOf(f) ?? '');
    const envelope = pairs.get('ENVELOPE');
    if (envelope?.kind === 'list') seen.subject = textOf(envelope.items[1]);
    const body = pairs.get('BODY[]');
    if (body?.kind === 'string') {
      seen.size = body.bytes.length;
      this.read++;
      this.bytes += body.bytes.length;
      this.out.event({ type: 'imap.messageRead', uid, size: body.bytes.length, subject: seen.subject, flags: seen.flags, cause, connection: this.connection });
    }
  }

  private logout(cause: number | null): void {
    this.step = 'logout';
    this.send('LOGOUT', [], cause);
  }

  private finish(cause: number | null, now: SimTime): void {
    const job = this.job!;
    this.step = 'done';
    if (!this.failed) this.out.event({ type: 'imap.mailboxRead', user: job.user, folder: job.folder, messages: this.read, bytes: this.bytes, deleted: this.deleted, elapsed: now - this.started, cause, connection: this.connection });
    this.out.close(this.socket!);
  }

  private fail(reason: string, cause: number | null, close: boolean): void {
    if (this.failed) return;
    this.failed = true;
    this.out.event({ type: 'imap.readFailed', reason, cause, connection: this.connection === '' ? null : this.connection });
    if (close && this.socket !== null) {
      this.step = 'done';
      this.out.close(this.socket);
    }
  }
}

