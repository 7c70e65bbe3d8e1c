/** One-line summaries of DNS messages, as Wireshark's Info column writes them. */
import { rcodeName, typeName } from './constants';
import { displayName } from './names';
import type { BriefRule } from '../module';
import type { DnsMessage, DnsRecord } from './types';

function rr(r: DnsRecord): string {
  const d = r.data;
  switch (d.type) {
    case 'A':
    case 'AAAA':
      return `${d.type} ${d.address}`;
    case 'NS':
    case 'CNAME':
      return `${d.type} ${d.host}`;
    case 'MX':
      return `MX ${d.preference} ${d.exchange}`;
    case 'SOA':
      return `SOA ${d.mname}`;
    case 'TXT':
      return 'TXT';
    case 'unknown':
      return typeName(d.code);
  }
}

export function summarizeDns(m: DnsMessage): string {
  const h = m.header;
  const id = `0x${h.id.toString(16).padStart(4, '0')}`;
  const q = m.questions[0];
  const question = q ? `${typeName(q.type)} ${displayName(q.name)}` : '';
  if (!h.qr) return `Standard query ${id} ${question}`.trim();
  const status = h.rcode === 0 ? '' : h.rcode === 3 ? 'No such name ' : `${rcodeName(h.rcode)} `;
  const records = [...m.answers, ...m.authorities, ...m.additionals].map(rr);
  const shown = records.length > 6 ? [...records.slice(0, 6), `… (${records.length - 6} more)`] : records;
  // Truncation is what the lessons are about, so it is said (Wireshark shows it only in the flags).
  const truncated = h.tc ? ' [truncated]' : '';
  return `Standard query response ${id} ${status}${question}${shown.length ? ` ${shown.join(' ')}` : ''}${truncated}`;
}

/**
 * Shorter chart labels of these summaries (chart/label-brief.ts), one rule
 * more each: "Standard query response 0x777f A www.example.com NS …" →
 * "Response 0x777f A www.example.com NS …" → "Response A www.example.com NS …";
 * "Standard query 0x2239 A www.example.com" → "Query 0x2239 …" → "Query A www.example.com".
 */
export const DNS_BRIEF_LABELS: readonly BriefRule[] = [
  { why: 'a standard query (opcode 0) is the usual kind: "Response" says enough', pattern: /^Standard query response\b/, replace: 'Response' },
  { why: 'likewise "Query"', pattern: /^Standard query\b/, replace: 'Query' },
  { why: 'the transaction id pairs a response with its query (the inspector has it)', pattern: / 0x[0-9a-f]{4}\b/, replace: '' },
];
