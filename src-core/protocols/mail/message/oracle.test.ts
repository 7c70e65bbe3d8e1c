/**
 * postal-mime as an oracle: for generated messages, its parse gives the
 * builder's inputs back (from, to, cc, subject, text, html, attachments'
 * filename, media type and bytes). postal-mime reads text with LF line
 * ends, so texts are compared with CRLF made LF.
 */
import fc from 'fast-check';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { buildInputArb, readableText, unicodeText } from './arbitraries.test-helper';
import { buildMessage, canonicalText, withFinalLineEnd, type BuildInput } from './build';

/**
 * postal-mime trims header text and turns control characters into spaces
 * (its reading, not a rule of RFC 5322 or 2047): the generated names,
 * subjects and filenames have neither, so both readings must agree exactly.
 */
const headerSafe = (s: string) => s.replace(/[\u0000-\u001f\u007f]/g, '').replace(/\s+/g, ' ').trim();
function oracleInput(input: BuildInput): BuildInput {
  const box = (m: { name: string; address: string }) => ({ name: headerSafe(m.name), address: m.address });
  return {
    ...input,
    from: box(input.from),
    to: input.to.map(box),
    cc: (input.cc ?? []).map(box),
    subject: headerSafe(input.subject),
    attachments: (input.attachments ?? []).map((a) => ({ ...a, filename: headerSafe(a.filename) || 'x' })),
  };
}

const lf = (s: string) => canonicalText(s).replace(/\r\n/g, '\n');

async function agrees(input: BuildInput): Promise<void> {
  const built = buildMessage(input);
  const pm = await PostalMime.parse(built.bytes);
  const box = (m: { name: string; address: string }) => ({ name: m.name, address: m.address });
  expect(pm.from && box(pm.from as { name: string; address: string })).toEqual(input.from);
  expect((pm.to ?? []).map((m) => box(m as { name: string; address: string }))).toEqual(input.to);
  expect((pm.cc ?? []).map((m) => box(m as { name: string; address: string }))).toEqual(input.cc ?? []);
  expect(pm.subject ?? '').toBe(input.subject);
  const singlePart = input.html === undefined && (input.attachments ?? []).length === 0;
  expect(pm.text ?? '').toBe(lf(singlePart ? withFinalLineEnd(input.text) : input.text));
  expect(pm.html ?? '').toBe(lf(input.html ?? '')); // postal-mime gives no html for an empty one
  expect(pm.attachments.map((a) => ({ filename: a.filename, mediaType: a.mimeType, bytes: new Uint8Array(a.content as ArrayBuffer) }))).toEqual(input.attachments ?? []);
}

describe('postal-mime reads what the builder writes', () => {
  it('a fixed multipart message', async () => {
    await agrees({
      from: { name: 'Alice Ünicode', address: 'alice@crepes.fr' },
      to: [{ name: 'Bob', address: 'bob@hamburger.edu' }],
      cc: [{ name: 'J. Doe', address: 'j@x.org' }],
      subject: 'Héllo wörld',
      date: 0,
      messageId: '<a@crepes.fr>',
      text: 'Do you like ketchup?\nHow about pickles?\n',
      html: '<p>ça</p>',
      attachments: [{ filename: 'résumé.pdf', mediaType: 'application/pdf', bytes: Uint8Array.from([0, 1, 2, 255]) }],
    });
  });
  it('generated readable messages', async () => {
    await fc.assert(fc.asyncProperty(buildInputArb(readableText).map(oracleInput), agrees), { numRuns: 100 });
  });
  it('generated unicode messages', async () => {
    await fc.assert(fc.asyncProperty(buildInputArb(unicodeText).map(oracleInput), agrees), { numRuns: 100 });
  });
});
