/**
 * The shapes of DNS state-event data (events.ts DnsStateData), as zod
 * schemas, for reading them back from a trace — one made by this program or
 * loaded from a file — without trusting string keys. `dnsStateData` gives
 * the typed data of an event of a given type, or null when the event is of
 * another type or its data does not have the declared shape.
 */
import { z, type ZodType } from '../../scenario/zod';
import type { StateEvent } from '../../trace/types';
import type { DnsStateData } from './events';

const name = z.string();
const cacheEntry = z.object({ name, type: z.string(), negative: z.string().nullable(), expiresAt: z.number(), records: z.array(z.string()).readonly() });
const server = z.object({ server: z.string(), name });
/** No data: its summary says it all. */
const empty = z.record(z.string(), z.never());

const SCHEMAS: { readonly [K in keyof DnsStateData]: ZodType<DnsStateData[K]> } = {
  'dns.cacheHit': z.object({ name, type: z.string() }),
  'dns.cacheStored': cacheEntry,
  'dns.cacheExpired': cacheEntry,
  'dns.timeout': server,
  'dns.truncated': z.object({ server: z.string().optional(), name }),
  'dns.tcpFailed': server,
  'dns.bogus': z.object({ name, from: z.string() }),
  'dns.unmatched': z.object({ id: z.number(), from: z.string(), port: z.number().optional() }),
  'dns.overloaded': z.object({ name, limit: z.number() }),
  'dns.resolved': z.object({ name, rcode: z.string(), queries: z.number() }),
  'dns.tcpFramingError': z.object({ offset: z.number() }),
  'dns.answer': z.object({ name, rcode: z.string(), answers: z.array(z.string()).readonly(), source: z.string().optional() }),
  'dns.lookupFailed': empty,
  'dns.attack': empty,
  'dns.zoneEdited': z.object({ zone: z.string(), name, type: z.string(), records: z.array(z.string()).readonly(), serial: z.number().nullable() }),
  'dns.zoneEditFailed': z.object({ name, type: z.string() }),
};

/** The data of `event` when it is a DNS state event of `type` with the declared shape, else null. */
export function dnsStateData<K extends keyof DnsStateData>(event: StateEvent, type: K): DnsStateData[K] | null {
  if (event.protocol !== 'dns' || event.type !== type) return null;
  const parsed = SCHEMAS[type].safeParse(event.data);
  return parsed.success ? parsed.data : null;
}
