/**
 * DNS dissector: header flags, questions and records with the byte range of
 * every field (RFC 1035 §4.1). Names are shown in presentation format, as
 * dig prints them (labels.ts: `a\.b` is one label holding a dot); types
 * and classes by name, TYPE<n>/CLASS<n> when unknown (RFC 3597 §5).
 *
 * A message sent on a TCP connection is the framed message (RFC 1035
 * §4.2.2): a two-byte length field, then the DNS message; its fields'
 * ranges are shifted past the length, as Wireshark's "Length" field does
 * for DNS over TCP.
 */
import { field, hex, problem, shifted, type FieldNode } from '../../dissect/field';
import type { MessageEvent } from '../../trace/types';
import { className, rcodeName, typeName } from './constants';
import { decodeDnsWithLayout, type RecordSpan } from './reader';
import { DNS_TCP_LENGTH_BYTES } from './tcp-framing';
import { recordTypeCode, type DnsRecord } from './types';

export function dissectDns(message: MessageEvent): FieldNode[] {
  if (!message.connection?.startsWith('tcp:')) return dissectMessage(message.bytes, message.summary);
  const b = message.bytes;
  if (b.length < DNS_TCP_LENGTH_BYTES) return [field('Domain Name System', 'dns', message.summary, 0, b.length, [problem('Length', 'dns.length', `${b.length} bytes: the two-byte length field is cut short`, 0, b.length)])];
  const length = (b[0]! << 8) | b[1]!;
  const body = b.subarray(DNS_TCP_LENGTH_BYTES);
  const lengthNode = field('Length', 'dns.length', length, 0, DNS_TCP_LENGTH_BYTES);
  const mismatch = length === body.length ? [] : [problem('Length', 'dns.length', `the length field says ${length} bytes, ${body.length} follow`, 0, DNS_TCP_LENGTH_BYTES)];
  const inner = dissectMessage(body, message.summary).map((n) => shifted(n, DNS_TCP_LENGTH_BYTES));
  return inner.map((n) => ({ ...n, offset: 0, length: b.length, children: [lengthNode, ...mismatch, ...n.children] }));
}

function dissectMessage(b: Uint8Array, summary: string): FieldNode[] {
  const decoded = decodeDnsWithLayout(b);
  if (!decoded.ok || !decoded.layout) {
    const e = decoded.ok ? { message: 'no layout', offset: 0 } : decoded.error;
    return [field('Domain Name System', 'dns', summary, 0, b.length, [problem('Malformed', '_ws.malformed', `${e.message} (at byte ${e.offset})`, Math.min(e.offset, b.length), 0)])];
  }
  const m = decoded.value;
  const h = m.header;
  const flags = (b[2]! << 8) | b[3]!;
  const bit = (name: string, id: string, on: boolean, yes: string, no: string) => field(name, `dns.flags.${id}`, on ? yes : no, 2, 2);
  const children: FieldNode[] = [
    field('Transaction ID', 'dns.id', hex(h.id, 4), 0, 2),
    field('Flags', 'dns.flags', `${hex(flags, 4)} ${h.qr ? 'Response' : 'Query'}${h.qr ? `, ${rcodeName(h.rcode)}` : ''}`, 2, 2, [
      bit('Response', 'response', h.qr, 'Message is a response', 'Message is a query'),
      field('Opcode', 'dns.flags.opcode', h.opcode === 0 ? 'Standard query (0)' : String(h.opcode), 2, 1),
      bit('Authoritative', 'authoritative', h.aa, 'Server is an authority for domain', 'Server is not an authority for domain'),
      bit('Truncated', 'truncated', h.tc, 'Message is truncated', 'Message is not truncated'),
      bit('Recursion desired', 'recdesired', h.rd, 'Do query recursively', "Don't do query recursively"),
      bit('Recursion available', 'recavail', h.ra, 'Server can do recursive queries', "Server can't do recursive queries"),
      field('Reply code', 'dns.flags.rcode', `${rcodeName(h.rcode)} (${h.rcode})`, 3, 1),
    ]),
    field('Questions', 'dns.count.queries', m.questions.length, 4, 2),
    field('Answer RRs', 'dns.count.answers', m.answers.length, 6, 2),
    field('Authority RRs', 'dns.count.auth_rr', m.authorities.length, 8, 2),
    field('Additional RRs', 'dns.count.add_rr', m.additionals.length, 10, 2),
  ];
  const layout = decoded.layout;
  if (m.questions.length) {
    const qs = m.questions.map((q, i) => {
      const span = layout.questions[i]!;
      const at = span.name.end;
      return field(`${q.name || '<Root>'}: type ${typeName(q.type)}, class ${className(q.class)}`, 'dns.qry', '', span.name.start, span.end - span.name.start, [
        field('Name', 'dns.qry.name', q.name || '<Root>', span.name.start, at - span.name.start),
        field('Type', 'dns.qry.type', `${typeName(q.type)} (${q.type})`, at, 2),
        field('Class', 'dns.qry.class', classValue(q.class), at + 2, 2),
      ]);
    });
    children.push(field('Queries', 'dns.queries', '', layout.questions[0]!.name.start, layout.questions.at(-1)!.end - layout.questions[0]!.name.start, qs));
  }
  const section = (title: string, filter: string, records: readonly DnsRecord[], spans: readonly RecordSpan[]) => {
    if (records.length === 0) return;
    const start = spans[0]!.name.start;
    children.push(field(title, filter, '', start, spans.at(-1)!.end - start, records.map((r, i) => recordNode(r, spans[i]!))));
  };
  section('Answers', 'dns.answers', m.answers, layout.answers);
  section('Authoritative nameservers', 'dns.authorities', m.authorities, layout.authorities);
  section('Additional records', 'dns.additionals', m.additionals, layout.additionals);
  return [field('Domain Name System', 'dns', summary, 0, b.length, children)];
}

function recordNode(r: DnsRecord, s: RecordSpan): FieldNode {
  const type = typeName(recordTypeCode(r.data));
  const value = describeData(r);
  return field(`${r.name || '<Root>'}: type ${type}, class ${className(r.class)}, ${value}`, 'dns.resp', '', s.name.start, s.end - s.name.start, [
    field('Name', 'dns.resp.name', r.name || '<Root>', s.name.start, s.fixed - s.name.start),
    field('Type', 'dns.resp.type', type, s.fixed, 2),
    field('Class', 'dns.resp.class', classValue(r.class), s.fixed + 2, 2),
    field('Time to live', 'dns.resp.ttl', `${r.ttl} s`, s.fixed + 4, 4),
    field('Data length', 'dns.resp.len', s.end - s.rdata, s.fixed + 8, 2),
    field(dataLabel(r), `dns.${r.data.type.toLowerCase()}`, value, s.rdata, s.end - s.rdata),
  ]);
}

/** As Wireshark shows a class: "IN (0x0001)", "CH (0x0003)", "ANY (0x00ff)". */
function classValue(cls: number): string {
  return `${className(cls)} (${hex(cls, 4)})`;
}

function dataLabel(r: DnsRecord): string {
  switch (r.data.type) {
    case 'A':
    case 'AAAA':
      return 'Address';
    case 'NS':
      return 'Name server';
    case 'CNAME':
      return 'Canonical name';
    case 'MX':
      return 'Mail exchange';
    case 'SOA':
      return 'Start of authority';
    case 'TXT':
      return 'Text';
    case 'unknown':
      return 'Data';
  }
}

export function describeData(r: DnsRecord): string {
  const d = r.data;
  switch (d.type) {
    case 'A':
    case 'AAAA':
      return `addr ${d.address}`;
    case 'NS':
      return `ns ${d.host}`;
    case 'CNAME':
      return `cname ${d.host}`;
    case 'MX':
      return `preference ${d.preference}, mx ${d.exchange}`;
    case 'SOA':
      return `mname ${d.mname}, rname ${d.rname}, serial ${d.serial}`;
    case 'TXT':
      return d.strings.map((s) => `"${s}"`).join(' '); // as dig shows them: the strings are escaped already
    case 'unknown':
      return `${d.raw.length} bytes`;
  }
}
