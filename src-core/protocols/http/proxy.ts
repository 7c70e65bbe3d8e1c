/**
 * The proxy cache engine (Kurose & Ross §2.2.5, "Web caching"; RFC 9110
 * §3.7, RFC 9111): a server to browsers and a client to origin servers,
 * with a shared cache between the two.
 *
 * Rules:
 * - Browsers send it requests in absolute form (RFC 9112 §3.2.2); each is
 *   answered from the cache when a fresh copy is there (a hit: no message
 *   to the origin; an Age field says how old the copy is), validated with a
 *   conditional GET when the copy is stale (a 304 refreshes it and the copy
 *   is served), else forwarded to the origin (a miss), its response stored
 *   when RFC 9111 lets a shared cache keep it and it could be reused.
 * - Responses go back to a client in the order of its requests (pipelined
 *   requests are allowed), each as soon as it and those before it are ready.
 * - Origins are reached over persistent HTTP/1.1 connections, at most
 *   MAX_ORIGIN_CONNECTIONS to each, one request at a time on each
 *   (browser-connections.ts's 'persistent' rule); names are resolved by the
 *   module's glue (http.resolveNeeded → a `resolved` command), once each.
 * - Messages passed on lose their hop-by-hop fields and gain Via
 *   (proxy-forward.ts). A request that is not HTTP gets 400; a target that
 *   is not an http URL 400; an origin without address or connection 502,
 *   one that answers with bytes that are not HTTP 502 (RFC 9110 §15.6.3).
 * - Idle origin connections are closed after `keepAliveTimeout` (weak
 *   deadline), as the proxy's own clients' are by the server it is.
 * - Each request served is an http.proxyServed event: hit, miss,
 *   revalidated, or passed (not cacheable: another method, a response the
 *   cache may not keep).
 */
import type { Cause, EngineEnv, SocketId, StreamEvent } from '../../engine/face';
import { EngineBase } from '../../engine/base';
import { parseIpv4 } from '../../net/ipv4';
import type { SimTime } from '../../sim/time';
import { chooseConnection } from './browser-connections';
import { parseHttpUrl, type HttpUrl } from './browser-request';
import { encodeRequest, encodeResponse } from './encode';
import { PROTOCOL, type HttpEvent } from './events';
import { epochSecondsAt } from './http-date';
import type { HeaderField, HttpRequest, HttpResponse } from './message';
import { ObjectCache, type CachedObject } from './object-cache';
import { SIM_EPOCH_S } from './objects';
import { HttpParser } from './parser';
import { toClient, toOrigin } from './proxy-forward';
import { answerMalformed, keepsAlive, REASONS, respondWith } from './server-respond';
import { servedHeaders } from './cache-validation';
import { requestSummary, responseSummary } from './summary';

export const MAX_ORIGIN_CONNECTIONS = 6;

export interface HttpProxyOptions {
  readonly port: number;
  /** Shown in Via ("1.1 proxy"). */
  readonly name: string;
  /** Keep a cache (false: a proxy that only passes requests on). */
  readonly cache: boolean;
  /** ns */
  readonly keepAliveTimeout: SimTime;
}

export type ProxyCommand = { readonly kind: 'resolved'; readonly host: string; readonly address: number | null; readonly reason: string; readonly cause: Cause };

type ServedHow = 'hit' | 'miss' | 'revalidated' | 'passed' | 'error';

interface Pending {
  readonly client: SocketId;
  readonly request: HttpRequest;
  readonly url: HttpUrl;
  /** The client's request message. */
  readonly cause: Cause;
  readonly close: boolean;
  conditional: readonly HeaderField[];
  /** The answer for the client, once known. */
  answer: HttpResponse | null;
  /** The message the answer follows from (the origin's response, or the client's request for a hit). */
  answerCause: Cause;
  requestTime: SimTime;
}

interface ClientSide {
  readonly parser: HttpParser;
  readonly connection: string;
  /** This client's requests in order; answers leave from the front. */
  readonly queue: Pending[];
  closing: boolean;
}

interface OriginSide {
  readonly socket: SocketId;
  readonly key: string;
  readonly parser: HttpParser;
  connection: string;
  open: boolean;
  done: boolean;
  readonly waiting: Pending[];
  readonly inFlight: Pending[];
  idleSince: SimTime | null;
}

const keyOf = (url: HttpUrl) => `${url.host}:${url.port}`;

export class HttpProxyEngine extends EngineBase<HttpEvent, ProxyCommand> {
  private readonly listener: SocketId;
  private readonly clients = new Map<SocketId, ClientSide>();
  private readonly origins = new Map<SocketId, OriginSide>();
  /** Requests waiting for a connection to their origin, by origin. */
  private readonly queues = new Map<string, Pending[]>();
  private readonly addresses = new Map<string, { address: number | null; reason: string }>();
  private readonly asking = new Set<string>();
  private readonly cache = new ObjectCache({ shared: true });
  private readonly via: string;

  constructor(
    private readonly env: EngineEnv,
    private readonly options: HttpProxyOptions,
  ) {
    super(PROTOCOL);
    this.via = `1.1 ${options.name}`;
    this.listener = env.socketId();
    this.out.listen(this.listener, options.port);
  }

  override handleCommand(c: ProxyCommand, now: SimTime): void {
    this.asking.delete(c.host);
    this.addresses.set(c.host, { address: c.address, reason: c.reason });
    this.dispatch(now);
  }

  override handleStream(e: StreamEvent, now: SimTime): void {
    if (e.type === 'accepted') {
      if (e.listener === this.listener) this.clients.set(e.socket, { parser: new HttpParser('request'), connection: e.connection, queue: [], closing: false });
      return;
    }
    const client = this.clients.get(e.socket);
    if (client) return this.clientStream(e.socket, client, e, now);
    const origin = this.origins.get(e.socket);
    if (origin) this.originStream(origin, e, now);
  }

  // --- the browsers' side ----------------------------------------------------

  private clientStream(socket: SocketId, c: ClientSide, e: StreamEvent, now: SimTime): void {
    if (e.type === 'data') {
      if (c.closing) return;
      let k = 0;
      for (const parsed of c.parser.push(e.data)) {
        const cause = e.messages[k++] ?? null;
        if (!parsed.ok) {
          this.out.event({ type: 'http.malformed', reason: parsed.error.message, offset: parsed.error.offset, cause, connection: c.connection });
          const bad = answerMalformed(parsed.error.message, parsed.error.code === 'unsupported-version', now);
          c.queue.push({ client: socket, request: { kind: 'request', method: 'GET', target: '/', version: 'HTTP/1.1', headers: [], body: new Uint8Array(0) }, url: { href: '', host: '', port: 80, target: '/' }, cause, close: true, conditional: [], answer: bad, answerCause: cause, requestTime: now });
          c.closing = true;
          break;
        }
        if (parsed.message.kind === 'request') this.requested(socket, c, parsed.message, cause, now);
      }
      this.flush(socket, c);
      this.dispatch(now);
    } else if (e.type === 'peerClosed') {
      if (!c.closing && c.queue.length === 0) {
        c.closing = true;
        this.out.close(socket);
      } else c.closing = true;
    } else if (e.type === 'closed') {
      this.clients.delete(socket);
    }
  }

  private requested(socket: SocketId, c: ClientSide, request: HttpRequest, cause: Cause, now: SimTime): void {
    const url = parseHttpUrl(request.target) ?? (request.target.startsWith('/') ? parseHttpUrl(`http://${hostOf(request)}${request.target}`) : null);
    const close = !keepsAlive(request);
    const pending: Pending = { client: socket, request, url: url ?? { href: '', host: '', port: 80, target: '/' }, cause, close, conditional: [], answer: null, answerCause: cause, requestTime: now };
    c.queue.push(pending);
    if (!url) {
      pending.answer = this.errorAnswer(400, `the target ${request.target} is not an http URL (a proxy is asked in absolute form, RFC 9112 §3.2.2)`, now, close);
      this.served(pending, 'error', 400, null, c.connection);
      return;
    }
    const cacheable = this.options.cache && (request.method === 'GET' || request.method === 'HEAD');
    if (cacheable) {
      const lookup = this.cache.lookup(url.href, request, epochSecondsAt(now, SIM_EPOCH_S));
      if (lookup.action === 'use') {
        const stored = lookup.cached.entry.response;
        pending.answer = toClient({ status: stored.status, reason: REASONS[stored.status] ?? '', headers: servedHeaders(lookup.cached.entry, epochSecondsAt(now, SIM_EPOCH_S)), body: lookup.cached.body }, this.via, close, request.method === 'HEAD');
        this.served(pending, 'hit', stored.status, lookup.decision.age, c.connection);
        return;
      }
      if (lookup.action === 'revalidate') pending.conditional = lookup.conditional;
    }
    const queue = this.queues.get(keyOf(url)) ?? [];
    queue.push(pending);
    this.queues.set(keyOf(url), queue);
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

  private errorAnswer(status: number, why: string, now: SimTime, close: boolean): HttpResponse {
    return respondWith(status, new TextEncoder().encode(`${REASONS[status] ?? ''}: ${why}\n`), [{ name: 'Content-Type', value: 'text/plain; charset=utf-8' }, { name: 'Via', value: this.via }], now, close ? 'close' : null);
  }

  private served(p: Pending, how: ServedHow, status: number, age: number | null, connection: string, kept: CachedObject | null = null): void {
    const copy = kept === null ? null : { lifetime: this.cache.lifetimeOf(kept), bytes: kept.body.length };
    this.out.event({ type: 'http.proxyServed', url: p.url.href || p.request.target, method: p.request.method, how, status, age, kept: copy, cause: p.cause, connection });
  }

  private answered(p: Pending, answer: HttpResponse, cause: Cause): void {
    p.answer = answer;
    p.answerCause = cause;
    const c = this.clients.get(p.client);
    if (c) this.flush(p.client, c);
  }

  // --- the origins' side -----------------------------------------------------

  private addressOf(host: string): { address: number | null; reason: string } | undefined {
    const literal = parseIpv4(host);
    if (literal !== null) return { address: literal, reason: '' };
    const known = this.addresses.get(host);
    if (known) return known;
    if (!this.asking.has(host)) {
      this.asking.add(host);
      this.out.event({ type: 'http.resolveNeeded', host });
    }
    return undefined;
  }

  private dispatch(now: SimTime): void {
    for (const [key, queue] of this.queues) {
      while (queue.length > 0) {
        const next = queue[0]!;
        const found = this.addressOf(next.url.host);
        if (found === undefined) break;
        if (found.address === null) {
          queue.shift();
          this.fail(next, `${next.url.host} has no address (${found.reason})`, now);
          continue;
        }
        const mine = [...this.origins.values()].filter((o) => o.key === key);
        const choice = chooseConnection('persistent', MAX_ORIGIN_CONNECTIONS, mine.map((o) => ({ takesRequests: !o.done, pending: o.waiting.length + o.inFlight.length })));
        if (choice.kind === 'wait') break;
        let origin: OriginSide;
        if (choice.kind === 'use') origin = mine[choice.index]!;
        else {
          const socket = this.env.socketId();
          origin = { socket, key, parser: new HttpParser('response'), connection: '', open: false, done: false, waiting: [], inFlight: [], idleSince: null };
          this.origins.set(socket, origin);
          this.out.connect(socket, { addr: found.address, port: next.url.port });
        }
        queue.shift();
        origin.waiting.push(next);
        if (origin.open) this.sendWaiting(origin, now);
      }
    }
  }

  private sendWaiting(o: OriginSide, now: SimTime): void {
    while (o.waiting.length > 0 && o.inFlight.length === 0) {
      const p = o.waiting.shift()!;
      const forwarded = toOrigin(p.request, p.url, this.via, p.conditional);
      o.parser.expectResponseTo(forwarded.method);
      p.requestTime = now;
      o.inFlight.push(p);
      o.idleSince = null;
      this.out.write(o.socket, encodeRequest(forwarded), this.out.label(requestSummary(forwarded), p.cause));
    }
  }

  private originStream(o: OriginSide, e: StreamEvent, now: SimTime): void {
    switch (e.type) {
      case 'connected':
        o.open = true;
        o.connection = e.connection;
        this.sendWaiting(o, now);
        return;
      case 'data': {
        let k = 0;
        for (const parsed of o.parser.push(e.data)) {
          const cause = e.messages[k++] ?? null;
          if (!parsed.ok) {
            this.out.event({ type: 'http.malformed', reason: parsed.error.message, offset: parsed.error.offset, cause, connection: o.connection });
            o.done = true;
            this.out.abort(o.socket);
            for (const p of o.inFlight.splice(0)) this.fail(p, `the origin's answer is not HTTP: ${parsed.error.message}`, now);
            this.requeue(o);
            break;
          }
          if (parsed.message.kind === 'response') this.fromOrigin(o, parsed.message, cause, now);
        }
        if (o.inFlight.length === 0 && o.waiting.length === 0 && !o.done) o.idleSince = now;
        this.sendWaiting(o, now);
        this.dispatch(now);
        return;
      }
      case 'peerClosed':
        for (const parsed of o.parser.end()) if (parsed.ok && parsed.message.kind === 'response') this.fromOrigin(o, parsed.message, null, now);
        o.done = true;
        this.out.close(o.socket);
        for (const p of o.inFlight.splice(0)) this.fail(p, 'the origin closed the connection before answering', now);
        this.requeue(o);
        this.dispatch(now);
        return;
      case 'closed':
        this.origins.delete(o.socket);
        for (const p of [...o.inFlight.splice(0), ...(o.open ? [] : o.waiting.splice(0))]) this.fail(p, o.open ? `the connection to the origin was ${e.reason}` : 'the origin refused the connection', now);
        this.requeue(o);
        this.dispatch(now);
        return;
      case 'failed':
        this.origins.delete(o.socket);
        for (const p of [...o.inFlight.splice(0), ...o.waiting.splice(0)]) this.fail(p, e.detail, now);
        return;
      case 'accepted':
      case 'acked':
        return;
    }
  }

  /** The origin's answer to the oldest request on the connection: into the cache if it may, then to the client. */
  private fromOrigin(o: OriginSide, response: HttpResponse, cause: Cause, now: SimTime): void {
    const p = o.inFlight.shift();
    if (!p) return;
    if (headerSaysClose(response)) o.done = true;
    const headOnly = p.request.method === 'HEAD';
    const c = this.clients.get(p.client);
    const connection = c?.connection ?? '';
    if (!this.options.cache || (p.request.method !== 'GET' && p.request.method !== 'HEAD')) {
      this.served(p, 'passed', response.status, null, connection);
      this.answered(p, toClient(response, this.via, p.close, headOnly), cause);
      return;
    }
    const times = { requestTime: epochSecondsAt(p.requestTime, SIM_EPOCH_S), responseTime: epochSecondsAt(now, SIM_EPOCH_S) };
    const kept = this.cache.received(p.url.href, { method: p.request.method, headers: p.request.headers }, response, times);
    if (response.status === 304 && p.conditional.length > 0 && kept.outcome === 'refreshed' && kept.kept) {
      // our own validation: the client gets the stored object, unless it asked conditionally itself and its validators still hold
      const stored = kept.kept.entry.response;
      this.served(p, 'revalidated', stored.status, 0, connection, kept.kept);
      this.answered(p, toClient({ status: stored.status, reason: REASONS[stored.status] ?? '', headers: servedHeaders(kept.kept.entry, times.responseTime), body: kept.kept.body }, this.via, p.close, headOnly), cause);
      return;
    }
    this.served(p, kept.outcome === 'stored' ? 'miss' : 'passed', response.status, null, connection, kept.outcome === 'stored' ? kept.kept : null);
    this.answered(p, toClient(response, this.via, p.close, headOnly), cause);
  }

  private fail(p: Pending, why: string, now: SimTime): void {
    const c = this.clients.get(p.client);
    this.served(p, 'error', 502, null, c?.connection ?? '');
    this.answered(p, this.errorAnswer(502, why, now, p.close), p.cause);
  }

  /** Requests given to a connection that ends before sending them go back to their origin's queue. */
  private requeue(o: OriginSide): void {
    if (o.waiting.length === 0) return;
    const queue = this.queues.get(o.key) ?? [];
    queue.unshift(...o.waiting.splice(0));
    this.queues.set(o.key, queue);
  }

  override pollTimeout(): { at: SimTime; weak: boolean } | null {
    let at: SimTime | null = null;
    for (const o of this.origins.values()) {
      if (o.done || o.idleSince === null) continue;
      const due = o.idleSince + this.options.keepAliveTimeout;
      if (at === null || due < at) at = due;
    }
    return at === null ? null : { at, weak: true };
  }

  override handleTimeout(now: SimTime): void {
    for (const o of this.origins.values()) {
      if (o.done || o.idleSince === null || o.idleSince + this.options.keepAliveTimeout > now) continue;
      o.done = true;
      this.out.close(o.socket);
    }
  }
}

function hostOf(request: HttpRequest): string {
  return request.headers.find((h) => h.name.toLowerCase() === 'host')?.value ?? '';
}

function headerSaysClose(response: HttpResponse): boolean {
  const connection = response.headers.find((h) => h.name.toLowerCase() === 'connection')?.value.toLowerCase() ?? '';
  return connection.split(',').some((o) => o.trim() === 'close') || response.version === 'HTTP/1.0';
}
