// QTYPE ANY at the resolver (RFC 8482): whatever RRsets the server returns
// at the name are the answer; they are cached under their own types, never
// under ANY, and no answer to ANY is cached as NODATA.
import { describe, expect, it } from 'vitest';
import { DNS_QTYPE, DNS_RCODE, DNS_TYPE } from './constants';
import { ResolverWorld, STANDARD_SERVERS } from './resolver.test-helper';
import type { DnsMessage } from './types';
import { EXAMPLE_ZONE } from './zones.test-helper';

const types = (m: DnsMessage) => m.answers.map((r) => r.data.type);
const cachedTypes = (w: ResolverWorld) => w.resolver.cache.contents(w.now).map((e) => `${e.name}/${e.type}${e.negative ? `/${e.negative}` : ''}`);

describe('Resolver: QTYPE ANY', () => {
  it('answers with the RRset the server gave and caches it under its own type', () => {
    const w = new ResolverWorld();
    const { reply } = w.lookup('www.example.com', DNS_QTYPE.ANY);
    expect(reply.header.rcode).toBe(DNS_RCODE.NOERROR);
    expect(reply.questions[0]!.type).toBe(DNS_QTYPE.ANY);
    expect(types(reply)).toEqual(['A', 'A', 'A']);
    expect(cachedTypes(w)).toContain('www.example.com/1');
    expect(cachedTypes(w).filter((e) => e.endsWith('/255') || e.includes('/255/'))).toEqual([]);
    // the A lookup that follows is answered from the cache
    w.queries.length = 0;
    expect(types(w.lookup('www.example.com', DNS_TYPE.A).reply)).toEqual(['A', 'A', 'A']);
    expect(w.queries).toEqual([]);
  });

  it('asks again for ANY rather than answer "no records" from the cache', () => {
    const w = new ResolverWorld();
    w.lookup('example.com', DNS_QTYPE.ANY);
    w.queries.length = 0;
    const again = w.lookup('example.com', DNS_QTYPE.ANY).reply;
    expect(types(again)).toEqual(['SOA']);
    expect(w.queries).toEqual(['192.0.2.53 example.com']);
  });

  it('takes a CNAME at the name as the answer, without following it (RFC 1034 §3.6.2: ANY matches CNAME)', () => {
    const w = new ResolverWorld();
    const { reply } = w.lookup('web.example.com', DNS_QTYPE.ANY);
    expect(types(reply)).toEqual(['CNAME']);
    expect(w.queries.filter((q) => q.endsWith(' www.example.com'))).toEqual([]);
  });

  it('caches no NODATA for ANY at an empty non-terminal, and NXDOMAIN for the name as for any type', () => {
    const zone = { ...EXAMPLE_ZONE, records: [...EXAMPLE_ZONE.records, { name: 'x.empty.example.com', class: 1, ttl: 300, data: { type: 'A' as const, address: '192.0.2.40' } }] };
    const w = new ResolverWorld({}, undefined, new Map([...STANDARD_SERVERS, ['192.0.2.53', [zone]]]));
    const empty = w.lookup('empty.example.com', DNS_QTYPE.ANY).reply;
    expect(empty.header.rcode).toBe(DNS_RCODE.NOERROR);
    expect(empty.answers).toEqual([]);
    expect(cachedTypes(w).filter((e) => e.startsWith('empty.example.com/'))).toEqual([]);
    expect(w.lookup('nope.example.com', DNS_QTYPE.ANY).reply.header.rcode).toBe(DNS_RCODE.NXDOMAIN);
    expect(cachedTypes(w)).toContain('nope.example.com/0/nxdomain');
  });
});
