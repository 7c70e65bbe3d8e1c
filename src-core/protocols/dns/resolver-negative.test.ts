// Negative answers to the resolver's clients (RFC 2308 §5, §6): NXDOMAIN and
// NODATA carry the SOA in the authority section, its TTL the time the "no"
// may still be cached — counted down when the answer comes from the cache.
import { describe, expect, it } from 'vitest';
import { seconds } from '../../sim/time';
import { DNS_RCODE, DNS_TYPE } from './constants';
import { ResolverWorld, ip } from './resolver.test-helper';
import type { DnsMessage, DnsRecord } from './types';

const soaOf = (m: DnsMessage) => m.authorities.map((r) => ({ name: r.name, type: r.data.type, ttl: r.ttl }));

describe('Resolver: the SOA of negative answers', () => {
  it('passes on the SOA of an NXDOMAIN from the server, and counts its TTL down from the cache', () => {
    const w = new ResolverWorld();
    const first = w.lookup('nope.example.com').reply;
    expect(first.header.rcode).toBe(DNS_RCODE.NXDOMAIN);
    expect(soaOf(first)).toEqual([{ name: 'example.com', type: 'SOA', ttl: 300 }]);
    w.now += seconds(100);
    w.queries.length = 0;
    const cached = w.lookup('nope.example.com').reply;
    expect(w.queries).toEqual([]);
    expect(cached.header.rcode).toBe(DNS_RCODE.NXDOMAIN);
    expect(soaOf(cached)).toEqual([{ name: 'example.com', type: 'SOA', ttl: 200 }]);
    // NXDOMAIN is about the name: another type at it is answered from the same entry
    expect(soaOf(w.lookup('nope.example.com', DNS_TYPE.MX).reply)).toEqual([{ name: 'example.com', type: 'SOA', ttl: 200 }]);
  });

  it('does the same for NODATA', () => {
    const w = new ResolverWorld();
    const first = w.lookup('www.example.com', DNS_TYPE.AAAA).reply;
    expect(first.header.rcode).toBe(DNS_RCODE.NOERROR);
    expect(first.answers).toEqual([]);
    expect(soaOf(first)).toEqual([{ name: 'example.com', type: 'SOA', ttl: 300 }]);
    w.now += seconds(50);
    expect(soaOf(w.lookup('www.example.com', DNS_TYPE.AAAA).reply)).toEqual([{ name: 'example.com', type: 'SOA', ttl: 250 }]);
  });

  it('gives the client min(SOA TTL, MINIMUM) even when the server did not apply it (RFC 2308 §5)', () => {
    const soa: DnsRecord = { name: 'example.org', class: 1, ttl: 3600, data: { type: 'SOA', mname: 'ns.example.org', rname: 'hostmaster.example.org', serial: 1, refresh: 1, retry: 1, expire: 1, minimum: 60 } };
    const forwarder = { name: 'upstream', address: ip('192.0.2.1') };
    const w = new ResolverWorld({ mode: 'forward', forwarder });
    w.fakes.set(forwarder.address, (q) => ({ header: { ...q.header, qr: true, ra: true, rcode: DNS_RCODE.NXDOMAIN }, questions: q.questions, answers: [], authorities: [soa], additionals: [] }));
    expect(soaOf(w.lookup('nope.example.org').reply)).toEqual([{ name: 'example.org', type: 'SOA', ttl: 60 }]);
    expect(w.resolver.cache.get('nope.example.org', DNS_TYPE.A, w.now)?.records[0]?.ttl).toBe(60);
  });
});
