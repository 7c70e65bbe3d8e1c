/** The resolver's configuration, inputs and outputs (resolver.ts). */
import type { SimTime } from '../../sim/time';
import type { CacheChange } from './cache';
import type { DnsTransport } from './truncate';
import type { DnsMessage } from './types';

export interface ServerAddress {
  readonly name: string;
  /** IPv4, 32-bit (net/ipv4.ts formats it). */
  readonly address: number;
}

export interface ResolverConfig {
  readonly mode: 'iterative' | 'forward';
  /** Where iteration starts when the cache knows nothing closer. */
  readonly rootHints: readonly ServerAddress[];
  /** The server asked in forward mode. */
  readonly forwarder: ServerAddress | null;
  /** How long to wait for one server (ns). */
  readonly timeout: SimTime;
  /** Queries per lookup before giving up with SERVFAIL. */
  readonly attempts: number;
  readonly randomizeIds: boolean;
  /** Zones whose answers must be signed with the given key (sign.ts); empty: no validation. */
  readonly trustAnchors?: readonly { readonly zone: string; readonly key: string }[];
}

/** A client of the resolver: where its query came from, and over which transport (UDP when absent). */
export interface Endpoint {
  /** IPv4, 32-bit. */
  readonly addr: number;
  readonly port: number;
  readonly transport?: DnsTransport;
}

export type ResolverTransmit =
  | { readonly kind: 'reply'; readonly to: Endpoint; readonly bytes: Uint8Array; readonly message: DnsMessage; readonly cause: number | null }
  /** Over UDP, or over a TCP connection of its own (connect, framed query, framed answer, close; RFC 7766 §5). */
  | { readonly kind: 'query'; readonly to: ServerAddress; readonly transport: DnsTransport; readonly bytes: Uint8Array; readonly message: DnsMessage; readonly cause: number | null };

export type ResolverEvent =
  | { readonly type: 'dns.cacheHit'; readonly name: string; readonly qtype: number; readonly cause: number | null }
  | { readonly type: 'dns.cache'; readonly change: CacheChange; readonly cause: number | null }
  | { readonly type: 'dns.resolved'; readonly name: string; readonly qtype: number; readonly rcode: number; readonly queries: number; readonly elapsed: SimTime; readonly cause: number | null }
  | { readonly type: 'dns.retransmit'; readonly name: string; readonly server: ServerAddress; readonly cause: number | null }
  /** A UDP answer with TC set: not used nor cached; the same question goes to the same server over TCP (RFC 7766 §5). */
  | { readonly type: 'dns.truncated'; readonly name: string; readonly server: ServerAddress; readonly cause: number | null }
  /** The TCP connection for a query failed (reset or timed out): the attempt counts as one without an answer. */
  | { readonly type: 'dns.tcpFailed'; readonly name: string; readonly server: ServerAddress; readonly cause: number | null }
  /** An answer whose signature is missing or wrong for a zone with a trust anchor: ignored, the resolver keeps waiting. */
  | { readonly type: 'dns.bogus'; readonly name: string; readonly from: number; readonly cause: number | null }
  /** Too many client lookups in progress (resolver.ts MAX_CLIENT_LOOKUPS): this one was answered SERVFAIL at once. */
  | { readonly type: 'dns.overloaded'; readonly name: string; readonly limit: number; readonly cause: number | null }
  /**
   * A response that matches no outstanding query (id, server or question
   * differ), or that arrived on port 53 when queries leave from random ports
   * (`port`): dropped, as a forged one should be.
   */
  | { readonly type: 'dns.unmatched'; readonly id: number; readonly from: number; readonly port?: number; readonly cause: number | null };
