/**
 * The renderer's side of the protocol registry (src-core/protocols/registry.ts):
 * the inspector components a protocol adds to the details of its state
 * events, found by the event's protocol. A component gets `event` (a
 * StateEvent) and shows nothing when it has nothing to say about it.
 */
import type { Component } from 'vue';
import DnsCacheTable from './dns/DnsCacheTable.vue';
import HttpCacheTable from './http/HttpCacheTable.vue';

const STATE_DETAILS: Readonly<Record<string, readonly Component[]>> = {
  dns: [DnsCacheTable],
  http: [HttpCacheTable],
};

/** The extra details components of a protocol's state events (none for most). */
export function stateDetailsOf(protocol: string): readonly Component[] {
  return STATE_DETAILS[protocol] ?? [];
}
