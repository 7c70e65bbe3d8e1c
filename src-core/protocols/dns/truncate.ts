/**
 * Fitting a response to its transport (RFC 1035 §4.2.1, RFC 7766 §6.2):
 * over UDP a message is at most 512 bytes (no EDNS here); a longer response
 * is cut to its header and question with TC set, telling the client to ask
 * again over TCP. Over TCP the limit is the two-byte length field's 65535,
 * so a response is truncated only if it could not be framed at all.
 */
import { DNS_UDP_MAX } from './constants';
import { encodeDns } from './codec';
import { DNS_TCP_MAX } from './tcp-framing';
import type { DnsMessage } from './types';

export type DnsTransport = 'udp' | 'tcp';

export function sizeLimit(transport: DnsTransport): number {
  return transport === 'tcp' ? DNS_TCP_MAX : DNS_UDP_MAX;
}

/**
 * The message's bytes, or those of its truncated form (header + question,
 * TC=1) when they exceed the transport's limit. A message with so many
 * questions that even that form is too long (an error reply echoing a
 * query of hundreds of questions) is cut to its header: the result always
 * fits, so it can always be sent — and framed, over TCP.
 */
export function fitToTransport(message: DnsMessage, transport: DnsTransport): { readonly bytes: Uint8Array; readonly message: DnsMessage } {
  const bytes = encodeDns(message);
  const limit = sizeLimit(transport);
  if (bytes.length <= limit) return { bytes, message };
  const cut: DnsMessage = { header: { ...message.header, tc: true }, questions: message.questions, answers: [], authorities: [], additionals: [] };
  const cutBytes = encodeDns(cut);
  if (cutBytes.length <= limit) return { bytes: cutBytes, message: cut };
  const bare: DnsMessage = { ...cut, questions: [] };
  return { bytes: encodeDns(bare), message: bare };
}
