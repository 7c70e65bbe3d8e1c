import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../scenario/load';
import { runScenario } from '../../scenario/runner';
import type { MessageEvent, StateEvent } from '../../trace/types';

type Doc = Record<string, unknown> & { nodes: { id: string; services?: { type: string; objects?: { maxAgeS?: number }[]; cache?: boolean }[] }[] };

function lesson(edit: (d: Doc) => void = () => {}) {
  const doc = JSON.parse(readFileSync('resources/lessons/http-proxy-cache.l7.json', 'utf8')) as Doc;
  edit(doc);
  const loaded = parseScenarioText(JSON.stringify(doc));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const run = runScenario(loaded.scenario);
  const events = run.sim.store.events;
  const http = events.filter((e): e is MessageEvent => e.kind === 'message' && e.protocol === 'http');
  const served = events.filter((e): e is StateEvent => e.kind === 'state' && e.type === 'http.proxyServed');
  const text = (m: MessageEvent) => new TextDecoder('latin1').decode(m.bytes);
  return { http, served, text, loads: run.sim.store.metrics.filter((m) => m.name === 'pageLoadTime').map((m) => m.value) };
}

describe('the proxy cache', () => {
  it('misses for Alice (asking the origin, storing), hits for Bob (nothing crosses the access link), with Via and Age', () => {
    const { http, served, text, loads } = lesson();
    const how = (from: number, to: number) => served.filter((s) => s.at >= from * 1e9 && s.at < to * 1e9).map((s) => s.data['how']);
    expect(how(0, 2)).toEqual(Array(6).fill('miss'));
    expect(how(2, 10)).toEqual(Array(6).fill('hit'));
    // browsers name the whole URL; the proxy asks the origin in origin form, with Via
    const aliceFirst = http.find((m) => m.from === 'alice')!;
    expect(aliceFirst.summary).toBe('GET http://www.example.com/index.html HTTP/1.1');
    const toOrigin = http.filter((m) => m.from === 'proxy' && m.to === 'server');
    expect(toOrigin.map((m) => m.summary)).toEqual(['GET /index.html HTTP/1.1', ...[1, 2, 3, 4, 5].map((i) => `GET /photo${i}.jpg HTTP/1.1`)]);
    expect(text(toOrigin[0]!)).toMatch(/\r\nHost: www\.example\.com\r\n[\s\S]*\r\nVia: 1\.1 Proxy cache\r\n/);
    // Bob's answers come from the cache: nothing to or from the origin after 2 s, each with its Age
    expect(http.filter((m) => m.sentAt >= 2e9 && (m.from === 'server' || m.to === 'server'))).toEqual([]);
    const bobAnswers = http.filter((m) => m.to === 'bob');
    expect(bobAnswers).toHaveLength(6);
    for (const m of bobAnswers) expect(text(m)).toMatch(/\r\nAge: 2\r\n(?:[^\r\n]*\r\n)*Via: 1\.1 Proxy cache\r\n/);
    // the hits take LAN round trips only
    expect(loads[1]!).toBeLessThan(loads[0]! / 10);
  });

  it('revalidates a stale copy with a conditional GET and serves it on a 304', () => {
    const { http, served, text } = lesson((d) => {
      for (const o of d.nodes.find((n) => n.id === 'server')!.services![0]!.objects!) o.maxAgeS = 1;
    });
    expect(served.filter((s) => s.at >= 2e9).map((s) => s.data['how'])).toEqual(Array(6).fill('revalidated'));
    const conditional = http.filter((m) => m.from === 'proxy' && m.to === 'server' && m.sentAt >= 2e9);
    expect(conditional.map((m) => text(m).match(/If-None-Match: (.*)\r\n/)?.[1])).toEqual(['"index-v1"', ...[1, 2, 3, 4, 5].map((i) => `"photo${i}-v1"`)]);
    expect(http.filter((m) => m.from === 'server' && m.sentAt >= 2e9).map((m) => m.summary)).toEqual(Array(6).fill('HTTP/1.1 304 Not Modified'));
    // Bob still gets the whole photos
    expect(http.filter((m) => m.to === 'bob').map((m) => m.summary.split(' ')[1])).toEqual(Array(6).fill('200'));
  });

  it('without its cache passes every request on', () => {
    const { served, http } = lesson((d) => {
      d.nodes.find((n) => n.id === 'proxy')!.services![0]!.cache = false;
    });
    expect(new Set(served.map((s) => s.data['how']))).toEqual(new Set(['passed']));
    expect(http.filter((m) => m.from === 'proxy' && m.to === 'server')).toHaveLength(12);
  });

  it('answers 502 when the origin has no address, and the page load goes on', () => {
    const { served, http } = lesson((d) => {
      (d.nodes.find((n) => n.id === 'proxy') as { hostsFile?: unknown[] }).hostsFile = [];
    });
    expect(served.map((s) => `${String(s.data['how'])} ${String(s.data['status'])}`)).toEqual(['error 502', 'error 502']);
    expect(http.filter((m) => m.from === 'proxy').map((m) => m.summary)).toEqual(['HTTP/1.1 502 Bad Gateway (text/plain)', 'HTTP/1.1 502 Bad Gateway (text/plain)']);
  });
});
