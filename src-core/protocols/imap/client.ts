/**
 * The IMAP client engine: a user agent reading a mailbox (Kurose & Ross
 * §2.3.4): connect, wait for the greeting, LOGIN, SELECT the folder, FETCH
 * 1:* (UID FLAGS RFC822.SIZE ENVELOPE), FETCH 1:* BODY[] (each body read is
 * one imap.messageRead), optionally STORE 1:* +FLAGS.SILENT (\Deleted)
 * and EXPUNGE, then LOGOUT.
 *
 * The dialogue (one command at a time, greeting, logout, what ends it) is
 * the shared client session's (client-session.ts); this engine decides
 * what to ask and reports what it read.
 *
 * Rules:
 * - A NO or BAD completion, a BYE before LOGOUT, a malformed response or a
 *   closed connection ends the reading with imap.readFailed; the session
 *   then logs out (after a NO or BAD) or closes.
 * - An empty folder (SELECT says `* 0 EXISTS`) is not fetched: LOGOUT.
 */
import type { Cause, EngineEnv, SocketAddr, SocketId, StreamEvent } from '../../engine/face';
import { EngineBase } from '../../engine/base';
import type { SimTime } from '../../sim/time';
import { ImapClientSession, type ImapDataResponse, type ImapFailure, type ImapRequest, type ImapSessionOwner } from './client-session';
import { PROTOCOL, type ImapEvent } from './events';
import { textOf, type ImapValue } from './syntax';

export interface ImapReadCommand {
  readonly server: SocketAddr;
  readonly user: string;
  readonly password: string;
  readonly folder: string;
  readonly deleteAfter: boolean;
}

type Step = 'login' | 'select' | 'envelopes' | 'bodies' | 'delete' | 'expunge' | 'logout';

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

export class ImapClientEngine extends EngineBase<ImapEvent, ImapReadCommand> implements ImapSessionOwner {
  private socket: SocketId | null = null;
  private session: ImapClientSession | null = null;
  private job: ImapReadCommand | null = null;
  private asked: Step | null = null;
  private started: SimTime = 0;
  private readonly messages = new Map<number, Seen>();
  private read = 0;
  private bytes = 0;
  private deleted = 0;

  constructor(private readonly env: EngineEnv) {
    super(PROTOCOL);
  }

  override handleCommand(command: ImapReadCommand, now: SimTime): void {
    if (this.job) return;
    this.job = command;
    this.started = now;
    const socket = this.env.socketId();
    this.socket = socket;
    this.session = new ImapClientSession({ write: (bytes, summary, cause) => this.out.write(socket, bytes, this.out.label(summary, cause)), close: () => this.out.close(socket) }, this);
    this.out.connect(socket, command.server);
  }

  override handleStream(e: StreamEvent, now: SimTime): void {
    if (e.socket !== this.socket) return;
    this.session?.stream(e, now);
  }

  /** The reading, one step after another (`asked`: the last command sent): LOGIN, SELECT, the envelopes, the bodies, with deleteAfter STORE and EXPUNGE. */
  next(): ImapRequest | null {
    const job = this.job!;
    const all = { atom: '1:*' };
    this.asked = this.nextStep();
    switch (this.asked) {
      case 'login':
        return { name: 'LOGIN', args: [{ string: job.user }, { string: job.password }] };
      case 'select':
        return { name: 'SELECT', args: [{ string: job.folder }] };
      case 'envelopes':
        return { name: 'FETCH', args: [all, { list: [{ atom: 'UID' }, { atom: 'FLAGS' }, { atom: 'RFC822.SIZE' }, { atom: 'ENVELOPE' }] }] };
      case 'bodies':
        return { name: 'FETCH', args: [all, { list: [{ atom: 'UID' }, { atom: 'BODY[]' }] }] };
      case 'delete':
        return { name: 'STORE', args: [all, { atom: '+FLAGS.SILENT' }, { list: [{ atom: '\\Deleted' }] }] };
      case 'expunge':
        return { name: 'EXPUNGE', args: [] };
      case 'logout':
        return null;
    }
  }

  private nextStep(): Step {
    switch (this.asked) {
      case null:
        return 'login';
      case 'login':
        return 'select';
      case 'select':
        return this.session!.exists === 0 ? 'logout' : 'envelopes';
      case 'envelopes':
        return 'bodies';
      case 'bodies':
        return this.job!.deleteAfter ? 'delete' : 'logout';
      case 'delete':
        return 'expunge';
      default:
        return 'logout';
    }
  }

  data(r: ImapDataResponse, cause: Cause): void {
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
      this.out.event({ type: 'imap.messageRead', uid, size: body.bytes.length, subject: seen.subject, flags: seen.flags, cause, connection: this.session!.connection });
    }
  }

  loggedOut(cause: Cause, now: SimTime): void {
    const job = this.job!;
    if (this.session!.failedWith === null) this.out.event({ type: 'imap.mailboxRead', user: job.user, folder: job.folder, messages: this.read, bytes: this.bytes, deleted: this.deleted, elapsed: now - this.started, cause, connection: this.session!.connection });
  }

  failed(failure: ImapFailure, cause: Cause): void {
    const connection = this.session!.connection;
    this.out.event({ type: 'imap.readFailed', reason: failure.reason, cause, connection: connection === '' ? null : connection });
  }
}
