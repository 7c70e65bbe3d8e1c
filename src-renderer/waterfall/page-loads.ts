/**
 * The page loads of a trace, for the waterfall: each browser page load with
 * its objects, their phases and the messages that carried them, read from the
 * HTTP engines' state events (src-core/protocols/http/report.ts) — nothing is
 * re-derived from the packets.
 *
 * Rules:
 * - A page load is an `http.pageStarted` state event and the HTTP state
 *   events on the same node after it, up to its `http.pageLoaded` or
 *   `http.pageFailed`. The browser loads one page at a time
 *   (src-core/protocols/http/browser.ts), so an object's event belongs to
 *   the load last started on its node.
 * - Times: `start` and every `absolute` time are SimTime (integer ns since
 *   the run began); `relative` times are ns since the load's start (the
 *   events' seconds, rounded to the nearest ns).
 * - Objects are in the order their fetches began, as a browser's network
 *   panel lists them: by the start of their bar (phases.ts barSpan: the name
 *   lookup, the connect or the request), then by when the request was sent,
 *   then by the request message's id (pipelined requests written at one
 *   instant keep the order they were written in).
 * - Messages: an object's `http.objectLoaded` is caused by the HTTP response
 *   that completed it (`responseId`); the response is caused by its request
 *   (`requestId`); the request by what made the browser want the object —
 *   the response that referenced it (its arrival is `wanted`), or for the
 *   page itself nothing or the DNS answer (then `wanted` is the start).
 */
import type { BrowseMode } from '../../src-core/protocols/http/schema';
import { seconds, type SimTime } from '../../src-core/sim/time';
import type { MessageEvent, StateEvent, TraceEvent } from '../../src-core/trace/types';
import { httpStateData, isPageLoadStateType, type PageLoadStateData } from './http-state';
import { barSpan } from './phases';

/** When each phase of one object's fetch happened; null: it did not (an object on a reused connection has no connect). */
export interface ObjectTimes {
  /** The host's address was known. */
  readonly resolved: SimTime;
  readonly connectStart: SimTime | null;
  readonly connected: SimTime | null;
  readonly requestSent: SimTime;
  readonly firstByte: SimTime;
  readonly lastByte: SimTime;
}

export interface PageObject {
  readonly url: string;
  /** The URL as a row shows it: the path (and query) on the page's own server, else host and path. */
  readonly path: string;
  readonly status: number;
  /** Body bytes. */
  readonly bytes: number;
  /** Which of the page's connections carried it (1, 2 …; 0: none), and whether it opened that connection. */
  readonly connectionNumber: number;
  readonly newConnection: boolean;
  /** 'fresh': from the browser's cache, no request; 'revalidated': its copy, confirmed by a 304; null: from the server. */
  readonly cache: 'fresh' | 'revalidated' | null;
  /** The TCP connection's id in the trace. */
  readonly connection: string | null;
  /** ns since the page load began. */
  readonly relative: ObjectTimes;
  /** SimTime. */
  readonly absolute: ObjectTimes;
  /** When the browser wanted it, ns since the page load began: 0 for the page itself, else the arrival of the response that referenced it. */
  readonly wanted: SimTime;
  /** The `http.objectLoaded` state event. */
  readonly loadedId: number;
  readonly responseId: number | null;
  readonly requestId: number | null;
}

export interface FailedObject {
  readonly url: string;
  readonly reason: string;
  readonly eventId: number;
  /** ns since the page load began. */
  readonly at: SimTime;
}

export type PageOutcome =
  /** `elapsed`: the page-load time, ns (the `pageLoadTime` metric). */
  | { readonly kind: 'loaded'; readonly elapsed: SimTime; readonly objects: number; readonly connections: number; readonly eventId: number }
  | { readonly kind: 'failed'; readonly reason: string; readonly eventId: number }
  /** Still loading when the trace ends (a run under way, or stopped). */
  | { readonly kind: 'unfinished' };

export interface PageLoad {
  /** The `http.pageStarted` state event. */
  readonly startedId: number;
  /** The browser's node id. */
  readonly node: string;
  readonly url: string;
  readonly mode: BrowseMode;
  readonly maxConnections: number;
  /** SimTime. */
  readonly start: SimTime;
  /** In the order their fetches began. */
  readonly objects: readonly PageObject[];
  readonly failed: readonly FailedObject[];
  readonly outcome: PageOutcome;
}

interface Draft {
  readonly load: Omit<PageLoad, 'objects' | 'failed' | 'outcome'>;
  readonly objects: PageObject[];
  readonly failed: FailedObject[];
  outcome: PageOutcome;
}

/** The page loads in `events`, in the order they started; `stateIds` lists the state events to look at (default: every event). */
export function pageLoadsOf(events: readonly TraceEvent[], stateIds?: Iterable<number>): PageLoad[] {
  const drafts: Draft[] = [];
  /** The load last started on each node, while it is under way. */
  const current = new Map<string, Draft>();
  for (const id of stateIds ?? events.keys()) {
    const event = events[id];
    if (event?.kind !== 'state' || event.protocol !== 'http' || !isPageLoadStateType(event.type)) continue;
    const started = httpStateData(event, 'http.pageStarted');
    if (started) {
      const draft: Draft = {
        load: { startedId: event.id, node: event.node, url: started.url, mode: started.mode, maxConnections: started.maxConnections, start: event.at },
        objects: [],
        failed: [],
        outcome: { kind: 'unfinished' },
      };
      drafts.push(draft);
      current.set(event.node, draft);
      continue;
    }
    const draft = current.get(event.node);
    if (draft) addEvent(draft, event, events, current);
  }
  return drafts.map((d) => ({ ...d.load, objects: d.objects.sort(byStart), failed: d.failed, outcome: d.outcome }));
}

function addEvent(draft: Draft, event: StateEvent, events: readonly TraceEvent[], current: Map<string, Draft>): void {
  const loaded = httpStateData(event, 'http.objectLoaded');
  if (loaded) {
    draft.objects.push(pageObject(draft.load, event, loaded, events));
    return;
  }
  const failedObject = httpStateData(event, 'http.objectFailed');
  if (failedObject) {
    draft.failed.push({ url: failedObject.url, reason: failedObject.reason, eventId: event.id, at: event.at - draft.load.start });
    return;
  }
  const done = httpStateData(event, 'http.pageLoaded');
  if (done) {
    draft.outcome = { kind: 'loaded', elapsed: seconds(done.elapsed), objects: done.objects, connections: done.connections, eventId: event.id };
    current.delete(event.node);
    return;
  }
  const failed = httpStateData(event, 'http.pageFailed');
  if (failed) {
    draft.outcome = { kind: 'failed', reason: failed.reason, eventId: event.id };
    current.delete(event.node);
  }
}

function pageObject(load: Draft['load'], event: StateEvent, data: PageLoadStateData['http.objectLoaded'], events: readonly TraceEvent[]): PageObject {
  const p = data.phases;
  const ns = (s: number | null) => (s === null ? null : seconds(s));
  const relative: ObjectTimes = {
    resolved: seconds(p.resolved),
    connectStart: ns(p.connectStart),
    connected: ns(p.connected),
    requestSent: seconds(p.requestSent),
    firstByte: seconds(p.firstByte),
    lastByte: seconds(p.lastByte),
  };
  const at = (t: SimTime | null) => (t === null ? null : load.start + t);
  const absolute: ObjectTimes = {
    resolved: load.start + relative.resolved,
    connectStart: at(relative.connectStart),
    connected: at(relative.connected),
    requestSent: load.start + relative.requestSent,
    firstByte: load.start + relative.firstByte,
    lastByte: load.start + relative.lastByte,
  };
  const response = httpMessage(events, event.causedBy);
  const request = response ? httpMessage(events, response.causedBy) : null;
  const isRequest = request !== null && request.from === event.node;
  const referrer = isRequest ? httpMessage(events, request.causedBy) : null;
  const earliest = relative.connectStart ?? relative.requestSent;
  const wanted = referrer?.receivedAt != null ? Math.min(earliest, Math.max(0, referrer.receivedAt - load.start)) : 0;
  return {
    url: data.url,
    path: shortUrl(data.url, load.url),
    status: data.status,
    bytes: data.bytes,
    connectionNumber: data.connectionNumber,
    newConnection: data.newConnection,
    cache: data.cache,
    connection: event.connection,
    relative,
    absolute,
    wanted,
    loadedId: event.id,
    responseId: response?.id ?? null,
    requestId: isRequest ? request.id : null,
  };
}

function httpMessage(events: readonly TraceEvent[], id: number | null): MessageEvent | null {
  const event = id === null ? undefined : events[id];
  return event?.kind === 'message' && event.protocol === 'http' ? event : null;
}

function byStart(a: PageObject, b: PageObject): number {
  return (
    barSpan(a).from - barSpan(b).from ||
    a.relative.requestSent - b.relative.requestSent ||
    (a.requestId ?? Infinity) - (b.requestId ?? Infinity) ||
    a.loadedId - b.loadedId
  );
}

const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)(.*)$/i;

/** "http://www.example.com/img1.jpg" on a page of www.example.com → "/img1.jpg"; on another server → "cdn.example.com/img1.jpg". */
export function shortUrl(url: string, pageUrl: string): string {
  const own = ORIGIN.exec(url);
  if (!own) return url;
  const page = ORIGIN.exec(pageUrl);
  const path = own[2] === '' ? '/' : own[2]!;
  return page && page[1]!.toLowerCase() === own[1]!.toLowerCase() ? path : `${own[1]}${path}`;
}
