/**
 * DNS message decoder (RFC 1035 §4.1). Never throws: malformed input gives a
 * typed error with the byte offset — a name pointer that loops or points
 * forward, a label or name too long, lengths running past the end, RDATA
 * whose length does not match its type.
 *
 * Names come out as presentation-format text (labels.ts), so any label
 * bytes survive decoding and re-encoding exactly; so do TXT strings, held
 * as the text dig prints between its quotes (labels.ts).
 *
 * It also reports where each part lies (`DnsLayout`) so the dissector can
 * highlight bytes.
 */
import { formatIpv4 } from '../../net/ipv4';
import { MAX_NAME } from './constants';
import { escapeCharacterString, escapeLabel, joinLabels } from './labels';
import type { DnsDecodeError, DnsDecodeErrorCode, DnsDecodeResult, DnsHeader, DnsMessage, DnsQuestion, DnsRecord, DnsRecordData } from './types';

export interface NameSpan {
  readonly start: number;
  /** Where the name ends in place (after its root label or first pointer). */
  readonly end: number;
}

export interface QuestionSpan {
  readonly name: NameSpan;
  readonly end: number;
}

export interface RecordSpan {
  readonly name: NameSpan;
  /** Offset of TYPE; CLASS, TTL and RDLENGTH follow at +2, +4, +8. */
  readonly fixed: number;
  readonly rdata: number;
  readonly end: number;
}

export interface DnsLayout {
  readonly questions: readonly QuestionSpan[];
  readonly answers: readonly RecordSpan[];
  readonly authorities: readonly RecordSpan[];
  readonly additionals: readonly RecordSpan[];
}

/**
 * Pointers followed while reading one name. A name has at most 127 labels
 * (255 bytes, RFC 1035 §2.3.4) and an encoder writes a pointer only after
 * at least one label, except where the whole name is a pointer; so a name
 * needs at most 128. More can only be pointers to pointers: no encoder
 * writes them, and chains of them make each name cost thousands of steps
 * (one 64 KB message of such names took half a second to read).
 */
const MAX_POINTERS = 128;

class DecodeFailure {
  constructor(readonly error: DnsDecodeError) {}
}

function fail(code: DnsDecodeErrorCode, message: string, offset: number): never {
  throw new DecodeFailure({ code, message, offset });
}

class Reader {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  need(at: number, n: number, what: string): void {
    if (at + n > this.bytes.length) fail('truncated', `${what} runs past the end of the message (${this.bytes.length} bytes)`, at);
  }

  u8(at: number, what: string): number {
    this.need(at, 1, what);
    return this.bytes[at]!;
  }

  u16(at: number, what: string): number {
    this.need(at, 2, what);
    return this.view.getUint16(at);
  }

  u32(at: number, what: string): number {
    this.need(at, 4, what);
    return this.view.getUint32(at);
  }

  /**
   * Reads a possibly compressed name at `at`, as presentation-format text
   * (labels.ts: a dot or backslash inside a label is escaped, so the text
   * keeps every label boundary and byte). Pointers must point strictly
   * backwards (so they cannot loop), at most MAX_POINTERS of them.
   */
  name(at: number): { name: string; span: NameSpan } {
    const labels: string[] = [];
    let pos = at;
    let end = -1;
    let length = 1;
    let floor = at;
    let pointers = 0;
    for (;;) {
      const len = this.u8(pos, 'a name');
      if ((len & 0xc0) === 0xc0) {
        const target = this.u16(pos, 'a name pointer') & 0x3fff;
        if (end < 0) end = pos + 2;
        if (target > pos) fail('bad-pointer', `name pointer at ${pos} points forward, to ${target}`, pos);
        if (target >= floor) fail('pointer-loop', `name pointer at ${pos} to ${target} makes a loop`, pos);
        if (++pointers > MAX_POINTERS) fail('bad-pointer', `more than ${MAX_POINTERS} pointers in one name`, at);
        floor = target;
        pos = target;
        continue;
      }
      if ((len & 0xc0) !== 0) fail('bad-label', `label type 0x${(len & 0xc0).toString(16)} is not supported`, pos);
      if (len === 0) {
        if (end < 0) end = pos + 1;
        break;
      }
      this.need(pos + 1, len, 'a label');
      length += len + 1;
      if (length > MAX_NAME) fail('name-too-long', `name longer than ${MAX_NAME} bytes`, at);
      labels.push(escapeLabel(this.bytes.subarray(pos + 1, pos + 1 + len)));
      pos += len + 1;
    }
    return { name: joinLabels(labels), span: { start: at, end } };
  }
}

function header(r: Reader): DnsHeader {
  const flags = r.u16(2, 'the header');
  return {
    id: r.u16(0, 'the header'),
    qr: (flags & 0x8000) !== 0,
    opcode: (flags >>> 11) & 0xf,
    aa: (flags & 0x0400) !== 0,
    tc: (flags & 0x0200) !== 0,
    rd: (flags & 0x0100) !== 0,
    ra: (flags & 0x0080) !== 0,
    z: (flags >>> 4) & 0x7,
    rcode: flags & 0xf,
  };
}

function rdata(r: Reader, type: number, at: number, length: number): DnsRecordData {
  const end = at + length;
  const exact = (n: number, what: string) => {
    if (length !== n) fail('bad-rdata', `${what} RDATA must be ${n} bytes, got ${length}`, at);
  };
  const nameWithin = (pos: number) => {
    const n = r.name(pos);
    if (n.span.end > end) fail('bad-rdata', 'a name runs past the end of its RDATA', pos);
    return n;
  };
  switch (type) {
    case 1:
      exact(4, 'A');
      return { type: 'A', address: formatIpv4(r.u32(at, 'an A address')) };
    case 28: {
      exact(16, 'AAAA');
      const groups: string[] = [];
      for (let i = 0; i < 8; i++) groups.push(r.u16(at + 2 * i, 'an AAAA address').toString(16));
      return { type: 'AAAA', address: compressIpv6(groups) };
    }
    case 2:
    case 5: {
      const n = nameWithin(at);
      if (n.span.end !== end) fail('bad-rdata', 'bytes left after the name in RDATA', n.span.end);
      return type === 2 ? { type: 'NS', host: n.name } : { type: 'CNAME', host: n.name };
    }
    case 15: {
      const preference = r.u16(at, 'an MX preference');
      const n = nameWithin(at + 2);
      if (n.span.end !== end) fail('bad-rdata', 'bytes left after the name in RDATA', n.span.end);
      return { type: 'MX', preference, exchange: n.name };
    }
    case 6: {
      const mname = nameWithin(at);
      const rname = nameWithin(mname.span.end);
      const p = rname.span.end;
      if (end - p !== 20) fail('bad-rdata', `SOA needs 20 bytes of numbers after its names, got ${end - p}`, p);
      return {
        type: 'SOA',
        mname: mname.name,
        rname: rname.name,
        serial: r.u32(p, 'SOA'),
        refresh: r.u32(p + 4, 'SOA'),
        retry: r.u32(p + 8, 'SOA'),
        expire: r.u32(p + 12, 'SOA'),
        minimum: r.u32(p + 16, 'SOA'),
      };
    }
    case 16: {
      const strings: string[] = [];
      let p = at;
      while (p < end) {
        const len = r.u8(p, 'a TXT string');
        if (p + 1 + len > end) fail('bad-rdata', 'a TXT string runs past its RDATA', p);
        strings.push(escapeCharacterString(r.bytes.subarray(p + 1, p + 1 + len)));
        p += 1 + len;
      }
      return { type: 'TXT', strings };
    }
    default:
      return { type: 'unknown', code: type, raw: r.bytes.slice(at, end) };
  }
}

export function decodeDnsWithLayout(bytes: Uint8Array): DnsDecodeResult & { layout?: DnsLayout } {
  const r = new Reader(bytes);
  try {
    r.need(0, 12, 'the 12-byte header');
    const h = header(r);
    const counts = [4, 6, 8, 10].map((at) => r.u16(at, 'the header'));
    let pos = 12;
    const questions: DnsQuestion[] = [];
    const questionSpans: QuestionSpan[] = [];
    for (let i = 0; i < counts[0]!; i++) {
      const n = r.name(pos);
      const type = r.u16(n.span.end, 'a question');
      const cls = r.u16(n.span.end + 2, 'a question');
      pos = n.span.end + 4;
      questions.push({ name: n.name, type, class: cls });
      questionSpans.push({ name: n.span, end: pos });
    }
    const sections: DnsRecord[][] = [[], [], []];
    const spans: RecordSpan[][] = [[], [], []];
    for (let s = 0; s < 3; s++) {
      for (let i = 0; i < counts[s + 1]!; i++) {
        const n = r.name(pos);
        const fixed = n.span.end;
        const type = r.u16(fixed, 'a resource record');
        const cls = r.u16(fixed + 2, 'a resource record');
        const ttl = r.u32(fixed + 4, 'a resource record');
        const length = r.u16(fixed + 8, 'a resource record');
        const start = fixed + 10;
        r.need(start, length, 'RDATA');
        sections[s]!.push({ name: n.name, class: cls, ttl, data: rdata(r, type, start, length) });
        spans[s]!.push({ name: n.span, fixed, rdata: start, end: start + length });
        pos = start + length;
      }
    }
    if (pos !== bytes.length) fail('trailing-bytes', `${bytes.length - pos} bytes after the last record`, pos);
    const value: DnsMessage = { header: h, questions, answers: sections[0]!, authorities: sections[1]!, additionals: sections[2]! };
    return { ok: true, value, layout: { questions: questionSpans, answers: spans[0]!, authorities: spans[1]!, additionals: spans[2]! } };
  } catch (e) {
    if (e instanceof DecodeFailure) return { ok: false, error: e.error };
    throw e;
  }
}

export function decodeDns(bytes: Uint8Array): DnsDecodeResult {
  const result = decodeDnsWithLayout(bytes);
  return result.ok ? { ok: true, value: result.value } : result;
}

/** RFC 5952 §4.2: the longest run of two or more zero groups becomes "::". */
function compressIpv6(groups: string[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  if (bestStart < 0) return groups.join(':');
  return `${groups.slice(0, bestStart).join(':')}::${groups.slice(bestStart + bestLength).join(':')}`;
}
