// The resolver against real server engines over a fake network with an
// explicit clock (resolver.test-helper.ts): each hop takes `delay` one way,
// so a lookup through n servers takes n round trips.
import { describe, expect, it } from 'vitest';
import { ms, seconds } from '../../sim/time';
import { encodeDns } from './codec';
import { DNS_RCODE, DNS_TYPE } from './constants';
import { MAX_CLIENT_LOOKUPS, type Resolver, type ResolverEvent } from './resolver';
import { CLIENT, ip, ResolverWorld as World, ROOT } from './resolver.test-helper';
import type { DnsMessage } from './types';

const addresses = (m: DnsMessage) => m.answers.flatMap((r) => (r.data.type === 'A' ? [r.data.address] : []));

describe('Resolver (iterative)', () => {
  it('asks root, TLD and authoritative server in turn: three round trips', () => {
    const w = new World();
    const { reply, at } = w.lookup('www.example.com');
    expect(w.queries).toEqual(['198.41.0.4 www.example.com', '192.5.6.30 www.example.com', '192.0.2.53 www.example.com']);
    expect(reply.header).toMatchObject({ id: 99, qr: true, ra: true, rcode: DNS_RCODE.NOERROR });
    expect(addresses(reply)).toHaveLength(3);
    expect(at).toBe(3 * 2 * ms(10));
  });

  it('answers a repeated lookup within the TTL from its cache: no message at all', () => {
    const w = new World();
    w.lookup('www.example.com');
    w.queries.length = 0;
    const { reply, at } = w.lookup('www.example.com');
    expect(w.queries).toEqual([]);
    expect(at).toBe(6 * ms(10));
    expect(reply.answers[0]!.ttl).toBe(300);
    expect(w.events.some((e) => e.type === 'dns.cacheHit')).toBe(true);
  });

  it('uses the cached TLD referral: another .com name skips the root', () => {
    const w = new World();
    w.lookup('www.example.com');
    w.queries.length = 0;
    w.lookup('mail.example.com');
    expect(w.queries).toEqual(['192.0.2.53 mail.example.com']); // the example.com NS is cached too
  });

  it('goes out again after the TTL, and reports the expiry', () => {
    const w = new World();
    w.lookup('www.example.com');
    w.now += seconds(301);
    w.resolver.handleExpiry(w.now);
    for (let e = w.resolver.pollEvent(); e; e = w.resolver.pollEvent()) w.events.push(e);
    expect(w.events.some((e) => e.type === 'dns.cache' && e.change.type === 'expired' && e.change.entry.name === 'www.example.com')).toBe(true);
    w.queries.length = 0;
    w.lookup('www.example.com');
    expect(w.queries).toEqual(['192.0.2.53 www.example.com']); // the NS records live longer (3600 s)
  });

  it('counts TTLs down in answers from the cache', () => {
    const w = new World();
    w.lookup('www.example.com');
    w.now += seconds(100);
    expect(w.lookup('www.example.com').reply.answers[0]!.ttl).toBe(200);
  });

  it('caches NXDOMAIN for the SOA minimum (negative caching)', () => {
    const w = new World();
    expect(w.lookup('nope.example.com').reply.header.rcode).toBe(DNS_RCODE.NXDOMAIN);
    w.queries.length = 0;
    expect(w.lookup('nope.example.com').reply.header.rcode).toBe(DNS_RCODE.NXDOMAIN);
    expect(w.queries).toEqual([]);
  });

  it('follows a CNAME and answers with the chain', () => {
    const w = new World();
    const { reply } = w.lookup('web.example.com');
    expect(reply.answers.map((r) => r.data.type)).toEqual(['CNAME', 'A', 'A', 'A']);
  });

  it('retransmits after the timeout and gives SERVFAIL when nobody answers', () => {
    const w = new World({ attempts: 3 });
    w.down.add(ROOT.address);
    const { reply, at } = w.lookup('www.example.com');
    expect(reply.header.rcode).toBe(DNS_RCODE.SERVFAIL);
    expect(w.queries).toHaveLength(3);
    expect(at).toBe(3 * ms(800));
    expect(w.events.filter((e) => e.type === 'dns.retransmit')).toHaveLength(3);
  });

  it('ignores a response with the wrong id (a forgery that guessed badly)', () => {
    const w = new World();
    const q = encodeDns({ header: { id: 1, qr: false, opcode: 0, aa: false, tc: false, rd: true, ra: false, z: 0, rcode: 0 }, questions: [{ name: 'www.example.com', type: 1, class: 1 }], answers: [], authorities: [], additionals: [] });
    w.resolver.handleClientQuery(q, CLIENT, 0, null);
    const sent = w.resolver.pollTransmit()!;
    const forged = encodeDns({ ...sent.message, header: { ...sent.message.header, id: (sent.message.header.id + 1) & 0xffff, qr: true, aa: true }, answers: [{ name: 'www.example.com', class: 1, ttl: 86400, data: { type: 'A', address: '6.6.6.6' } }] });
    w.resolver.handleResponse(forged, ROOT.address, ms(1), null);
    expect(w.resolver.pollTransmit()).toBeNull();
    expect(w.resolver.cache.get('www.example.com', 1, ms(1))).toBeNull();
  });
});

describe('Resolver (forwarding)', () => {
  it('asks its forwarder with RD set and relays the answer', () => {
    const w = new World({ mode: 'forward', forwarder: { name: 'dns.example.com', address: ip('192.0.2.53') } });
    const { reply } = w.lookup('www.example.com');
    expect(w.queries).toEqual(['192.0.2.53 www.example.com']);
    expect(addresses(reply)).toHaveLength(3);
  });
});

describe('Resolver under load', () => {
  it(`answers SERVFAIL at once, and says why, when ${MAX_CLIENT_LOOKUPS} lookups are already in progress`, () => {
    const w = new World();
    w.down.add(ROOT.address);
    const query = (id: number) => encodeDns({ header: { id, qr: false, opcode: 0, aa: false, tc: false, rd: true, ra: false, z: 0, rcode: 0 }, questions: [{ name: `n${id}.example.com`, type: DNS_TYPE.A, class: 1 }], answers: [], authorities: [], additionals: [] });
    for (let id = 1; id <= MAX_CLIENT_LOOKUPS; id++) w.resolver.handleClientQuery(query(id), CLIENT, 0, null);
    const drained = () => {
      const out: ReturnType<Resolver['pollTransmit']>[] = [];
      for (let t = w.resolver.pollTransmit(); t; t = w.resolver.pollTransmit()) out.push(t);
      return out;
    };
    expect(drained().every((t) => t!.kind === 'query')).toBe(true);
    w.resolver.handleClientQuery(query(5000), CLIENT, 0, 77);
    const [reply] = drained();
    expect(reply!.kind).toBe('reply');
    expect(reply!.message.header.rcode).toBe(DNS_RCODE.SERVFAIL);
    const events: ResolverEvent[] = [];
    for (let e = w.resolver.pollEvent(); e; e = w.resolver.pollEvent()) events.push(e);
    expect(events.at(-1)).toEqual({ type: 'dns.overloaded', name: 'n5000.example.com', limit: MAX_CLIENT_LOOKUPS, cause: 77 });
  });
});
