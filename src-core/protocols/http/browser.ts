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
 * The engine is the coordinator, which sends, receives and traces; the
 * rest is in its sibling files: the page load's records (browser-page.ts),
 * the requests (browser-request.ts), which connection takes the next one
 * (browser-connections.ts), the use of the cache (browser-cache-use.ts),
 * what a response leads to: redirects, the objects its page references,
 * cookies (browser-response.ts).
 *
 * Rules:
 * - With an explicit proxy every request goes to it, its target the whole
 *   URL (RFC 9112 §3.2.2): the proxy resolves the servers' names, and the
 *   per-server limit counts connections to the proxy.
 * - Host names are resolved before connecting: an IPv4 address is used as
 *   it is; otherwise the engine emits http.resolveNeeded and waits for a
 *   `resolved` command (the module's glue asks the node's stub resolver, or
 *   its hosts file); each name is asked once per browser (host-addresses.ts).
 * - The page's objects are fetched in the order its HTML names them, the
 *   next one as soon as a connection to its server may take it. Connections
 *   are counted per server (host and port): at most `maxConnections` open
 *   to each.
 * - The node's cache (an ObjectCache in the browser's store, browser-store.ts;
 *   RFC 9111, kept across page loads) is asked before each GET: a fresh copy
 *   answers at once, with no request sent; a stale one is validated by a
 *   conditional GET, whose 304 gives back the stored body
 *   (browser-cache-use.ts).
 * - The page is loaded when the base and every object it references have
 *   arrived (error statuses included); then the browser closes its
 *   persistent connections (a real one would keep them for the next page,
 *   until the server's keep-alive timeout).
 * - A connection that breaks loses the requests in flight on it (those
 *   objects fail); requests assigned to it but not yet sent go to another
 *   (browser-page.ts `requeueWaiting`).
 * - A response that is not HTTP/1.x is traced (http.malformed) and its
 *   connection aborted; its objects fail.
 */
import type { Cause, EngineEnv, SocketAddr, SocketId, StreamEvent } from '../../engine/face';
import { EngineBase } from '../../engine/base';
import type { SimTime } from '../../sim/time';
import { consultCache, fromFreshCopy, offerToCache } from './browser-cache-use';
import { chooseConnection } from './browser-connections';
import { finishIfDone, objectPhases, queueFetch, requeueWaiting, startPage, type Connection, type Delivered, type Fetch, type Page } from './browser-page';
import { fetchRequest, GET, parseHttpUrl } from './browser-request';
import { connectionCloses, followUps, keepCookies } from './browser-response';
import type { BrowserStore } from './browser-store';
import { CookieJar } from './cookies';
import { encodeRequest } from './encode';
import { PROTOCOL, type HttpEvent, type ObjectSeen } from './events';
import { HostAddresses } from './host-addresses';
import { epochSecondsAt } from './http-date';
import type { HttpResponse } from './message';
import { ObjectCache } from './object-cache';
import { SIM_EPOCH_S } from './objects';
import { HttpParser } from './parser';
import type { BrowseMode } from './schema';
import { requestSummary } from './summary';

export type BrowserCommand =
  | { readonly kind: 'browse'; readonly url: string; readonly mode: BrowseMode; readonly maxConnections: number; readonly proxy: SocketAddr | null }
  /** One request of any method (a form's GET or POST, PUT, DELETE, HEAD …) over a persistent connection; no objects are looked for in its answer. */
  | { readonly kind: 'request'; readonly url: string; readonly method: string; readonly body: Uint8Array; readonly contentType: string | null; readonly proxy: SocketAddr | null }
  /** The address of `host` (32-bit), or null with the reason it has none; `cause`: the DNS answer, if one was received. */
  | { readonly kind: 'resolved'; readonly host: string; readonly address: number | null; readonly reason: string; readonly cause: Cause };

export class BrowserEngine extends EngineBase<HttpEvent, BrowserCommand> {
  private page: Page | null = null;
  private readonly addresses = new HostAddresses((host) => this.out.event({ type: 'http.resolveNeeded', host }));
  private readonly connections = new Map<SocketId, Connection>();

  constructor(
    private readonly env: EngineEnv,
    private readonly store: BrowserStore = { jar: new CookieJar(), cache: new ObjectCache({ shared: false }) },
  ) {
    super(PROTOCOL);
  }

  override handleCommand(c: BrowserCommand, now: SimTime): void {
    if (c.kind === 'resolved') {
      this.addresses.learn(c.host, c.address, c.reason, now);
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
    this.page = startPage(url, { fetchesObjects: c.kind === 'browse', proxy: c.proxy, mode, maxConnections }, now);
    this.out.event({ type: 'http.pageStarted', url: url.href, mode, maxConnections, method });
    queueFetch(this.page, url, true, 0, null, c.kind === 'request' ? { method, body: c.body, contentType: c.contentType } : GET);
    this.dispatch(now, null);
  }

  /** Gives queued fetches to connections as the mode and the per-server limit allow; a fresh cached copy answers its fetch on the spot. */
  private dispatch(now: SimTime, cause: Cause): void {
    const page = this.page;
    if (!page || page.finished) return;
    for (const [key, queue] of page.queues) {
      while (queue.length > 0) {
        const next = queue[0]!;
        const found = page.proxy ? { address: page.proxy.addr, reason: '', at: null } : this.addresses.of(next.url.host);
        if (found === undefined) break;
        if (found.address === null) {
          queue.shift();
          this.failFetch(next, `${next.url.host} has no address (${found.reason})`, now);
          continue;
        }
        next.resolvedAt ??= found.at ?? now;
        if (!next.cacheChecked && next.request.method === 'GET') {
          const fresh = consultCache(this.store.cache, next, page.mode, now);
          if (fresh) {
            queue.shift();
            const { delivered, seen } = fromFreshCopy(fresh, page, now);
            this.deliver(next, delivered, seen, next.cause, '');
            continue;
          }
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
      const cookie = this.store.jar.cookieHeaderFor(f.url.href, epochSecondsAt(now, SIM_EPOCH_S));
      const request = fetchRequest(f.url, page.mode, f.isPage, f.request, { conditional: f.conditional, cookie, viaProxy: page.proxy !== null });
      f.sentHeaders = request.headers;
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

  /** A response arrived whole (or could not: `response` null with why) for the connection's oldest request: its cookies kept, offered to the cache, its object delivered. */
  private completed(c: Connection, response: HttpResponse | null, why: string, cause: Cause, now: SimTime): void {
    const f = c.inFlight.shift();
    if (!f) return;
    if (!response) {
      this.failFetch(f, why, now);
      return;
    }
    if (connectionCloses(response)) c.done = true;
    const phases = objectPhases(f, this.page!, now);
    keepCookies(this.store.jar, response, f.url.href, cause, c.connection, now, (e) => this.out.event(e));
    const offer = offerToCache(this.store.cache, f, response, cause, now);
    if (offer.stored) this.out.event(offer.stored);
    this.deliver(f, offer.delivered, { status: response.status, bytes: response.body.length, phases, connectionNumber: c.number, newConnection: f.newConnection, cache: offer.revalidated ? 'revalidated' : null }, cause, c.connection);
  }

  /** The object is in (from the network or the cache): traced, then what it leads to (a redirect, the page's objects) wanted. */
  private deliver(f: Fetch, got: Delivered, seen: ObjectSeen, cause: Cause, connection: string): void {
    const page = this.page!;
    page.objects++;
    this.out.event({ type: 'http.objectLoaded', url: f.url.href, ...seen, cause, connection });
    if (cause !== null) page.lastCause = cause;
    for (const next of followUps(f, got, page.fetchesObjects)) queueFetch(page, next.url, next.isPage, next.redirects, cause, next.request);
    page.outstanding--;
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

  /** The fetches waiting on a connection that ends go back to their queue (browser-page.ts), or fail with `why`. */
  private requeue(c: Connection, why: string, now: SimTime): void {
    const page = this.page;
    if (page) requeueWaiting(page, c, (f) => this.failFetch(f, why, now));
  }

  private finishIfDone(now: SimTime): void {
    const loaded = this.page ? finishIfDone(this.page, now) : null;
    if (!loaded) return;
    this.out.event(loaded);
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
