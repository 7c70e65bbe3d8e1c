/**
 * One-line summaries of the bytes a client sent, for the trace of
 * `l7 serve`. Engines label what they send; what arrives has no label, so
 * it is decoded here where that is cheap (a DNS message, a line of the
 * upper-case protocol, the start line of an HTTP message that begins the
 * chunk, the first SMTP, POP3 or IMAP command or reply, by the protocol's
 * own summarizer) and otherwise described by its size. A protocol
 * without an entry is summarised as "N bytes".
 */
import { decodeDns } from '../../src-core/protocols/dns/codec';
import { summarizeDns } from '../../src-core/protocols/dns/summary';
import { DNS_TCP_LENGTH_BYTES } from '../../src-core/protocols/dns/tcp-framing';
import { parseRequestLine, parseStatusLine } from '../../src-core/protocols/http/start-line';
import { summarizeImapBytes } from '../../src-core/protocols/imap/summary';
import { summarizeClientBytes as summarizePop3 } from '../../src-core/protocols/pop3/summary';
import { summarizeSmtpBytes } from '../../src-core/protocols/smtp/summary';
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
  http(bytes) {
    // A chunk that begins with a request or status line (RFC 9112 §3, §4) is summarised by it; a body or part of one only by size.
    const end = bytes.indexOf(0x0d);
    if (end <= 0 || bytes[end + 1] !== 0x0a) return null;
    const line = bytes.subarray(0, end);
    const request = parseRequestLine(line);
    if (request.ok) return `${request.method} ${request.target} ${request.version}`;
    const status = parseStatusLine(line);
    return status.ok ? `${status.version} ${status.status} ${status.reason}`.trimEnd() : null;
  },
  imap: (bytes) => summarizeImapBytes(bytes),
  pop3: (bytes) => summarizePop3(bytes),
  smtp: (bytes) => summarizeSmtpBytes(bytes),
  sockets(bytes, transport) {
    const text = decodeText(bytes);
    return `Line ${summarizeLine(transport === 'tcp' ? text.replace(/\n$/, '') : text)}`;
  },
};

export function summarizeIncoming(protocol: string, bytes: Uint8Array, transport: 'udp' | 'tcp'): string {
  const summary = SUMMARIZERS[protocol]?.(bytes, transport) ?? null;
  return summary ?? sizeOf(bytes);
}
