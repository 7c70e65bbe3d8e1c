// Fitting responses to UDP's 512 bytes and TCP's 65535 (RFC 1035 §4.2.1, §4.2.2).
import { describe, expect, it } from 'vitest';
import { AuthoritativeServer } from './server';
import { frameDnsMessage } from './tcp-framing';
import { fitToTransport } from './truncate';
import type { DnsMessage, DnsQuestion } from './types';
import { EXAMPLE_ZONE } from './zones.test-helper';
import { wireName, plainLabels } from './wire.test-helper';

const response = (questions: DnsQuestion[], answers: DnsMessage['answers'] = []): DnsMessage => ({
  header: { id: 5, qr: true, opcode: 0, aa: true, tc: false, rd: false, ra: false, z: 0, rcode: 0 },
  questions,
  answers,
  authorities: [],
  additionals: [],
});

describe('fitToTransport', () => {
  it('keeps a message that fits, cuts a long one to header and question with TC', () => {
    const q = { name: 'example.com', type: 16, class: 1 };
    const small = response([q]);
    expect(fitToTransport(small, 'udp').message).toBe(small);
    const txt = Array.from({ length: 6 }, (_, i) => ({ name: 'example.com', class: 1, ttl: 60, data: { type: 'TXT' as const, strings: [String(i).repeat(100)] } }));
    const cut = fitToTransport(response([q], txt), 'udp');
    expect(cut.message.header.tc).toBe(true);
    expect(cut.message.questions).toEqual([q]);
    expect(cut.message.answers).toEqual([]);
    expect(fitToTransport(response([q], txt), 'tcp').message.answers).toHaveLength(6);
  });

  it('cuts to the bare header when even the questions do not fit', () => {
    const many = Array.from({ length: 100 }, (_, i) => ({ name: `q${i}.example.com`, type: 1, class: 1 }));
    const udp = fitToTransport(response(many), 'udp');
    expect(udp.bytes.length).toBeLessThanOrEqual(512);
    expect(udp.message).toMatchObject({ header: { tc: true }, questions: [] });
    const huge = Array.from({ length: 1100 }, (_, i) => ({ name: `${String(i).padStart(4, '0')}${'x'.repeat(59)}.example.com`, type: 1, class: 1 }));
    const tcp = fitToTransport(response(huge), 'tcp');
    expect(tcp.bytes.length).toBeLessThanOrEqual(65535);
    expect(() => frameDnsMessage(tcp.bytes)).not.toThrow();
  });

  it("keeps a server's FORMERR to a query of 100 questions within 512 bytes over UDP", () => {
    const name = wireName(plainLabels('www.example.com'));
    const questions = [...name, 0, 1, 0, 1, ...Array.from({ length: 99 }, () => [0xc0, 12, 0, 1, 0, 1]).flat()];
    const query = Uint8Array.from([0, 9, 1, 0, 0, 100, 0, 0, 0, 0, 0, 0, ...questions]);
    const reply = new AuthoritativeServer([EXAMPLE_ZONE]).handleQuery(query, 'udp')!;
    expect(reply.outcome).toBe('formerr');
    expect(reply.bytes.length).toBeLessThanOrEqual(512);
    expect(reply.message.header).toMatchObject({ id: 9, tc: true, rcode: 1 });
  });
});
