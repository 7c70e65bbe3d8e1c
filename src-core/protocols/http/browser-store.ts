/**
 * What a node's browser keeps from one page load to the next, as a real
 * browser does: its cookie jar (cookies.ts) and its cache (a private
 * ObjectCache, object-cache.ts; browser-cache-use.ts says how the engine
 * uses it). Kept in the node's host slots (host/host-slot.ts), so every
 * page load of the node's workload shares it.
 */
import { HostSlot, type HostSlots } from '../../host/host-slot';
import { ObjectCache } from './object-cache';
import { CookieJar } from './cookies';

export interface BrowserStore {
  readonly jar: CookieJar;
  readonly cache: ObjectCache;
}

export const BROWSER_STORE = new HostSlot<BrowserStore>('web browser store');

/** The node's browser store, made on first use. */
export function browserStoreOf(slots: HostSlots): BrowserStore {
  const [kept] = slots.all(BROWSER_STORE);
  if (kept) return kept;
  const made: BrowserStore = { jar: new CookieJar(), cache: new ObjectCache({ shared: false }) };
  slots.add(BROWSER_STORE, made);
  return made;
}
