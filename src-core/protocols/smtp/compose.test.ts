import { describe, expect, it } from 'vitest';
import PostalMime from 'postal-mime';
import { ms } from '../../sim/time';
import { composeMessage, quotedPrintable } from './compose';

const base = { from: 'alice@crepes.fr', to: ['bob@hamburger.edu'], cc: [], messageId: 'm1@crepes.fr', at: ms(0) };

describe('the user agent\'s message (RFC 5322, 7-bit)', () => {
  it('writes the header fields and an ASCII body as it is', () => {
    const m = composeMessage({ ...base, subject: 'lunch', text: 'Do you like ketchup?\nHow about pickles?' });
    expect(new TextDecoder().decode(m.bytes)).toBe(
      'From: <alice@crepes.fr>\r\nTo: <bob@hamburger.edu>\r\nSubject: lunch\r\nDate: Mon, 05 Jan 2026 09:00:00 +0000\r\nMessage-ID: <m1@crepes.fr>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: 7bit\r\n\r\nDo you like ketchup?\r\nHow about pickles?\r\n',
    );
    expect(m.encoded).toEqual([]);
  });

  it('encodes what is not ASCII, keeps every byte 7-bit, and says so; postal-mime reads the text back', async () => {
    const text = `Cr\u00eapes ou gaufres ? ${'\u00e9'.repeat(60)}\nnext line = fine `;
    const m = composeMessage({ ...base, cc: ['carol@crepes.fr'], subject: 'd\u00e9jeuner', text });
    expect(m.encoded).toEqual(['the subject as an RFC 2047 encoded-word', 'the body as UTF-8 in quoted-printable']);
    expect(m.bytes.every((b) => b < 0x80)).toBe(true);
    const [head, body] = new TextDecoder().decode(m.bytes).split('\r\n\r\n') as [string, string];
    for (const line of head.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
    for (const line of body.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
    const parsed = await PostalMime.parse(m.bytes);
    expect(parsed.subject).toBe('d\u00e9jeuner');
    expect(parsed.text?.replace(/\r\n/g, '\n').trimEnd()).toBe(text.trimEnd());
    expect(parsed.cc?.map((a) => a.address)).toEqual(['carol@crepes.fr']);
  });

  it('quoted-printable: =XX, a trailing space encoded, soft breaks before 76 characters that never split an =XX', () => {
    expect(quotedPrintable('a=b \n')).toBe('a=3Db=20\r\n');
    const long = quotedPrintable('\u00e9'.repeat(40));
    for (const line of long.split('\r\n')) {
      expect(line.length).toBeLessThanOrEqual(76);
      expect(line.replace(/=$/, '')).toMatch(/^(=[0-9A-F]{2})*$/);
    }
  });
});
