// Wireshark-style one-line summaries: question-only types by name, escaped names as dig prints them.
import { describe, expect, it } from 'vitest';
import { summarizeDns } from './summary';
import type { DnsMessage } from './types';

const message = (name: string, type: number, qr = false, rcode = 0): DnsMessage => ({
  header: { id: 0x2a, qr, opcode: 0, aa: false, tc: false, rd: false, ra: false, z: 0, rcode },
  questions: [{ name, type, class: 1 }],
  answers: [],
  authorities: [],
  additionals: [],
});

describe('summarizeDns', () => {
  it('names ANY, AXFR and IXFR', () => {
    expect(summarizeDns(message('example.com', 255))).toBe('Standard query 0x002a ANY example.com');
    expect(summarizeDns(message('example.com', 252))).toBe('Standard query 0x002a AXFR example.com');
    expect(summarizeDns(message('example.com', 251, true, 5))).toBe('Standard query response 0x002a REFUSED IXFR example.com');
  });

  it('shows names escaped, the root as "."', () => {
    expect(summarizeDns(message('a\\.b.example.com', 1))).toBe('Standard query 0x002a A a\\.b.example.com');
    expect(summarizeDns(message('', 2))).toBe('Standard query 0x002a NS .');
  });
});
