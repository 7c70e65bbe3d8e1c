/**
 * What the HTTP engines report (past tense), and the state events they
 * become (report.ts). Times are SimTime (integer ns) in events, seconds in
 * state data; sizes are body bytes unless named otherwise.
 */
import type { Cause } from '../../engine/face';
import type { SimTime } from '../../sim/time';
import type { BrowseMode } from './schema';

export const PROTOCOL = 'http';

/** When each phase of one object's fetch happened (ns since the page load began); null: the phase did not happen (a reused connection has no connect). */
export interface ObjectPhases {
  /** The host name was resolved (an address in the URL or already known: the start). */
  readonly resolved: SimTime;
  readonly connectStart: SimTime | null;
  readonly connected: SimTime | null;
  readonly requestSent: SimTime;
  readonly firstByte: SimTime;
  readonly lastByte: SimTime;
}

/**
 * A copy a cache now holds (after a miss it stored, or a 304 that refreshed
 * it): how long it stays fresh (s, from age 0), how old it already was when
 * it arrived (s, corrected_initial_age of RFC 9111 §4.2.3: the Age field a
 * cache before it gave, the response delay, the time since its Date) and its
 * body's bytes. Its age at a later moment is `initialAge` plus the time
 * since (cache-policy.ts `ageAt`); it is fresh while that is below
 * `lifetime`.
 */
export interface KeptCopy {
  readonly lifetime: number;
  readonly initialAge: number;
  readonly bytes: number;
}

/** How one object came to the browser. */
export interface ObjectSeen {
  /** The status received (304 for a revalidated copy; the stored one for a fresh copy). */
  readonly status: number;
  /** Body bytes that came over the network (0 from the cache, 0 for a 304). */
  readonly bytes: number;
  readonly phases: ObjectPhases;
  /** Which of the page's connections carried it (1, 2 …; 0: none, it came from the cache) and whether the connection was new for it. */
  readonly connectionNumber: number;
  readonly newConnection: boolean;
  /** 'fresh': served by the cache with no request; 'revalidated': the cache's copy, confirmed by a 304; null: from the server. */
  readonly cache: 'fresh' | 'revalidated' | null;
}

export type HttpEvent =
  /** Browser: it needs the address of `host` (the module's glue asks the node's stub resolver and answers with a command). */
  | { readonly type: 'http.resolveNeeded'; readonly host: string }
  /** Browser: a page load began. */
  | { readonly type: 'http.pageStarted'; readonly url: string; readonly mode: BrowseMode; readonly maxConnections: number; readonly method: string }
  /** Browser: one object arrived whole (or with an error status), or came from the cache. */
  | ({ readonly type: 'http.objectLoaded'; readonly url: string; readonly cause: Cause; readonly connection: string } & ObjectSeen)
  /** Browser: the cache stored a response, or refreshed its copy from a 304 (`status`: the stored response's; `lifetime`, `initialAge`, `bytes` as in KeptCopy). */
  | ({ readonly type: 'http.cacheStored'; readonly url: string; readonly outcome: 'stored' | 'refreshed'; readonly status: number; readonly cause: Cause } & KeptCopy)
  /** Browser: the base page and every object it references are in. */
  | { readonly type: 'http.pageLoaded'; readonly url: string; readonly objects: number; readonly connections: number; readonly elapsed: SimTime; readonly cause: Cause }
  /** Browser: the page load stopped: an address not found, a connection refused or broken, a malformed response. */
  | { readonly type: 'http.pageFailed'; readonly url: string; readonly reason: string; readonly connection: string | null }
  /** Browser: one object could not be had (no address, a broken connection); the page goes on without it. */
  | { readonly type: 'http.objectFailed'; readonly url: string; readonly reason: string }
  /** Either end: bytes that are not HTTP/1.x; the server answers 400 and closes, the browser drops the connection. */
  | { readonly type: 'http.malformed'; readonly reason: string; readonly offset: number; readonly cause: Cause; readonly connection: string }
  /** Server: a request was counted in the site's back-end; `created`: a new user, whose id went out in Set-Cookie. */
  | { readonly type: 'http.backendUpdated'; readonly id: string; readonly visits: number; readonly pages: readonly string[]; readonly created: boolean; readonly cause: Cause; readonly connection: string }
  /** Browser: a Set-Cookie was stored in the node's cookie jar (or deleted it, or was refused, with why). */
  | { readonly type: 'http.cookieStored'; readonly outcome: 'stored' | 'deleted' | 'rejected'; readonly cookie: string; readonly detail: string; readonly cause: Cause; readonly connection: string }
  /**
   * Proxy: a request answered — 'hit' (a fresh copy from its cache, `age` s old), 'miss' (from the origin, stored),
   * 'revalidated' (its stale copy confirmed by a 304), 'passed' (from the origin, not for the cache), 'error' (400, 502).
   */
  | { readonly type: 'http.proxyServed'; readonly url: string; readonly method: string; readonly how: 'hit' | 'miss' | 'revalidated' | 'passed' | 'error'; readonly status: number; readonly age: number | null; readonly kept: KeptCopy | null; readonly cause: Cause; readonly connection: string }
  /** Population: its arrivals are drawn. */
  | { readonly type: 'http.populationStarted'; readonly count: number; readonly rate: number; readonly objects: number; readonly viaProxy: boolean }
  /** Population: one request is over (`cached`: the answer carried Age; null: it failed); the trace keeps only the totals (http.populationDone). */
  | { readonly type: 'http.populationAnswered'; readonly url: string; readonly cached: boolean | null; readonly elapsed: SimTime }
  /** Population: every request has an answer or failed; `fromCache`: answers that carried Age (null without a proxy); times in ns. */
  | { readonly type: 'http.populationDone'; readonly count: number; readonly answered: number; readonly failed: number; readonly fromCache: number | null; readonly meanResponse: SimTime; readonly maxResponse: SimTime }
  /** Server: a persistent connection was idle for the keep-alive timeout and is closed. */
  | { readonly type: 'http.idleClosed'; readonly idle: SimTime; readonly connection: string };

/** The HTTP state types and their data (plain JSON; docs/trace-format.md). */
export type HttpStateData = {
  /** `method`: GET for a page load; a request action's own otherwise (its answer's objects are not fetched). */
  readonly 'http.pageStarted': { readonly url: string; readonly mode: BrowseMode; readonly maxConnections: number; readonly method: string };
  readonly 'http.objectLoaded': {
    readonly url: string;
    readonly status: number;
    readonly bytes: number;
    /** Seconds since the page load began, per phase (null: did not happen). */
    readonly phases: { readonly [phase in keyof ObjectPhases]: number | null };
    readonly connectionNumber: number;
    readonly newConnection: boolean;
    readonly cache: 'fresh' | 'revalidated' | null;
  };
  /** `lifetime`: s the copy stays fresh from age 0; `initialAge`: s old it already was on arrival (unrounded: the cache's own number); `bytes`: its body. */
  readonly 'http.cacheStored': { readonly url: string; readonly outcome: 'stored' | 'refreshed'; readonly status: number; readonly lifetime: number; readonly initialAge: number; readonly bytes: number };
  readonly 'http.pageLoaded': { readonly url: string; readonly objects: number; readonly connections: number; readonly elapsed: number };
  readonly 'http.pageFailed': { readonly url: string; readonly reason: string };
  readonly 'http.objectFailed': { readonly url: string; readonly reason: string };
  readonly 'http.malformed': { readonly reason: string; readonly offset: number };
  readonly 'http.idleClosed': { readonly idle: number };
  /** `kept`: the copy the proxy's cache now holds, after a miss it stored or a revalidation (its `lifetime`, `initialAge`, `bytes` as in cacheStored); else null. */
  readonly 'http.proxyServed': { readonly url: string; readonly method: string; readonly how: 'hit' | 'miss' | 'revalidated' | 'passed' | 'error'; readonly status: number; readonly age: number | null; readonly kept: { readonly lifetime: number; readonly initialAge: number; readonly bytes: number } | null };
  readonly 'http.populationStarted': { readonly count: number; readonly rate: number; readonly objects: number; readonly viaProxy: boolean };
  /** `meanResponse`, `maxResponse` in s. */
  readonly 'http.populationDone': { readonly count: number; readonly answered: number; readonly failed: number; readonly fromCache: number | null; readonly meanResponse: number; readonly maxResponse: number };
  readonly 'http.backendUpdated': { readonly id: string; readonly visits: number; readonly pages: readonly string[]; readonly created: boolean };
  readonly 'http.cookieStored': { readonly outcome: 'stored' | 'deleted' | 'rejected'; readonly cookie: string; readonly detail: string };
};

export const HTTP_STATE_TYPES: readonly (keyof HttpStateData)[] = [
  'http.pageStarted',
  'http.objectLoaded',
  'http.cacheStored',
  'http.pageLoaded',
  'http.pageFailed',
  'http.objectFailed',
  'http.malformed',
  'http.idleClosed',
  'http.backendUpdated',
  'http.cookieStored',
  'http.proxyServed',
  'http.populationStarted',
  'http.populationDone',
];
