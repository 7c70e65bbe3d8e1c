/**
 * The browsers' side of the proxy (proxy.ts): the connections its clients
 * open, the requests read from them, the answers written back.
 *
 * Rules:
 * - A request names its target in absolute form (RFC 9112 §3.2.2); one in
 *   origin form ("/a.jpg") is taken for the host its Host field names. A
 *   target that is still not an http URL is answered 400 at once.
 * - Bytes that are not a request are traced (http.malformed) and answered
 *   400 (505 for an unsupported version, server-respond.ts); the connection
 *   closes after that answer and nothing more is read from it.
 * - Answers go back in the order of the requests (pipelined requests are
 *   allowed, RFC 9112 §9.3.2), each as soon as it and those before it are
 *   ready.
 * - A request that does not keep the connection alive (RFC 9112 §9.3:
 *   HTTP/1.0 without keep-alive, or Connection: close) ends it after its
 *   answer, which says Connection: close; a client that closes its side
 *   gets the answers still owed, then the proxy closes too.
 * - Each request answered is an http.proxyServed event (`servedEvent`).
 */
import type { Cause, SocketId, StreamEvent } from '../../engine/face';
import type { Outbox } from '../../engine/outbox';
import type { SimTime } from '../../sim/time';
import { parseHttpUrl, type HttpUrl } from './browser-request';
import { encodeResponse } from './encode';
import type { HttpEvent, KeptCopy } from './events';
import type { HeaderField, HttpRequest, HttpResponse } from './message';
import { HttpParser } from './parser';
import { answerMalformed, keepsAlive, REASONS, respondWith } from './server-respond';
import { responseSummary } from './summary';

/** A client's request while the proxy works on it. */
export interface Pending {
  readonly client: SocketId;
  readonly request: HttpRequest;
  readonly url: HttpUrl;
  /** The client's request message. */
  readonly cause: Cause;
  readonly close: boolean;
  /** The validators of the cache's stale copy, for the request to the origin (a conditional GET); empty: none. */
  conditional: readonly HeaderField[];
  /** The answer for the client, once known. */
  answer: HttpResponse | null;
  /** The message the answer follows from (the origin's response, or the client's request for a hit). */
  answerCause: Cause;
  /** When the request went to the origin (request_time of RFC 9111 §4.2.3). */
  requestTime: SimTime;
}

export type ServedHow = 'hit' | 'miss' | 'revalidated' | 'passed' | 'error';

/** What the proxy's engine does with a client's request for an http URL. */
export interface ClientHooks {
  /** Answers it at once (a hit: the answer) or sends it on to its origin (null). */
  request(p: Pending, connection: string, now: SimTime): HttpResponse | null;
  /** Every request of one read from a client is in: they may go to their origins. */
  readDone(now: SimTime): void;
}

interface ClientSide {
  readonly parser: HttpParser;
  readonly connection: string;
  /** This client's requests in order; answers leave from the front. */
  readonly queue: Pending[];
  closing: boolean;
}

const NO_URL: HttpUrl = { href: '', host: '', port: 80, target: '/' };

export class ProxyClients {
  private readonly clients = new Map<SocketId, ClientSide>();

  constructor(
    private readonly out: Outbox<HttpEvent>,
    private readonly via: string,
    private readonly hooks: ClientHooks,
  ) {}

  /** A client's connection, accepted on the proxy's listener. */
  accept(socket: SocketId, connection: string): void {
    this.clients.set(socket, { parser: new HttpParser('request'), connection, queue: [], closing: false });
  }

  /** Takes a stream event when it is on a client's connection; false when it is not. */
  handle(e: StreamEvent, now: SimTime): boolean {
    const c = this.clients.get(e.socket);
    if (!c) return false;
    const socket = e.socket;
    if (e.type === 'data') {
      if (c.closing) return true;
      let k = 0;
      for (const parsed of c.parser.push(e.data)) {
        const cause = e.messages[k++] ?? null;
        if (!parsed.ok) {
          this.out.event({ type: 'http.malformed', reason: parsed.error.message, offset: parsed.error.offset, cause, connection: c.connection });
          const bad = answerMalformed(parsed.error.message, parsed.error.code === 'unsupported-version', now);
          c.queue.push({ client: socket, request: { kind: 'request', method: 'GET', target: '/', version: 'HTTP/1.1', headers: [], body: new Uint8Array(0) }, url: NO_URL, cause, close: true, conditional: [], answer: bad, answerCause: cause, requestTime: now });
          c.closing = true;
          break;
        }
        if (parsed.message.kind === 'request') this.requested(socket, c, parsed.message, cause, now);
      }
      this.flush(socket, c);
      this.hooks.readDone(now);
    } else if (e.type === 'peerClosed') {
      if (!c.closing && c.queue.length === 0) {
        c.closing = true;
        this.out.close(socket);
      } else c.closing = true;
    } else if (e.type === 'closed') {
      this.clients.delete(socket);
    }
    return true;
  }

  /** The name of the connection `p` came on ('' once it is gone). */
  connectionOf(p: Pending): string {
    return this.clients.get(p.client)?.connection ?? '';
  }

  /** `p`'s answer is known: written now if those before it are out. */
  answered(p: Pending, answer: HttpResponse, cause: Cause): void {
    p.answer = answer;
    p.answerCause = cause;
    const c = this.clients.get(p.client);
    if (c) this.flush(p.client, c);
  }

  private requested(socket: SocketId, c: ClientSide, request: HttpRequest, cause: Cause, now: SimTime): void {
    const url = parseHttpUrl(request.target) ?? (request.target.startsWith('/') ? parseHttpUrl(`http://${hostOf(request)}${request.target}`) : null);
    const close = !keepsAlive(request);
    const pending: Pending = { client: socket, request, url: url ?? NO_URL, cause, close, conditional: [], answer: null, answerCause: cause, requestTime: now };
    c.queue.push(pending);
    if (!url) {
      pending.answer = errorAnswer(400, `the target ${request.target} is not an http URL (a proxy is asked in absolute form, RFC 9112 §3.2.2)`, this.via, now, close);
      this.out.event(servedEvent(pending, 'error', 400, null, c.connection, null));
      return;
    }
    pending.answer = this.hooks.request(pending, c.connection, now);
  }

  /** Writes the answers that are ready, in request order; closes when one says close. */
  private flush(socket: SocketId, c: ClientSide): void {
    while (c.queue.length > 0 && c.queue[0]!.answer !== null) {
      const p = c.queue.shift()!;
      const answer = p.answer!;
      this.out.write(socket, encodeResponse(answer), this.out.label(responseSummary(answer, p.request.method), p.answerCause));
      if (p.close) {
        c.closing = true;
        c.queue.length = 0;
        this.out.close(socket);
        return;
      }
    }
    if (c.closing && c.queue.length === 0) this.out.close(socket);
  }
}

/** The proxy's own answer when it cannot serve a request (400, 502): a line of text saying why, with its Via. */
export function errorAnswer(status: number, why: string, via: string, now: SimTime, close: boolean): HttpResponse {
  return respondWith(status, new TextEncoder().encode(`${REASONS[status] ?? ''}: ${why}\n`), [{ name: 'Content-Type', value: 'text/plain; charset=utf-8' }, { name: 'Via', value: via }], now, close ? 'close' : null);
}

/** The http.proxyServed event for `p`: how it was served, the status, a hit's age (s), the copy the cache now keeps. */
export function servedEvent(p: Pending, how: ServedHow, status: number, age: number | null, connection: string, kept: KeptCopy | null): HttpEvent {
  return { type: 'http.proxyServed', url: p.url.href || p.request.target, method: p.request.method, how, status, age, kept, cause: p.cause, connection };
}

function hostOf(request: HttpRequest): string {
  return request.headers.find((h) => h.name.toLowerCase() === 'host')?.value ?? '';
}
