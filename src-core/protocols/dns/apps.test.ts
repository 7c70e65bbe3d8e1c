// DNS over the simulated network: timings from the topology, caching with
// TTLs, and answers that match the zones.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../scenario/load';
import { runScenario } from '../../scenario/runner';
import { ms, seconds, transmissionDelay } from '../../sim/time';
import type { MessageEvent, StateEvent } from '../../trace/types';

type Json = Record<string, unknown>;

function run(mutate?: (s: Json) => void) {
  const json = JSON.parse(readFileSync(join(__dirname, '../../../resources/lessons/dns-iterative.l7.json'), 'utf8')) as Json;
  mutate?.(json);
  const loaded = parseScenarioText(JSON.stringify(json));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const trace = runScenario(loaded.scenario).trace();
  const messages = trace.events.filter((e): e is MessageEvent => e.kind === 'message' && e.layer === 'application');
  const states = trace.events.filter((e): e is StateEvent => e.kind === 'state');
  return { trace, messages, states };
}

/** One way over a path of links (ms delays) at 100 Mb/s for a packet of `bytes` DNS bytes (+ 8 UDP + 20 IP). */
function oneWay(delaysMs: number[], bytes: number): number {
  return delaysMs.reduce((t, d) => t + ms(d) + transmissionDelay(bytes + 28, 100e6), 0);
}

describe('DNS in the simulation', () => {
  it('takes the sum of the round trips to each server asked, plus transmission times', () => {
    const { messages, trace } = run();
    const first = messages.slice(0, 8); // host→local, local↔root, local↔tld, local↔auth, local→host
    let expected = 0;
    const paths: Record<string, number[]> = { host: [1], root: [4, 20], tld: [4, 15], auth: [4, 10] };
    for (const m of first) {
      const far = m.from === 'local' ? m.to : m.from;
      expected += oneWay(far === 'host' ? paths['host']! : paths[far]!, m.bytes.length);
    }
    const metric = trace.metrics.find((x) => x.name === 'resolutionTime')!;
    expect(Math.round(metric.value * 1e9)).toBe(expected);
    expect(first.map((m) => `${m.from}>${m.to}`)).toEqual(['host>local', 'local>root', 'root>local', 'local>tld', 'tld>local', 'local>auth', 'auth>local', 'local>host']);
  });

  it('answers a repeated lookup within the TTL from the cache: only host and local server talk', () => {
    const { messages, states } = run();
    const second = messages.filter((m) => m.sentAt >= seconds(1) && m.sentAt < seconds(2));
    expect(second.map((m) => `${m.from}>${m.to}`)).toEqual(['host>local', 'local>host']);
    expect(states.some((s) => s.type === 'dns.cacheHit' && s.at >= seconds(1))).toBe(true);
  });

  it('skips the root and the TLD once their referrals are cached', () => {
    const { messages } = run();
    const third = messages.filter((m) => m.sentAt >= seconds(2));
    expect(third.map((m) => `${m.from}>${m.to}`)).toEqual(['host>local', 'local>auth', 'auth>local', 'local>host']);
  });

  it('goes out again once the TTL has run out, and shows the expiry', () => {
    const { messages, states } = run((s) => {
      const auth = (s['nodes'] as Json[]).find((n) => n['id'] === 'auth')!;
      const records = ((auth['services'] as Json[])[0]!['zones'] as Json[])[0]!['records'] as Json[];
      records.find((r) => r['name'] === 'www.example.com')!['ttl'] = 1; // 1 s
      s['workload'] = [
        { type: 'dns-lookup', atMs: 0, node: 'host', resolver: 'local', name: 'www.example.com' },
        { type: 'dns-lookup', atMs: 500, node: 'host', resolver: 'local', name: 'www.example.com' },
        { type: 'dns-lookup', atMs: 3000, node: 'host', resolver: 'local', name: 'www.example.com' },
      ];
    });
    const at500 = messages.filter((m) => m.sentAt >= ms(500) && m.sentAt < seconds(3));
    expect(at500).toHaveLength(2); // from the cache
    const at3000 = messages.filter((m) => m.sentAt >= seconds(3));
    expect(at3000.map((m) => `${m.from}>${m.to}`)).toEqual(['host>local', 'local>auth', 'auth>local', 'local>host']);
    const expired = states.find((s) => s.type === 'dns.cacheExpired' && s.data['name'] === 'www.example.com')!;
    expect(expired.at).toBeGreaterThan(seconds(1));
    expect(expired.at).toBeLessThan(seconds(1.2));
  });

  it('returns NXDOMAIN for a name that does not exist', () => {
    const { states } = run((s) => {
      s['workload'] = [{ type: 'dns-lookup', atMs: 0, node: 'host', resolver: 'local', name: 'nothing.example.com' }];
    });
    expect(states.find((x) => x.type === 'dns.answer')!.summary).toBe('nothing.example.com A: NXDOMAIN');
  });
});

describe('recursive resolution', () => {
  it('passes the query down the chain and the answer back up, with RA set', () => {
    const json = JSON.parse(readFileSync(join(__dirname, '../../../resources/lessons/dns-recursive.l7.json'), 'utf8')) as Json;
    const loaded = parseScenarioText(JSON.stringify(json));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const trace = runScenario(loaded.scenario).trace();
    const app = trace.events.filter((e): e is MessageEvent => e.kind === 'message' && e.layer === 'application');
    expect(app.map((m) => `${m.from}>${m.to}`)).toEqual(['host>local', 'local>root', 'root>tld', 'tld>auth', 'auth>tld', 'tld>root', 'root>local', 'local>host']);
    const rootAnswer = app[6]!;
    expect(rootAnswer.summary).toMatch(/A 192\.0\.2\.10$/);
    expect(rootAnswer.bytes[3]! & 0x80).toBe(0x80); // RA
    expect(app[2]!.bytes[2]! & 0x01).toBe(0x01); // RD on the root's own query
  });
});

function lesson(name: string) {
  const loaded = parseScenarioText(readFileSync(join(__dirname, '../../../resources/lessons', name), 'utf8'));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const trace = runScenario(loaded.scenario).trace();
  return {
    answers: trace.events.filter((e): e is StateEvent => e.kind === 'state' && e.type === 'dns.answer').map((e) => e.summary),
    messages: trace.events.filter((e): e is MessageEvent => e.kind === 'message' && e.layer === 'application'),
  };
}

describe('DNS lessons', () => {
  it('record types: CNAME chains, MX, AAAA, TXT and NXDOMAIN', () => {
    expect(lesson('dns-records.l7.json').answers).toEqual([
      'www.example.com A: cname relay1.west-coast.example.com, addr 192.0.2.10',
      'example.com MX: preference 10, mx mail.example.com',
      'relay1.west-coast.example.com AAAA: addr 2001:db8::10',
      'example.com TXT: "v=spf1 mx -all"',
      'shop.example.com A: NXDOMAIN',
    ]);
  });

  it('load distribution: each answer rotates the replicas', () => {
    expect(lesson('dns-load-distribution.l7.json').answers).toEqual([
      'www.example.com A: addr 192.0.2.10, addr 192.0.2.11, addr 192.0.2.12',
      'www.example.com A: addr 192.0.2.11, addr 192.0.2.12, addr 192.0.2.10',
      'www.example.com A: addr 192.0.2.12, addr 192.0.2.10, addr 192.0.2.11',
    ]);
  });

  it('a new company: the TLD refers with the NS and glue the registrar inserted', () => {
    const { answers, messages } = lesson('dns-new-company.l7.json');
    const referral = messages.find((m) => m.from === 'tld')!;
    expect(referral.summary).toMatch(/NS dns1\.networkutopia\.com A 212\.212\.212\.1/);
    const mx = messages.find((m) => m.from === 'auth' && m.summary.includes('MX'))!;
    expect(mx.summary).toMatch(/MX 10 mail\.networkutopia\.com A 212\.212\.71\.5/);
    expect(answers).toEqual(['www.networkutopia.com A: addr 212.212.71.4', 'networkutopia.com MX: preference 10, mx mail.networkutopia.com']);
  });
});

describe('DNS attacks and defences', () => {
  it('poisons a resolver with sequential ids asking from port 53', () => {
    const { answers, messages } = lesson('dns-cache-poisoning.l7.json');
    expect(answers).toEqual(['www.example.com A: addr 6.6.6.6']);
    const forged = messages.filter((m) => m.summary.startsWith('[forged]'));
    expect(forged).toHaveLength(100);
    expect(forged.every((m) => m.from === 'attacker' && m.src.addr === '198.41.0.4')).toBe(true); // sent by the attacker, claiming the root's address
  });

  it('is defended by random ids and ports: every guess is dropped', () => {
    const loaded = parseScenarioText(readFileSync(join(__dirname, '../../../resources/lessons/dns-cache-poisoning-defended.l7.json'), 'utf8'));
    if (!loaded.ok) throw new Error('lesson');
    const trace = runScenario(loaded.scenario).trace();
    const states = trace.events.filter((e): e is StateEvent => e.kind === 'state');
    expect(states.filter((s) => s.type === 'dns.answer').map((s) => s.summary)).toEqual(['www.example.com A: addr 192.0.2.10']);
    expect(states.filter((s) => s.type === 'dns.unmatched')).toHaveLength(100);
    expect(states.some((s) => s.type === 'dns.cacheStored' && s.summary.includes('6.6.6.6'))).toBe(false);
  });

  it('is defended by random ports alone: a guessed id is no use on port 53, where no query waits (RFC 5452 §4.5)', () => {
    const json = JSON.parse(readFileSync(join(__dirname, '../../../resources/lessons/dns-cache-poisoning-defended.l7.json'), 'utf8')) as { nodes: { services?: { type: string; randomizeIds?: boolean }[] }[] };
    for (const node of json.nodes) for (const s of node.services ?? []) if (s.type === 'dns-resolver') s.randomizeIds = false;
    const loaded = parseScenarioText(JSON.stringify(json));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const states = runScenario(loaded.scenario).trace().events.filter((e): e is StateEvent => e.kind === 'state');
    expect(states.some((s) => s.type === 'dns.cacheStored' && s.summary.includes('6.6.6.6'))).toBe(false);
    const unmatched = states.filter((s) => s.type === 'dns.unmatched');
    expect(unmatched).toHaveLength(100);
    expect(unmatched.every((s) => s.data['port'] === 53 && s.summary.endsWith('it came to port 53, and no query of ours left from there'))).toBe(true);
  });

  it('amplifies: the victim receives many times the bytes the attacker sent', () => {
    const loaded = parseScenarioText(readFileSync(join(__dirname, '../../../resources/lessons/dns-amplification.l7.json'), 'utf8'));
    if (!loaded.ok) throw new Error('lesson');
    const trace = runScenario(loaded.scenario).trace();
    const factor = trace.metrics.find((m) => m.name === 'amplificationFactor')!;
    const app = trace.events.filter((e): e is MessageEvent => e.kind === 'message' && e.layer === 'application');
    const sent = app.filter((m) => m.from === 'attacker').reduce((n, m) => n + m.bytes.length + 28, 0);
    const received = app.filter((m) => m.to === 'victim').reduce((n, m) => n + m.bytes.length + 28, 0);
    expect(factor.value).toBeCloseTo(received / sent, 2);
    expect(factor.value).toBeGreaterThan(5);
    expect(app.filter((m) => m.to === 'victim').every((m) => m.lost?.reason === 'port-unreachable')).toBe(true);
  });

  it('counts only the answers that reach the victim, not those lost on the way', () => {
    const json = JSON.parse(readFileSync(join(__dirname, '../../../resources/lessons/dns-amplification.l7.json'), 'utf8')) as Record<string, unknown>;
    json['lossRules'] = [{ link: 'victim-router', to: 'victim', nth: [1, 2, 3, 4, 5] }];
    const loaded = parseScenarioText(JSON.stringify(json));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const trace = runScenario(loaded.scenario).trace();
    const factor = trace.metrics.find((m) => m.name === 'amplificationFactor')!;
    const app = trace.events.filter((e): e is MessageEvent => e.kind === 'message' && e.layer === 'application');
    const sent = app.filter((m) => m.from === 'attacker').reduce((n, m) => n + m.bytes.length + 28, 0);
    const toVictim = app.filter((m) => m.to === 'victim');
    expect(toVictim.filter((m) => m.lost?.reason === 'rule')).toHaveLength(5);
    const arrived = toVictim.filter((m) => m.lost?.reason === 'port-unreachable').reduce((n, m) => n + m.bytes.length + 28, 0);
    expect(factor.value).toBeCloseTo(arrived / sent, 2);
    expect(factor.unit).toBe('factor');
  });
});

describe('signed answers', () => {
  it('the validating resolver ignores the forged answer and caches the signed one', () => {
    const loaded = parseScenarioText(readFileSync(join(__dirname, '../../../resources/lessons/dns-signed-answers.l7.json'), 'utf8'));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const states = runScenario(loaded.scenario).trace().events.filter((e): e is StateEvent => e.kind === 'state');
    expect(states.filter((s) => s.type === 'dns.bogus')).toHaveLength(1);
    expect(states.filter((s) => s.type === 'dns.answer').map((s) => s.summary)).toEqual(['www.example.com A: addr 192.0.2.10']);
  });
});

describe('the stub resolver', () => {
  it('falls back to the hosts file when DNS has no address', () => {
    const { states } = run((s) => {
      const host = (s['nodes'] as Json[]).find((n) => n['id'] === 'host')!;
      host['hostsFile'] = [{ name: 'printer.example.com', address: '10.0.0.99' }];
      s['workload'] = [
        { type: 'dns-lookup', atMs: 0, node: 'host', resolver: 'local', name: 'printer.example.com' },
        { type: 'dns-lookup', atMs: 500, node: 'host', resolver: 'local', name: 'www.example.com' },
      ];
    });
    expect(states.filter((x) => x.type === 'dns.answer').map((x) => x.summary)).toEqual([
      'printer.example.com A: addr 10.0.0.99 (from the hosts file; DNS said NXDOMAIN)',
      'www.example.com A: addr 192.0.2.10',
    ]);
  });
});
