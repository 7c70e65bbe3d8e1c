/** Random and mutated bytes: the parser, toSevenBit and mimeTree never throw, and every range and offset stays inside the input. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldNode } from '../../../dissect/field';
import { buildInputArb, readableText } from './arbitraries.test-helper';
import { buildMessage } from './build';
import { allParts, parseMessage } from './parse';
import { toSevenBit } from './to-seven-bit';
import { mimeTree } from './tree';
import type { ByteRange } from './types';

function checkBytes(b: Uint8Array): void {
  const r = parseMessage(b);
  const inside = (x: ByteRange) => x.start >= 0 && x.start <= x.end && x.end <= b.length;
  for (const w of r.warnings) expect(w.offset >= 0 && w.offset <= b.length).toBe(true);
  if (r.ok) {
    for (const p of allParts(r.value.root)) {
      const ranges = [p.range, p.header, p.body, ...(p.preamble ? [p.preamble] : []), ...(p.epilogue ? [p.epilogue] : []), ...p.headers.flatMap((h) => [h.field, h.nameRange, h.valueRange])];
      for (const x of ranges) expect(inside(x)).toBe(true);
      expect(p.header.end).toBe(p.body.start);
      for (const c of p.children) expect(c.range.start >= p.body.start && c.range.end <= p.body.end).toBe(true);
    }
  }
  const visit = (n: FieldNode) => {
    expect(n.offset >= 0 && n.length >= 0 && n.offset + n.length <= b.length).toBe(true);
    n.children.forEach(visit);
  };
  mimeTree(b).forEach(visit);
  const seven = toSevenBit(b);
  for (const c of seven.changes) expect(inside(c.original)).toBe(true);
}

/** Bytes with a grammar's worth of mail syntax in them. */
const mailish = fc
  .array(fc.oneof(fc.constantFrom('\r\n', '\n', ': ', '--b', '--b--', 'Content-Type: multipart/mixed; boundary=b\r\n', 'Content-Transfer-Encoding: base64\r\n', 'Content-Transfer-Encoding: quoted-printable\r\n', '=?UTF-8?B?', '?=', '=', '=\r\n', ' ', '"', '(', ')', '<', '>', ',', ';', 'Subject', 'To', 'message/rfc822', '\r\n\r\n'), fc.string({ maxLength: 6 })), { maxLength: 60 })
  .map((parts) => Uint8Array.from(parts.join(''), (c) => c.charCodeAt(0) & 0xff));

describe('never throws, ranges stay inside', () => {
  it('on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), checkBytes), { numRuns: 300 });
  });
  it('on mail-like token soup', () => {
    fc.assert(fc.property(mailish, checkBytes), { numRuns: 400 });
  });
  it('on mutated built messages (bytes changed, cut, inserted)', () => {
    const mutated = fc.tuple(buildInputArb(readableText), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('set', 'cut', 'insert')), { minLength: 1, maxLength: 8 })).map(([input, edits]) => {
      let b = Array.from(buildMessage(input).bytes);
      for (const [at, value, kind] of edits) {
        const i = b.length === 0 ? 0 : at % b.length;
        if (kind === 'set') b[i] = value;
        else if (kind === 'cut') b = b.slice(0, i);
        else b.splice(i, 0, value);
      }
      return Uint8Array.from(b);
    });
    fc.assert(fc.property(mutated, checkBytes), { numRuns: 200 });
  });
  it('on deep nesting', () => {
    const open = Array.from({ length: 60 }, (_, i) => `Content-Type: multipart/mixed; boundary=b${i}\r\n\r\n--b${i}\r\n`).join('');
    const b = Uint8Array.from(open, (c) => c.charCodeAt(0));
    checkBytes(b);
    const r = parseMessage(b);
    expect(r.warnings.some((w) => w.code === 'too-deep')).toBe(true);
  });
});
