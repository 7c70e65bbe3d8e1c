/**
 * DNS numbers: RFC 1035 §3.2.2 (TYPE), §3.2.3 (QTYPE), §3.2.4 (CLASS),
 * §4.1.1 (OPCODE, RCODE); AAAA from RFC 3596 §2.1. Unknown numbers are
 * named TYPE<n> and CLASS<n> (RFC 3597 §5), as dig writes them.
 */

export const DNS_TYPE = { A: 1, NS: 2, CNAME: 5, SOA: 6, MX: 15, TXT: 16, AAAA: 28 } as const;
export type DnsTypeName = keyof typeof DNS_TYPE;

/**
 * Types that appear only in questions (RFC 1035 §3.2.3, RFC 6895 §3.1):
 * IXFR (RFC 1995), AXFR (RFC 5936), and ANY, written "*" in RFC 1035,
 * answered as RFC 8482 says.
 */
export const DNS_QTYPE = { IXFR: 251, AXFR: 252, ANY: 255 } as const;

/** CLASS and QCLASS values (RFC 1035 §3.2.4–§3.2.5, RFC 6895 §3.2): the Internet, Chaos, Hesiod, and ANY ("*"). */
export const DNS_CLASS = { IN: 1, CH: 3, HS: 4, ANY: 255 } as const;

export const DNS_CLASS_IN = DNS_CLASS.IN;

export const DNS_OPCODE = { QUERY: 0, IQUERY: 1, STATUS: 2 } as const;

export const DNS_RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const;
export type DnsRcodeName = keyof typeof DNS_RCODE;

/** Well-known port (RFC 1035 §4.2). */
export const DNS_PORT = 53;

/** Largest DNS message over UDP without EDNS (RFC 1035 §4.2.1); longer answers set TC. */
export const DNS_UDP_MAX = 512;

/** A label is at most 63 octets, a name at most 255 (RFC 1035 §2.3.4). */
export const MAX_LABEL = 63;
export const MAX_NAME = 255;

const TYPE_NAMES = new Map<number, string>([...Object.entries(DNS_TYPE), ...Object.entries(DNS_QTYPE)].map(([k, v]) => [v, k]));
const CLASS_NAMES = new Map<number, string>(Object.entries(DNS_CLASS).map(([k, v]) => [v, k]));
const RCODE_NAMES = new Map<number, string>(Object.entries(DNS_RCODE).map(([k, v]) => [v, k]));

export function typeName(type: number): string {
  return TYPE_NAMES.get(type) ?? `TYPE${type}`;
}

/** "IN", "CH", …; an unknown class as CLASS<n> (RFC 3597 §5). */
export function className(cls: number): string {
  return CLASS_NAMES.get(cls) ?? `CLASS${cls}`;
}

export function rcodeName(rcode: number): string {
  return RCODE_NAMES.get(rcode) ?? `RCODE${rcode}`;
}
