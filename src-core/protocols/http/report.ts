/**
 * HTTP engine events → state events and metrics. Metric: `pageLoadTime`
 * (s) at the browser, from the page load's start (name resolution included)
 * to the last byte of its last object — the time the course's formulas
 * give for each mode. `http.resolveNeeded` is the browser asking the node's
 * resolver (module.ts): not a state of its own (the DNS messages and the
 * stub's events show the lookup); `http.populationAnswered` is one of many
 * users' requests, of which the trace keeps the totals (http.populationDone).
 */
import type { Reporter } from '../../host/reporter';
import { toSeconds, type SimTime } from '../../sim/time';
import { secondsText } from '../bulk/report';
import type { HttpEvent, HttpStateData, ObjectPhases } from './events';

const seconds = (t: SimTime | null) => (t === null ? null : toSeconds(t));

function phasesData(p: ObjectPhases): HttpStateData['http.objectLoaded']['phases'] {
  return {
    resolved: seconds(p.resolved),
    connectStart: seconds(p.connectStart),
    connected: seconds(p.connected),
    requestSent: seconds(p.requestSent),
    firstByte: seconds(p.firstByte),
    lastByte: seconds(p.lastByte),
  };
}

export function reportHttp(e: HttpEvent, r: Reporter<HttpStateData>): void {
  switch (e.type) {
    case 'http.resolveNeeded':
    case 'http.populationAnswered':
      return;
    case 'http.pageStarted': {
      const how = e.mode === 'non-persistent' ? 'non-persistent HTTP/1.0' : e.mode === 'persistent' ? 'persistent HTTP/1.1' : 'pipelined HTTP/1.1';
      const connections = e.maxConnections === 1 ? 'one connection' : `up to ${e.maxConnections} parallel connections`;
      const summary = e.method === 'GET' ? `loading ${e.url} over ${how}, ${connections} per server` : `sending ${e.method} ${e.url}`;
      r.state('http.pageStarted', { summary, data: { url: e.url, mode: e.mode, maxConnections: e.maxConnections, method: e.method } });
      return;
    }
    case 'http.objectLoaded': {
      const on = `connection ${e.connectionNumber}${e.newConnection ? ' (new)' : ''}`;
      const how =
        e.cache === 'fresh'
          ? `from the browser's cache (fresh: no request), at ${secondsText(e.phases.lastByte)}`
          : `${e.status}${e.cache === 'revalidated' ? ' Not Modified: the cached copy is used' : `, ${e.bytes} bytes`}, on ${on}, last byte after ${secondsText(e.phases.lastByte)}`;
      r.state('http.objectLoaded', {
        summary: `${e.url}: ${how}`,
        causedBy: e.cause,
        connection: e.connection === '' ? null : e.connection,
        data: { url: e.url, status: e.status, bytes: e.bytes, phases: phasesData(e.phases), connectionNumber: e.connectionNumber, newConnection: e.newConnection, cache: e.cache },
      });
      return;
    }
    case 'http.cacheStored':
      r.state('http.cacheStored', {
        summary: e.outcome === 'stored' ? `browser cache: stored ${e.url} (${e.status})` : `browser cache: ${e.url} confirmed by a 304, kept`,
        causedBy: e.cause,
        data: { url: e.url, outcome: e.outcome, status: e.status, lifetime: e.lifetime, initialAge: e.initialAge, bytes: e.bytes },
      });
      return;
    case 'http.pageLoaded': {
      const objects = e.objects === 1 ? '1 object' : `${e.objects} objects`;
      const connections = e.connections === 1 ? '1 connection' : `${e.connections} connections`;
      r.state('http.pageLoaded', { summary: `page ${e.url} loaded: ${objects} over ${connections} in ${secondsText(e.elapsed)}`, causedBy: e.cause, data: { url: e.url, objects: e.objects, connections: e.connections, elapsed: toSeconds(e.elapsed) } });
      r.durationMetric('pageLoadTime', e.elapsed, (s) => `${e.url}: ${objects} over ${connections} in ${s}`);
      return;
    }
    case 'http.pageFailed':
      r.state('http.pageFailed', { summary: `could not load ${e.url}: ${e.reason}`, connection: e.connection, data: { url: e.url, reason: e.reason } });
      return;
    case 'http.objectFailed':
      r.state('http.objectFailed', { summary: `could not fetch ${e.url}: ${e.reason}`, data: { url: e.url, reason: e.reason } });
      return;
    case 'http.malformed':
      r.state('http.malformed', { summary: `not HTTP/1.x at byte ${e.offset}: ${e.reason}`, causedBy: e.cause, connection: e.connection, data: { reason: e.reason, offset: e.offset } });
      return;
    case 'http.backendUpdated': {
      const what = e.created ? `new user ${e.id}: Set-Cookie sent, a row created` : `user ${e.id} came back (cookie): visit ${e.visits}`;
      r.state('http.backendUpdated', { summary: `back-end: ${what}, pages ${e.pages.join(' ')}`, causedBy: e.cause, connection: e.connection, data: { id: e.id, visits: e.visits, pages: e.pages, created: e.created } });
      return;
    }
    case 'http.cookieStored': {
      const verb = e.outcome === 'stored' ? 'stored' : e.outcome === 'deleted' ? 'deleted' : 'refused';
      r.state('http.cookieStored', { summary: `cookie ${verb}: ${e.cookie}${e.detail ? ` (${e.detail})` : ''}`, causedBy: e.cause, connection: e.connection, data: { outcome: e.outcome, cookie: e.cookie, detail: e.detail } });
      return;
    }
    case 'http.proxyServed': {
      const how = {
        hit: `a hit: from the cache (${Number((e.age ?? 0).toFixed(3))} s old), the origin not asked`,
        miss: 'a miss: fetched from the origin, stored',
        revalidated: 'the cached copy, confirmed by the origin (304)',
        passed: 'passed on to the origin (not for the cache)',
        error: 'could not be served',
      }[e.how];
      r.state('http.proxyServed', { summary: `proxy: ${e.method} ${e.url} → ${e.status}, ${how}`, causedBy: e.cause, connection: e.connection === '' ? null : e.connection, data: { url: e.url, method: e.method, how: e.how, status: e.status, age: e.age === null ? null : Number(e.age.toFixed(3)), kept: e.kept } });
      return;
    }
    case 'http.populationStarted':
      r.state('http.populationStarted', {
        summary: `${e.count} requests for ${e.objects} objects at ${e.rate} per second (Poisson arrivals)${e.viaProxy ? ', through the proxy' : ''}`,
        data: { count: e.count, rate: e.rate, objects: e.objects, viaProxy: e.viaProxy },
      });
      return;
    case 'http.populationDone': {
      const hits = e.fromCache === null ? '' : `, ${e.fromCache} from the proxy's cache`;
      r.state('http.populationDone', {
        summary: `${e.answered} of ${e.count} answered${hits}${e.failed > 0 ? `, ${e.failed} failed` : ''}: mean response ${secondsText(e.meanResponse)}, longest ${secondsText(e.maxResponse)}`,
        data: { count: e.count, answered: e.answered, failed: e.failed, fromCache: e.fromCache, meanResponse: toSeconds(e.meanResponse), maxResponse: toSeconds(e.maxResponse) },
      });
      r.durationMetric('meanResponseTime', e.meanResponse, (s) => `mean of ${e.answered} responses, arrival to last byte: ${s}`);
      if (e.fromCache !== null && e.answered > 0) r.metric('hitRate', e.fromCache / e.answered, 'ratio', `${e.fromCache} of ${e.answered} answers came from the proxy's cache (they carried Age)`);
      return;
    }
    case 'http.idleClosed':
      r.state('http.idleClosed', { summary: `closing a connection idle for ${secondsText(e.idle)} (keep-alive timeout)`, connection: e.connection, data: { idle: toSeconds(e.idle) } });
      return;
  }
}
