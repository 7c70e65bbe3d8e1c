import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldNode } from '../../dissect/field';
import type { MessageEvent } from '../../trace/types';
import { encodeDns } from './codec';
import { dissectDns } from './dissect';
import { frameDnsMessage } from './tcp-framing';
import { ascii, plainLabels, wireQuery } from './wire.test-helper';

function message(bytes: Uint8Array): MessageEvent {
  return {
    kind: 'message', id: 0, layer: 'application', protocol: 'dns', from: 'a', to: 'b',
    src: { addr: '10.0.0.1', port: 5353 }, dst: { addr: '10.0.0.2', port: 53 },
    sentAt: 0, receivedAt: null, summary: 'Standard query', bytes, connection: null, causedBy: null, carries: [], retransmission: false, timing: null, lost: null,
  };
}

function find(nodes: readonly FieldNode[], filter: string): FieldNode[] {
  return nodes.flatMap((n) => [...(n.filter === filter ? [n] : []), ...find(n.children, filter)]);
}

describe('DNS dissector', () => {
  const bytes = encodeDns({
    header: { id: 0xbeef, qr: true, opcode: 0, aa: true, tc: false, rd: true, ra: false, z: 0, rcode: 0 },
    questions: [{ name: 'example.com', type: 15, class: 1 }],
    answers: [{ name: 'example.com', class: 1, ttl: 300, data: { type: 'MX', preference: 10, exchange: 'mail.example.com' } }],
    authorities: [],
    additionals: [{ name: 'mail.example.com', class: 1, ttl: 60, data: { type: 'A', address: '192.0.2.25' } }],
  });

  it('names each field with its byte range', () => {
    const tree = dissectDns(message(bytes));
    expect(find(tree, 'dns.id')[0]).toMatchObject({ value: '0xbeef', offset: 0, length: 2 });
    expect(find(tree, 'dns.flags.authoritative')[0]!.value).toBe('Server is an authority for domain');
    expect(find(tree, 'dns.qry.name')[0]).toMatchObject({ value: 'example.com', offset: 12, length: 13 });
    expect(find(tree, 'dns.resp.ttl').map((n) => n.value)).toEqual(['300 s', '60 s']);
    const a = find(tree, 'dns.a')[0]!;
    expect([...bytes.subarray(a.offset, a.offset + a.length)]).toEqual([192, 0, 2, 25]);
    expect(find(tree, 'dns.mx')[0]!.value).toBe('preference 10, mx mail.example.com');
  });

  it('shows malformed input as a problem node, never throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 120 }), (b) => {
        const tree = dissectDns(message(b));
        expect(tree).toHaveLength(1);
      }),
    );
    expect(find(dissectDns(message(new Uint8Array([1, 2, 3]))), '_ws.malformed')[0]!.severity).toBe('error');
  });

  it('over TCP: the length field first, every other range shifted past it (RFC 1035 §4.2.2)', () => {
    const onTcp = (b: Uint8Array): MessageEvent => ({ ...message(b), connection: 'tcp:10.0.0.1:49152-10.0.0.2:53' });
    const framed = frameDnsMessage(bytes);
    const tree = dissectDns(onTcp(framed));
    expect(tree[0]).toMatchObject({ offset: 0, length: framed.length });
    expect(find(tree, 'dns.length')[0]).toMatchObject({ value: String(bytes.length), offset: 0, length: 2 });
    expect(find(tree, 'dns.id')[0]).toMatchObject({ value: '0xbeef', offset: 2, length: 2 });
    const a = find(tree, 'dns.a')[0]!;
    expect([...framed.subarray(a.offset, a.offset + a.length)]).toEqual([192, 0, 2, 25]);
    const wrong = framed.slice();
    wrong[1] = wrong[1]! + 1;
    expect(find(dissectDns(onTcp(wrong)), 'dns.length').some((n) => n.severity === 'error')).toBe(true);
    expect(find(dissectDns(onTcp(new Uint8Array([0]))), 'dns.length')[0]!.severity).toBe('error');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 120 }), (b) => {
        expect(dissectDns(onTcp(b))).toHaveLength(1);
      }),
    );
  });

  it('shows names as dig does, a dot or odd byte inside a label escaped (RFC 1035 §5.1)', () => {
    const query = wireQuery([ascii('a.b'), Uint8Array.of(0, 0x20, 0xff), ...plainLabels('example.com')]);
    const tree = dissectDns(message(query));
    expect(find(tree, 'dns.qry.name')[0]).toMatchObject({ value: 'a\\.b.\\000\\032\\255.example.com', offset: 12, length: query.length - 16 });
    expect(find(tree, 'dns.qry')[0]!.name).toMatch(/^a\\\.b\.\\000/);
  });

  it('names the class and the question-only types (CH, ANY, AXFR, IXFR)', () => {
    const chaos = dissectDns(message(wireQuery(plainLabels('version.bind'), 16, 3)));
    expect(find(chaos, 'dns.qry')[0]!.name).toBe('version.bind: type TXT, class CH');
    expect(find(chaos, 'dns.qry.class')[0]!.value).toBe('CH (0x0003)');
    const types = [255, 252, 251, 99].map((t) => find(dissectDns(message(wireQuery(plainLabels('example.com'), t, 255))), 'dns.qry.type')[0]!.value);
    expect(types).toEqual(['ANY (255)', 'AXFR (252)', 'IXFR (251)', 'TYPE99 (99)']);
    expect(find(dissectDns(message(wireQuery(plainLabels('example.com'), 1, 255))), 'dns.qry.class')[0]!.value).toBe('ANY (0x00ff)');
  });
});
