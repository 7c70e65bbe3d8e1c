/**
 * The bookkeeping of one page load in the browser engine (browser.ts): the
 * page, the fetches it wants (the base, each object its HTML references,
 * each redirect followed) and the connections that carry them. Plain records
 * and the functions that keep them; the engine sends, receives and traces.
 *
 * Rules:
 * - A URL is fetched once per page, however often the page references it; a
 *   redirect's target is fetched even when the page already had it.
 * - Fetches wait in queues by server ("host:port"), in the order the page
 *   names them; with an explicit proxy there is one queue, the proxy's, and
 *   one set of connections.
 * - A fetch assigned to a connection that ends before sending it goes back
 *   to the front of its queue, once (RFC 9112 §9.3.1: a request not yet sent
 *   may go on another connection); a second time it fails.
 * - The page is loaded when no fetch is outstanding: each fetch counts until
 *   its object is delivered or it fails.
 * Times are SimTime (ns); the phases of an object count from the page load's
 * start.
 */
import type { Cause, SocketAddr, SocketId } from '../../engine/face';
import type { SimTime } from '../../sim/time';
import { GET, type HttpUrl, type RequestSpec } from './browser-request';
import type { HttpEvent, ObjectPhases } from './events';
import type { HeaderField } from './message';
import type { HttpParser } from './parser';
import type { BrowseMode } from './schema';

export interface Fetch {
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

export interface Connection {
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

export interface Page {
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
  /** Fetches not yet assigned to a connection, by server ("host:port"), in the order the page names them. */
  readonly queues: Map<string, Fetch[]>;
  outstanding: number;
  objects: number;
  connectionsOpened: number;
  lastCause: Cause;
  finished: boolean;
}

/** What a fetch delivers: the response received, or the cached copy that stands for it. */
export interface Delivered {
  readonly status: number;
  readonly headers: readonly HeaderField[];
  readonly body: Uint8Array;
}

/** With a proxy every request goes to it: one queue, one set of connections. */
const PROXY_KEY = 'proxy';

/** The queue (and the connections) a fetch of `url` belongs to. */
function queueKey(page: Page, url: HttpUrl): string {
  return page.proxy ? PROXY_KEY : `${url.host}:${url.port}`;
}

/** A page load beginning at `now`, nothing fetched yet. */
export function startPage(url: HttpUrl, how: { readonly fetchesObjects: boolean; readonly proxy: SocketAddr | null; readonly mode: BrowseMode; readonly maxConnections: number }, now: SimTime): Page {
  return { url, ...how, startedAt: now, seen: new Set(), queues: new Map(), outstanding: 0, objects: 0, connectionsOpened: 0, lastCause: null, finished: false };
}

/** Queues a fetch of `url` at the back of its server's queue (once per page, redirects apart). */
export function queueFetch(page: Page, url: HttpUrl, isPage: boolean, redirects: number, cause: Cause, request: RequestSpec = GET): void {
  if (redirects === 0 && page.seen.has(url.href)) return;
  page.seen.add(url.href);
  const key = queueKey(page, url);
  const queue = page.queues.get(key) ?? [];
  queue.push({ url, isPage, request, redirects, cause, retries: 0, conditional: null, sentHeaders: [], cacheChecked: false, resolvedAt: null, connectStart: null, connected: null, requestSent: null, firstByte: null, newConnection: false });
  page.queues.set(key, queue);
  page.outstanding++;
}

/**
 * The fetches waiting on a connection that ends go back to the front of its
 * queue, in order; one that went back before is handed to `fail` instead.
 */
export function requeueWaiting(page: Page, c: Connection, fail: (f: Fetch) => void): void {
  if (c.waiting.length === 0) return;
  const again: Fetch[] = [];
  for (const f of c.waiting.splice(0)) {
    if (f.retries >= 1) {
      fail(f);
      continue;
    }
    f.retries++;
    again.push(f);
  }
  const queue = page.queues.get(c.server) ?? [];
  queue.unshift(...again);
  page.queues.set(c.server, queue);
}

/** When each phase of a fetch answered at `now` happened, from the page load's start (a phase of a reused connection's handshake did not happen: null). */
export function objectPhases(f: Fetch, page: Page, now: SimTime): ObjectPhases {
  return {
    resolved: (f.resolvedAt ?? now) - page.startedAt,
    connectStart: f.newConnection && f.connectStart !== null ? f.connectStart - page.startedAt : null,
    connected: f.newConnection && f.connected !== null ? f.connected - page.startedAt : null,
    requestSent: (f.requestSent ?? now) - page.startedAt,
    firstByte: (f.firstByte ?? now) - page.startedAt,
    lastByte: now - page.startedAt,
  };
}

/** Ends the page load once nothing is outstanding: marks it finished and gives its http.pageLoaded event; null while it goes on (or once it is over). */
export function finishIfDone(page: Page, now: SimTime): HttpEvent | null {
  if (page.finished || page.outstanding > 0) return null;
  page.finished = true;
  return { type: 'http.pageLoaded', url: page.url.href, objects: page.objects, connections: page.connectionsOpened, elapsed: now - page.startedAt, cause: page.lastCause };
}
