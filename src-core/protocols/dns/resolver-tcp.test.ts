// The resolver and a truncated answer (RFC 1035 §4.2.1, RFC 7766 §5): a UDP
// response with TC set is neither used nor cached; the same question goes
// to the same server over TCP, and that answer is used.
import { describe, expect, it } from 'vitest';
import { parseIpv4 } from '../../net/ipv4';
import { ms } from '../../sim/time';
import { decodeDns, encodeDns } from './codec';
import { DNS_TYPE, DNS_UDP_MAX } from './constants';
import { Resolver, type ResolverEvent, type ResolverTransmit } from './resolver';
import { AuthoritativeServer } from './server';
import { EXAMPLE_ZONE } from './zones.test-helper';
import type { DnsRecord } from './types';

const ip = (text: string): number => parseIpv4(text)!;


const AUTH = { name: 'dns.example.com', address: ip('192.0.2.53') };
const CLIENT = { addr: ip('10.0.0.2'), port: 5353 };
const txt = (i: number): DnsRecord => ({ name: 'big.example.com', class: 1, ttl: 300, data: { type: 'TXT', strings: [`token-${i}=${'x'.repeat(60)}`] } });
const ZONE = { ...EXAMPLE_ZONE, records: [...EXAMPLE_ZONE.records, ...Array.from({ length: 10 }, (_, i) => txt(i))] };

function setup(attempts = 3) {
  const server = new AuthoritativeServer([ZONE]);
  let seed = 1;
  const resolver = new Resolver({ mode: 'forward', rootHints: [], forwarder: AUTH, timeout: ms(500), attempts, randomizeIds: true }, () => (seed = (seed * 48271) % 0x7fffffff) & 0xffff);
  const transmits = (): ResolverTransmit[] => {
    const out: ResolverTransmit[] = [];
    for (let t = resolver.pollTransmit(); t; t = resolver.pollTransmit()) out.push(t);
    return out;
  };
  const events = (): ResolverEvent[] => {
    const out: ResolverEvent[] = [];
    for (let e = resolver.pollEvent(); e; e = resolver.pollEvent()) out.push(e);
    return out;
  };
  const ask = (client: typeof CLIENT & { transport?: 'udp' | 'tcp' } = CLIENT) =>
    resolver.handleClientQuery(
      encodeDns({ header: { id: 42, qr: false, opcode: 0, aa: false, tc: false, rd: true, ra: false, z: 0, rcode: 0 }, questions: [{ name: 'big.example.com', type: DNS_TYPE.TXT, class: 1 }], answers: [], authorities: [], additionals: [] }),
      client,
      0,
      null,
    );
  return { server, resolver, transmits, events, ask };
}

describe('the resolver and truncated answers', () => {
  it('retries a TC answer over TCP to the same server, caching nothing from the truncated one', () => {
    const { server, resolver, transmits, events, ask } = setup();
    ask();
    const [udp] = transmits();
    expect(udp).toMatchObject({ kind: 'query', transport: 'udp', to: AUTH });
    const truncated = server.handleQuery(udp!.bytes, 'udp')!;
    expect(truncated.message.header.tc).toBe(true);
    expect(truncated.bytes.length).toBeLessThanOrEqual(DNS_UDP_MAX);
    resolver.handleResponse(truncated.bytes, AUTH.address, ms(20), null, 'udp');
    expect(events().map((e) => e.type)).toEqual(['dns.truncated']);
    expect(resolver.cache.get('big.example.com', DNS_TYPE.TXT, ms(20))).toBeNull();
    const [tcp, ...rest] = transmits();
    expect(rest).toEqual([]);
    expect(tcp).toMatchObject({ kind: 'query', transport: 'tcp', to: AUTH });
    expect(tcp!.message.questions).toEqual(udp!.message.questions);
    expect(tcp!.message.header.id).not.toBe(udp!.message.header.id);
    expect(resolver.pollTimeout()).toBe(ms(520)); // a fresh deadline for the TCP attempt

    const full = server.handleQuery(tcp!.bytes, 'tcp')!;
    expect(full.message.header.tc).toBe(false);
    expect(full.bytes.length).toBeGreaterThan(DNS_UDP_MAX);
    resolver.handleResponse(full.bytes, AUTH.address, ms(60), null, 'tcp');
    expect(resolver.cache.get('big.example.com', DNS_TYPE.TXT, ms(60))?.records).toHaveLength(10);
    const resolved = events().find((e) => e.type === 'dns.resolved');
    expect(resolved).toMatchObject({ rcode: 0, queries: 2 });
    // The answer to a UDP client is too long as well: truncated, TC set, so the stub asks again over TCP.
    const [reply] = transmits();
    expect(reply).toMatchObject({ kind: 'reply', to: CLIENT });
    expect(reply!.message.header.tc).toBe(true);
    expect(reply!.bytes.length).toBeLessThanOrEqual(DNS_UDP_MAX);
  });

  it('answers a client that asked over TCP in full, from the cache', () => {
    const { server, resolver, transmits, ask } = setup();
    ask();
    const [udp] = transmits();
    resolver.handleResponse(server.handleQuery(udp!.bytes, 'udp')!.bytes, AUTH.address, ms(20), null, 'udp');
    const [tcp] = transmits();
    resolver.handleResponse(server.handleQuery(tcp!.bytes, 'tcp')!.bytes, AUTH.address, ms(60), null, 'tcp');
    transmits();
    ask({ ...CLIENT, port: 49999, transport: 'tcp' });
    const [reply] = transmits();
    expect(reply).toMatchObject({ kind: 'reply', to: { transport: 'tcp' } });
    const decoded = decodeDns(reply!.bytes);
    expect(decoded.ok && decoded.value.header.tc).toBe(false);
    expect(decoded.ok && decoded.value.answers).toHaveLength(10);
  });

  it('does not take a UDP answer for a query sent over TCP', () => {
    const { server, resolver, transmits, events, ask } = setup();
    ask();
    const [udp] = transmits();
    resolver.handleResponse(server.handleQuery(udp!.bytes, 'udp')!.bytes, AUTH.address, ms(20), null, 'udp');
    events();
    const [tcp] = transmits();
    resolver.handleResponse(server.handleQuery(tcp!.bytes, 'tcp')!.bytes, AUTH.address, ms(30), null, 'udp');
    expect(events().map((e) => e.type)).toEqual(['dns.unmatched']);
    expect(resolver.cache.get('big.example.com', DNS_TYPE.TXT, ms(30))).toBeNull();
  });

  it('counts a failed or silent TCP attempt as an attempt and gives SERVFAIL when none are left', () => {
    const { server, resolver, transmits, events, ask } = setup(3);
    ask();
    const [udp] = transmits();
    resolver.handleResponse(server.handleQuery(udp!.bytes, 'udp')!.bytes, AUTH.address, ms(20), null, 'udp');
    const [tcp] = transmits();
    resolver.handleTcpFailure(tcp!.message.header.id, AUTH.address, ms(40));
    expect(events().map((e) => e.type)).toEqual(['dns.truncated', 'dns.tcpFailed']);
    const [again] = transmits(); // the third attempt, over UDP as always
    expect(again).toMatchObject({ kind: 'query', transport: 'udp' });
    resolver.handleResponse(server.handleQuery(again!.bytes, 'udp')!.bytes, AUTH.address, ms(60), null, 'udp');
    const [tcp2] = transmits(); // the retry over TCP finishes that attempt even though attempts are used up
    expect(tcp2).toMatchObject({ kind: 'query', transport: 'tcp' });
    resolver.handleTimeout(ms(560)); // no answer over TCP by its deadline
    const reply = transmits().find((t) => t.kind === 'reply')!;
    expect(reply.message.header.rcode).toBe(2); // SERVFAIL
    expect(events().find((e) => e.type === 'dns.resolved')).toMatchObject({ queries: 4 });
  });
});
