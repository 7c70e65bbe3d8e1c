/** Test-only: names of arbitrary label bytes, and queries for them written byte by byte (no encoder of ours involved). */
import fc from 'fast-check';
import { escapeLabel, joinLabels } from './labels';

/** 1 to 63 arbitrary bytes per label, at most 255 bytes on the wire with the length bytes and the root (RFC 1035 §2.3.4). */
export const wireLabelsArb = fc
  .array(fc.uint8Array({ minLength: 1, maxLength: 63 }), { maxLength: 8 })
  .filter((labels) => labels.reduce((n, l) => n + l.length + 1, 1) <= 255);

export const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** Labels of a plain dotted name, e.g. "example.com" → [example, com]. */
export const plainLabels = (name: string): Uint8Array[] => (name === '' ? [] : name.split('.').map(ascii));

export function wireName(labels: readonly Uint8Array[]): number[] {
  return [...labels.flatMap((l) => [l.length, ...l]), 0];
}

/** A query for `labels` without compression: id 0x0102, RD set, one question of `type` and `cls`. */
export function wireQuery(labels: readonly Uint8Array[], type = 1, cls = 1): Uint8Array {
  return Uint8Array.from([0x01, 0x02, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, ...wireName(labels), type >> 8, type & 0xff, cls >> 8, cls & 0xff]);
}

/** The presentation-format text of a name given as label bytes. */
export const textName = (labels: readonly Uint8Array[]): string => joinLabels(labels.map(escapeLabel));
