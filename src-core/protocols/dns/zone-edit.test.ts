// The administrator's zone edit: the zone data, the server's answers, and the
// stale cached answers a resolver keeps giving until their TTL runs out
// (lesson dns-stale-cache).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../scenario/load';
import { runScenario } from '../../scenario/runner';
import { seconds } from '../../sim/time';
import type { MessageEvent, StateEvent } from '../../trace/types';
import { DNS_RCODE, DNS_TYPE } from './constants';
import { decodeDns, encodeDns } from './codec';
import { AuthoritativeServer } from './server';
import { EXAMPLE_ZONE } from './zones.test-helper';
import type { DnsMessage, DnsRecord } from './types';
import { ZoneData } from './zone';

const a = (address: string, ttl = 60): DnsRecord => ({ name: 'www.example.com', class: 1, ttl, data: { type: 'A', address } });

function ask(server: AuthoritativeServer, name: string, type: number): DnsMessage {
  const query = encodeDns({ header: { id: 7, qr: false, opcode: 0, aa: false, tc: false, rd: false, ra: false, z: 0, rcode: 0 }, questions: [{ name, type, class: 1 }], answers: [], authorities: [], additionals: [] });
  const decoded = decodeDns(server.handleQuery(query)!.bytes);
  if (!decoded.ok) throw new Error('undecodable reply');
  return decoded.value;
}

const serialOf = (zone: ZoneData): number => (zone.soa!.data.type === 'SOA' ? zone.soa!.data.serial : NaN);

describe('ZoneData.replaceRecords', () => {
  it('replaces one record set, keeps the others, and raises the serial by one', () => {
    const zone = new ZoneData(EXAMPLE_ZONE);
    const before = serialOf(zone);
    expect(zone.replaceRecords('WWW.example.com.', DNS_TYPE.A, [a('198.51.100.1')])).toBe(before + 1);
    expect(zone.records('www.example.com', DNS_TYPE.A).map((r) => r.data)).toEqual([{ type: 'A', address: '198.51.100.1' }]);
    expect(zone.records('web.example.com', DNS_TYPE.CNAME)).toHaveLength(1);
    expect(serialOf(zone)).toBe(before + 1);
  });

  it('deletes the set when given no records; the name is then gone (NXDOMAIN)', () => {
    const zone = new ZoneData(EXAMPLE_ZONE);
    zone.replaceRecords('www.example.com', DNS_TYPE.A, []);
    expect(zone.lookup('www.example.com', DNS_TYPE.A).kind).toBe('nxdomain');
  });

  it('wraps the serial at 2^32 (RFC 1982 §3.1)', () => {
    const zone = new ZoneData({
      origin: 'example.com',
      records: [{ name: 'example.com', class: 1, ttl: 60, data: { type: 'SOA', mname: 'ns', rname: 'h', serial: 4_294_967_295, refresh: 1, retry: 1, expire: 1, minimum: 1 } }],
    });
    expect(zone.replaceRecords('www.example.com', DNS_TYPE.A, [a('198.51.100.1')])).toBe(0);
  });

  it('returns null for a zone without an SOA, and still edits it', () => {
    const zone = new ZoneData({ origin: 'example.com', records: [a('192.0.2.10')] });
    expect(zone.replaceRecords('www.example.com', DNS_TYPE.A, [a('192.0.2.99')])).toBeNull();
    expect(zone.records('www.example.com')[0]!.data).toEqual({ type: 'A', address: '192.0.2.99' });
  });
});

describe('AuthoritativeServer.editZone', () => {
  it('answers with the new data from the next query, the new SOA serial included', () => {
    const server = new AuthoritativeServer([EXAMPLE_ZONE]);
    ask(server, 'www.example.com', DNS_TYPE.A); // advance the round-robin rotation
    const done = server.editZone('www.example.com', DNS_TYPE.A, [a('198.51.100.1'), a('198.51.100.2')]);
    expect(done).toEqual({ origin: 'example.com', serial: 2026112202 });
    expect(ask(server, 'www.example.com', DNS_TYPE.A).answers.map((r) => r.data)).toEqual([
      { type: 'A', address: '198.51.100.1' },
      { type: 'A', address: '198.51.100.2' },
    ]);
    const soa = ask(server, 'example.com', DNS_TYPE.SOA).answers[0]!.data;
    expect(soa.type === 'SOA' && soa.serial).toBe(2026112202);
  });

  it('refuses names outside its zones', () => {
    const server = new AuthoritativeServer([EXAMPLE_ZONE]);
    expect(server.editZone('www.example.org', DNS_TYPE.A, [])).toBeNull();
    expect(ask(server, 'www.example.com', DNS_TYPE.A).header.rcode).toBe(DNS_RCODE.NOERROR);
  });
});

describe('lesson dns-stale-cache', () => {
  const text = readFileSync(join(__dirname, '../../../resources/lessons/dns-stale-cache.l7.json'), 'utf8');
  const loaded = parseScenarioText(text);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const trace = runScenario(loaded.scenario).trace();
  const app = trace.events.filter((e): e is MessageEvent => e.kind === 'message' && e.layer === 'application');
  const states = trace.events.filter((e): e is StateEvent => e.kind === 'state');
  const answerTo = (from: number, to: number) => states.find((s) => s.node === 'host' && s.at >= seconds(from) && s.at < seconds(to) && s.type === 'dns.answer');
  const route = (from: number, to: number) => app.filter((m) => m.sentAt >= seconds(from) && m.sentAt < seconds(to)).map((m) => `${m.from}>${m.to}`);

  it('marks the edit on the authoritative server at 5 s, with the new serial', () => {
    const edit = states.find((s) => s.type === 'dns.zoneEdited')!;
    expect(edit.node).toBe('auth');
    expect(edit.at).toBe(seconds(5));
    expect(edit.summary).toBe('zone example.com edited: www.example.com A now 192.0.2.80 (TTL 30 s) (serial 2026112202)');
  });

  it('gives the old address from the cache at 10 s, with no message beyond the local server', () => {
    expect(route(10, 11)).toEqual(['host>local', 'local>host']);
    expect(answerTo(10, 11)?.summary).toContain('192.0.2.10');
  });

  it('asks the authoritative server again once the TTL has run out, and gets the new address', () => {
    const expiry = states.find((s) => s.type === 'dns.cacheExpired' && s.data['name'] === 'www.example.com')!;
    expect(expiry.at).toBeGreaterThan(seconds(30));
    expect(expiry.at).toBeLessThan(seconds(31));
    expect(route(40, 41)).toEqual(['host>local', 'local>auth', 'auth>local', 'local>host']);
    expect(answerTo(40, 41)?.summary).toContain('192.0.2.80');
  });
});

describe('a zone edit in a scenario file', () => {
  type Json = Record<string, unknown>;
  const lesson = readFileSync(join(__dirname, '../../../resources/lessons/dns-stale-cache.l7.json'), 'utf8');
  function issuesAfter(change: (edit: Json) => void): string[] {
    const doc = JSON.parse(lesson) as { workload: Json[] };
    change(doc.workload[1]!);
    const result = parseScenarioText(JSON.stringify(doc, null, 2));
    return result.ok ? [] : result.issues.map((i) => `${i.path} (line ${i.line}): ${i.message}`);
  }

  it('must name a zone of the node', () => {
    expect(issuesAfter((e) => (e['name'] = 'www.example.org'))).toEqual([
      expect.stringMatching(/^workload\[1\]\.name \(line \d+\): "www\.example\.org" is in none of the zones of "auth" \(its zones: "example\.com"\)$/),
      expect.stringMatching(/^workload\[1\]\.records\[0\]\.name .*expected "www\.example\.org" \(the edit's name\), got "www\.example\.com"$/),
    ]);
  });

  it('must be made on a DNS server', () => {
    expect(issuesAfter((e) => (e['node'] = 'host'))).toEqual([expect.stringMatching(/^workload\[1\]\.node .*node "host" runs no dns-server/)]);
  });

  it('gives records of its own type', () => {
    expect(issuesAfter((e) => (e['recordType'] = 'AAAA'))).toEqual([expect.stringMatching(/^workload\[1\]\.records\[0\]\.type .*expected "AAAA" \(the edit's recordType\), got "A"$/)]);
  });

  it('accepts an empty record list (a deletion) and names in another case or with a trailing dot', () => {
    expect(issuesAfter((e) => (e['records'] = []))).toEqual([]);
    expect(issuesAfter((e) => (e['name'] = 'WWW.example.com.'))).toEqual([]);
  });
});
