// The page loads of the two HTTP lessons, read from their real traces:
// RTT = 30 ms, the page and 10 images on www.example.com (hosts file, so no
// DNS). Non-persistent: a serial load at 0 ms and 5 in parallel at 2 s;
// persistent: one request at a time at 0 ms, pipelined at 1 s.
import { describe, expect, it } from 'vitest';
import { NS_PER_MS, NS_PER_S } from '../../src-core/sim/time';
import type { StateEvent, TraceEvent } from '../../src-core/trace/types';
import { locateEvent } from './locate';
import { pageLoadsOf, shortUrl, type PageObject } from './page-loads';
import { barSpan } from './phases';
import { connectionText } from './labels';
import { lessonLoads } from './test-traces';

const IMAGES = Array.from({ length: 10 }, (_, i) => `/img${i + 1}.jpg`);

function message(events: readonly TraceEvent[], id: number | null) {
  const e = id === null ? undefined : events[id];
  if (e?.kind !== 'message') throw new Error(`event ${id} is not a message`);
  return e;
}

describe('page loads of the non-persistent lesson', () => {
  const { events, loads, pageLoadTimes } = lessonLoads('http-non-persistent');
  const [serial, parallel] = loads;

  it('finds both loads on the browser, with their mode, start and page-load time (the metric)', () => {
    expect(loads).toHaveLength(2);
    expect(serial).toMatchObject({ node: 'client', url: 'http://www.example.com/index.html', mode: 'non-persistent', maxConnections: 1, start: 0 });
    expect(parallel).toMatchObject({ node: 'client', mode: 'non-persistent', maxConnections: 5, start: 2 * NS_PER_S });
    const elapsed = loads.map((l) => (l.outcome.kind === 'loaded' ? l.outcome.elapsed / NS_PER_S : null));
    expect(elapsed[0]).toBeCloseTo(pageLoadTimes[0]!, 9);
    expect(elapsed[1]).toBeCloseTo(pageLoadTimes[1]!, 9);
    expect(serial!.outcome).toMatchObject({ kind: 'loaded', objects: 11, connections: 11 });
  });

  it('lists the serial load’s 11 objects in request order, each on a new connection of its own, one after the other', () => {
    const objects = serial!.objects;
    expect(objects.map((o) => o.path)).toEqual(['/index.html', ...IMAGES]);
    expect(objects.map((o) => o.connectionNumber)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    expect(objects.every((o) => o.newConnection && o.status === 200)).toBe(true);
    expect(objects.map((o) => o.bytes).slice(1)).toEqual(Array(10).fill(1000));
    for (const [i, o] of objects.entries()) {
      // every fetch costs two round trips: the handshake, then the request and its response
      expect(o.relative.connected! - o.relative.connectStart!).toBeGreaterThanOrEqual(30 * NS_PER_MS);
      expect(o.relative.firstByte - o.relative.requestSent).toBeGreaterThanOrEqual(30 * NS_PER_MS);
      if (i > 0) expect(barSpan(o).from).toBeGreaterThanOrEqual(barSpan(objects[i - 1]!).to);
    }
  });

  it('keeps absolute times (SimTime) beside the relative ones', () => {
    for (const load of loads) {
      for (const o of load.objects) {
        expect(o.absolute.requestSent).toBe(load.start + o.relative.requestSent);
        expect(o.absolute.lastByte).toBe(load.start + o.relative.lastByte);
        expect(Number.isInteger(o.absolute.lastByte)).toBe(true);
        // the object's event is at its last byte
        expect(events[o.loadedId]!.kind === 'state' && (events[o.loadedId] as StateEvent).at).toBe(o.absolute.lastByte);
      }
    }
  });

  it('names each object’s response and request messages', () => {
    for (const o of [...serial!.objects, ...parallel!.objects]) {
      const response = message(events, o.responseId);
      const request = message(events, o.requestId);
      expect(response.protocol).toBe('http');
      expect(response.from).toBe('server');
      expect(response.summary).toMatch(/^HTTP\/1\.[01] 200 OK/);
      expect(response.causedBy).toBe(request.id);
      expect(request.from).toBe('client');
      expect(request.summary).toBe(`GET ${o.path} HTTP/1.0`);
      expect(request.sentAt).toBe(o.absolute.requestSent);
      expect(response.receivedAt).toBe(o.absolute.lastByte);
      expect(response.connection).toBe(o.connection);
    }
  });

  it('the images are wanted when the page’s HTML arrives, so no DNS segment (the name is in the hosts file)', () => {
    const html = serial!.objects[0]!;
    expect(html.wanted).toBe(0);
    for (const o of serial!.objects.slice(1)) expect(o.wanted).toBe(html.relative.lastByte);
    expect(serial!.objects.every((o) => o.relative.resolved <= o.wanted)).toBe(true);
  });

  it('the parallel load overlaps its image fetches, five at a time', () => {
    const spans = parallel!.objects.slice(1).map(barSpan);
    const overlapping = (i: number, j: number) => spans[i]!.from < spans[j]!.to && spans[j]!.from < spans[i]!.to;
    expect(overlapping(0, 4)).toBe(true);
    // the sixth image waits for one of the first five connections to end
    expect(spans[5]!.from).toBeGreaterThanOrEqual(spans[0]!.to);
    expect(new Set(parallel!.objects.map((o) => o.connectionNumber)).size).toBe(11);
  });

  it('locates an event in the loads: an object’s messages, its TCP segments, the load’s own events', () => {
    const o = parallel!.objects[3]!;
    expect(locateEvent(loads, events, o.responseId!)).toEqual({ load: 1, row: 3 });
    expect(locateEvent(loads, events, o.requestId!)).toEqual({ load: 1, row: 3 });
    expect(locateEvent(loads, events, o.loadedId)).toEqual({ load: 1, row: 3 });
    const segment = events.find((e) => e.kind === 'message' && e.carries.includes(serial!.objects[2]!.responseId!))!;
    expect(locateEvent(loads, events, segment.id)).toEqual({ load: 0, row: 2 });
    expect(locateEvent(loads, events, parallel!.startedId)).toEqual({ load: 1, row: -1 });
    const handshake = events.find((e) => e.kind === 'message' && e.protocol === 'tcp' && e.carries.length === 0)!;
    expect(locateEvent(loads, events, handshake.id)).toBeNull();
  });
});

describe('page loads of the persistent lesson', () => {
  const { events, loads } = lessonLoads('http-persistent');
  const [persistent, pipelined] = loads;

  it('one connection for all 11 objects, opened by the page; one request at a time, then all images at once', () => {
    for (const load of [persistent!, pipelined!]) {
      expect(load.objects.map((o) => o.path)).toEqual(['/index.html', ...IMAGES]);
      expect(load.objects.every((o) => o.connectionNumber === 1)).toBe(true);
      expect(load.objects.map((o) => o.newConnection)).toEqual([true, ...Array(10).fill(false)]);
      expect(load.objects.slice(1).every((o) => o.relative.connectStart === null && o.relative.connected === null)).toBe(true);
    }
    expect(persistent!.mode).toBe('persistent');
    for (const [i, o] of persistent!.objects.entries()) if (i > 0) expect(o.relative.requestSent).toBe(persistent!.objects[i - 1]!.relative.lastByte);
    expect(pipelined!.mode).toBe('pipelined');
    const images = pipelined!.objects.slice(1);
    expect(new Set(images.map((o) => o.relative.requestSent)).size).toBe(1);
    expect(images[0]!.relative.requestSent).toBe(pipelined!.objects[0]!.relative.lastByte);
    // in the order they were written on the connection, and answered in that order
    const requestIds = images.map((o) => o.requestId!);
    expect(requestIds).toEqual([...requestIds].sort((a, b) => a - b));
    expect(images.map((o) => message(events, o.requestId).summary)).toEqual(IMAGES.map((p) => `GET ${p} HTTP/1.1`));
  });
});

describe('reading page loads', () => {
  it('skips HTTP state data of the wrong shape, and a load still under way is unfinished', () => {
    const { events, loads } = lessonLoads('http-persistent');
    const first = loads[0]!;
    const cut = events.slice(0, first.objects[3]!.loadedId + 1);
    const broken = cut.map((e) => (e.id === first.objects[1]!.loadedId && e.kind === 'state' ? { ...e, data: { ...e.data, phases: 'soon' } } : e));
    const [partial] = pageLoadsOf(broken);
    expect(partial!.outcome).toEqual({ kind: 'unfinished' });
    expect(partial!.objects.map((o: PageObject) => o.path)).toEqual(['/index.html', '/img2.jpg', '/img3.jpg']);
    expect(pageLoadsOf(events, [])).toEqual([]);
  });

  it('writes URLs short: the path on the page’s server, host and path on another', () => {
    expect(shortUrl('http://www.example.com/img1.jpg', 'http://www.example.com/index.html')).toBe('/img1.jpg');
    expect(shortUrl('http://WWW.example.com', 'http://www.example.com/')).toBe('/');
    expect(shortUrl('http://cdn.example.com/a.png?v=2', 'http://www.example.com/')).toBe('cdn.example.com/a.png?v=2');
    expect(shortUrl('not a url', 'http://www.example.com/')).toBe('not a url');
  });
});

describe('page loads the browser\'s cache answered', () => {
  it('show the cache in the connection column: the second load of the cache lesson takes its images from it, the third revalidates them', () => {
    const [, second, third] = lessonLoads('http-browser-cache').loads;
    expect(second!.objects.map((o) => `${o.path} ${o.status} ${connectionText(o)}`)).toEqual(['/index.html 304 1 (new)', '/logo.png 200 cache', '/photo1.jpg 200 cache', '/photo2.jpg 200 cache']);
    expect(third!.objects.map((o) => `${o.status} ${String(o.cache)}`)).toEqual(['304 revalidated', '304 revalidated', '304 revalidated', '304 revalidated']);
  });
});
