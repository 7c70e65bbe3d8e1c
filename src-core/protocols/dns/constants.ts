/**
 * DNS numbers: RFC 1035 §3.2.2 (TYPE), §3.2.4 (CLASS), §4.1.1 (OPCODE,
 * RCODE); AAAA from RFC 3596 §2.1.
 */

export const DNS_TYPE = { A: 1, NS: 2, CNAME: 5, SOA: 6, MX: 15, TXT: 16, AAAA: 28 } as const;
export type DnsTypeName = keyof typeof DNS_TYPE;

export const DNS_CLASS_IN = 1;

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

const TYPE_NAMES = new Map<number, string>(Object.entries(DNS_TYPE).map(([k, v]) => [v, k]));
const RCODE_NAMES = new Map<number, string>(Object.entries(DNS_RCODE).map(([k, v]) => [v, k]));

export function typeName(type: number): string {
  return TYPE_NAMES.get(type) ?? `TYPE${type}`;
}

export function rcodeName(rcode: number): string {
  return RCODE_NAMES.get(rcode) ?? `RCODE${rcode}`;
}
