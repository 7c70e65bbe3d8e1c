/**
 * The HTTP state events the waterfall reads (src-core/protocols/http/events.ts
 * HttpStateData), as zod schemas: a trace may come from a file, so its data
 * is checked, not trusted. `httpStateData` gives the typed data of an event
 * of a given type, or null when the event is of another type or its data
 * does not have the declared shape. Times in the data are seconds since the
 * page load began.
 */
import type { HttpStateData } from '../../src-core/protocols/http/events';
import { BROWSE_MODES } from '../../src-core/protocols/http/schema';
import { z, type ZodType } from '../../src-core/scenario/zod';
import type { StateEvent } from '../../src-core/trace/types';

/** The state types a page load is made of. */
export type PageLoadStateType = 'http.pageStarted' | 'http.objectLoaded' | 'http.objectFailed' | 'http.pageLoaded' | 'http.pageFailed';

const seconds = z.number().nonnegative();
const url = z.string();

const SCHEMAS = {
  'http.pageStarted': z.object({ url, mode: z.enum(BROWSE_MODES), maxConnections: z.number().int().positive(), method: z.string() }),
  'http.objectLoaded': z.object({
    url,
    status: z.number().int(),
    bytes: z.number().int().nonnegative(),
    phases: z.object({
      // before the start when the name was resolved for an earlier page
      resolved: z.number(),
      connectStart: seconds.nullable(),
      connected: seconds.nullable(),
      requestSent: seconds,
      firstByte: seconds,
      lastByte: seconds,
    }),
    /** 0: none, it came from the browser's cache */
    connectionNumber: z.number().int().nonnegative(),
    newConnection: z.boolean(),
    cache: z.enum(['fresh', 'revalidated']).nullable(),
  }),
  'http.objectFailed': z.object({ url, reason: z.string() }),
  'http.pageLoaded': z.object({ url, objects: z.number().int().nonnegative(), connections: z.number().int().nonnegative(), elapsed: seconds }),
  'http.pageFailed': z.object({ url, reason: z.string() }),
} satisfies { readonly [K in PageLoadStateType]: ZodType<HttpStateData[K]> };

/** The data as read: HttpStateData's, with the phases a fetch always has (resolved, request sent, first and last byte) never null. */
export type PageLoadStateData = { readonly [K in PageLoadStateType]: z.infer<(typeof SCHEMAS)[K]> };

export function isPageLoadStateType(type: string): type is PageLoadStateType {
  return Object.hasOwn(SCHEMAS, type);
}

/** The data of `event` when it is an HTTP state event of `type` with the declared shape, else null. */
export function httpStateData<K extends PageLoadStateType>(event: StateEvent, type: K): PageLoadStateData[K] | null {
  if (event.protocol !== 'http' || event.type !== type) return null;
  const parsed = SCHEMAS[type].safeParse(event.data);
  return parsed.success ? (parsed.data as PageLoadStateData[K]) : null;
}
