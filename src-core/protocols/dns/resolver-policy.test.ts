// What the resolver declines before any lookup: questions of another class
// than IN, and zone transfers (policy.ts). Replies are read back by
// dns-packet, a codec we did not write.
import dnsPacket from 'dns-packet';
import { describe, expect, it } from 'vitest';
import { DNS_CLASS, DNS_QTYPE, DNS_RCODE, DNS_TYPE } from './constants';
import { clientQuery, CLIENT, ResolverWorld } from './resolver.test-helper';
import type { ResolverTransmit } from './resolver';
import type { DnsTransport } from './truncate';

function askOnce(w: ResolverWorld, name: string, type: number, cls: number, transport: DnsTransport = 'udp'): ResolverTransmit[] {
  w.resolver.handleClientQuery(clientQuery(name, type, cls), { ...CLIENT, transport }, 0, 5);
  const out: ResolverTransmit[] = [];
  for (let t = w.resolver.pollTransmit(); t; t = w.resolver.pollTransmit()) out.push(t);
  return out;
}

describe('Resolver: classes other than IN', () => {
  it('refuses CH, HS and QCLASS ANY at once, echoing the question, and asks no server', () => {
    for (const cls of [DNS_CLASS.CH, DNS_CLASS.HS, DNS_CLASS.ANY, 2]) {
      const w = new ResolverWorld();
      const out = askOnce(w, 'version.bind', DNS_TYPE.TXT, cls);
      expect(out.map((t) => t.kind)).toEqual(['reply']);
      const reply = out[0]!;
      expect(reply.message.header).toMatchObject({ id: 99, qr: true, rd: true, ra: true, aa: false, rcode: DNS_RCODE.REFUSED });
      expect(reply.message.questions).toEqual([{ name: 'version.bind', type: DNS_TYPE.TXT, class: cls }]);
      expect(reply.message.answers).toEqual([]);
      expect(reply.cause).toBe(5);
      expect(dnsPacket.decode(Buffer.from(reply.bytes)).flags! & 0xf).toBe(DNS_RCODE.REFUSED);
    }
  });

  it('still resolves IN', () => {
    const w = new ResolverWorld();
    expect(w.lookup('www.example.com', DNS_TYPE.A, DNS_CLASS.IN).reply.header.rcode).toBe(DNS_RCODE.NOERROR);
  });
});

describe('Resolver: zone transfers', () => {
  it('refuses AXFR and IXFR over UDP and TCP alike: a resolver holds no zone to transfer', () => {
    for (const [type, transport] of [[DNS_QTYPE.AXFR, 'udp'], [DNS_QTYPE.AXFR, 'tcp'], [DNS_QTYPE.IXFR, 'udp'], [DNS_QTYPE.IXFR, 'tcp']] as const) {
      const w = new ResolverWorld();
      const out = askOnce(w, 'example.com', type, DNS_CLASS.IN, transport);
      expect(out.map((t) => t.kind)).toEqual(['reply']);
      expect(out[0]!.message.header.rcode).toBe(DNS_RCODE.REFUSED);
      expect(out[0]!.message.questions[0]!.type).toBe(type);
      expect(out[0]!.kind === 'reply' && out[0]!.to.transport).toBe(transport);
    }
  });
});
