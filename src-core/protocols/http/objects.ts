/**
 * A web server's objects as it serves them: the body bytes of each (the
 * scenario's content, a generated HTML page referencing its `embeds`, or
 * `size` bytes of a pattern), its media type and validators. PUT and DELETE
 * change the table while the server runs.
 *
 * Rules:
 * - A generated page is `<!DOCTYPE html>` with one referencing element per
 *   embed (media-types.ts referencingTag), padded with an HTML comment (or
 *   spaces, for fewer than 7 bytes) to exactly `size` bytes when `size` is
 *   larger; `size` smaller than the page is refused by the module's check.
 * - A body of only a size is, for a JPEG, PNG or GIF, a real 1×1 image padded
 *   with comments to the size (image-bytes.ts: analysers read it as what its
 *   type says); else, for a text type, "L7 Lab test data. " repeated
 *   (readable in the inspector); for any other type, byte i is i mod 256.
 * - Times are seconds since the Unix epoch; the run's time zero is
 *   SIM_EPOCH_S, so Date headers are the same on every run.
 */
import { epochSecondsFromUtc } from './http-date';
import { imageBytes } from './image-bytes';
import { mediaTypeOf, referencingTag } from './media-types';
import type { HttpObject } from './schema';

/** Time zero of every run, as HTTP dates show it: Mon, 05 Jan 2026 09:00:00 GMT (seconds since the Unix epoch). */
export const SIM_EPOCH_S = epochSecondsFromUtc(2026, 1, 5, 9, 0, 0)!;

/** Seconds since the Unix epoch of an ISO date and time in UTC ("2026-01-01T08:00:00Z", fractions dropped), as the schema takes them; null otherwise. */
export function isoSeconds(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z$/.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return epochSecondsFromUtc(year, month, day, hour, minute, second);
}

export interface StoredObject {
  readonly path: string;
  readonly mediaType: string;
  readonly body: Uint8Array;
  /** Seconds since the Unix epoch, or null when the object has no Last-Modified. */
  readonly lastModifiedS: number | null;
  /** Without quotes; null: none. */
  readonly etag: string | null;
  readonly maxAgeS: number | null;
  /** A 301's Location, or null. */
  readonly redirect: string | null;
}

const TEXT_PATTERN = 'L7 Lab test data. ';
const encoder = new TextEncoder();

/** The generated page for `embeds`, before padding. */
export function pageFor(path: string, embeds: readonly string[]): string {
  const tags = embeds.map((url) => `  ${referencingTag(url, mediaTypeOf(pathOf(url)))}`);
  return `<!DOCTYPE html>\n<html>\n<head><title>${path}</title></head>\n<body>\n${tags.join('\n')}${tags.length > 0 ? '\n' : ''}</body>\n</html>\n`;
}

/** The length of the generated page for `object` before padding (the module's check compares `size` with it). */
export function pageLength(object: HttpObject): number {
  return encoder.encode(pageFor(object.path, object.embeds ?? [])).length;
}

export function bodyOf(object: HttpObject, mediaType: string): Uint8Array {
  if (object.content !== undefined) return encoder.encode(object.content);
  if (object.embeds !== undefined) return encoder.encode(padded(pageFor(object.path, object.embeds), object.size));
  const size = object.size ?? 0;
  return imageBytes(mediaType, size) ?? patternBytes(size, mediaType.startsWith('text/'));
}

function padded(page: string, size: number | undefined): string {
  const length = encoder.encode(page).length;
  if (size === undefined || size <= length) return page;
  const pad = size - length;
  return pad >= 7 ? `${page}<!--${'.'.repeat(pad - 7)}-->` : `${page}${' '.repeat(pad)}`;
}

export function patternBytes(size: number, text: boolean): Uint8Array {
  const bytes = new Uint8Array(size);
  if (text) {
    const unit = encoder.encode(TEXT_PATTERN);
    for (let i = 0; i < size; i++) bytes[i] = unit[i % unit.length]!;
  } else {
    for (let i = 0; i < size; i++) bytes[i] = i & 0xff;
  }
  return bytes;
}

/** The path of a path or URL ("http://h/x.jpg" → "/x.jpg"), for its media type. */
function pathOf(url: string): string {
  const match = /^[a-z]+:\/\/[^/]*(\/[^?#]*)?/i.exec(url);
  return match ? (match[1] ?? '/') : url.split(/[?#]/)[0]!;
}

export function storedObject(object: HttpObject): StoredObject {
  const mediaType = object.mediaType ?? mediaTypeOf(object.path);
  return {
    path: object.path,
    mediaType,
    body: bodyOf(object, mediaType),
    lastModifiedS: object.lastModified === undefined ? null : isoSeconds(object.lastModified),
    etag: object.etag ?? null,
    maxAgeS: object.maxAgeS ?? null,
    redirect: object.redirect ?? null,
  };
}

/** The server's table, by path; PUT and DELETE change it. */
export class ObjectTable {
  private readonly byPath = new Map<string, StoredObject>();

  constructor(objects: readonly HttpObject[]) {
    for (const o of objects) this.byPath.set(o.path, storedObject(o));
  }

  get(path: string): StoredObject | undefined {
    return this.byPath.get(path);
  }

  /** Stores `object`; true when it replaced one. */
  put(object: StoredObject): boolean {
    const replaced = this.byPath.has(object.path);
    this.byPath.set(object.path, object);
    return replaced;
  }

  delete(path: string): boolean {
    return this.byPath.delete(path);
  }
}
