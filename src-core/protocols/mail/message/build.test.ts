import { describe, expect, it } from 'vitest';
import { buildMessage, pickBoundary, type BuiltPart } from './build';
import { sevenBitProblems } from './seven-bit';
import { ascii, latin1 } from './types';

const crlf = (...lines: string[]) => lines.join('\r\n');

describe('buildMessage: fixed bytes', () => {
  it('writes a plain ASCII message as one 7bit text/plain entity', () => {
    const m = buildMessage({ from: { name: '', address: 'alice@crepes.fr' }, to: [{ name: '', address: 'bob@hamburger.edu' }], subject: 'Searching for the meaning of life.', date: 0, messageId: '<1.l7@crepes.fr>', text: 'Hello Bob,\nsee you.\n' });
    const expected = crlf(
      'Date: Mon, 05 Jan 2026 09:00:00 +0000',
      'From: alice@crepes.fr',
      'To: bob@hamburger.edu',
      'Subject: Searching for the meaning of life.',
      'Message-ID: <1.l7@crepes.fr>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=us-ascii',
      'Content-Transfer-Encoding: 7bit',
      '',
      'Hello Bob,',
      'see you.',
      '',
    );
    expect(latin1(m.bytes)).toBe(expected);
    expect(m.header).toEqual({ start: 0, end: expected.indexOf('Hello') });
    expect(m.root.header).toEqual({ start: expected.indexOf('Content-Type'), end: expected.indexOf('Hello') });
    expect(m.root.body).toEqual({ start: expected.indexOf('Hello'), end: expected.length });
  });

  it('writes multipart/mixed holding multipart/alternative and a base64 attachment', () => {
    const m = buildMessage({
      from: { name: 'Alice', address: 'alice@crepes.fr' },
      to: [{ name: 'Bob', address: 'bob@hamburger.edu' }],
      cc: [{ name: 'Zoë', address: 'zoe@example.com' }],
      subject: 'Crêpes',
      date: 1_500_000_000,
      messageId: '<2.l7@crepes.fr>',
      text: 'Voilà.\n',
      html: '<p>Voil&agrave;.</p>\n',
      attachments: [{ filename: 'a.bin', mediaType: 'application/octet-stream', bytes: new Uint8Array([0, 1, 2, 3, 250, 251, 252, 253, 254, 255]) }],
    });
    const expected = crlf(
      'Date: Mon, 05 Jan 2026 09:00:01 +0000',
      'From: Alice <alice@crepes.fr>',
      'To: Bob <bob@hamburger.edu>',
      'Cc: =?UTF-8?Q?Zo=C3=AB?= <zoe@example.com>',
      'Subject: =?UTF-8?Q?Cr=C3=AApes?=',
      'Message-ID: <2.l7@crepes.fr>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="=_l7_0_dzjwfh"',
      '',
      'This is a multipart message in MIME format.',
      '--=_l7_0_dzjwfh',
      'Content-Type: multipart/alternative; boundary="=_l7_1_cxoyhf"',
      '',
      '--=_l7_1_cxoyhf',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Voil=C3=A0.',
      '',
      '--=_l7_1_cxoyhf',
      'Content-Type: text/html; charset=us-ascii',
      'Content-Transfer-Encoding: 7bit',
      '',
      '<p>Voil&agrave;.</p>',
      '',
      '--=_l7_1_cxoyhf--',
      '',
      '--=_l7_0_dzjwfh',
      'Content-Type: application/octet-stream; name=a.bin',
      'Content-Disposition: attachment; filename=a.bin',
      'Content-Transfer-Encoding: base64',
      '',
      'AAECA/r7/P3+/w==',
      '--=_l7_0_dzjwfh--',
      '',
    );
    const text = latin1(m.bytes);
    expect(text).toBe(expected);
    // The parts tree: each range is where the part's header and body are.
    const at = (s: string, from = 0) => text.indexOf(s, from);
    const [alternative, attachment] = m.root.children as [BuiltPart, BuiltPart];
    expect(m.root.contentType).toBe('multipart/mixed');
    expect(alternative.contentType).toBe('multipart/alternative');
    expect(alternative.header.start).toBe(at('Content-Type: multipart/alternative'));
    const [plain, html] = alternative.children as [BuiltPart, BuiltPart];
    expect(text.slice(plain.header.start, plain.header.end)).toBe('Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n');
    expect(text.slice(plain.body.start, plain.body.end)).toBe('Voil=C3=A0.\r\n');
    expect(text.slice(html.body.start, html.body.end)).toBe('<p>Voil&agrave;.</p>\r\n');
    expect(text.slice(attachment.body.start, attachment.body.end)).toBe('AAECA/r7/P3+/w==');
    expect(text.slice(alternative.body.start, alternative.body.end)).toMatch(/^--=_l7_1_cxoyhf\r\n[^]*--=_l7_1_cxoyhf--\r\n$/);
  });
});

describe('buildMessage: rules', () => {
  const base = { from: { name: 'A', address: 'a@x.org' }, to: [{ name: 'B', address: 'b@y.org' }], subject: 's', date: 0, messageId: '<m@x.org>' };

  it('is 7-bit clean with non-ASCII text, names, subject and long lines', () => {
    const m = buildMessage({ ...base, from: { name: 'Émile Zola', address: 'e@x.org' }, subject: 'ü'.repeat(200), text: `${'é'.repeat(2000)}\n${'x'.repeat(1500)}`, html: '<b>ß</b>' });
    expect(sevenBitProblems(m.bytes)).toEqual([]);
    expect(m.bytes.every((c) => c < 128)).toBe(true);
  });

  it('folds header lines to 78 where there is white space', () => {
    const to = Array.from({ length: 20 }, (_, i) => ({ name: `Person ${i}`, address: `p${i}@example.com` }));
    const m = buildMessage({ ...base, to, subject: 'word '.repeat(40).trim(), text: 'x' });
    const head = latin1(m.bytes, 0, m.header.end);
    for (const line of head.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
  });

  it('writes 8bit text when asked (RFC 6152)', () => {
    const m = buildMessage({ ...base, text: 'ça\n', eightBit: true });
    expect(latin1(m.bytes)).toContain('Content-Transfer-Encoding: 8bit');
    expect(sevenBitProblems(m.bytes).map((p) => p.kind)).toEqual(['eight-bit']);
  });

  it('picks a boundary that occurs in no part, deterministically', () => {
    const first = pickBoundary([ascii('hello')], 0);
    expect(pickBoundary([ascii('hello')], 0)).toBe(first);
    const clash = pickBoundary([ascii(`--${first}\r\n`)], 0);
    expect(clash).not.toBe(first);
    expect(`--${first}\r\n`.includes(clash)).toBe(false);
  });

  it('keeps a 7bit text line that looks like a delimiter out of the boundary', () => {
    const probe = buildMessage({ ...base, text: 'a', html: 'b' });
    const boundary = /boundary="([^"]+)"/.exec(latin1(probe.bytes))![1]!;
    const m = buildMessage({ ...base, text: `--${boundary}\n`, html: 'b' });
    expect(latin1(m.bytes)).not.toContain(`boundary="${boundary}"`);
  });
});
