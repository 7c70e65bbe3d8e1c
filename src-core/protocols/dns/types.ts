/** DNS messages as data (RFC 1035 §4.1). Names are dotted, without the trailing dot; "" is the root. */

export interface DnsHeader {
  /** 16-bit query id, copied into the response. */
  readonly id: number;
  /** Response (true) or query. */
  readonly qr: boolean;
  readonly opcode: number;
  /** Authoritative answer. */
  readonly aa: boolean;
  /** Truncated. */
  readonly tc: boolean;
  /** Recursion desired. */
  readonly rd: boolean;
  /** Recursion available. */
  readonly ra: boolean;
  /** The three Z bits (must be zero in queries, RFC 1035 §4.1.1; RFC 4035 uses two of them). */
  readonly z: number;
  readonly rcode: number;
}

export interface DnsQuestion {
  readonly name: string;
  readonly type: number;
  readonly class: number;
}

export type DnsRecordData =
  | { readonly type: 'A'; readonly address: string }
  | { readonly type: 'AAAA'; readonly address: string }
  | { readonly type: 'NS'; readonly host: string }
  | { readonly type: 'CNAME'; readonly host: string }
  | { readonly type: 'MX'; readonly preference: number; readonly exchange: string }
  | {
      readonly type: 'SOA';
      readonly mname: string;
      readonly rname: string;
      readonly serial: number;
      readonly refresh: number;
      readonly retry: number;
      readonly expire: number;
      readonly minimum: number;
    }
  /** Each character-string (0 to 255 bytes) as the text dig prints between its quotes (labels.ts): `\DDD`, `\"`, `\\`. */
  | { readonly type: 'TXT'; readonly strings: readonly string[] }
  | { readonly type: 'unknown'; readonly code: number; readonly raw: Uint8Array };

export interface DnsRecord {
  readonly name: string;
  readonly class: number;
  /** Seconds (RFC 1035 §3.2.1: a 32-bit unsigned number; RFC 2181 §8 limits it to 2^31 − 1). */
  readonly ttl: number;
  readonly data: DnsRecordData;
}

export interface DnsMessage {
  readonly header: DnsHeader;
  readonly questions: readonly DnsQuestion[];
  readonly answers: readonly DnsRecord[];
  readonly authorities: readonly DnsRecord[];
  readonly additionals: readonly DnsRecord[];
}

export type DnsDecodeErrorCode = 'truncated' | 'bad-label' | 'pointer-loop' | 'bad-pointer' | 'name-too-long' | 'bad-rdata' | 'trailing-bytes';

export interface DnsDecodeError {
  readonly code: DnsDecodeErrorCode;
  readonly message: string;
  /** Byte offset where the problem is. */
  readonly offset: number;
}

export type DnsDecodeResult = { readonly ok: true; readonly value: DnsMessage } | { readonly ok: false; readonly error: DnsDecodeError };

/** The numeric TYPE of record data. */
export function recordTypeCode(data: DnsRecordData): number {
  switch (data.type) {
    case 'A':
      return 1;
    case 'NS':
      return 2;
    case 'CNAME':
      return 5;
    case 'SOA':
      return 6;
    case 'MX':
      return 15;
    case 'TXT':
      return 16;
    case 'AAAA':
      return 28;
    case 'unknown':
      return data.code;
  }
}
