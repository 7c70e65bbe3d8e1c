/**
 * The webmail engine (engine/face.ts): an HTTP/1.1 server in front of an
 * IMAP server. Browsers speak HTTP to it; it speaks IMAP to the mail
 * server, as a client, and makes its pages from what IMAP returns — the
 * mail stays on the mail server. Its HTTP is the HTTP module's (parser,
 * encoder, Date and Server fields, keep-alive rules); its IMAP is the
 * shared client session (imap/client-session.ts). See docs/webmail.md.
 *
 * Rules:
 * - Requests on one connection are answered one at a time, in the order
 *   they came (RFC 9112 §9.3.2); a request whose page needs IMAP waits
 *   for its IMAP work (imap-work.ts: one IMAP connection per page), and
 *   the requests behind it wait too.
 * - POST /login: the credentials are tried with IMAP LOGIN. Accepted: a
 *   new session (sessions.ts), 303 See Other to /inbox with Set-Cookie
 *   `<cookieName>=<id>; Path=/; HttpOnly; SameSite=Lax` (RFC 6265 §4.1,
 *   RFC 9110 §15.4.4). Refused (NO): 403 and the login form saying what
 *   the IMAP server answered.
 * - GET /inbox and /message/<uid> need a live session: without one, 303
 *   to /login. Their pages come from IMAP; a UID the inbox lacks is 404.
 * - POST /logout ends the session: 303 to /login, and the cookie cleared
 *   (Max-Age=0, RFC 6265 §5.2.2).
 * - The IMAP server refusing the connection, breaking it, saying NO or
 *   BAD or sending what is not IMAP: 502 Bad Gateway saying why; no answer
 *   within IMAP_REPLY_TIMEOUT_MS: 504 Gateway Timeout (RFC 9110 §15.6.3,
 *   §15.6.5).
 * - Bytes that are not HTTP/1.x: 400 (505 for another version), traced,
 *   and the connection closed after the answers before it; a response that
 *   ends the connection (HTTP/1.0 without keep-alive, "Connection: close",
 *   a 400) is followed by our FIN. A persistent connection idle for the
 *   keep-alive timeout is closed (weak deadline).
 * - Mailbox pages carry Cache-Control: no-store (RFC 9111 §5.2.2.5): a
 *   mailbox is private and changes.
 */
import type { Cause, Deadline, EngineEnv, SocketAddr, SocketId, StreamEvent } from '../../engine/face';
import { earlierDeadline } from '../../engine/face';
import { EngineBase } from '../../engine/base';
import { idleDeadline, idledOut } from '../../engine/idle';
import { ms, type SimTime } from '../../sim/time';
import { formatSetCookie } from '../http/cookie-parse';
import { encodeResponse } from '../http/encode';
import type { HeaderField, HttpRequest } from '../http/message';
import { HttpParser } from '../http/parser';
import { answerMalformed, keepsAlive, REASONS, respondWith } from '../http/server-respond';
import { responseSummary } from '../http/summary';
import { ImapClientSession } from '../imap/client-session';
import { PROTOCOL as IMAP_PROTOCOL } from '../imap/events';
import { PROTOCOL, type WebmailEvent } from './events';
import { errorPage, inboxPage, loginPage, messagePage, redirectPage } from './html';
import { ImapPageWork, type ImapResult, type ImapTask } from './imap-work';
import { messageView } from './mail-view';
import { route, sessionCookie, type Route } from './routes';
import { SESSION_IDLE_MS, SessionTable } from './sessions';

/** How long the webmail waits for each IMAP response before giving the browser a 504: a page cannot wait minutes. */
export const IMAP_REPLY_TIMEOUT_MS = 10_000;

export interface WebmailOptions {
  readonly port: number;
  readonly imap: SocketAddr;
  readonly cookieName: string;
  /** ns */
  readonly keepAliveTimeout: SimTime;
}

interface Pending {
  readonly request: HttpRequest | null;
  /** For a malformed request (`request` null): what the parser said. */
  readonly malformed: { readonly reason: string; readonly offset: number; readonly version: boolean } | null;
  readonly cause: Cause;
  readonly arrived: SimTime;
}

interface HttpConnection {
  readonly socket: SocketId;
  readonly parser: HttpParser;
  readonly connection: string;
  readonly queue: Pending[];
  /** The head of the queue waits for its IMAP work. */
  busy: boolean;
  /** No more requests are read (a malformed one, or the peer's FIN); closed once the queue is answered. */
  reading: boolean;
  /** Our FIN is sent. */
  closed: boolean;
  idleSince: SimTime | null;
}

interface ImapJob {
  readonly session: ImapClientSession;
  readonly work: ImapPageWork;
  readonly http: HttpConnection;
  readonly pending: Pending;
  readonly user: string;
  readonly password: string;
  readonly started: SimTime;
}

const HTML = 'text/html; charset=utf-8';
const encoder = new TextEncoder();

export class WebmailEngine extends EngineBase<WebmailEvent> {
  private readonly listener: SocketId;
  private readonly http = new Map<SocketId, HttpConnection>();
  private readonly jobs = new Map<SocketId, ImapJob>();
  private readonly sessions: SessionTable;

  constructor(
    private readonly env: EngineEnv,
    private readonly options: WebmailOptions,
  ) {
    super(PROTOCOL);
    this.sessions = new SessionTable(() => env.random32());
    this.listener = env.socketId();
    this.out.listen(this.listener, options.port);
  }

  override handleStream(e: StreamEvent, now: SimTime): void {
    const job = this.jobs.get(e.socket);
    if (job) {
      job.session.stream(e, now);
      return;
    }
    switch (e.type) {
      case 'accepted':
        if (e.listener === this.listener) this.http.set(e.socket, { socket: e.socket, parser: new HttpParser('request'), connection: e.connection, queue: [], busy: false, reading: true, closed: false, idleSince: now });
        return;
      case 'data':
        this.read(e.socket, e.data, e.messages, now);
        return;
      case 'peerClosed': {
        const c = this.http.get(e.socket);
        if (!c) return;
        c.reading = false;
        this.serve(c, now);
        return;
      }
      case 'closed':
        this.http.delete(e.socket);
        return;
      default:
        return;
    }
  }

  private read(socket: SocketId, data: Uint8Array, messages: readonly number[], now: SimTime): void {
    const c = this.http.get(socket);
    if (!c || !c.reading) return;
    c.idleSince = null;
    let k = 0; // requests completed in this chunk ↔ the trace messages whose last byte is in it
    for (const parsed of c.parser.push(data)) {
      const cause = messages[k++] ?? null;
      if (!parsed.ok) {
        c.queue.push({ request: null, malformed: { reason: parsed.error.message, offset: parsed.error.offset, version: parsed.error.code === 'unsupported-version' }, cause, arrived: now });
        c.reading = false;
        break;
      }
      if (parsed.message.kind === 'request') c.queue.push({ request: parsed.message, malformed: null, cause, arrived: now });
    }
    this.serve(c, now);
  }

  /** Answers the queue's requests in order until one waits for IMAP; closes when reading is over and nothing is left. */
  private serve(c: HttpConnection, now: SimTime): void {
    while (!c.busy && !c.closed && c.queue.length > 0) {
      const p = c.queue[0]!;
      if (p.request === null) {
        const m = p.malformed!;
        this.out.event({ type: 'webmail.malformed', reason: m.reason, offset: m.offset, cause: p.cause, connection: c.connection });
        const response = answerMalformed(m.reason, m.version, now);
        this.out.write(c.socket, encodeResponse(response), { protocol: 'http', summary: responseSummary(response), causedBy: p.cause });
        this.answered(c, p, response.status, null, m.reason, now);
        this.finish(c);
        return;
      }
      this.start(c, p, route(p.request), now);
    }
    if (c.closed) return;
    if (!c.busy && c.queue.length === 0) {
      if (!c.reading) this.finish(c);
      else if (c.parser.partial() === null) c.idleSince = now;
    }
  }

  /** The route's answer now, or its IMAP work started (the connection then waits). */
  private start(c: HttpConnection, p: Pending, r: Route, now: SimTime): void {
    const request = p.request!;
    const session = this.sessions.use(sessionCookie(request, this.options.cookieName), now) ?? null;
    switch (r.kind) {
      case 'refused':
        return this.respond(c, p, r.status, errorPage(`${r.status} ${statusText(r.status)}`, r.reason), r.allow === undefined ? [] : [{ name: 'Allow', value: r.allow }], session?.user ?? null, r.reason, now, r.status === 400);
      case 'root':
        return this.redirect(c, p, session ? '/inbox' : '/login', [], session?.user ?? null, session ? 'logged in: to the inbox' : 'no session: to the login page', now);
      case 'loginForm':
        return this.respond(c, p, 200, loginPage(null), [], session?.user ?? null, 'the login form', now);
      case 'login':
        return this.imap(c, p, { kind: 'login' }, { user: r.user, password: r.password }, now);
      case 'logout': {
        const cleared = formatSetCookie({ name: this.options.cookieName, value: '', path: '/', httpOnly: true, maxAge: 0 });
        if (session) {
          this.sessions.end(session.id);
          this.out.event({ type: 'webmail.sessionEnded', user: session.user, session: session.id, reason: 'logout', cause: p.cause, connection: c.connection });
        }
        return this.redirect(c, p, '/login', [{ name: 'Set-Cookie', value: cleared }], session?.user ?? null, session ? 'logged out' : 'no session to end', now);
      }
      case 'inbox':
      case 'message':
        if (!session) return this.redirect(c, p, '/login', [], null, 'no session: to the login page', now);
        return this.imap(c, p, r.kind === 'inbox' ? { kind: 'inbox' } : { kind: 'message', uid: r.uid }, session, now);
    }
  }

  /** Opens an IMAP connection for the page; the connection's queue waits until it is done. */
  private imap(c: HttpConnection, p: Pending, task: ImapTask, who: { readonly user: string; readonly password: string }, now: SimTime): void {
    c.busy = true;
    const socket = this.env.socketId();
    const work = new ImapPageWork(task, who, (result, cause, at) => this.imapEnded(socket, result, cause, at));
    const session = new ImapClientSession(
      {
        write: (bytes, summary, cause) => this.out.write(socket, bytes, { protocol: IMAP_PROTOCOL, summary, causedBy: cause }),
        close: () => this.out.close(socket),
      },
      work,
      { replyTimeout: ms(IMAP_REPLY_TIMEOUT_MS) },
    );
    this.jobs.set(socket, { session, work, http: c, pending: p, user: who.user, password: who.password, started: now });
    this.out.connect(socket, this.options.imap);
  }

  private imapEnded(socket: SocketId, result: ImapResult, cause: Cause, now: SimTime): void {
    const job = this.jobs.get(socket);
    if (!job) return;
    this.jobs.delete(socket);
    const { http: c, pending: p, work, user } = job;
    const page = p.request ? pathOf(p.request) : '';
    const at = { cause: cause ?? p.cause, connection: job.session.connection === '' ? c.connection : job.session.connection };
    if (result.ok) this.out.event({ type: 'webmail.imapDone', user, page, commands: work.commands, messages: work.messages, elapsed: now - job.started, ...at });
    else if (!(work.task.kind === 'login' && result.failure.refused?.command === 'LOGIN')) this.out.event({ type: 'webmail.imapFailed', user, page, reason: result.failure.reason, ...at });
    c.busy = false;
    if (!c.closed && this.http.has(c.socket)) this.pageFrom(c, { ...p, cause: cause ?? p.cause }, job, result, now);
    else c.queue.shift(); // the browser has gone: nobody to answer
    this.serve(c, now);
  }

  /** The page the IMAP work made (or the error it ran into), for the head of the queue; `p` is it, caused by the IMAP message that ended the work. */
  private pageFrom(c: HttpConnection, p: Pending, job: ImapJob, result: ImapResult, now: SimTime): void {
    const { work, user } = job;
    if (!result.ok) {
      const f = result.failure;
      if (work.task.kind === 'login' && f.refused?.command === 'LOGIN' && f.refused.status === 'NO') {
        this.out.event({ type: 'webmail.loginRefused', user, reason: f.reason, cause: p.cause, connection: c.connection });
        return this.respond(c, p, 403, loginPage(`The mail server refused the login: ${f.refused.status}${f.refused.code ? ` [${f.refused.code}]` : ''} ${f.refused.text}`), [], null, `login refused: ${f.reason}`, now);
      }
      const status = f.timedOut ? 504 : 502;
      return this.respond(c, p, status, errorPage(`${status} ${statusText(status)}`, `The mail server could not be read: ${f.reason}.`), [], user, f.reason, now);
    }
    switch (work.task.kind) {
      case 'login': {
        const s = this.sessions.create(user, job.password, now);
        this.out.event({ type: 'webmail.sessionCreated', user, session: s.id, cause: p.cause, connection: c.connection });
        const cookie = formatSetCookie({ name: this.options.cookieName, value: s.id, path: '/', httpOnly: true, sameSite: 'lax' });
        return this.redirect(c, p, '/inbox', [{ name: 'Set-Cookie', value: cookie }], user, 'logged in', now);
      }
      case 'inbox':
        return this.respond(c, p, 200, inboxPage(user, result.entries), [], user, `${result.entries.length} messages listed`, now);
      case 'message': {
        const uid = work.task.uid;
        if (result.body === null) return this.respond(c, p, 404, errorPage('404 Not Found', `The inbox has no message with UID ${uid}.`), [], user, `no message with UID ${uid}`, now);
        return this.respond(c, p, 200, messagePage(messageView(uid, result.body)), [], user, `message UID ${uid}, ${result.body.length} bytes`, now);
      }
    }
  }

  private redirect(c: HttpConnection, p: Pending, location: string, headers: readonly HeaderField[], user: string | null, note: string, now: SimTime): void {
    this.respond(c, p, 303, redirectPage(location), [{ name: 'Location', value: location }, ...headers], user, note, now);
  }

  /** Sends the response to the head of the queue and takes it off. */
  private respond(c: HttpConnection, p: Pending, status: number, html: string, own: readonly HeaderField[], user: string | null, note: string, now: SimTime, mustClose = false): void {
    const request = p.request!;
    const close = mustClose || !keepsAlive(request);
    const connection = close ? 'close' : request.version === 'HTTP/1.0' ? 'keep-alive' : null;
    const headers: HeaderField[] = [{ name: 'Content-Type', value: HTML }, { name: 'Cache-Control', value: 'no-store' }, ...own];
    const response = respondWith(status, encoder.encode(html), headers, now, connection, request.method === 'HEAD');
    this.out.write(c.socket, encodeResponse(response), { protocol: 'http', summary: responseSummary(response, request.method), causedBy: p.cause });
    c.queue.shift();
    this.answered(c, p, status, user, note, now);
    if (close) this.finish(c);
  }

  private answered(c: HttpConnection, p: Pending, status: number, user: string | null, note: string, now: SimTime): void {
    this.out.event({ type: 'webmail.answered', method: p.request?.method ?? '', target: p.request?.target ?? '', status, user, note, elapsed: now - p.arrived, cause: p.cause, connection: c.connection });
  }

  private finish(c: HttpConnection): void {
    if (c.closed) return;
    c.closed = true;
    c.reading = false;
    c.queue.length = 0;
    this.out.close(c.socket);
  }

  override pollTimeout(): Deadline | null {
    let deadline = idleDeadline(this.http.values(), (c) => (c.closed || c.busy || c.queue.length > 0 ? null : c.idleSince), this.options.keepAliveTimeout);
    deadline = earlierDeadline(deadline, idleDeadline(this.sessions.all(), (s) => s.lastUsed, ms(SESSION_IDLE_MS)));
    for (const job of this.jobs.values()) {
      const at = job.session.timeout;
      if (at !== null) deadline = earlierDeadline(deadline, { at, weak: false });
    }
    return deadline;
  }

  override handleTimeout(now: SimTime): void {
    for (const job of [...this.jobs.values()]) job.session.timedOut(now);
    for (const s of this.sessions.expire(now)) this.out.event({ type: 'webmail.sessionEnded', user: s.user, session: s.id, reason: 'expired', cause: null, connection: null });
    for (const c of this.http.values()) {
      if (c.closed || c.busy || c.queue.length > 0 || !idledOut(c.idleSince, this.options.keepAliveTimeout, now)) continue;
      this.out.event({ type: 'webmail.idleClosed', idle: now - c.idleSince!, connection: c.connection });
      this.finish(c);
    }
  }
}

function statusText(status: number): string {
  return REASONS[status] ?? '';
}

function pathOf(request: HttpRequest): string {
  return request.target.split(/[?#]/)[0]!;
}
