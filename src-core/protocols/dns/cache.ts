/**
 * A resolver's cache (RFC 1034 §4.3.1, RFC 2181 §5, RFC 2308): RRsets keyed
 * by (name, type), each kept for its TTL; negative entries (NXDOMAIN, NODATA)
 * kept for the SOA's minimum or TTL, whichever is smaller. A TTL of 2^31
 * or more counts as 0 (RFC 2181 §8), so it is not cached. Referrals are
 * cached as the NS RRset of the zone plus the glue addresses, which is why
 * a second lookup in the same TLD skips the root.
 *
 * Times are SimTime (ns); TTLs are seconds. Records handed out carry the
 * remaining TTL, rounded down (RFC 1035 §6.1.2: "the TTL counts down").
 */
import { NS_PER_S, type SimTime } from '../../sim/time';
import { canonicalName } from './names';
import { recordTypeCode, type DnsRecord } from './types';

export type NegativeKind = 'nxdomain' | 'nodata';

interface Entry {
  readonly name: string;
  readonly type: number;
  readonly records: readonly DnsRecord[];
  readonly negative: NegativeKind | null;
  readonly storedAt: SimTime;
  readonly expiresAt: SimTime;
}

export interface CacheView {
  readonly name: string;
  readonly type: number;
  readonly negative: NegativeKind | null;
  readonly records: readonly DnsRecord[];
  readonly expiresAt: SimTime;
}

export type CacheChange =
  | { readonly type: 'stored'; readonly entry: CacheView }
  | { readonly type: 'expired'; readonly entry: CacheView };

export class DnsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly changes: CacheChange[] = [];

  /** Stores an RRset (all records of one name and type); the shortest TTL of the set applies (RFC 2181 §5.2). */
  storeRRset(records: readonly DnsRecord[], now: SimTime): void {
    if (records.length === 0) return;
    const name = canonicalName(records[0]!.name);
    const type = recordTypeCode(records[0]!.data);
    const ttl = Math.min(...records.map((r) => usableTtl(r.ttl)));
    if (ttl <= 0) return; // TTL 0: use once, never cache (RFC 1035 §3.2.1)
    this.put({ name, type, records, negative: null, storedAt: now, expiresAt: now + ttl * NS_PER_S });
  }

  /** Stores every RRset found in a list of records. */
  storeAll(records: readonly DnsRecord[], now: SimTime): void {
    const sets = new Map<string, DnsRecord[]>();
    for (const r of records) {
      const key = `${canonicalName(r.name)}|${recordTypeCode(r.data)}`;
      (sets.get(key) ?? sets.set(key, []).get(key)!).push(r);
    }
    for (const set of sets.values()) this.storeRRset(set, now);
  }

  /**
   * Negative caching (RFC 2308 §5): for min(SOA TTL, SOA MINIMUM) seconds —
   * the same min an authoritative server already applied (§3), taken again
   * because a server may not have. Without an SOA nothing is cached (§5:
   * there would be no way to time it out).
   */
  storeNegative(name: string, type: number, kind: NegativeKind, soa: DnsRecord | undefined, now: SimTime): void {
    const ttl = soa ? negativeTtl(soa) : 0;
    if (ttl <= 0) return;
    this.put({ name: canonicalName(name), type: kind === 'nxdomain' ? 0 : type, records: soa ? [soa] : [], negative: kind, storedAt: now, expiresAt: now + ttl * NS_PER_S });
  }

  /** The unexpired RRset, with TTLs counted down to now; null when absent. */
  get(name: string, type: number, now: SimTime): CacheView | null {
    const n = canonicalName(name);
    const nx = this.live(`${n}|0`, now);
    if (nx) return this.view(nx, now);
    const e = this.live(`${n}|${type}`, now);
    return e ? this.view(e, now) : null;
  }

  /** Drops every entry whose time has come; the changes say which. */
  expire(now: SimTime): void {
    for (const [key, e] of this.entries) {
      if (e.expiresAt <= now) {
        this.entries.delete(key);
        this.changes.push({ type: 'expired', entry: this.view(e, e.expiresAt) });
      }
    }
  }

  /** The earliest expiry, for the driver's (weak) timer. */
  nextExpiry(): SimTime | null {
    let next: SimTime | null = null;
    for (const e of this.entries.values()) if (next === null || e.expiresAt < next) next = e.expiresAt;
    return next;
  }

  pollChange(): CacheChange | null {
    return this.changes.shift() ?? null;
  }

  /** The whole cache, for display: name, type, what, and remaining TTL. */
  contents(now: SimTime): CacheView[] {
    return [...this.entries.values()].filter((e) => e.expiresAt > now).map((e) => this.view(e, now));
  }

  private put(e: Entry): void {
    this.entries.set(`${e.name}|${e.type}`, e);
    this.changes.push({ type: 'stored', entry: this.view(e, e.storedAt) });
  }

  private live(key: string, now: SimTime): Entry | null {
    const e = this.entries.get(key);
    if (!e) return null;
    if (e.expiresAt <= now) {
      this.entries.delete(key);
      this.changes.push({ type: 'expired', entry: this.view(e, e.expiresAt) });
      return null;
    }
    return e;
  }

  private view(e: Entry, now: SimTime): CacheView {
    const remaining = Math.max(0, Math.floor((e.expiresAt - now) / NS_PER_S));
    return { name: e.name, type: e.type, negative: e.negative, expiresAt: e.expiresAt, records: e.records.map((r) => ({ ...r, ttl: remaining })) };
  }
}

/**
 * How long a negative answer with this SOA may be cached, in seconds:
 * min(SOA TTL, SOA MINIMUM) (RFC 2308 §5); 0 for a record that is no SOA.
 */
export function negativeTtl(soa: DnsRecord): number {
  return soa.data.type === 'SOA' ? Math.min(usableTtl(soa.ttl), usableTtl(soa.data.minimum)) : 0;
}

/**
 * The longest a record stays cached: one week, BIND's max-cache-ttl default
 * (RFC 8767 §4 suggests capping TTLs at 7 days). It also keeps every expiry
 * time an exact SimTime: 2^31 − 1 s would be 2.1·10^18 ns, beyond 2^53.
 */
export const MAX_CACHE_TTL = 604_800;

/**
 * The TTL a cache uses: RFC 2181 §8 — a TTL with the most significant bit set
 * counts as zero (TTLs are 0 to 2^31 − 1 seconds) — capped at MAX_CACHE_TTL.
 */
function usableTtl(ttl: number): number {
  return ttl > 0x7fffffff ? 0 : Math.min(ttl, MAX_CACHE_TTL);
}
