/**
 * One-line summaries of the bytes a client sent, for the trace of
 * `l7 serve`. Engines label what they send; what arrives has no label, so
 * it is decoded here where that is cheap (a DNS message, a line of the
 * upper-case protocol) and otherwise described by its size. A protocol
 * without an entry is summarised as "N bytes".
 */
import { decodeDns } from '../../src-core/protocols/dns/codec';
import { summarizeDns } from '../../src-core/protocols/dns/summary';
import { DNS_TCP_LENGTH_BYTES } from '../../src-core/protocols/dns/tcp-framing';
import { decodeText, summarizeLine } from '../../src-core/protocols/sockets/line-codec';

type Summarizer = (bytes: Uint8Array, transport: 'udp' | 'tcp') => string | null;

function sizeOf(bytes: Uint8Array): string {
  return `${bytes.length} byte${bytes.length === 1 ? '' : 's'}`;
}

const SUMMARIZERS: Readonly<Record<string, Summarizer>> = {
  dns(bytes, transport) {
    let body = bytes;
    if (transport === 'tcp') {
      // One whole framed message is summarised; a part of one, or several, only by size.
      if (bytes.length < DNS_TCP_LENGTH_BYTES || ((bytes[0]! << 8) | bytes[1]!) !== bytes.length - DNS_TCP_LENGTH_BYTES) return null;
      body = bytes.subarray(DNS_TCP_LENGTH_BYTES);
    }
    const decoded = decodeDns(body);
    return decoded.ok ? summarizeDns(decoded.value) : `Malformed DNS message, ${sizeOf(bytes)}`;
  },
  sockets(bytes, transport) {
    const text = decodeText(bytes);
    return `Line ${summarizeLine(transport === 'tcp' ? text.replace(/\n$/, '') : text)}`;
  },
};

export function summarizeIncoming(protocol: string, bytes: Uint8Array, transport: 'udp' | 'tcp'): string {
  const summary = SUMMARIZERS[protocol]?.(bytes, transport) ?? null;
  return summary ?? sizeOf(bytes);
}
