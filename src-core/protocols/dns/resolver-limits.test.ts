// What the resolver caches, and for how long: records of another class are
// no answer, and no TTL keeps an entry longer than a week (which also keeps
// every expiry an exact SimTime).
import { describe, expect, it } from 'vitest';
import { MAX_CACHE_TTL } from './cache';
import { DNS_RCODE, DNS_TYPE } from './constants';
import { ResolverWorld, ip } from './resolver.test-helper';

const forwarder = { name: 'fwd.example', address: ip('192.0.2.99') };

describe('the resolver', () => {
  it('ignores answer records of another class than IN', () => {
    const w = new ResolverWorld({ mode: 'forward', forwarder });
    w.fakes.set(forwarder.address, (q) => ({
      header: { ...q.header, qr: true, ra: true },
      questions: q.questions,
      answers: [{ name: 'www.example.com', class: 0x6501, ttl: 300, data: { type: 'A', address: '6.6.6.6' } }],
      authorities: [],
      additionals: [],
    }));
    const { reply } = w.lookup('www.example.com');
    expect(reply.header.rcode).toBe(DNS_RCODE.NOERROR);
    expect(reply.answers).toEqual([]);
    expect(w.events.some((e) => e.type === 'dns.cache' && e.change.entry.records.some((r) => r.class !== 1))).toBe(false);
  });

  it(`caches a record for at most ${MAX_CACHE_TTL} s (a week), however long its TTL`, () => {
    const w = new ResolverWorld({ mode: 'forward', forwarder });
    w.fakes.set(forwarder.address, (q) => ({
      header: { ...q.header, qr: true, ra: true },
      questions: q.questions,
      answers: [{ name: 'www.example.com', class: 1, ttl: 2_147_483_647, data: { type: 'A', address: '192.0.2.10' } }],
      authorities: [],
      additionals: [],
    }));
    w.lookup('www.example.com', DNS_TYPE.A);
    const stored = w.events.find((e) => e.type === 'dns.cache' && e.change.type === 'stored');
    expect(stored?.type === 'dns.cache' && stored.change.entry.expiresAt - w.now).toBeLessThanOrEqual(MAX_CACHE_TTL * 1e9);
    expect(Number.isSafeInteger(w.resolver.pollExpiry())).toBe(true);
  });
});
