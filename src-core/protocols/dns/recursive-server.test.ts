// The recursive server and truncated answers: an upstream UDP answer with TC
// set is not relayed but asked again over TCP (RFC 7766 §5); answers to
// clients are fitted to the client's transport (RFC 1035 §4.2.1).
import { describe, expect, it } from 'vitest';
import { parseIpv4 } from '../../net/ipv4';
import { ms } from '../../sim/time';
import { decodeDns, encodeDns } from './codec';
import { DNS_TYPE } from './constants';
import { RecursiveServer, type RecursiveTransmit } from './recursive-server';
import { AuthoritativeServer } from './server';
import { COM_ZONE, EXAMPLE_ZONE } from './zones.test-helper';
import type { DnsRecord } from './types';

const ip = (text: string): number => parseIpv4(text)!;


const txt = (i: number): DnsRecord => ({ name: 'big.example.com', class: 1, ttl: 300, data: { type: 'TXT', strings: [`token-${i}=${'x'.repeat(60)}`] } });
const auth = new AuthoritativeServer([{ ...EXAMPLE_ZONE, records: [...EXAMPLE_ZONE.records, ...Array.from({ length: 10 }, (_, i) => txt(i))] }]);
const query = encodeDns({ header: { id: 7, qr: false, opcode: 0, aa: false, tc: false, rd: true, ra: false, z: 0, rcode: 0 }, questions: [{ name: 'big.example.com', type: DNS_TYPE.TXT, class: 1 }], answers: [], authorities: [], additionals: [] });

function drain(s: RecursiveServer): RecursiveTransmit[] {
  const out: RecursiveTransmit[] = [];
  for (let t = s.pollTransmit(); t; t = s.pollTransmit()) out.push(t);
  return out;
}

describe('the recursive server and truncated answers', () => {
  for (const transport of ['udp', 'tcp'] as const) {
    it(`asks upstream again over TCP and answers a ${transport} client ${transport === 'udp' ? 'truncated' : 'in full'}`, () => {
      let n = 100;
      const tld = new RecursiveServer([COM_ZONE], ms(2000), () => n++);
      const client = { addr: ip('10.0.0.2'), port: 40000, transport };
      tld.handleQuery(query, client, 0, null);
      const [up] = drain(tld);
      expect(up!.to).toEqual({ addr: ip('192.0.2.53'), port: 53, transport: 'udp' });
      tld.handleResponse(auth.handleQuery(up!.bytes, 'udp')!.bytes, ip('192.0.2.53'), null, 'udp');
      const [retry, ...none] = drain(tld);
      expect(none).toEqual([]);
      expect(retry!.to).toEqual({ addr: ip('192.0.2.53'), port: 53, transport: 'tcp' });
      expect(retry!.message.questions).toEqual(up!.message.questions);
      tld.handleResponse(auth.handleQuery(retry!.bytes, 'tcp')!.bytes, ip('192.0.2.53'), null, 'tcp');
      const [reply] = drain(tld);
      expect(reply!.to).toEqual(client);
      const m = decodeDns(reply!.bytes);
      if (!m.ok) throw new Error('reply');
      expect(m.value.header.tc).toBe(transport === 'udp');
      expect(m.value.answers).toHaveLength(transport === 'udp' ? 0 : 10);
    });
  }

  it('gives SERVFAIL when the TCP connection upstream fails', () => {
    const tld = new RecursiveServer([COM_ZONE], ms(2000), () => 5);
    tld.handleQuery(query, { addr: ip('10.0.0.2'), port: 40000 }, 0, null);
    const [up] = drain(tld);
    tld.handleResponse(auth.handleQuery(up!.bytes, 'udp')!.bytes, ip('192.0.2.53'), null, 'udp');
    const [retry] = drain(tld);
    tld.handleTcpFailure(retry!.message.header.id, ip('192.0.2.53'));
    expect(drain(tld)[0]!.message.header.rcode).toBe(2);
    expect(tld.pollTimeout()).toBeNull();
  });
});
