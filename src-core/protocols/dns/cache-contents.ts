/**
 * A resolver's cache as it stood at one moment, rebuilt from the trace: its
 * `dns.cacheStored` and `dns.cacheExpired` state events (report.ts; their
 * data read through state-schemas.ts) up to that
 * moment. Pure, so the inspector and the command line can both show it.
 * An entry is keyed by name and type (negative NXDOMAIN entries have type
 * "any", RFC 2308 §5); storing a key again replaces it.
 */
import type { SimTime } from '../../sim/time';
import type { TraceEvent } from '../../trace/types';
import { dnsStateData } from './state-schemas';

export interface CacheRow {
  readonly name: string;
  readonly type: string;
  /** The records ("addr 192.0.2.10", …), or what a negative entry says. */
  readonly value: string;
  /** Whole seconds of TTL left at the moment asked about (RFC 1035 §3.2.1: a TTL counts down in seconds). */
  readonly ttlLeft: number;
  readonly storedBy: number;
}

const NS_PER_S = 1e9;

/** The cache of `node` just after event `uptoId` (which happened at `at`), sorted by name then type. */
export function dnsCacheAt(events: readonly TraceEvent[], node: string, uptoId: number, at: SimTime): CacheRow[] {
  const entries = new Map<string, { name: string; type: string; value: string; expiresAt: number; storedBy: number }>();
  const last = Math.min(uptoId, events.length - 1);
  for (let i = 0; i <= last; i++) {
    const e = events[i]!;
    if (e.kind !== 'state' || e.node !== node) continue;
    const expired = dnsStateData(e, 'dns.cacheExpired');
    if (expired) {
      entries.delete(keyOf(expired));
      continue;
    }
    const stored = dnsStateData(e, 'dns.cacheStored');
    if (!stored) continue;
    const negative = stored.negative;
    const value = negative ? (negative === 'nxdomain' ? 'no such name (NXDOMAIN)' : 'no records of this type (NODATA)') : stored.records.join(', ');
    entries.set(keyOf(stored), { name: stored.name, type: stored.type, value, expiresAt: stored.expiresAt, storedBy: e.id });
  }
  return [...entries.values()]
    .filter((entry) => entry.expiresAt > at)
    .map((entry) => ({ name: entry.name === '' ? '.' : entry.name, type: entry.type, value: entry.value, ttlLeft: Math.floor((entry.expiresAt - at) / NS_PER_S), storedBy: entry.storedBy }))
    .sort((a, b) => (a.name === b.name ? a.type.localeCompare(b.type) : a.name.localeCompare(b.name)));
}

/** True when `node` keeps a DNS cache in this trace (it has stored an entry at some point). */
export function hasDnsCache(events: readonly TraceEvent[], node: string): boolean {
  return events.some((e) => e.kind === 'state' && e.node === node && dnsStateData(e, 'dns.cacheStored') !== null);
}

/** An entry is keyed by name (case-insensitively, RFC 4343) and type. */
function keyOf(entry: { readonly name: string; readonly type: string }): string {
  return `${entry.name.toLowerCase()}/${entry.type}`;
}
