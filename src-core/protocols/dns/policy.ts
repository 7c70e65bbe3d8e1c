/**
 * Which questions the authoritative server (server.ts) declines before it
 * looks at any zone, and with what RCODE. Null means: look it up.
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
