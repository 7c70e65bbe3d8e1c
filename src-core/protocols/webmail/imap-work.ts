/**
 * The IMAP work behind one web page (an owner of the shared IMAP client
 * session, imap/client-session.ts). The webmail opens one IMAP connection
 * per page it builds and closes it when the page is made — what
 * stateless webmail programs (Roundcube, SquirrelMail) do per HTTP
 * request — so each page's IMAP dialogue stands whole in the trace:
 *
 * - login check (POST /login): LOGIN, LOGOUT;
 * - inbox (GET /inbox): LOGIN, SELECT "INBOX", FETCH 1:* (UID FLAGS
 *   ENVELOPE) when the folder is not empty, LOGOUT;
 * - one message (GET /message/<uid>): LOGIN, SELECT "INBOX", UID FETCH
 *   <uid> (BODY[]) — not BODY.PEEK[], so the server sets \Seen (RFC 9051
 *   §6.4.5), as opening a message in a mail reader does — LOGOUT.
 */
import type { Cause } from '../../engine/face';
import type { SimTime } from '../../sim/time';
import type { ImapDataResponse, ImapFailure, ImapRequest, ImapSessionOwner } from '../imap/client-session';
import type { InboxEntry } from './html';
import { fetchBody, fetchUid, inboxEntry } from './mail-view';

export type ImapTask = { readonly kind: 'login' } | { readonly kind: 'inbox' } | { readonly kind: 'message'; readonly uid: number };

export type ImapResult =
  | { readonly ok: true; readonly entries: readonly InboxEntry[]; readonly body: Uint8Array | null }
  | { readonly ok: false; readonly failure: ImapFailure };

export class ImapPageWork implements ImapSessionOwner {
  /** The commands sent, by name, LOGOUT included. */
  readonly commands: string[] = [];
  private exists = 0;
  private readonly entries: InboxEntry[] = [];
  private body: Uint8Array | null = null;
  private failure: ImapFailure | null = null;

  constructor(
    readonly task: ImapTask,
    private readonly credentials: { readonly user: string; readonly password: string },
    private readonly done: (result: ImapResult, cause: Cause, now: SimTime) => void,
  ) {}

  next(completed: string | null): ImapRequest | null {
    const request = this.after(completed);
    if (request) this.commands.push(request.name);
    return request;
  }

  private after(completed: string | null): ImapRequest | null {
    if (completed === null) return { name: 'LOGIN', args: [{ string: this.credentials.user }, { string: this.credentials.password }] };
    if (completed === 'LOGIN') return this.task.kind === 'login' ? null : { name: 'SELECT', args: [{ string: 'INBOX' }] };
    if (completed !== 'SELECT') return null;
    if (this.task.kind === 'message') return { name: 'UID FETCH', args: [{ atom: String(this.task.uid) }, { list: [{ atom: 'BODY[]' }] }] };
    if (this.exists === 0) return null;
    return { name: 'FETCH', args: [{ atom: '1:*' }, { list: [{ atom: 'UID' }, { atom: 'FLAGS' }, { atom: 'ENVELOPE' }] }] };
  }

  data(r: ImapDataResponse): void {
    if (r.name === 'EXISTS' && r.number !== null) this.exists = r.number;
    if (r.name !== 'FETCH') return;
    if (this.task.kind === 'inbox') {
      const entry = inboxEntry(r);
      if (entry) this.entries.push(entry);
    } else if (this.task.kind === 'message' && fetchUid(r) === this.task.uid) {
      this.body = fetchBody(r) ?? this.body;
    }
  }

  /** How many messages the pages gets: inbox lines, or the one message. */
  get messages(): number {
    return this.task.kind === 'inbox' ? this.entries.length : this.body === null ? 0 : 1;
  }

  failed(failure: ImapFailure): void {
    this.failure = failure;
  }

  loggedOut(): void {
    this.commands.push('LOGOUT');
  }

  ended(cause: Cause, now: SimTime): void {
    this.done(this.failure ? { ok: false, failure: this.failure } : { ok: true, entries: this.entries, body: this.body }, cause, now);
  }
}
