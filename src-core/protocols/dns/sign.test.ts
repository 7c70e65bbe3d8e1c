import { describe, expect, it } from 'vitest';
import { signRRset, verifyRRset, withSignatures } from './sign';
import type { DnsRecord } from './types';

const a = (address: string, ttl = 300): DnsRecord => ({ name: 'www.example.com', class: 1, ttl, data: { type: 'A', address } });

describe('signed answers (simplified DNSSEC)', () => {
  it('verifies an RRset signed with the same key, in any order and with counted-down TTLs', () => {
    const set = [a('192.0.2.10'), a('192.0.2.11')];
    const sig = signRRset(set, 'k');
    expect(verifyRRset([a('192.0.2.11', 42), a('192.0.2.10', 42)], [sig], 'k')).toBe(true);
  });

  it('rejects a changed record, another key, or no signature', () => {
    const sig = signRRset([a('192.0.2.10')], 'k');
    expect(verifyRRset([a('6.6.6.6')], [sig], 'k')).toBe(false);
    expect(verifyRRset([a('192.0.2.10')], [sig], 'other')).toBe(false);
    expect(verifyRRset([a('192.0.2.10')], [], 'k')).toBe(false);
  });

  it('appends one signature after each RRset', () => {
    const mx: DnsRecord = { name: 'example.com', class: 1, ttl: 300, data: { type: 'MX', preference: 10, exchange: 'mail.example.com' } };
    const signed = withSignatures([a('192.0.2.10'), mx], 'k');
    expect(signed.map((r) => (r.data.type === 'unknown' ? `SIG ${r.name}` : r.data.type))).toEqual(['A', 'SIG www.example.com', 'MX', 'SIG example.com']);
  });
});
