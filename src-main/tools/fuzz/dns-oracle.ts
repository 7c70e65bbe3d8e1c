/**
 * The DNS oracle (oracle.ts). Checks on every DNS message an engine sends:
 * it decodes, and over UDP it fits in 512 bytes (RFC 1035 §4.2.1); a TCP
 * stream is read by its 2-byte length fields (RFC 1035 §4.2.2), none of them
 * zero (RFC 7766 §8). A reply to the fuzzer is a response, has the id of a
 * query the fuzzer sent, and repeats that query's question name octet for
 * octet (RFC 1035 §4.1.2, §7.3: the client matches the reply by it; a label
 * is octets, not text, §3.1).
 *
 * Refusals: a FORMERR or NOTIMP reply to the fuzzer, and the events of a
 * response dropped (no query matches it, a bad signature) or of an
 * unreadable stream.
 */
import { decodeDns, encodeDns } from '../../../src-core/protocols/dns/codec';
import { DNS_RCODE, DNS_UDP_MAX } from '../../../src-core/protocols/dns/constants';
import { dnsDictionary, dnsQueries, dnsResponses, dnsTcpStreams, ENGINE_QUERY_ID, queryMessage } from './dns-seeds';
import type { Checker, Framed, Oracle, Sent, Verdict } from './oracle';
import { check, hex } from './target';

const REFUSAL_EVENTS = new Set(['dns.unmatched', 'dns.bogus', 'dns.tcpFramingError']);

function frames(stream: Uint8Array): Framed {
  const messages: { payload: Uint8Array; end: number }[] = [];
  for (let at = 0; stream.length - at >= 2; ) {
    const length = (stream[at]! << 8) | stream[at + 1]!;
    if (length === 0) return { messages, error: `a zero length field at offset ${at}` };
    if (stream.length - at - 2 < length) break;
    messages.push({ payload: stream.subarray(at + 2, at + 2 + length), end: at + 2 + length });
    at += 2 + length;
  }
  return { messages, error: null };
}

/**
 * The first question's name as its labels' raw bytes (hex, pointers
 * followed), or null when the message has none or it cannot be read.
 */
export function rawQuestionName(bytes: Uint8Array): string | null {
  if (bytes.length < 12 || ((bytes[4]! << 8) | bytes[5]!) === 0) return null;
  const labels: string[] = [];
  for (let pos = 12, hops = 0; hops < 256; hops++) {
    const len = bytes[pos];
    if (len === undefined) return null;
    if ((len & 0xc0) === 0xc0) {
      if (pos + 1 >= bytes.length) return null;
      pos = ((len & 0x3f) << 8) | bytes[pos + 1]!;
      continue;
    }
    if (len === 0) return labels.join('.');
    labels.push(hex(bytes.subarray(pos + 1, pos + 1 + len)));
    pos += 1 + len;
  }
  return null;
}

const idOf = (bytes: Uint8Array) => (bytes[0]! << 8) | bytes[1]!;

/**
 * Queries the fuzzer sent since the world was made, by trace id and by DNS
 * id. A reply its engine sends at once names its query as its cause; one it
 * sends later (after asking other servers) names their answer, and is
 * matched by its id to every query that had it.
 */
class DnsChecker implements Checker {
  private readonly byMessage = new Map<number, Uint8Array>();
  private readonly byId = new Map<number, Uint8Array[]>();

  asked(message: Uint8Array, _transport: string, id: number): void {
    if (message.length < 2) return;
    this.byMessage.set(id, message);
    const dnsId = idOf(message);
    (this.byId.get(dnsId) ?? this.byId.set(dnsId, []).get(dnsId)!).push(message);
  }

  sent(message: Uint8Array, { transport, toFuzzer, cause, who }: Sent): Verdict {
    const d = decodeDns(message);
    check(d.ok, () => `${who} sent a DNS message that does not decode: ${d.ok ? '' : d.error.message}`);
    check(transport === 'tcp' || message.length <= DNS_UDP_MAX, () => `${who} sent ${message.length} bytes of DNS over UDP (at most ${DNS_UDP_MAX})`);
    if (!toFuzzer) return 'ok';
    const h = d.value.header;
    check(h.qr, () => `${who} sent the fuzzer a DNS message that is not a response`);
    const query = cause === null ? undefined : this.byMessage.get(cause);
    if (query) {
      check(h.id === idOf(query), () => `${who} answered a query with id ${idOf(query)} with id ${h.id}`);
      const q = decodeDns(query);
      // FORMERR and the like may carry no question; a query with several questions has no one name to echo.
      if (q.ok && q.value.questions.length === 1) checkEcho([query], message, who);
    } else {
      const queries = this.byId.get(h.id);
      check(queries !== undefined, () => `${who} answered the fuzzer with id ${h.id}, which none of its queries had`);
      checkEcho(queries, message, who);
    }
    return h.rcode === DNS_RCODE.FORMERR || h.rcode === DNS_RCODE.NOTIMP ? 'refusal' : 'ok';
  }

  event(event: unknown): Verdict {
    return REFUSAL_EVENTS.has((event as { type?: string }).type ?? '') ? 'refusal' : 'ok';
  }
}

/** The reply's question name, if it has one, is the first question name of one of `queries`. */
function checkEcho(queries: readonly Uint8Array[], reply: Uint8Array, who: string): void {
  const echoed = rawQuestionName(reply);
  if (echoed === null) return;
  const asked = queries.map(rawQuestionName).filter((n) => n !== null);
  check(asked.includes(echoed), () => `${who}'s reply has the question name (labels ${echoed}), not the query's (labels ${asked.join(' or ')})`);
}

export const dnsOracle: Oracle = {
  protocol: 'dns',
  frames,
  requests: () => dnsQueries(0xbeef, true),
  streams: (requests) => dnsTcpStreams(requests),
  replies: () => [...dnsResponses(ENGINE_QUERY_ID, false), ...dnsResponses(ENGINE_QUERY_ID, true, 'tcp')],
  dictionary: dnsDictionary,
  prompt(reply) {
    const d = decodeDns(reply);
    const q = d.ok ? d.value.questions[0] : undefined;
    if (!q) return null;
    try {
      return encodeDns(queryMessage({ ...q, class: 1 }, 7, true));
    } catch {
      // A name our encoder refuses (the codec targets report such bugs): the target asks something else.
      return null;
    }
  },
  answerTo(query, reply) {
    if (query.length < 2 || reply.length < 2) return reply;
    const out = reply.slice();
    out[0] = query[0]!;
    out[1] = query[1]!;
    return out;
  },
  checker: () => new DnsChecker(),
};
