/** fast-check generators of builder inputs for the round-trip, oracle and robustness tests. */
import fc from 'fast-check';
import type { Attachment, BuildInput } from './build';

const localChars = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'.split(''));
const label = fc.string({ unit: localChars, minLength: 1, maxLength: 10 });
export const addressArb = fc
  .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.array(label, { minLength: 2, maxLength: 3 }))
  .map(([local, domain]) => `${local.join('.')}@${domain.join('.')}`);

/** Any text: every code point (no lone surrogates, which UTF-8 cannot carry). */
export const unicodeText = (maxLength: number) => fc.string({ unit: 'binary', maxLength });
/** Text that reads like text: printable ASCII, Latin, CJK, emoji and line ends. */
export const readableText = (maxLength: number) =>
  fc.string({
    unit: fc.oneof(
      fc.constantFrom(' ', '\n', '\t', '=', '.', '-', '"', '\\', ',', '<', '>', '@', ':', ';'),
      fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
      fc.constantFrom('é', 'ß', 'ü', 'ç', 'Ω', '中', '文', '😀', '—'),
    ),
    maxLength,
  });

export const mailboxArb = (name: fc.Arbitrary<string>) => fc.record({ name, address: addressArb });
const mediaTypes = fc.constantFrom('application/octet-stream', 'application/pdf', 'image/png', 'text/plain', 'audio/mpeg');
export const attachmentArb = (name: fc.Arbitrary<string>): fc.Arbitrary<Attachment> =>
  fc.record({ filename: name.filter((s) => s.length > 0), mediaType: mediaTypes, bytes: fc.uint8Array({ maxLength: 400 }) });

export function buildInputArb(text: (n: number) => fc.Arbitrary<string>): fc.Arbitrary<BuildInput> {
  return fc.record({
    from: mailboxArb(text(30)),
    to: fc.array(mailboxArb(text(30)), { minLength: 1, maxLength: 3 }),
    cc: fc.array(mailboxArb(text(30)), { maxLength: 2 }),
    subject: text(120),
    date: fc.integer({ min: 0, max: 10 ** 15 }),
    messageId: fc.constant('<t.1.l7@example.com>'),
    text: text(600),
    html: fc.option(text(300), { nil: undefined }),
    attachments: fc.array(attachmentArb(text(40)), { maxLength: 3 }),
  });
}
