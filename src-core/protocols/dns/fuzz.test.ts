// Mutated DNS messages (bytes changed, inserted, deleted, cut; counts and
// pointers rewritten) at every entry point that reads the network: the
// decoder, the authoritative server, the dissector and the TCP reassembler.
// Nothing may throw; what the server sends must decode (ours and
// dns-packet), echo the id, and fit its transport.
import dnsPacket from 'dns-packet';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MessageEvent } from '../../trace/types';
import { decodeDns, encodeDns } from './codec';
import { dissectDns } from './dissect';
import { AuthoritativeServer } from './server';
import { DnsStreamReassembler, frameDnsMessage } from './tcp-framing';
import { COM_ZONE, EXAMPLE_ZONE, ROOT_ZONE } from './zones.test-helper';

const query = (name: string, type: number) =>
  encodeDns({ header: { id: 0x0707, qr: false, opcode: 0, aa: false, tc: false, rd: true, ra: false, z: 0, rcode: 0 }, questions: [{ name, type, class: 1 }], answers: [], authorities: [], additionals: [] });

const server = new AuthoritativeServer([ROOT_ZONE, COM_ZONE, EXAMPLE_ZONE]);
const queries = ([['www.example.com', 1], ['example.com', 15], ['web.example.com', 1], ['nope.example.com', 1], ['example.com', 255], ['com', 2]] as const).map(([n, t]) => query(n, t));
const seeds = [...queries, ...queries.map((q) => server.handleQuery(q, 'tcp')!.bytes)];

type Mutation = { op: 'set' | 'flip' | 'insert' | 'delete' | 'cut' | 'count' | 'pointer'; at: number; value: number };
const mutation: fc.Arbitrary<Mutation> = fc.record({ op: fc.constantFrom('set', 'flip', 'insert', 'delete', 'cut', 'count', 'pointer'), at: fc.nat(), value: fc.nat(0xffff) });

function mutate(seed: Uint8Array, ms: readonly Mutation[]): Uint8Array {
  let b = Array.from(seed);
  for (const { op, at, value } of ms) {
    const i = at % (b.length + 1);
    if (op === 'set' && b.length) b[i % b.length] = value & 0xff;
    else if (op === 'flip' && b.length) b[i % b.length]! ^= 1 << (value % 8);
    else if (op === 'insert') b.splice(i, 0, value & 0xff);
    else if (op === 'delete') b.splice(i, 1);
    else if (op === 'cut') b = b.slice(0, i);
    else if (op === 'count' && b.length >= 12) [b[4 + 2 * (at % 4)], b[5 + 2 * (at % 4)]] = [(value >> 8) % 3, value & 0xff];
    else if (op === 'pointer' && b.length > 14) [b[12 + (at % (b.length - 13))], b[13 + (at % (b.length - 13))]] = [0xc0 | ((value >> 8) & 0x3f), value & 0xff];
  }
  return Uint8Array.from(b);
}

const mutated = fc.tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 5 })).map(([s, ms]) => mutate(s, ms));

const event = (bytes: Uint8Array, connection: string | null): MessageEvent => ({
  kind: 'message', id: 0, layer: 'application', protocol: 'dns', from: 'a', to: 'b', src: { addr: '10.0.0.1', port: 5353 }, dst: { addr: '10.0.0.2', port: 53 },
  sentAt: 0, receivedAt: null, summary: '', bytes, connection, causedBy: null, carries: [], retransmission: false, timing: null, lost: null,
});

describe('mutated DNS input', () => {
  it('decodes to a typed error or to a message that re-encodes to itself (property)', () => {
    fc.assert(
      fc.property(mutated, (b) => {
        const d = decodeDns(b);
        if (d.ok) expect(decodeDns(encodeDns(d.value))).toEqual(d);
        else expect(d.error.offset).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('gets a reply from the server that decodes, echoes the id and fits, or none (property)', () => {
    fc.assert(
      fc.property(mutated, fc.constantFrom('udp' as const, 'tcp' as const), (b, transport) => {
        const reply = server.handleQuery(b, transport);
        if (!reply) return;
        expect(decodeDns(reply.bytes)).toEqual({ ok: true, value: reply.message });
        expect(() => dnsPacket.decode(Buffer.from(reply.bytes))).not.toThrow();
        expect(reply.message.header.id).toBe((b[0]! << 8) | b[1]!);
        expect(reply.bytes.length).toBeLessThanOrEqual(transport === 'udp' ? 512 : 65535);
      }),
      { numRuns: 1000 },
    );
  });

  it('is dissected into one tree, over UDP and TCP, and reassembled without throwing (property)', () => {
    fc.assert(
      fc.property(mutated, (b) => {
        expect(dissectDns(event(b, null))).toHaveLength(1);
        expect(dissectDns(event(b, 'tcp:x'))).toHaveLength(1);
        expect(dissectDns(event(frameDnsMessage(b), 'tcp:x'))).toHaveLength(1);
        const r = new DnsStreamReassembler();
        r.push(b);
        for (let item = r.poll(), n = 0; item && item.type === 'message' && n < 100; item = r.poll(), n++);
      }),
      { numRuns: 500 },
    );
  });
});
