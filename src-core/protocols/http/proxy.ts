/**
 * The proxy cache engine (Kurose & Ross §2.2.5, "Web caching"; RFC 9110
 * §3.7, RFC 9111): a server to browsers and a client to origin servers,
 * with a shared cache between the two.
 *
 * The engine is the coordinator and keeps the cache; the browsers' side is
 * proxy-clients.ts (requests read, answers written back in order), the
 * origins' side proxy-origins.ts (connections, names, requests sent on),
 * the rewriting of what is passed on proxy-forward.ts.
 *
 * Rules:
 * - Browsers send it requests in absolute form (RFC 9112 §3.2.2); each GET
 *   or HEAD is answered from the cache when a fresh copy is there (a hit: no
 *   message to the origin; an Age field says how old the copy is,
 *   cache-validation.ts `servedHeaders`), validated with a conditional GET
 *   when the copy is stale (a 304 refreshes it and the copy is served), else
 *   forwarded to the origin (a miss), its response stored when RFC 9111
 *   lets a shared cache keep it and it could be reused (object-cache.ts).
 * - Other methods, and every request when `cache` is off, are passed on,
 *   their responses not stored.
 * - Messages passed on lose their hop-by-hop fields and gain Via
 *   (proxy-forward.ts). A request that is not HTTP gets 400; a target that
 *   is not an http URL 400 (proxy-clients.ts); an origin without address or
 *   connection 502, one that answers with bytes that are not HTTP 502
 *   (RFC 9110 §15.6.3; proxy-origins.ts).
 * - Each request served is an http.proxyServed event: hit, miss,
 *   revalidated, passed (not cacheable: another method, a response the
 *   cache may not keep), or error; a miss it stored and a revalidation say
 *   the copy the cache now keeps.
 */
import type { Cause, EngineEnv, SocketId, StreamEvent } from '../../engine/face';
import { EngineBase } from '../../engine/base';
import type { SimTime } from '../../sim/time';
import { servedHeaders } from './cache-validation';
import { PROTOCOL, type HttpEvent } from './events';
import { epochSecondsAt } from './http-date';
import type { HttpResponse } from './message';
import { ObjectCache, type CachedObject } from './object-cache';
import { SIM_EPOCH_S } from './objects';
import { errorAnswer, ProxyClients, servedEvent, type Pending, type ServedHow } from './proxy-clients';
import { toClient } from './proxy-forward';
import { ProxyOrigins } from './proxy-origins';
import { REASONS } from './server-respond';

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

export class HttpProxyEngine extends EngineBase<HttpEvent, ProxyCommand> {
  private readonly listener: SocketId;
  private readonly cache = new ObjectCache({ shared: true });
  private readonly via: string;
  private readonly clients: ProxyClients;
  private readonly origins: ProxyOrigins;

  constructor(
    env: EngineEnv,
    private readonly options: HttpProxyOptions,
  ) {
    super(PROTOCOL);
    this.via = `1.1 ${options.name}`;
    this.listener = env.socketId();
    this.out.listen(this.listener, options.port);
    this.clients = new ProxyClients(this.out, this.via, {
      request: (p, connection, now) => this.requested(p, connection, now),
      readDone: (now) => this.origins.dispatch(now),
    });
    this.origins = new ProxyOrigins(this.out, env, { via: this.via, keepAliveTimeout: options.keepAliveTimeout }, {
      response: (p, response, cause, now) => this.fromOrigin(p, response, cause, now),
      failed: (p, why, now) => this.fail(p, why, now),
    });
  }

  override handleCommand(c: ProxyCommand, now: SimTime): void {
    this.origins.resolved(c.host, c.address, c.reason, now);
  }

  override handleStream(e: StreamEvent, now: SimTime): void {
    if (e.type === 'accepted') {
      if (e.listener === this.listener) this.clients.accept(e.socket, e.connection);
      return;
    }
    if (!this.clients.handle(e, now)) this.origins.handle(e, now);
  }

  override pollTimeout(): { at: SimTime; weak: boolean } | null {
    return this.origins.pollTimeout();
  }

  override handleTimeout(now: SimTime): void {
    this.origins.handleTimeout(now);
  }

  /** A client's request for an http URL: a hit answers it at once; else it goes to the origin, conditional when the cache holds a stale copy. */
  private requested(p: Pending, connection: string, now: SimTime): HttpResponse | null {
    const { request, url } = p;
    const cacheable = this.options.cache && (request.method === 'GET' || request.method === 'HEAD');
    if (cacheable) {
      const lookup = this.cache.lookup(url.href, request, epochSecondsAt(now, SIM_EPOCH_S));
      if (lookup.action === 'use') {
        const stored = lookup.cached.entry.response;
        const answer = toClient({ status: stored.status, reason: REASONS[stored.status] ?? '', headers: servedHeaders(lookup.cached.entry, epochSecondsAt(now, SIM_EPOCH_S)), body: lookup.cached.body }, this.via, p.close, request.method === 'HEAD');
        this.served(p, 'hit', stored.status, lookup.decision.age, connection);
        return answer;
      }
      if (lookup.action === 'revalidate') p.conditional = lookup.conditional;
    }
    this.origins.enqueue(p);
    return null;
  }

  /** The origin's answer to `p`: into the cache if it may, then to the client. */
  private fromOrigin(p: Pending, response: HttpResponse, cause: Cause, now: SimTime): void {
    const headOnly = p.request.method === 'HEAD';
    const connection = this.clients.connectionOf(p);
    if (!this.options.cache || (p.request.method !== 'GET' && p.request.method !== 'HEAD')) {
      this.served(p, 'passed', response.status, null, connection);
      this.clients.answered(p, toClient(response, this.via, p.close, headOnly), cause);
      return;
    }
    const times = { requestTime: epochSecondsAt(p.requestTime, SIM_EPOCH_S), responseTime: epochSecondsAt(now, SIM_EPOCH_S) };
    const kept = this.cache.received(p.url.href, { method: p.request.method, headers: p.request.headers }, response, times);
    if (response.status === 304 && p.conditional.length > 0 && kept.outcome === 'refreshed' && kept.kept) {
      // our own validation: the client gets the stored object, unless it asked conditionally itself and its validators still hold
      const stored = kept.kept.entry.response;
      this.served(p, 'revalidated', stored.status, 0, connection, kept.kept);
      this.clients.answered(p, toClient({ status: stored.status, reason: REASONS[stored.status] ?? '', headers: servedHeaders(kept.kept.entry, times.responseTime), body: kept.kept.body }, this.via, p.close, headOnly), cause);
      return;
    }
    this.served(p, kept.outcome === 'stored' ? 'miss' : 'passed', response.status, null, connection, kept.outcome === 'stored' ? kept.kept : null);
    this.clients.answered(p, toClient(response, this.via, p.close, headOnly), cause);
  }

  /** `p` could not be had from its origin: 502, with why. */
  private fail(p: Pending, why: string, now: SimTime): void {
    this.served(p, 'error', 502, null, this.clients.connectionOf(p));
    this.clients.answered(p, errorAnswer(502, why, this.via, now, p.close), p.cause);
  }

  private served(p: Pending, how: ServedHow, status: number, age: number | null, connection: string, kept: CachedObject | null = null): void {
    this.out.event(servedEvent(p, how, status, age, connection, kept === null ? null : { lifetime: this.cache.lifetimeOf(kept), initialAge: this.cache.initialAgeOf(kept), bytes: kept.body.length }));
  }
}
