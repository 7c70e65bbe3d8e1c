// The resolver at the end of a CNAME chain (RFC 6604 §3, RFC 2308 §5): a
// negative answer is about the chain's last name, so that is the name the
// "no" is cached under; the client gets the chain with the RCODE of its
// last name and the SOA. A "no" about a name outside the zone of the
// server asked is not believed: the resolver asks about that name itself.
import { describe, expect, it } from 'vitest';
import { seconds } from '../../sim/time';
import { DNS_RCODE, DNS_TYPE } from './constants';
import { ip, ResolverWorld, STANDARD_SERVERS } from './resolver.test-helper';
import type { DnsMessage } from './types';
import { ALIAS_ZONE } from './zones.test-helper';

const SERVERS = new Map([...STANDARD_SERVERS, ['192.0.2.53', [ALIAS_ZONE]]]);
const chainOf = (m: DnsMessage) => m.answers.map((a) => `${a.name} ${a.data.type === 'CNAME' ? `CNAME ${a.data.host}` : a.data.type}`);
const authorityOf = (m: DnsMessage) => m.authorities.map((a) => `${a.name} ${a.data.type} ${a.ttl}`);
const entries = (w: ResolverWorld) => w.resolver.cache.contents(w.now).map((e) => `${e.name}/${e.type}${e.negative ? `/${e.negative}` : ''}`);

describe('Resolver: CNAME chains that end in a negative answer', () => {
  it('caches NXDOMAIN under the chain\'s last name and gives the client the chain with NXDOMAIN and the SOA', () => {
    const w = new ResolverWorld({}, undefined, SERVERS);
    const { reply } = w.lookup('twice.example.com');
    expect(reply.header.rcode).toBe(DNS_RCODE.NXDOMAIN);
    expect(chainOf(reply)).toEqual(['twice.example.com CNAME dangling.example.com', 'dangling.example.com CNAME gone.example.com']);
    expect(authorityOf(reply)).toEqual(['example.com SOA 300']);
    expect(entries(w)).toContain('gone.example.com/0/nxdomain');
    expect(entries(w).filter((e) => e.endsWith('/nxdomain'))).toEqual(['gone.example.com/0/nxdomain']);
    expect(entries(w)).toContain('dangling.example.com/5');
  });

  it('answers the alias again from the cache, chain and SOA included, and the last name too', () => {
    const w = new ResolverWorld({}, undefined, SERVERS);
    w.lookup('dangling.example.com');
    w.now += seconds(60);
    w.queries.length = 0;
    const again = w.lookup('dangling.example.com').reply;
    expect(w.queries).toEqual([]);
    expect(again.header.rcode).toBe(DNS_RCODE.NXDOMAIN);
    expect(chainOf(again)).toEqual(['dangling.example.com CNAME gone.example.com']);
    expect(authorityOf(again)).toEqual(['example.com SOA 240']);
    const target = w.lookup('gone.example.com', DNS_TYPE.MX).reply;
    expect(w.queries).toEqual([]);
    expect(target.header.rcode).toBe(DNS_RCODE.NXDOMAIN);
    expect(target.answers).toEqual([]);
  });

  it('takes NODATA at the end of a chain from one answer, and caches it under the last name', () => {
    const w = new ResolverWorld({}, undefined, SERVERS);
    const { reply } = w.lookup('web.example.com', DNS_TYPE.AAAA);
    expect(w.queries.filter((q) => q.startsWith('192.0.2.53'))).toEqual(['192.0.2.53 web.example.com']);
    expect(reply.header.rcode).toBe(DNS_RCODE.NOERROR);
    expect(chainOf(reply)).toEqual(['web.example.com CNAME www.example.com']);
    expect(authorityOf(reply)).toEqual(['example.com SOA 300']);
    expect(entries(w)).toContain('www.example.com/28/nodata');
    expect(entries(w)).not.toContain('web.example.com/28/nodata');
  });

  it('does not believe an NXDOMAIN about a name outside the zone asked: it resolves the alias\'s target itself', () => {
    const w = new ResolverWorld({}, undefined, SERVERS);
    // example.com's server says: x.example.com is an alias of www.example.net, and NXDOMAIN
    w.fakes.set(ip('192.0.2.53'), (q) => ({
      header: { ...q.header, qr: true, aa: true, rcode: DNS_RCODE.NXDOMAIN },
      questions: q.questions,
      answers: q.questions[0]!.name === 'x.example.com' ? [{ name: 'x.example.com', class: 1, ttl: 300, data: { type: 'CNAME', host: 'www.example.net' } }] : [],
      authorities: [],
      additionals: [],
    }));
    const { reply } = w.lookup('x.example.com');
    expect(w.queries).toContain('198.41.0.4 www.example.net');
    expect(chainOf(reply)).toEqual(['x.example.com CNAME www.example.net']);
    expect(reply.header.rcode).toBe(DNS_RCODE.NXDOMAIN); // the root says so, for .net
    expect(entries(w)).toContain('www.example.net/0/nxdomain');
  });
});
