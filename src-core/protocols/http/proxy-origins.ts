/**
 * The origins' side of the proxy (proxy.ts): the requests it sends on to
 * origin servers, the connections that carry them, the responses that come
 * back.
 *
 * Rules:
 * - Requests wait in a queue per origin ("host:port"), in arrival order.
 * - Origins are reached over persistent HTTP/1.1 connections, at most
 *   MAX_ORIGIN_CONNECTIONS to each, one request at a time on each
 *   (browser-connections.ts's 'persistent' rule). Requests are rewritten
 *   for the origin by proxy-forward.ts (origin form, hop-by-hop fields
 *   dropped, Via added, the cache's validators).
 * - Names are resolved by the module's glue, once each (host-addresses.ts).
 * - A request fails (the engine answers 502, RFC 9110 §15.6.3) when its
 *   origin has no address, refuses or drops the connection before
 *   answering, or answers with bytes that are not HTTP (that connection is
 *   then aborted).
 * - Requests given to a connection that ends before sending them go back
 *   to the front of their origin's queue.
 * - A connection ends after a response that says Connection: close, or an
 *   HTTP/1.0 one (RFC 9112 §9.6, §9.3).
 * - An idle connection is closed after `keepAliveTimeout` (a weak deadline:
 *   it keeps no run alive), as the proxy's own clients' are by the server
 *   it is.
 */
import { idleDeadline } from '../../engine/idle';
import type { Cause, EngineEnv, SocketId, StreamEvent, Deadline } from '../../engine/face';
import type { Outbox } from '../../engine/outbox';
import type { SimTime } from '../../sim/time';
import { chooseConnection } from './browser-connections';
import type { HttpUrl } from './browser-request';
import { encodeRequest } from './encode';
import type { HttpEvent } from './events';
import { HostAddresses } from './host-addresses';
import type { HttpResponse } from './message';
import { HttpParser } from './parser';
import type { Pending } from './proxy-clients';
import { toOrigin } from './proxy-forward';
import { requestSummary } from './summary';

export const MAX_ORIGIN_CONNECTIONS = 6;

/** What the proxy's engine does with what comes back from the origins. */
export interface OriginHooks {
  /** The origin's response to `p`. */
  response(p: Pending, response: HttpResponse, cause: Cause, now: SimTime): void;
  /** `p` could not be had from its origin, with why. */
  failed(p: Pending, why: string, now: SimTime): void;
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

export class ProxyOrigins {
  private readonly origins = new Map<SocketId, OriginSide>();
  /** Requests waiting for a connection to their origin, by origin. */
  private readonly queues = new Map<string, Pending[]>();
  private readonly addresses: HostAddresses;

  /** `via`: the proxy's Via value; `keepAliveTimeout` in ns. */
  constructor(
    private readonly out: Outbox<HttpEvent>,
    private readonly env: EngineEnv,
    private readonly options: { readonly via: string; readonly keepAliveTimeout: SimTime },
    private readonly hooks: OriginHooks,
  ) {
    this.addresses = new HostAddresses((host) => out.event({ type: 'http.resolveNeeded', host }));
  }

  /** The answer for a name asked (a `resolved` command): the requests waiting for it may go. */
  resolved(host: string, address: number | null, reason: string, now: SimTime): void {
    this.addresses.learn(host, address, reason, now);
    this.dispatch(now);
  }

  /** Queues `p` for its origin (sent by the next `dispatch`). */
  enqueue(p: Pending): void {
    const queue = this.queues.get(keyOf(p.url)) ?? [];
    queue.push(p);
    this.queues.set(keyOf(p.url), queue);
  }

  /** Gives queued requests to connections as the per-origin limit allows, opening connections as needed. */
  dispatch(now: SimTime): void {
    for (const [key, queue] of this.queues) {
      while (queue.length > 0) {
        const next = queue[0]!;
        const found = this.addresses.of(next.url.host);
        if (found === undefined) break;
        if (found.address === null) {
          queue.shift();
          this.hooks.failed(next, `${next.url.host} has no address (${found.reason})`, now);
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

  /** Takes a stream event when it is on a connection to an origin; false when it is not. */
  handle(e: StreamEvent, now: SimTime): boolean {
    const o = this.origins.get(e.socket);
    if (!o) return false;
    switch (e.type) {
      case 'connected':
        o.open = true;
        o.connection = e.connection;
        this.sendWaiting(o, now);
        break;
      case 'data': {
        let k = 0;
        for (const parsed of o.parser.push(e.data)) {
          const cause = e.messages[k++] ?? null;
          if (!parsed.ok) {
            this.out.event({ type: 'http.malformed', reason: parsed.error.message, offset: parsed.error.offset, cause, connection: o.connection });
            o.done = true;
            this.out.abort(o.socket);
            for (const p of o.inFlight.splice(0)) this.hooks.failed(p, `the origin's answer is not HTTP: ${parsed.error.message}`, now);
            this.requeue(o);
            break;
          }
          if (parsed.message.kind === 'response') this.received(o, parsed.message, cause, now);
        }
        if (o.inFlight.length === 0 && o.waiting.length === 0 && !o.done) o.idleSince = now;
        this.sendWaiting(o, now);
        this.dispatch(now);
        break;
      }
      case 'peerClosed':
        for (const parsed of o.parser.end()) if (parsed.ok && parsed.message.kind === 'response') this.received(o, parsed.message, null, now);
        o.done = true;
        this.out.close(o.socket);
        for (const p of o.inFlight.splice(0)) this.hooks.failed(p, 'the origin closed the connection before answering', now);
        this.requeue(o);
        this.dispatch(now);
        break;
      case 'closed':
        this.origins.delete(o.socket);
        for (const p of [...o.inFlight.splice(0), ...(o.open ? [] : o.waiting.splice(0))]) this.hooks.failed(p, o.open ? `the connection to the origin was ${e.reason}` : 'the origin refused the connection', now);
        this.requeue(o);
        this.dispatch(now);
        break;
      case 'failed':
        this.origins.delete(o.socket);
        for (const p of [...o.inFlight.splice(0), ...o.waiting.splice(0)]) this.hooks.failed(p, e.detail, now);
        break;
      case 'accepted':
      case 'acked':
        break;
    }
    return true;
  }

  /** The next deadline: the first idle connection's keep-alive timeout (weak). */
  pollTimeout(): Deadline | null {
    return idleDeadline(this.origins.values(), (o) => (o.done ? null : o.idleSince), this.options.keepAliveTimeout);
  }

  /** Closes the connections idle for the keep-alive timeout by `now`. */
  handleTimeout(now: SimTime): void {
    for (const o of this.origins.values()) {
      if (o.done || o.idleSince === null || o.idleSince + this.options.keepAliveTimeout > now) continue;
      o.done = true;
      this.out.close(o.socket);
    }
  }

  /** Sends the next request waiting on an open connection when none is in flight. */
  private sendWaiting(o: OriginSide, now: SimTime): void {
    while (o.waiting.length > 0 && o.inFlight.length === 0) {
      const p = o.waiting.shift()!;
      const forwarded = toOrigin(p.request, p.url, this.options.via, p.conditional);
      o.parser.expectResponseTo(forwarded.method);
      p.requestTime = now;
      o.inFlight.push(p);
      o.idleSince = null;
      this.out.write(o.socket, encodeRequest(forwarded), this.out.label(requestSummary(forwarded), p.cause));
    }
  }

  /** The origin's answer to the oldest request on the connection. */
  private received(o: OriginSide, response: HttpResponse, cause: Cause, now: SimTime): void {
    const p = o.inFlight.shift();
    if (!p) return;
    if (headerSaysClose(response)) o.done = true;
    this.hooks.response(p, response, cause, now);
  }

  /** Requests given to a connection that ends before sending them go back to the front of their origin's queue. */
  private requeue(o: OriginSide): void {
    if (o.waiting.length === 0) return;
    const queue = this.queues.get(o.key) ?? [];
    queue.unshift(...o.waiting.splice(0));
    this.queues.set(o.key, queue);
  }
}

/** True when the origin ends the connection after this response: Connection: close, or HTTP/1.0 (RFC 9112 §9.6, §9.3). */
function headerSaysClose(response: HttpResponse): boolean {
  const connection = response.headers.find((h) => h.name.toLowerCase() === 'connection')?.value.toLowerCase() ?? '';
  return connection.split(',').some((o) => o.trim() === 'close') || response.version === 'HTTP/1.0';
}
