// The resolver on names whose labels hold a dot (RFC 4343 §2.1: `a\.b` is
// one label): the closest enclosing zone is found label by label.
import { describe, expect, it } from 'vitest';
import { DNS_RCODE } from './constants';
import { ResolverWorld } from './resolver.test-helper';
import type { DnsRecord, DnsRecordData } from './types';
import type { Zone } from './zone';
import { COM_ZONE, EXAMPLE_ZONE, ROOT_ZONE } from './zones.test-helper';

const rr = (name: string, ttl: number, data: DnsRecordData): DnsRecord => ({ name, class: 1, ttl, data });

/** example.com delegates b.example.com, and holds `a\.b.example.com` itself: one label "a.b" under example.com. */
const PARENT: Zone = {
  ...EXAMPLE_ZONE,
  records: [
    ...EXAMPLE_ZONE.records,
    rr('b.example.com', 3600, { type: 'NS', host: 'ns.b.example.com' }),
    rr('ns.b.example.com', 3600, { type: 'A', address: '192.0.2.99' }),
    rr('a\\.b.example.com', 300, { type: 'A', address: '192.0.2.77' }),
  ],
};
const CHILD: Zone = {
  origin: 'b.example.com',
  records: [
    rr('b.example.com', 3600, { type: 'SOA', mname: 'ns.b.example.com', rname: 'hostmaster.b.example.com', serial: 1, refresh: 7200, retry: 3600, expire: 1209600, minimum: 300 }),
    rr('b.example.com', 3600, { type: 'NS', host: 'ns.b.example.com' }),
    rr('ns.b.example.com', 3600, { type: 'A', address: '192.0.2.99' }),
    rr('x.b.example.com', 300, { type: 'A', address: '192.0.2.98' }),
  ],
};
const SERVERS = new Map([
  ['198.41.0.4', [ROOT_ZONE]],
  ['192.5.6.30', [COM_ZONE]],
  ['192.0.2.53', [PARENT]],
  ['192.0.2.99', [CHILD]],
]);

describe('Resolver: the closest zone of a name with an escaped dot', () => {
  it('asks example.com\'s server for a\\.b.example.com, not the servers of b.example.com it has cached', () => {
    const w = new ResolverWorld({}, undefined, SERVERS);
    expect(w.lookup('x.b.example.com').reply.answers.map((r) => r.data)).toEqual([{ type: 'A', address: '192.0.2.98' }]);
    w.queries.length = 0;
    const { reply } = w.lookup('a\\.b.example.com');
    expect(w.queries).toEqual(['192.0.2.53 a\\.b.example.com']);
    expect(reply.header.rcode).toBe(DNS_RCODE.NOERROR);
    expect(reply.answers.map((r) => [r.name, r.data])).toEqual([['a\\.b.example.com', { type: 'A', address: '192.0.2.77' }]]);
  });
});
