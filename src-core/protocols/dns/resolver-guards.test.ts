// The resolver's rules against bad or hostile answers (resolver.ts, top):
// a response must match the question in full, QCLASS included (RFC 5452
// §3); a lookup follows at most 8 CNAMEs and 16 referrals in all, the
// lookups of name servers' addresses it starts included.
import { describe, expect, it } from 'vitest';
import { encodeDns } from './codec';
import { DNS_CLASS, DNS_RCODE, DNS_TYPE } from './constants';
import { clientQuery, CLIENT, ResolverWorld, ROOT, STANDARD_SERVERS } from './resolver.test-helper';
import type { ResolverEvent, ResolverTransmit } from './resolver';
import type { DnsRecord, DnsRecordData } from './types';
import type { Zone } from './zone';
import { COM_ZONE, EXAMPLE_ZONE, ROOT_ZONE } from './zones.test-helper';

const rr = (name: string, data: DnsRecordData, ttl = 300): DnsRecord => ({ name, class: 1, ttl, data });
const soa = (zone: string): DnsRecord => rr(zone, { type: 'SOA', mname: `ns.${zone}`, rname: `hostmaster.${zone}`, serial: 1, refresh: 7200, retry: 3600, expire: 1209600, minimum: 300 }, 3600);

function drain(w: ResolverWorld): { out: ResolverTransmit[]; events: ResolverEvent[] } {
  const out: ResolverTransmit[] = [];
  const events: ResolverEvent[] = [];
  for (let t = w.resolver.pollTransmit(); t; t = w.resolver.pollTransmit()) out.push(t);
  for (let e = w.resolver.pollEvent(); e; e = w.resolver.pollEvent()) events.push(e);
  return { out, events };
}

describe('Resolver: matching a response to its query (RFC 5452 §3)', () => {
  it('drops a response whose question differs in class, or that holds a second question', () => {
    const w = new ResolverWorld();
    w.resolver.handleClientQuery(clientQuery('www.example.com'), CLIENT, 0, null);
    const sent = drain(w).out[0]!;
    expect(sent.kind).toBe('query');
    const answer: DnsRecord = { name: 'www.example.com', class: 1, ttl: 86400, data: { type: 'A', address: '6.6.6.6' } };
    const forged = (questions: typeof sent.message.questions) => encodeDns({ ...sent.message, header: { ...sent.message.header, qr: true, aa: true }, questions, answers: [answer] });
    const q = sent.message.questions[0]!;
    w.resolver.handleResponse(forged([{ ...q, class: DNS_CLASS.CH }]), ROOT.address, 1, null);
    w.resolver.handleResponse(forged([q, { ...q, name: 'other.example.com' }]), ROOT.address, 2, null);
    const after = drain(w);
    expect(after.out).toEqual([]);
    expect(after.events.map((e) => e.type)).toEqual(['dns.unmatched', 'dns.unmatched']);
    expect(w.resolver.cache.get('www.example.com', DNS_TYPE.A, 3)).toBeNull();
    // the genuine answer is still taken
    w.resolver.handleResponse(forged([q]), ROOT.address, 4, null);
    expect(drain(w).out.map((t) => t.kind)).toEqual(['reply']);
  });
});

describe('Resolver: loop guards', () => {
  it('gives SERVFAIL for a CNAME loop, with at most 8 CNAMEs and without asking again and again', () => {
    const zone: Zone = { ...EXAMPLE_ZONE, records: [...EXAMPLE_ZONE.records, rr('a.example.com', { type: 'CNAME', host: 'b.example.com' }), rr('b.example.com', { type: 'CNAME', host: 'a.example.com' })] };
    const w = new ResolverWorld({ attempts: 10 }, undefined, new Map([...STANDARD_SERVERS, ['192.0.2.53', [zone]]]));
    const { reply } = w.lookup('a.example.com');
    expect(reply.header.rcode).toBe(DNS_RCODE.SERVFAIL);
    expect(reply.answers.length).toBeLessThanOrEqual(8);
    expect(w.queries.filter((q) => q.startsWith('192.0.2.53'))).toHaveLength(1);
  });

  it('gives SERVFAIL for two zones whose servers are named only in each other (no glue): at most 16 referrals in all', () => {
    // example.com's servers are in example.net and example.net's in example.com, glue for neither
    const root: Zone = { ...ROOT_ZONE, records: [...ROOT_ZONE.records, rr('net', { type: 'NS', host: 'a.gtld-servers.net' }, 172800)] };
    const com: Zone = { ...COM_ZONE, records: [soa('com'), rr('example.com', { type: 'NS', host: 'ns.example.net' })] };
    const net: Zone = { origin: 'net', records: [soa('net'), rr('example.net', { type: 'NS', host: 'ns.example.com' }), rr('a.gtld-servers.net', { type: 'A', address: '192.5.6.30' })] };
    const w = new ResolverWorld({ attempts: 4 }, undefined, new Map([['198.41.0.4', [root]], ['192.5.6.30', [com, net]]]));
    const { reply } = w.lookup('www.example.com');
    expect(reply.header.rcode).toBe(DNS_RCODE.SERVFAIL);
    expect(w.queries.length).toBeLessThanOrEqual(17); // each answer a referral: the 17th ends it
    expect(w.resolver.pollTimeout()).toBeNull(); // nothing left running
  });
});
