/**
 * What the DNS engines report (past-tense tagged unions) and the state
 * events they become: each state type with the data it carries, read back by
 * cache-contents.ts and the inspector. docs/trace-format.md lists them.
 */
import type { Cause, CauseRef } from '../../engine/face';
import type { SimTime } from '../../sim/time';
import type { ResolverEvent } from './resolver-types';

export const PROTOCOL = 'dns';

export type DnsEvent =
  | ResolverEvent
  /** A DNS-over-TCP stream with a zero length field (RFC 7766 §8): unreadable, the connection is reset. */
  | { readonly type: 'dns.tcpFramingError'; readonly offset: number; readonly connection: string; readonly cause: Cause }
  /** The stub resolver has its answer (over UDP, or over TCP after a truncated one). */
  /** `addresses`: the answer's A records' addresses (dotted), in order, for an application of the node that asked (a browser). */
  | { readonly type: 'dns.answered'; readonly name: string; readonly qtype: number; readonly rcode: number; readonly answers: readonly string[]; readonly addresses: readonly string[]; /** MX answers (RFC 1035 §3.3.9), for a mail server's relay. */ readonly exchanges: readonly { readonly preference: number; readonly exchange: string }[]; readonly elapsed: SimTime; readonly cause: Cause; readonly connection: string | null }
  /** DNS gave no address; the hosts file did (`why`: what DNS said). */
  | { readonly type: 'dns.answeredFromHosts'; readonly name: string; readonly address: string; readonly why: string; readonly elapsed: SimTime }
  /** The stub's answer came truncated (TC): it asks again over TCP. */
  | { readonly type: 'dns.stubTruncated'; readonly name: string; readonly cause: Cause }
  /** The lookup failed (no answer after every try, TCP failed, no usable answer); `summary` says how. */
  | { readonly type: 'dns.lookupFailed'; readonly summary: string; readonly connection: string | null }
  /** The poisoner asked its question and is about to race forged answers. */
  | { readonly type: 'dns.attackStarted'; readonly name: string; readonly guesses: number; readonly forgedAddress: string; readonly spoofAs: string; readonly trigger: CauseRef }
  /** The amplifier sent its last query and waited for the answers: `queries` are its messages, `queryBytes` their IP bytes. */
  | { readonly type: 'dns.amplificationMeasured'; readonly name: string; readonly qtype: number; readonly count: number; readonly victim: string; readonly queryBytes: number; readonly queries: readonly CauseRef[] };

/** The DNS state types and their data (plain JSON). */
export type DnsStateData = {
  readonly 'dns.cacheHit': { readonly name: string; readonly type: string };
  readonly 'dns.cacheStored': { readonly name: string; readonly type: string; readonly negative: string | null; readonly expiresAt: number; readonly records: readonly string[] };
  readonly 'dns.cacheExpired': { readonly name: string; readonly type: string; readonly negative: string | null; readonly expiresAt: number; readonly records: readonly string[] };
  readonly 'dns.timeout': { readonly server: string; readonly name: string };
  readonly 'dns.truncated': { readonly server?: string; readonly name: string };
  readonly 'dns.tcpFailed': { readonly server: string; readonly name: string };
  readonly 'dns.bogus': { readonly name: string; readonly from: string };
  readonly 'dns.unmatched': { readonly id: number; readonly from: string; readonly port?: number };
  readonly 'dns.overloaded': { readonly name: string; readonly limit: number };
  readonly 'dns.resolved': { readonly name: string; readonly rcode: string; readonly queries: number };
  readonly 'dns.tcpFramingError': { readonly offset: number };
  readonly 'dns.answer': { readonly name: string; readonly rcode: string; readonly answers: readonly string[]; readonly source?: string };
  readonly 'dns.lookupFailed': Record<string, never>;
  readonly 'dns.attack': Record<string, never>;
  readonly 'dns.zoneEdited': { readonly zone: string; readonly name: string; readonly type: string; readonly records: readonly string[]; readonly serial: number | null };
  readonly 'dns.zoneEditFailed': { readonly name: string; readonly type: string };
};

export const DNS_STATE_TYPES: readonly (keyof DnsStateData)[] = [
  'dns.cacheHit',
  'dns.cacheStored',
  'dns.cacheExpired',
  'dns.timeout',
  'dns.truncated',
  'dns.tcpFailed',
  'dns.bogus',
  'dns.unmatched',
  'dns.overloaded',
  'dns.resolved',
  'dns.tcpFramingError',
  'dns.answer',
  'dns.lookupFailed',
  'dns.attack',
  'dns.zoneEdited',
  'dns.zoneEditFailed',
];
