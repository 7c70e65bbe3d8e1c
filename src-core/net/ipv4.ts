/** IPv4 addresses as unsigned 32-bit numbers (RFC 791 §3.1, dotted-decimal text form). */

const DOTTED = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** Parses "10.0.0.1"; null when the text is not a dotted-decimal IPv4 address. */
export function parseIpv4(text: string): number | null {
  if (!DOTTED.test(text)) return null;
  const [a, b, c, d] = text.split('.').map(Number) as [number, number, number, number];
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

export function formatIpv4(addr: number): string {
  return `${addr >>> 24}.${(addr >>> 16) & 0xff}.${(addr >>> 8) & 0xff}.${addr & 0xff}`;
}

export const IP_PROTOCOL = { TCP: 6, UDP: 17 } as const;
export type IpProtocolNumber = (typeof IP_PROTOCOL)[keyof typeof IP_PROTOCOL];

/** Bytes of an IPv4 header without options (RFC 791 §3.1). */
export const IPV4_HEADER_BYTES = 20;
