/**
 * Signed answers, simplified from DNSSEC (RFC 4033–4035) to what a lesson
 * needs: a zone's server appends to each RRset it answers with a signature
 * record computed from the RRset and the zone's secret key; a validating
 * resolver that trusts that key (a "trust anchor") accepts an answer only if
 * its signature checks out, so an attacker who cannot sign cannot poison it.
 *
 * Differences from DNSSEC, on purpose: the key is a shared secret rather than
 * a public/private pair (no DNSKEY/DS chain of trust: the anchors are
 * configured), the signature is a 64-bit keyed hash (FNV-1a, not
 * cryptographic), and the record uses a private-use type (RFC 6895 §3.1),
 * TYPE65300 "L7SIG", so that real tools do not mistake it for an RRSIG.
 * RDATA: type covered (16 bits), then the 8-byte signature.
 */
import { canonicalName, isInZone } from './names';
import { recordTypeCode, type DnsMessage, type DnsRecord } from './types';
import { describeData } from './dissect';

export const L7SIG_TYPE = 65300;

const encoder = new TextEncoder();

/** Canonical text of an RRset: owner, type and each record's data, sorted; TTLs excluded (caches count them down). */
function canonical(records: readonly DnsRecord[]): string {
  const first = records[0]!;
  const lines = records.map((r) => describeData(r)).sort();
  return `${canonicalName(first.name)}|${recordTypeCode(first.data)}|${lines.join('|')}`;
}

/** Two independent 32-bit FNV-1a hashes over key + text, as 8 bytes. */
export function keyedHash(key: string, text: string): Uint8Array {
  const bytes = encoder.encode(`${key}\u0000${text}\u0000${key}`);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (const b of bytes) {
    h1 = Math.imul(h1 ^ b, 0x01000193);
    h2 = Math.imul(h2 ^ b, 0x01000193) ^ (h2 >>> 15);
  }
  const out = new Uint8Array(8);
  const v = new DataView(out.buffer);
  v.setUint32(0, h1 >>> 0);
  v.setUint32(4, h2 >>> 0);
  return out;
}

export function signRRset(records: readonly DnsRecord[], key: string): DnsRecord {
  const first = records[0]!;
  const raw = new Uint8Array(10);
  new DataView(raw.buffer).setUint16(0, recordTypeCode(first.data));
  raw.set(keyedHash(key, canonical(records)), 2);
  return { name: first.name, class: 1, ttl: first.ttl, data: { type: 'unknown', code: L7SIG_TYPE, raw } };
}

/** Appends a signature after each RRset of `records`. */
export function withSignatures(records: readonly DnsRecord[], key: string): DnsRecord[] {
  const sets = new Map<string, DnsRecord[]>();
  for (const r of records) {
    const k = `${canonicalName(r.name)}|${recordTypeCode(r.data)}`;
    (sets.get(k) ?? sets.set(k, []).get(k)!).push(r);
  }
  return [...sets.values()].flatMap((set) => [...set, signRRset(set, key)]);
}

/** True when `signatures` holds a valid signature by `key` over `rrset`. */
export function verifyRRset(rrset: readonly DnsRecord[], signatures: readonly DnsRecord[], key: string): boolean {
  if (rrset.length === 0) return false;
  const expected = signRRset(rrset, key);
  const want = expected.data.type === 'unknown' ? expected.data.raw : new Uint8Array();
  return signatures.some(
    (s) => s.data.type === 'unknown' && s.data.code === L7SIG_TYPE && canonicalName(s.name) === canonicalName(rrset[0]!.name) && s.data.raw.length === want.length && s.data.raw.every((b, i) => b === want[i]),
  );
}

/** An answer for a name under a trust anchor must carry a valid signature for each RRset it gives. */
export function isAuthentic(m: DnsMessage, anchors: readonly { readonly zone: string; readonly key: string }[]): boolean {
  if (anchors.length === 0 || m.answers.length === 0) return true;
  const sets = new Map<string, DnsRecord[]>();
  for (const r of m.answers) {
    if (r.data.type === 'unknown' && r.data.code === L7SIG_TYPE) continue;
    const k = `${canonicalName(r.name)}|${recordTypeCode(r.data)}`;
    (sets.get(k) ?? sets.set(k, []).get(k)!).push(r);
  }
  for (const set of sets.values()) {
    const anchor = anchors.filter((a) => isInZone(set[0]!.name, a.zone)).sort((a, b) => b.zone.length - a.zone.length)[0];
    if (anchor && !verifyRRset(set, m.answers, anchor.key)) return false;
  }
  return true;
}
