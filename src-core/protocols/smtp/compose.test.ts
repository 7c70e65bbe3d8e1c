import { describe, expect, it } from 'vitest';
import PostalMime from 'postal-mime';
import { ms } from '../../sim/time';
import { parseMessage } from '../mail/message';
import { attachmentBytes, composeMessage } from './compose';

const base = { from: 'alice@crepes.fr', to: ['bob@hamburger.edu'], cc: [], messageId: 'm1@crepes.fr', at: ms(0) };
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('the user agent\'s message (RFC 5322, MIME, 7-bit)', () => {
  it('writes the header fields and an ASCII body as it is', () => {
    const m = composeMessage({ ...base, subject: 'lunch', text: 'Do you like ketchup?\nHow about pickles?' });
    expect(text(m.bytes)).toBe(
      'Date: Mon, 05 Jan 2026 09:00:00 +0000\r\nFrom: alice@crepes.fr\r\nTo: bob@hamburger.edu\r\nSubject: lunch\r\nMessage-ID: <m1@crepes.fr>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: 7bit\r\n\r\nDo you like ketchup?\r\nHow about pickles?\r\n',
    );
    expect(m.contentType).toBe('text/plain');
    expect(m.encoded).toEqual([]);
  });

  it('encodes what is not ASCII, keeps every byte 7-bit, and says so; postal-mime reads the text back', async () => {
    const body = `Cr\u00eapes ou gaufres ? ${'\u00e9'.repeat(60)}\nnext line = fine `;
    const m = composeMessage({ ...base, cc: ['carol@crepes.fr'], subject: 'd\u00e9jeuner', text: body });
    expect(m.encoded).toEqual(['the subject as an RFC 2047 encoded-word', 'the text/plain text as UTF-8 in quoted-printable']);
    expect(m.bytes.every((b) => b < 0x80)).toBe(true);
    const [head, rest] = text(m.bytes).split('\r\n\r\n') as [string, string];
    for (const line of head.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
    for (const line of rest.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
    const parsed = await PostalMime.parse(m.bytes);
    expect(parsed.subject).toBe('d\u00e9jeuner');
    expect(parsed.text?.replace(/\r\n/g, '\n').trimEnd()).toBe(body.trimEnd());
    expect(parsed.cc?.map((a) => a.address)).toEqual(['carol@crepes.fr']);
  });

  it('with HTML and attachments: multipart/mixed around multipart/alternative, each file in base64, read back the same by postal-mime and by our parser', async () => {
    const m = composeMessage({
      ...base,
      subject: 'photos',
      text: 'See the photo.',
      html: '<p>See the <b>photo</b>.</p>',
      attachments: [
        { filename: 'ketchup.jpg', size: 3000 },
        { filename: 'recipe.txt', content: 'tomatoes, vinegar, sugar\n' },
        { filename: 'menu.bin', mediaType: 'application/pdf', size: 100 },
      ],
    });
    expect(m.contentType).toBe('multipart/mixed');
    expect(m.encoded).toEqual(['the attachment ketchup.jpg in base64', 'the attachment recipe.txt in base64', 'the attachment menu.bin in base64']);
    expect(m.bytes.every((b) => b < 0x80)).toBe(true);
    const parsed = await PostalMime.parse(m.bytes);
    expect(parsed.text?.trim()).toBe('See the photo.');
    expect(parsed.html?.trim()).toBe('<p>See the <b>photo</b>.</p>');
    expect(parsed.attachments.map((a) => [a.filename, a.mimeType])).toEqual([
      ['ketchup.jpg', 'image/jpeg'],
      ['recipe.txt', 'text/plain'],
      ['menu.bin', 'application/pdf'],
    ]);
    const jpeg = new Uint8Array(parsed.attachments[0]!.content as ArrayBuffer);
    expect(jpeg).toEqual(attachmentBytes({ filename: 'ketchup.jpg', size: 3000 }));
    expect([jpeg[0], jpeg[1], jpeg.at(-2), jpeg.at(-1)]).toEqual([0xff, 0xd8, 0xff, 0xd9]); // a real JPEG: SOI … EOI
    const ours = parseMessage(m.bytes);
    expect(ours.ok).toBe(true);
    if (!ours.ok) return;
    expect(ours.value.root.children.map((c) => [c.contentType, c.filename])).toEqual([
      ['multipart/alternative', null],
      ['image/jpeg', 'ketchup.jpg'],
      ['text/plain', 'recipe.txt'],
      ['application/pdf', 'menu.bin'],
    ]);
    expect(ours.value.root.children[1]!.content).toEqual(jpeg);
  });

  it('an attachment given as a size: a file of its type, else the pattern, exactly that long', () => {
    for (const filename of ['a.png', 'a.gif', 'a.jpg', 'a.bin', 'a.txt']) expect(attachmentBytes({ filename, size: 500 }).length).toBe(500);
    expect(attachmentBytes({ filename: 'a.png', size: 500 }).slice(1, 4)).toEqual(new TextEncoder().encode('PNG'));
    expect(attachmentBytes({ filename: 'note.txt', content: 'caf\u00e9' })).toEqual(new TextEncoder().encode('caf\u00e9'));
  });
});
