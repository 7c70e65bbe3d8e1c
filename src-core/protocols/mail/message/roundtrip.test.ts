import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInputArb, readableText, unicodeText } from './arbitraries.test-helper';
import { buildMessage, canonicalText, withFinalLineEnd, type BuildInput, type BuiltPart } from './build';
import { formatMailDate } from './date';
import { allParts, parseMessage, type MimePart } from './parse';
import { sevenBitProblems } from './seven-bit';

/** What the parser gives back of a message built from `input`. */
function checkRoundTrip(input: BuildInput): void {
  const built = buildMessage(input);
  expect(sevenBitProblems(built.bytes)).toEqual([]);
  const r = parseMessage(built.bytes);
  if (!r.ok) throw new Error(r.error.message);
  expect(r.warnings).toEqual([]);
  const f = r.value.fields;
  const strip = (list: readonly { name: string; address: string }[]) => list.map(({ name, address }) => ({ name, address }));
  expect(strip(f.from)).toEqual([input.from]);
  expect(strip(f.to)).toEqual(input.to);
  expect(strip(f.cc)).toEqual(input.cc ?? []);
  expect(f.subject).toBe(input.subject);
  expect(f.date).toBe(formatMailDate(input.date));
  expect(f.messageId).toBe(input.messageId);
  const parts = allParts(r.value.root);
  const leaves = parts.filter((p) => p.children.length === 0);
  const texts = leaves.filter((p) => p.disposition === null);
  expect(texts.map((p) => p.contentType)).toEqual(input.html === undefined ? ['text/plain'] : ['text/plain', 'text/html']);
  const singlePart = input.html === undefined && (input.attachments ?? []).length === 0;
  expect(texts[0]!.text).toBe(canonicalText(singlePart ? withFinalLineEnd(input.text) : input.text));
  expect(built.bytes.length === 0 || (built.bytes.at(-2) === 0x0d && built.bytes.at(-1) === 0x0a) || (singlePart && input.text === '')).toBe(true);
  if (input.html !== undefined) expect(texts[1]!.text).toBe(canonicalText(input.html));
  const attachments = leaves.filter((p) => p.disposition === 'attachment');
  expect(attachments.map((p) => ({ filename: p.filename, mediaType: p.contentType, bytes: p.content }))).toEqual(input.attachments ?? []);
  // The builder's ranges are the parser's.
  const flat = (p: BuiltPart): BuiltPart[] => [p, ...p.children.flatMap(flat)];
  const ranges = (p: MimePart) => ({ contentType: p.contentType, body: p.body });
  expect(flat(built.root).map((p) => ({ contentType: p.contentType, body: p.body }))).toEqual(parts.map(ranges));
}

describe('parse(build(x)) gives x back', () => {
  it('for arbitrary unicode text, names, subjects and binary attachments', () => {
    fc.assert(fc.property(buildInputArb(unicodeText), checkRoundTrip), { numRuns: 150 });
  });
  it('for readable text full of specials and line ends', () => {
    fc.assert(fc.property(buildInputArb(readableText), checkRoundTrip), { numRuns: 150 });
  });
});
