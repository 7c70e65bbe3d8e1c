/**
 * Which questions the authoritative server (server.ts) and the resolver
 * (resolver.ts) decline before they look at any zone or cache, and with
 * what RCODE. Null means: look it up.
 *
 * The authoritative server:
 *
 * - CLASS. Every zone here is of class IN, so a question for another class
 *   (CH, HS, …) is outside every zone of the server and gets REFUSED, as a
 *   name outside them does; BIND says the same for a class it has no view
 *   of. NOTIMP would claim the kind of query is not implemented, but it is
 *   an ordinary QUERY. QCLASS ANY (255) is refused too: an answer from IN
 *   data alone could not be authoritative (RFC 1035 §7.1: "If QCLASS=* is
 *   used, then authoritative answers won't be available"), and a
 *   non-authoritative partial answer, or an NXDOMAIN meant for every class,
 *   is a trap for caches. (BIND matches class ANY to its views and answers
 *   from them; we choose the simpler rule.)
 * - Zone transfers are allowed to nobody: this server has no secondaries.
 *   AXFR over UDP is FORMERR: AXFR is defined over TCP only (RFC 5936 §4.2:
 *   "AXFR sessions over UDP transport are not defined"), and BIND answers
 *   "attempted AXFR over UDP" with FORMERR too — though BIND checks its
 *   transfer ACL first, so with transfers denied it would say REFUSED. AXFR
 *   over TCP, and IXFR over either transport (RFC 1995 §2 allows UDP), get
 *   REFUSED: "a zone administrator has the option to restrict AXFR access
 *   to a zone", and the default should not be open to all (RFC 5936 §5).
 *
 * The resolver (a local DNS server, recursive only):
 *
 * - CLASS. It resolves IN only (every server it can ask serves IN zones),
 *   so any other class, QCLASS ANY included, is REFUSED. Sending the
 *   question on as class IN would answer IN data under the client's class.
 *   BIND says REFUSED when no view of its has the query's class ("no
 *   matching view in class").
 * - Zone transfers. It is authoritative for no zone, so it has none to
 *   transfer: AXFR and IXFR are REFUSED, over UDP and TCP alike (RFC 1035
 *   §4.1.1: REFUSED is for a server that "may not wish to perform a
 *   particular operation (e.g., zone transfer) for particular data").
 *   Unbound, a recursive-only server as this one is, refuses them so before
 *   anything else ("refused zone transfer"). BIND answers NOTAUTH (RCODE
 *   9, "non-authoritative zone"), an RCODE that RFC 2136 §2.2 and RFC 8945
 *   define for UPDATE and TSIG, not for an ordinary QUERY.
 *
 * The reply echoes the question as asked, its class included.
 */
import { DNS_CLASS, DNS_QTYPE, DNS_RCODE } from './constants';
import type { DnsTransport } from './truncate';
import type { DnsQuestion } from './types';

export type Declined = { readonly rcode: typeof DNS_RCODE.REFUSED; readonly outcome: 'refused' } | { readonly rcode: typeof DNS_RCODE.FORMERR; readonly outcome: 'formerr' };

const REFUSED: Declined = { rcode: DNS_RCODE.REFUSED, outcome: 'refused' };
const FORMERR: Declined = { rcode: DNS_RCODE.FORMERR, outcome: 'formerr' };

export function declineQuestion(question: DnsQuestion, transport: DnsTransport): Declined | null {
  if (question.class !== DNS_CLASS.IN) return REFUSED;
  if (question.type === DNS_QTYPE.AXFR) return transport === 'udp' ? FORMERR : REFUSED;
  if (question.type === DNS_QTYPE.IXFR) return REFUSED;
  return null;
}

export function declineAtResolver(question: DnsQuestion): Declined | null {
  if (question.class !== DNS_CLASS.IN) return REFUSED;
  if (question.type === DNS_QTYPE.AXFR || question.type === DNS_QTYPE.IXFR) return REFUSED;
  return null;
}
