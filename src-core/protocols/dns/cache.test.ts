// The resolver's cache: how long positive and negative answers are kept
// (RFC 2181 §5 and §8, RFC 2308 §5), on an explicit clock.
import { describe, expect, it } from 'vitest';
import { NS_PER_S } from '../../sim/time';
import { DnsCache } from './cache';
import type { DnsRecord } from './types';

const s = (seconds: number) => seconds * NS_PER_S;
const soa = (ttl: number, minimum: number): DnsRecord => ({
  name: 'example.com',
  class: 1,
  ttl,
  data: { type: 'SOA', mname: 'ns1.example.com', rname: 'hostmaster.example.com', serial: 1, refresh: 7200, retry: 3600, expire: 1209600, minimum },
});
const a = (ttl: number, address = '192.0.2.1'): DnsRecord => ({ name: 'www.example.com', class: 1, ttl, data: { type: 'A', address } });

describe('DnsCache', () => {
  it('keeps a negative answer for min(SOA TTL, SOA MINIMUM) seconds (RFC 2308 §5)', () => {
    const byMinimum = new DnsCache();
    byMinimum.storeNegative('nope.example.com', 1, 'nxdomain', soa(3600, 300), s(10));
    expect(byMinimum.get('nope.example.com', 1, s(10))?.expiresAt).toBe(s(310));
    const byTtl = new DnsCache();
    byTtl.storeNegative('www.example.com', 15, 'nodata', soa(60, 300), s(0));
    expect(byTtl.get('www.example.com', 15, s(0))?.expiresAt).toBe(s(60));
  });

  it('hands out the cached SOA with its TTL counting down, and forgets the answer at zero', () => {
    const cache = new DnsCache();
    cache.storeNegative('nope.example.com', 1, 'nxdomain', soa(3600, 300), 0);
    const later = cache.get('NOPE.example.com.', 28, s(100))!; // NXDOMAIN holds for every type of the name
    expect(later.negative).toBe('nxdomain');
    expect(later.records.map((r) => r.ttl)).toEqual([200]);
    expect(cache.get('nope.example.com', 1, s(300))).toBeNull();
  });

  it('NODATA holds for its type only', () => {
    const cache = new DnsCache();
    cache.storeNegative('www.example.com', 15, 'nodata', soa(3600, 300), 0);
    expect(cache.get('www.example.com', 15, s(1))?.negative).toBe('nodata');
    expect(cache.get('www.example.com', 1, s(1))).toBeNull();
  });

  it('caches no negative answer without an SOA, or with a zero TTL', () => {
    const cache = new DnsCache();
    cache.storeNegative('nope.example.com', 1, 'nxdomain', undefined, 0);
    cache.storeNegative('zero.example.com', 1, 'nxdomain', soa(0, 300), 0);
    cache.storeNegative('zero-min.example.com', 1, 'nxdomain', soa(300, 0), 0);
    expect(cache.contents(0)).toEqual([]);
  });

  it('counts a TTL with the top bit set as zero (RFC 2181 §8), positive or negative', () => {
    const cache = new DnsCache();
    cache.storeRRset([a(0x80000000)], 0);
    cache.storeRRset([{ ...a(300), name: 'mail.example.com' }, { ...a(0xffffffff, '192.0.2.2'), name: 'mail.example.com' }], 0);
    cache.storeNegative('nope.example.com', 1, 'nxdomain', soa(0xffffffff, 300), 0);
    cache.storeNegative('gone.example.com', 1, 'nxdomain', soa(300, 0x80000000), 0);
    expect(cache.contents(0)).toEqual([]);
  });

  it('keeps an RRset for its shortest TTL (RFC 2181 §5.2)', () => {
    const cache = new DnsCache();
    cache.storeRRset([a(300), a(60, '192.0.2.2')], 0);
    expect(cache.get('www.example.com', 1, 0)?.expiresAt).toBe(s(60));
  });
});
