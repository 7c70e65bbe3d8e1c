/**
 * DNS message encoder (RFC 1035 §4.1) with name compression (§4.1.4): each
 * name is written as labels, ending either in the root label or in a pointer
 * (two bytes 11xxxxxx xxxxxxxx) to an earlier occurrence of the same suffix.
 * Only offsets below 0x4000 can be pointed at. Names inside RDATA are
 * compressed for the types RFC 1035 defines (NS, CNAME, SOA, MX); never for
 * types defined later (RFC 3597 §4).
 *
 * Names are presentation-format text (labels.ts), written as the label
 * bytes they stand for. Suffixes match for compression only when their
 * bytes are equal, case included (BIND does so in zone transfers; in
 * answers it folds case), so every name reads back exactly as it was given:
 * "WWW.Example.COM" in the question does not turn the answer's
 * "www.example.com" into it.
 *
 * TXT strings are presentation text too (labels.ts), written as the bytes
 * they stand for.
 */
import { parseIpv4 } from '../../net/ipv4';
import { characterStringBytes, escapeLabel, joinLabels, splitLabels, wireLabels } from './labels';
import { recordTypeCode, type DnsHeader, type DnsMessage, type DnsQuestion, type DnsRecord } from './types';

class ByteWriter {
  private buf = new Uint8Array(512);
  length = 0;
  /** Name suffix (exact text) → offset where it was written. */
  private readonly names = new Map<string, number>();

  private ensure(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  u8(v: number): void {
    this.ensure(1);
    this.buf[this.length++] = v & 0xff;
  }

  u16(v: number): void {
    this.u8(v >>> 8);
    this.u8(v);
  }

  u32(v: number): void {
    this.u16(v >>> 16);
    this.u16(v & 0xffff);
  }

  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  setU16(at: number, v: number): void {
    this.buf[at] = (v >>> 8) & 0xff;
    this.buf[at + 1] = v & 0xff;
  }

  /** Writes a presentation-format name (labels.ts) as its label bytes; the compression key is the exact bytes of the suffix. */
  name(name: string, compress: boolean): void {
    const labels = wireLabels(name);
    const exact = labels.map(escapeLabel);
    for (let i = 0; i < labels.length; i++) {
      const suffix = joinLabels(exact.slice(i));
      const earlier = this.names.get(suffix);
      if (compress && earlier !== undefined) {
        this.u16(0xc000 | earlier);
        return;
      }
      if (this.length < 0x4000) this.names.set(suffix, this.length);
      this.u8(labels[i]!.length);
      this.bytes(labels[i]!);
    }
    this.u8(0);
  }

  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/** The label texts of a name (split on unescaped dots only; labels.ts). */
export function splitName(name: string): string[] {
  return splitLabels(name);
}

function header(w: ByteWriter, h: DnsHeader, m: DnsMessage): void {
  w.u16(h.id);
  const flags =
    (h.qr ? 0x8000 : 0) |
    ((h.opcode & 0xf) << 11) |
    (h.aa ? 0x0400 : 0) |
    (h.tc ? 0x0200 : 0) |
    (h.rd ? 0x0100 : 0) |
    (h.ra ? 0x0080 : 0) |
    ((h.z & 0x7) << 4) |
    (h.rcode & 0xf);
  w.u16(flags);
  w.u16(m.questions.length);
  w.u16(m.answers.length);
  w.u16(m.authorities.length);
  w.u16(m.additionals.length);
}

function question(w: ByteWriter, q: DnsQuestion): void {
  w.name(q.name, true);
  w.u16(q.type);
  w.u16(q.class);
}

function record(w: ByteWriter, r: DnsRecord): void {
  w.name(r.name, true);
  w.u16(recordTypeCode(r.data));
  w.u16(r.class);
  w.u32(r.ttl >>> 0);
  const lengthAt = w.length;
  w.u16(0);
  const start = w.length;
  const d = r.data;
  switch (d.type) {
    case 'A': {
      const a = parseIpv4(d.address);
      if (a === null) throw new RangeError(`"${d.address}" is not an IPv4 address`);
      w.u32(a);
      break;
    }
    case 'AAAA':
      w.bytes(parseIpv6(d.address));
      break;
    case 'NS':
    case 'CNAME':
      w.name(d.host, true);
      break;
    case 'MX':
      w.u16(d.preference);
      w.name(d.exchange, true);
      break;
    case 'SOA':
      w.name(d.mname, true);
      w.name(d.rname, true);
      w.u32(d.serial >>> 0);
      w.u32(d.refresh >>> 0);
      w.u32(d.retry >>> 0);
      w.u32(d.expire >>> 0);
      w.u32(d.minimum >>> 0);
      break;
    case 'TXT':
      for (const s of d.strings) {
        const b = characterStringBytes(s);
        if (b.length > 255) throw new RangeError('a TXT character-string is at most 255 bytes (RFC 1035 §3.3)');
        w.u8(b.length);
        w.bytes(b);
      }
      break;
    case 'unknown':
      w.bytes(d.raw);
      break;
  }
  w.setU16(lengthAt, w.length - start);
}

/** Encodes a message. Throws RangeError for data that cannot be encoded (our mistake, not the peer's). */
export function encodeDns(m: DnsMessage): Uint8Array {
  const w = new ByteWriter();
  header(w, m.header, m);
  m.questions.forEach((q) => question(w, q));
  for (const r of m.answers) record(w, r);
  for (const r of m.authorities) record(w, r);
  for (const r of m.additionals) record(w, r);
  return w.result();
}

/** Parses an IPv6 address in text form (RFC 4291 §2.2, with "::"); throws RangeError when invalid. */
export function parseIpv6(text: string): Uint8Array {
  const bad = () => new RangeError(`"${text}" is not an IPv6 address`);
  const halves = text.split('::');
  if (halves.length > 2) throw bad();
  const parse = (part: string) => (part === '' ? [] : part.split(':'));
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0 || (halves.length === 2 && missing < 1)) throw bad();
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  const out = new Uint8Array(16);
  groups.forEach((g, i) => {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) throw bad();
    const v = parseInt(g, 16);
    out[2 * i] = v >>> 8;
    out[2 * i + 1] = v & 0xff;
  });
  return out;
}
