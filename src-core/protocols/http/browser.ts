/**
 * The browser engine (engine/face.ts): loads a page — the base HTML, then
 * every object the HTML it received references (html-refs.ts) — over
 * HTTP/1.x in one of the course's three ways:
 * - non-persistent (HTTP/1.0): one TCP connection per object; up to
 *   `maxConnections` at once (1: serial, Kurose & Ross §2.2.2: 2 RTT per
 *   object);
 * - persistent (HTTP/1.1) without pipelining: each connection carries one
 *   request at a time and is kept for the next (1 RTT per object once open);
 * - pipelined (RFC 9112 §9.3.2): every request of the page a connection
 *   carries goes out at once, the responses come back in order (1 RTT for
 *   all the referenced objects).
 *
 * Rules:
 * - With an explicit proxy every request goes to it, its target the whole
 *   URL (RFC 9112 §3.2.2): the proxy resolves the servers' names, and the
 *   per-server limit counts connections to the proxy.
 * - Host names are resolved before connecting: an IPv4 address is used as
 *   it is; otherwise the engine emits http.resolveNeeded and waits for a
 *   `resolved` command (the module's glue asks the node's stub resolver, or
 *   its hosts file); each name is asked once per browser.
 * - The page's objects are fetched in document order, the next one as soon
 *   as a connection to its server may take it. Connections are counted per
 *   server (host and port): at most `maxConnections` open to each.
 * - A response that is a redirect (301, 302, 303, 307, 308 with Location)
 *   is followed, at most MAX_REDIRECTS times per object.
 * - The page is loaded when the base and every object it references have
 *   arrived (error statuses included); then the browser closes its
 *   persistent connections (a real one would keep them for the next page,
 *   until the server's keep-alive timeout).
 * - A connection that breaks loses the requests in flight on it (those
 *   objects fail); requests assigned to it but not yet sent go to another.
 * - A response that is not HTTP/1.x is traced (http.malformed) and its
 *   connection aborted; its objects fail.
 * - Cookies (RFC 6265): every request carries the Cookie header the node's
 *   jar gives for its URL (browser-store.ts: the jar outlives the page
 *   load), and every response's Set-Cookie fields go into the jar.
 * - The node's cache (browser-cache.ts, RFC 9111, kept across page loads)
 *   is asked before each request: a fresh copy answers at once, with no
 *   request sent; a stale one is validated by a conditional GET, whose 304
 *   gives back the stored body.
 */
import type { Cause, EngineEnv, SocketAddr, SocketId, StreamEvent } from '../../engine/face';
import { EngineBase } from '../../engine/base';
import { parseIpv4 } from '../../net/ipv4';
import type { SimTime } from '../../sim/time';
import { chooseConnection } from './browser-connections';
import { browserRequest, parseHttpUrl, type HttpUrl } from './browser-request';
import type { BrowserStore } from './browser-store';
import { ObjectCache, type CachedObject } from './object-cache';
import { CookieJar } from './cookies';
import { encodeRequest } from './encode';
import { PROTOCOL, type HttpEvent, type ObjectPhases, type ObjectSeen } from './events';
import { findHtmlRefs } from './html-refs';
import { headerValue, type HeaderField, type HttpResponse } from './message';
import { epochSecondsAt, formatHttpDate } from './http-date';
import { isHtml } from './media-types';
import { SIM_EPOCH_S } from './objects';
import { HttpParser } from './parser';
import type { BrowseMode } from './schema';
import { requestSummary } from './summary';

export const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export type BrowserCommand =
  | { readonly kind: 'browse'; readonly url: string; readonly mode: BrowseMode; readonly maxConnections: number; readonly proxy: SocketAddr | null }
  /** One request of any method (a form's GET or POST, PUT, DELETE, HEAD …) over a persistent connection; no objects are looked for in its answer. */
  | { readonly kind: 'request'; readonly url: string; readonly method: string; readonly body: Uint8Array; readonly contentType: string | null; readonly proxy: SocketAddr | null }
  /** The address of `host` (32-bit), or null with the reason it has none; `cause`: the DNS answer, if one was received. */
  | { readonly kind: 'resolved'; readonly host: string; readonly address: number | null; readonly reason: string; readonly cause: Cause };

/** What a fetch asks: the method, and a body with its type (form data, a file to PUT). */
interface RequestSpec {
  readonly method: string;
  readonly body: Uint8Array;
  readonly contentType: string | null;
}

const GET: RequestSpec = { method: 'GET', body: new Uint8Array(0), contentType: null };

interface Fetch {
  readonly url: HttpUrl;
  readonly isPage: boolean;
  readonly request: RequestSpec;
  readonly redirects: number;
  /** The message that made the browser want it: the page's HTML response (or a redirect), or the DNS answer for its host. */
  cause: Cause;
  /** Times it went back to its queue because its connection ended before sending it (at most once). */
  retries: number;
  /** The validators of a stale cached copy, sent with the request (a conditional GET); null: an unconditional request. */
  conditional: readonly HeaderField[] | null;
  /** The request's header fields as sent (the cache keeps them for Vary). */
  sentHeaders: readonly HeaderField[];
  /** The cache was asked about it. */
  cacheChecked: boolean;
  resolvedAt: SimTime | null;
  connectStart: SimTime | null;
  connected: SimTime | null;
  requestSent: SimTime | null;
  firstByte: SimTime | null;
  newConnection: boolean;
}

interface Connection {
  readonly socket: SocketId;
  readonly number: number;
  readonly server: string;
  readonly parser: HttpParser;
  connection: string;
  open: boolean;
  /** Assigned to it, not yet sent (waiting for the handshake, or, without pipelining, for the previous response). */
  readonly waiting: Fetch[];
  /** Sent, in order; the responses come back in this order. */
  readonly inFlight: Fetch[];
  /** Bytes of the response stream pushed to the parser so far. */
  received: number;
  /** No more requests go on it: the server said close, or it is closing. */
  done: boolean;
}

interface Page {
  readonly url: HttpUrl;
  /** A page load fetches the objects its HTML references; a request action's answer is only received. */
  readonly fetchesObjects: boolean;
  /** The explicit proxy every request goes to (absolute-form targets), or null: straight to each server. */
  readonly proxy: SocketAddr | null;
  readonly mode: BrowseMode;
  readonly maxConnections: number;
  readonly startedAt: SimTime;
  /** URLs asked for, so a page referencing one object twice fetches it once. */
  readonly seen: Set<string>;
  /** Fetches not yet assigned to a connection, by server ("host:port"), in document order. */
  readonly queues: Map<string, Fetch[]>;
  outstanding: number;
  objects: number;
  connectionsOpened: number;
  lastCause: Cause;
  finished: boolean;
}

const serverKey = (url: HttpUrl) => `${url.host}:${url.port}`;
/** With a proxy every request goes to it: one queue, one set of connections. */
const PROXY_KEY = 'proxy';

export class BrowserEngine extends EngineBase<HttpEvent, BrowserCommand> {
  private page: Page | null = null;
  /** Resolved addresses by host name; null: known not to resolve (with why). */
  private readonly addresses = new Map<string, { address: number | null; reason: string; at: SimTime }>();
  private readonly asking = new Set<string>();
  private readonly connections = new Map<SocketId, Connection>();

  constructor(
    private readonly env: EngineEnv,
    private readonly store: BrowserStore = { jar: new CookieJar(), cache: new ObjectCache({ shared: false }) },
  ) {
    super(PROTOCOL);
  }

  override handleCommand(c: BrowserCommand, now: SimTime): void {
    if (c.kind === 'resolved') {
      this.asking.delete(c.host);
      this.addresses.set(c.host, { address: c.address, reason: c.reason, at: now });
      // the first request to the host follows from the DNS answer
      for (const queue of this.page?.queues.values() ?? []) for (const f of queue) if (f.url.host === c.host && f.cause === null) f.cause = c.cause;
      this.dispatch(now, c.cause);
      return;
    }
    if (this.page && !this.page.finished) return; // one page at a time
    const url = parseHttpUrl(c.url);
    if (!url) {
      this.out.event({ type: 'http.pageFailed', url: c.url, reason: 'not an http:// URL', connection: null });
      return;
    }
    const mode = c.kind === 'browse' ? c.mode : 'persistent';
    const maxConnections = c.kind === 'browse' ? c.maxConnections : 1;
    const method = c.kind === 'browse' ? 'GET' : c.method;
    this.page = { url, fetchesObjects: c.kind === 'browse', proxy: c.proxy, mode, maxConnections, startedAt: now, seen: new Set(), queues: new Map(), outstanding: 0, objects: 0, connectionsOpened: 0, lastCause: null, finished: false };
    this.out.event({ type: 'http.pageStarted', url: url.href, mode, maxConnections, method });
    this.want(url, true, 0, null, c.kind === 'request' ? { method, body: c.body, contentType: c.contentType } : GET);
    this.dispatch(now, null);
  }

  /** Queues a fetch of `url` (once per page, redirects apart). */
  private want(url: HttpUrl, isPage: boolean, redirects: number, cause: Cause, request: RequestSpec = GET): void {
    const page = this.page!;
    if (redirects === 0 && page.seen.has(url.href)) return;
    page.seen.add(url.href);
    const key = page.proxy ? PROXY_KEY : serverKey(url);
    const queue = page.queues.get(key) ?? [];
    queue.push({ url, isPage, request, redirects, cause, retries: 0, conditional: null, sentHeaders: [], cacheChecked: false, resolvedAt: null, connectStart: null, connected: null, requestSent: null, firstByte: null, newConnection: false });
    page.queues.set(key, queue);
    page.outstanding++;
  }

  /** The address of `host`: known, a literal, or asked for (undefined while waiting). */
  private addressOf(host: string): { address: number | null; reason: string; at: SimTime | null } | undefined {
    const literal = parseIpv4(host);
    if (literal !== null) return { address: literal, reason: '', at: null };
    const known = this.addresses.get(host);
    if (known) return known;
    if (!this.asking.has(host)) {
      this.asking.add(host);
      this.out.event({ type: 'http.resolveNeeded', host });
    }
    return undefined;
  }

  /** Gives queued fetches to connections as the mode and the per-server limit allow. */
  private dispatch(now: SimTime, cause: Cause): void {
    const page = this.page;
    if (!page || page.finished) return;
    for (const [key, queue] of page.queues) {
      while (queue.length > 0) {
        const next = queue[0]!;
        const found = page.proxy ? { address: page.proxy.addr, reason: '', at: null } : this.addressOf(next.url.host);
        if (found === undefined) break;
        if (found.address === null) {
          queue.shift();
          this.failFetch(next, `${next.url.host} has no address (${found.reason})`, now);
          continue;
        }
        next.resolvedAt ??= found.at ?? now;
        if (!next.cacheChecked && next.request.method === 'GET') {
          next.cacheChecked = true;
          const lookup = this.store.cache.lookup(next.url.href, { method: 'GET', headers: browserRequest(next.url, page.mode, next.isPage).headers }, epochSecondsAt(now, SIM_EPOCH_S));
          if (lookup.action === 'use') {
            queue.shift();
            this.fromCache(next, lookup.cached, now);
            continue;
          }
          if (lookup.action === 'revalidate') next.conditional = lookup.conditional;
        }
        const connection = this.connectionFor(key, page, page.proxy?.port ?? next.url.port, found.address);
        if (!connection) break;
        queue.shift();
        if (!connection.open && connection.waiting.length === 0 && connection.inFlight.length === 0) {
          next.newConnection = true; // it opens this connection: its wait includes the handshake
          next.connectStart = now;
        }
        connection.waiting.push(next);
        if (connection.open) this.sendWaiting(connection, now);
      }
    }
    if (cause !== null) page.lastCause = cause;
    this.finishIfDone(now);
  }

  /** A connection to `key` that may take one more fetch now (browser-connections.ts), opening one if it must; null when none may. */
  private connectionFor(key: string, page: Page, port: number, address: number): Connection | null {
    const mine = [...this.connections.values()].filter((c) => c.server === key);
    const choice = chooseConnection(page.mode, page.maxConnections, mine.map((c) => ({ takesRequests: !c.done, pending: c.waiting.length + c.inFlight.length })));
    if (choice.kind === 'use') return mine[choice.index]!;
    if (choice.kind === 'wait') return null;
    const socket = this.env.socketId();
    const c: Connection = { socket, number: ++page.connectionsOpened, server: key, parser: new HttpParser('response'), connection: '', open: false, waiting: [], inFlight: [], received: 0, done: false };
    this.connections.set(socket, c);
    this.out.connect(socket, { addr: address, port });
    return c;
  }

  /** Sends what waits on an open connection: everything when pipelining, else one request when none is in flight. */
  private sendWaiting(c: Connection, now: SimTime): void {
    const page = this.page!;
    while (c.waiting.length > 0 && (page.mode === 'pipelined' || c.inFlight.length === 0)) {
      const f = c.waiting.shift()!;
      const cookies = this.store.jar.cookieHeaderFor(f.url.href, epochSecondsAt(now, SIM_EPOCH_S));
      const plain = browserRequest(f.url, page.mode, f.isPage);
      const { method, body, contentType } = f.request;
      const bodyFields = method === 'GET' || method === 'HEAD' ? [] : [...(contentType === null ? [] : [{ name: 'Content-Type', value: contentType }]), { name: 'Content-Length', value: String(body.length) }];
      const headers = [...plain.headers, ...(f.conditional ?? []), ...(cookies === null ? [] : [{ name: 'Cookie', value: cookies }]), ...bodyFields];
      // to a proxy the target is the whole URL (RFC 9112 §3.2.2)
      const request = { ...plain, method, headers, body, target: page.proxy ? f.url.href : plain.target };
      f.sentHeaders = headers;
      c.parser.expectResponseTo(request.method);
      f.requestSent = now;
      c.inFlight.push(f);
      this.out.write(c.socket, encodeRequest(request), this.out.label(requestSummary(request), f.cause));
      if (page.mode === 'non-persistent') c.done = true; // HTTP/1.0: one request per connection
    }
  }

  override handleStream(e: StreamEvent, now: SimTime): void {
    const c = this.connections.get(e.socket);
    if (!c) return;
    switch (e.type) {
      case 'connected': {
        c.open = true;
        c.connection = e.connection;
        for (const f of c.waiting) if (f.newConnection) f.connected = now;
        this.sendWaiting(c, now);
        return;
      }
      case 'data':
        this.receive(c, e.data, e.messages, now);
        return;
      case 'peerClosed':
        for (const parsed of c.parser.end()) this.completed(c, parsed.ok && parsed.message.kind === 'response' ? parsed.message : null, parsed.ok ? '' : parsed.error.message, null, now);
        c.done = true;
        this.out.close(c.socket);
        this.requeue(c, 'the server closed the connection', now);
        return;
      case 'closed': {
        this.connections.delete(c.socket);
        const why = !c.open ? (e.reason === 'reset' ? 'the server refused the connection' : 'the server did not answer the connection request') : `the connection was ${e.reason === 'reset' ? 'reset' : e.reason === 'timed-out' ? 'lost (timed out)' : 'closed before the response'}`;
        for (const f of c.inFlight.splice(0)) this.failFetch(f, why, now);
        if (c.open) this.requeue(c, why, now);
        else for (const f of c.waiting.splice(0)) this.failFetch(f, why, now);
        this.dispatch(now, null);
        return;
      }
      case 'failed':
        this.connections.delete(c.socket);
        for (const f of [...c.inFlight.splice(0), ...c.waiting.splice(0)]) this.failFetch(f, e.detail, now);
        this.dispatch(now, null);
        return;
      case 'accepted':
      case 'acked':
        return;
    }
  }

  private receive(c: Connection, data: Uint8Array, messages: readonly number[], now: SimTime): void {
    const head = c.inFlight[0];
    if (head && head.firstByte === null && data.length > 0) head.firstByte = now;
    c.received += data.length;
    let k = 0;
    for (const parsed of c.parser.push(data)) {
      const cause = messages[k++] ?? null;
      if (!parsed.ok) {
        this.out.event({ type: 'http.malformed', reason: parsed.error.message, offset: parsed.error.offset, cause, connection: c.connection });
        c.done = true;
        this.out.abort(c.socket);
        for (const f of c.inFlight.splice(0)) this.failFetch(f, `a malformed response: ${parsed.error.message}`, now);
        this.requeue(c, 'the connection was aborted', now);
        return;
      }
      this.completed(c, parsed.message.kind === 'response' ? parsed.message : null, '', cause, now);
      // the next response began in this chunk when the one just completed ended before its end
      const next = c.inFlight[0];
      if (next && next.firstByte === null && parsed.end < c.received) next.firstByte = now;
    }
    this.sendWaiting(c, now);
    this.dispatch(now, null);
  }

  /** A response arrived whole (or could not: `response` null with why) for the connection's oldest request. */
  private completed(c: Connection, response: HttpResponse | null, why: string, cause: Cause, now: SimTime): void {
    const f = c.inFlight.shift();
    if (!f) return;
    if (!response) {
      this.failFetch(f, why, now);
      return;
    }
    if (connectionCloses(response)) c.done = true;
    const page = this.page!;
    f.firstByte ??= now;
    const phases: ObjectPhases = {
      resolved: (f.resolvedAt ?? now) - page.startedAt,
      connectStart: f.newConnection && f.connectStart !== null ? f.connectStart - page.startedAt : null,
      connected: f.newConnection && f.connected !== null ? f.connected - page.startedAt : null,
      requestSent: (f.requestSent ?? now) - page.startedAt,
      firstByte: f.firstByte - page.startedAt,
      lastByte: now - page.startedAt,
    };
    this.keepCookies(response, f.url.href, cause, c.connection, now);
    // the cache takes what it may; a 304 to our conditional GET gives back the stored object (RFC 9111 §4.3.4)
    const times = { requestTime: epochSecondsAt(f.requestSent ?? now, SIM_EPOCH_S), responseTime: epochSecondsAt(now, SIM_EPOCH_S) };
    const cached = this.store.cache.received(f.url.href, { method: f.request.method, headers: f.sentHeaders }, response, times);
    const revalidated = response.status === 304 && f.conditional !== null && cached.outcome === 'refreshed' && cached.kept !== null;
    if (cached.outcome !== 'not stored' && cached.kept) {
      const kept = cached.kept;
      this.out.event({ type: 'http.cacheStored', url: f.url.href, outcome: cached.outcome, status: kept.entry.response.status, lifetime: this.store.cache.lifetimeOf(kept), bytes: kept.body.length, cause });
    }
    const delivered = revalidated ? { status: cached.kept!.entry.response.status, headers: cached.kept!.entry.response.headers, body: cached.kept!.body } : response;
    this.deliver(f, delivered, { status: response.status, bytes: response.body.length, phases, connectionNumber: c.number, newConnection: f.newConnection, cache: revalidated ? 'revalidated' : null }, cause, c.connection);
  }

  /** A fresh cached copy answers the fetch at once: no request leaves the browser. */
  private fromCache(f: Fetch, object: CachedObject, now: SimTime): void {
    const page = this.page!;
    const at = now - page.startedAt;
    const phases: ObjectPhases = { resolved: at, connectStart: null, connected: null, requestSent: at, firstByte: at, lastByte: at };
    const stored = object.entry.response;
    this.deliver(f, { status: stored.status, headers: stored.headers, body: object.body }, { status: stored.status, bytes: 0, phases, connectionNumber: 0, newConnection: false, cache: 'fresh' }, f.cause, '');
  }

  /** The object is in (from the network or the cache): traced, then its redirect followed or, for the page, the objects it references wanted. */
  private deliver(f: Fetch, got: { readonly status: number; readonly headers: readonly HeaderField[]; readonly body: Uint8Array }, seen: ObjectSeen, cause: Cause, connection: string): void {
    const page = this.page!;
    page.objects++;
    this.out.event({ type: 'http.objectLoaded', url: f.url.href, ...seen, cause, connection });
    if (cause !== null) page.lastCause = cause;
    const location = headerValue(got.headers, 'location');
    // redirects are followed for GET and HEAD (RFC 9110 §15.4: a user agent may; for other methods it must not change them unasked)
    if (REDIRECTS.has(got.status) && location !== undefined && f.redirects < MAX_REDIRECTS && (f.request.method === 'GET' || f.request.method === 'HEAD')) {
      const target = parseHttpUrl(location, f.url.href);
      if (target) this.want(target, f.isPage, f.redirects + 1, cause, f.request);
    } else if (f.isPage && page.fetchesObjects && got.status === 200 && isHtml(headerValue(got.headers, 'content-type') ?? '')) {
      const contentType = headerValue(got.headers, 'content-type');
      for (const ref of findHtmlRefs(got.body, f.url.href, contentType === undefined ? {} : { contentType }).objects) {
        const url = parseHttpUrl(ref.url);
        if (url) this.want(url, false, 0, cause);
      }
    }
    page.outstanding--;
  }

  /** The response's Set-Cookie fields into the node's jar (RFC 6265 §5.3), each outcome an event. */
  private keepCookies(response: HttpResponse, url: string, cause: Cause, connection: string, now: SimTime): void {
    for (const result of this.store.jar.setFromResponse(response.headers, url, epochSecondsAt(now, SIM_EPOCH_S))) {
      if (result.outcome === 'rejected') {
        this.out.event({ type: 'http.cookieStored', outcome: 'rejected', cookie: '', detail: result.reason, cause, connection });
        continue;
      }
      const k = result.cookie;
      const lasts = k.expires === null ? 'until the browser closes' : `until ${formatHttpDate(k.expires)}`;
      this.out.event({ type: 'http.cookieStored', outcome: result.outcome, cookie: `${k.name}=${k.value}`, detail: `for ${k.hostOnly ? '' : '.'}${k.domain}${k.path}, ${lasts}`, cause, connection });
    }
  }

  private failFetch(f: Fetch, reason: string, now: SimTime): void {
    const page = this.page;
    if (!page) return;
    page.outstanding--;
    if (f.isPage) {
      page.finished = true;
      this.out.event({ type: 'http.pageFailed', url: f.url.href, reason, connection: null });
      this.closeAll();
      return;
    }
    this.out.event({ type: 'http.objectFailed', url: f.url.href, reason });
    this.finishIfDone(now);
  }

  /**
   * Fetches assigned to a connection that ends before sending them go back to
   * the front of their queue, once (RFC 9112 §9.3.1: a request not yet sent
   * may go on another connection); a second time they fail with `why`.
   */
  private requeue(c: Connection, why: string, now: SimTime): void {
    const page = this.page;
    if (!page || c.waiting.length === 0) return;
    const again: Fetch[] = [];
    for (const f of c.waiting.splice(0)) {
      if (f.retries >= 1) {
        this.failFetch(f, why, now);
        continue;
      }
      f.retries++;
      again.push(f);
    }
    const queue = page.queues.get(c.server) ?? [];
    queue.unshift(...again);
    page.queues.set(c.server, queue);
  }

  private finishIfDone(now: SimTime): void {
    const page = this.page;
    if (!page || page.finished || page.outstanding > 0) return;
    page.finished = true;
    this.out.event({ type: 'http.pageLoaded', url: page.url.href, objects: page.objects, connections: page.connectionsOpened, elapsed: now - page.startedAt, cause: page.lastCause });
    this.closeAll();
  }

  /** Closes every connection still open (the page is done). */
  private closeAll(): void {
    for (const c of this.connections.values()) {
      if (c.done && !c.open) continue;
      if (!c.done) {
        c.done = true;
        this.out.close(c.socket);
      }
    }
  }
}

/** True when the server ends the connection after this response (RFC 9112 §9.6; an HTTP/1.0 response without keep-alive, §9.3). */
function connectionCloses(response: HttpResponse): boolean {
  const options = (headerValue(response.headers, 'connection') ?? '').toLowerCase().split(',').map((o) => o.trim());
  if (options.includes('close')) return true;
  return response.version === 'HTTP/1.0' && !options.includes('keep-alive');
}
