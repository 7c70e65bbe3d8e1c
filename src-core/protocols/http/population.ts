/**
 * The institution's users as one engine (Kurose & Ross §2.2.5, the access
 * link example): `count` requests for objects picked at random among
 * `targets`, arriving at random at `rate` per second (a Poisson process:
 * exponential gaps, drawn from the run's seeded generator),
 * each from a client of its own on a connection of its own (HTTP/1.1 with
 * Connection: close), straight to the origin or to the proxy.
 *
 * Rules:
 * - The first request arrives when the action starts; gap k after it is
 *   −ln(u)/rate seconds, u uniform in (0, 1) from env.random32();
 *   the object is targets[⌊u'·n⌋] for another uniform u'. Both are drawn
 *   when the engine starts, so the arrivals do not depend on the network.
 * - A request's response time runs from its arrival (the connect) to the
 *   last byte of its response.
 * - A response that carries Age came from a cache (RFC 9111 §5.1: an
 *   origin server sends none): the proxy's hit rate is measured at the
 *   clients that way.
 * - When every request has an answer (or failed), the engine reports
 *   http.populationDone with the counts, mean and largest response time.
 */
import type { EngineEnv, SocketAddr, SocketId, StreamEvent } from '../../engine/face';
import { EngineBase } from '../../engine/base';
import type { SimTime } from '../../sim/time';
import { hostHeader, USER_AGENT, type HttpUrl } from './browser-request';
import { encodeRequest } from './encode';
import { PROTOCOL, type HttpEvent } from './events';
import { headerValue, type HttpRequest } from './message';
import { HttpParser } from './parser';
import { requestSummary } from './summary';

export interface PopulationTarget {
  readonly url: HttpUrl;
  /** Where the request goes: the origin, or the proxy. */
  readonly to: SocketAddr;
  readonly viaProxy: boolean;
}

export interface PopulationCommand {
  readonly targets: readonly PopulationTarget[];
  /** Requests per second. */
  readonly rate: number;
  readonly count: number;
}

interface Pending {
  readonly socket: SocketId;
  readonly target: PopulationTarget;
  readonly arrival: SimTime;
  readonly parser: HttpParser;
  done: boolean;
  /** Our side is closed (or reset). */
  closed: boolean;
}

export class PopulationEngine extends EngineBase<HttpEvent, PopulationCommand> {
  /** Arrivals not started yet, in time order. */
  private arrivals: { readonly at: SimTime; readonly target: PopulationTarget }[] = [];
  private next = 0;
  private readonly pending = new Map<SocketId, Pending>();
  private readonly times: SimTime[] = [];
  private fromCache = 0;
  private failed = 0;
  private total = 0;
  private viaProxy = false;

  constructor(private readonly env: EngineEnv) {
    super(PROTOCOL);
  }

  private uniform(): number {
    return (this.env.random32() + 0.5) / 4_294_967_296;
  }

  override handleCommand(c: PopulationCommand, now: SimTime): void {
    if (this.total > 0 || c.targets.length === 0) return;
    this.total = c.count;
    this.viaProxy = c.targets.some((t) => t.viaProxy);
    let at = now;
    for (let k = 0; k < c.count; k++) {
      if (k > 0) at += Math.round((-Math.log(this.uniform()) / c.rate) * 1e9);
      this.arrivals.push({ at, target: c.targets[Math.min(c.targets.length - 1, Math.floor(this.uniform() * c.targets.length))]! });
    }
    this.out.event({ type: 'http.populationStarted', count: c.count, rate: c.rate, objects: c.targets.length, viaProxy: this.viaProxy });
    this.handleTimeout(now);
  }

  override pollTimeout(): { at: SimTime; weak: boolean } | null {
    const a = this.arrivals[this.next];
    return a ? { at: a.at, weak: false } : null;
  }

  override handleTimeout(now: SimTime): void {
    while (this.next < this.arrivals.length && this.arrivals[this.next]!.at <= now) {
      const { target, at } = this.arrivals[this.next++]!;
      const socket = this.env.socketId();
      this.pending.set(socket, { socket, target, arrival: at, parser: new HttpParser('response'), done: false, closed: false });
      this.out.connect(socket, target.to);
    }
  }

  override handleStream(e: StreamEvent, now: SimTime): void {
    const p = this.pending.get(e.socket);
    if (!p) return;
    switch (e.type) {
      case 'connected': {
        const request = requestFor(p.target);
        p.parser.expectResponseTo('GET');
        this.out.write(e.socket, encodeRequest(request), this.out.label(requestSummary(request), null));
        return;
      }
      case 'data':
        for (const parsed of p.parser.push(e.data)) this.answered(p, parsed.ok && parsed.message.kind === 'response' && parsed.message.status < 500 ? headerValue(parsed.message.headers, 'age') !== undefined : null, now);
        return;
      case 'peerClosed':
        for (const parsed of p.parser.end()) this.answered(p, parsed.ok ? headerValue(parsed.message.headers, 'age') !== undefined : null, now);
        this.answered(p, null, now); // closed before an answer: failed
        this.closeOwnSide(p, 'close');
        return;
      case 'closed':
        if (!p.done) this.answered(p, null, now);
        this.pending.delete(e.socket);
        return;
      case 'failed':
        this.answered(p, null, now);
        this.pending.delete(e.socket);
        return;
      case 'accepted':
      case 'acked':
        return;
    }
  }

  private closeOwnSide(p: Pending, how: 'close' | 'abort'): void {
    if (p.closed) return;
    p.closed = true;
    if (how === 'close') this.out.close(p.socket);
    else this.out.abort(p.socket);
  }

  /**
   * A request is over: `cached` says whether a cache answered it; null: it
   * failed. The client closes its side once it has its answer (it asked for
   * Connection: close); bytes that are not HTTP reset the connection.
   */
  private answered(p: Pending, cached: boolean | null, now: SimTime): void {
    if (p.done) return;
    p.done = true;
    this.closeOwnSide(p, cached === null && !p.parser.stopped ? 'close' : cached === null ? 'abort' : 'close');
    this.out.event({ type: 'http.populationAnswered', url: p.target.url.href, cached, elapsed: now - p.arrival });
    if (cached === null) this.failed++;
    else {
      this.times.push(now - p.arrival);
      if (cached) this.fromCache++;
    }
    if (this.times.length + this.failed === this.total) {
      const sum = this.times.reduce((a, b) => a + b, 0);
      this.out.event({
        type: 'http.populationDone',
        count: this.total,
        answered: this.times.length,
        failed: this.failed,
        fromCache: this.viaProxy ? this.fromCache : null,
        meanResponse: this.times.length > 0 ? Math.round(sum / this.times.length) : 0,
        maxResponse: this.times.length > 0 ? Math.max(...this.times) : 0,
      });
    }
  }
}

function requestFor(t: PopulationTarget): HttpRequest {
  return {
    kind: 'request',
    method: 'GET',
    // to a proxy the target is the whole URL (RFC 9112 §3.2.2)
    target: t.viaProxy ? t.url.href : t.url.target,
    version: 'HTTP/1.1',
    headers: [
      { name: 'Host', value: hostHeader(t.url) },
      { name: 'User-Agent', value: USER_AGENT },
      { name: 'Connection', value: 'close' },
    ],
    body: new Uint8Array(0),
  };
}
