import { describe, expect, it } from 'vitest';
import { parseMessage, type MimePart, type ParsedMail } from './parse';
import { ascii, latin1, type MailProblem } from './types';

const crlf = (...lines: string[]) => lines.join('\r\n');
const bytesOf = (text: string) => ascii(text);

function ok(text: string): { value: ParsedMail; warnings: readonly MailProblem[]; b: Uint8Array } {
  const b = bytesOf(text);
  const r = parseMessage(b);
  if (!r.ok) throw new Error(r.error.message);
  return { value: r.value, warnings: r.warnings, b };
}

describe('parseMessage: hand-written messages', () => {
  it('reads the sample of Kurose & Ross §2.3 (From, To, Subject, a body)', () => {
    const text = crlf('From: alice@crepes.fr', 'To: bob@hamburger.edu', 'Subject: Searching for the meaning of life.', '', 'Hello Bob.', '');
    const { value, warnings, b } = ok(text);
    expect(warnings).toEqual([]);
    expect(value.fields.from).toEqual([{ name: '', address: 'alice@crepes.fr' }]);
    expect(value.fields.to).toEqual([{ name: '', address: 'bob@hamburger.edu' }]);
    expect(value.fields.subject).toBe('Searching for the meaning of life.');
    const [from, to, subject] = value.headers;
    expect(latin1(b, from!.field.start, from!.field.end)).toBe('From: alice@crepes.fr\r\n');
    expect(latin1(b, to!.nameRange.start, to!.nameRange.end)).toBe('To');
    expect(latin1(b, subject!.valueRange.start, subject!.valueRange.end)).toBe(' Searching for the meaning of life.');
    expect(value.root.contentType).toBe('text/plain');
    expect(value.root.text).toBe('Hello Bob.\r\n');
    expect(latin1(b, value.body.start, value.body.end)).toBe('Hello Bob.\r\n');
  });

  it('unfolds folded fields (RFC 5322 §2.2.3) and reads groups, quoted names, comments and encoded-words', () => {
    const text = crlf(
      'From: "Doe, John" <john@example.com> (the boss)',
      'To: undisclosed:;, Team: =?UTF-8?B?w4lsaXNl?= <e@x.org>, "Q. Public" <q@x.org>;',
      'Cc: plain@x.org,',
      '  =?ISO-8859-1?Q?Andr=E9?= =?ISO-8859-1?Q?_Pirard?= <PIRARD@vm1.ulg.ac.be>',
      'Subject: =?UTF-8?Q?caf=C3=A9?=',
      '\tau lait',
      'Date: Fri, 21 Nov 1997 09:55:06 -0600',
      '',
      '',
    );
    const { value, warnings } = ok(text);
    expect(warnings).toEqual([]);
    expect(value.fields.from).toEqual([{ name: 'Doe, John', address: 'john@example.com' }]);
    expect(value.fields.to).toEqual([
      { name: 'Élise', address: 'e@x.org', group: 'Team' },
      { name: 'Q. Public', address: 'q@x.org', group: 'Team' },
    ]);
    expect(value.fields.cc).toEqual([
      { name: '', address: 'plain@x.org' },
      { name: 'André Pirard', address: 'PIRARD@vm1.ulg.ac.be' },
    ]);
    expect(value.fields.subject).toBe('café\tau lait');
    expect(value.headers[2]!.value).toBe('plain@x.org,  =?ISO-8859-1?Q?Andr=E9?= =?ISO-8859-1?Q?_Pirard?= <PIRARD@vm1.ulg.ac.be>');
    expect(value.fields.dateSeconds).toBe(Date.UTC(1997, 10, 21, 15, 55, 6) / 1000);
  });

  it('reads multipart/mixed with multipart/alternative and a base64 attachment', () => {
    const text = crlf(
      'From: Alice <alice@crepes.fr>',
      'To: bob@hamburger.edu',
      'Subject: Picture',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary=outer',
      '',
      'preamble, ignored',
      '--outer',
      'Content-Type: multipart/alternative;',
      ' boundary="inner boundary"',
      '',
      '--inner boundary',
      'Content-Type: text/plain; charset="iso-8859-1"',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Voil=E0 une photo, tr=',
      '=E8s jolie.',
      '--inner boundary  ',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      '<p>Voil\u00c3\u00a0</p>',
      '--inner boundary--',
      '--outer',
      'Content-Type: image/png; name="ignored.png"',
      'Content-Disposition: attachment; filename="pic.png"',
      'Content-Transfer-Encoding: base64',
      '',
      'iVBORw0K',
      'Ggo=',
      '--outer--',
      'epilogue',
    );
    const { value, warnings, b } = ok(text);
    expect(warnings.filter((w) => w.severity === 'error')).toEqual([]);
    const root = value.root;
    expect(root.contentType).toBe('multipart/mixed');
    expect(latin1(b, root.preamble!.start, root.preamble!.end)).toBe('preamble, ignored');
    expect(latin1(b, root.epilogue!.start, root.epilogue!.end)).toBe('epilogue');
    const [alt, pic] = root.children as [MimePart, MimePart];
    expect(alt.contentType).toBe('multipart/alternative');
    expect(alt.params['boundary']).toBe('inner boundary');
    const [plain, html] = alt.children as [MimePart, MimePart];
    expect(plain.text).toBe('Voilà une photo, très jolie.');
    expect(plain.path).toEqual([0, 0]);
    expect(html.text).toBe('<p>Voilà</p>');
    expect(pic.filename).toBe('pic.png');
    expect(pic.disposition).toBe('attachment');
    expect(Array.from(pic.content!)).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(latin1(b, pic.body.start, pic.body.end)).toBe('iVBORw0K\r\nGgo=');
    expect(latin1(b, pic.header.start, pic.header.start + 24)).toBe('Content-Type: image/png;');
  });

  it('reads message/rfc822 as an embedded message, and a digest part as message/rfc822 by default', () => {
    const text = crlf('Content-Type: multipart/digest; boundary=d', '', '--d', '', 'Subject: inner', '', 'hi', '--d--', '');
    const { value } = ok(text);
    const part = value.root.children[0]!;
    expect(part.contentType).toBe('message/rfc822');
    expect(part.message?.subject).toBe('inner');
    expect(part.children[0]!.text).toBe('hi');
  });
});

describe('parseMessage: malformed input gives located problems', () => {
  const codes = (w: readonly MailProblem[]) => w.map((p) => [p.code, p.offset]);

  it('a boundary never closed: the last part runs to the end', () => {
    const text = crlf('Content-Type: multipart/mixed; boundary=b', '', '--b', '', 'one', '--b', '', 'two');
    const { value, warnings, b } = ok(text);
    expect(codes(warnings)).toEqual([['boundary-not-closed', b.length]]);
    expect(value.root.children.map((c) => c.text)).toEqual(['one', 'two']);
  });

  it('a bad base64 character is skipped and located', () => {
    const text = crlf('Content-Transfer-Encoding: base64', 'Content-Type: application/octet-stream', '', 'AAE*CAw==');
    const { value, warnings } = ok(text);
    expect(codes(warnings)).toEqual([['bad-base64', text.indexOf('*')]]);
    expect(Array.from(value.root.content!)).toEqual([0, 1, 2, 3]);
  });

  it('a header line without a colon is skipped and located', () => {
    const text = crlf('Subject: a', 'this is not a field', 'To: b@c.d', '', 'x');
    const { value, warnings } = ok(text);
    expect(codes(warnings)).toEqual([['header-no-colon', text.indexOf('this')]]);
    expect(value.headers.map((h) => h.name)).toEqual(['Subject', 'To']);
  });

  it('a line over 998 octets is read and located at its 999th octet', () => {
    const text = crlf('Subject: a', '', 'x'.repeat(1200), 'y');
    const { value, warnings } = ok(text);
    expect(codes(warnings)).toEqual([['line-too-long', text.indexOf('x') + 998]]);
    expect(value.root.text).toBe(`${'x'.repeat(1200)}\r\ny`);
  });

  it('bare LF line ends, 8-bit bytes in 7bit, a missing boundary, an unknown encoding', () => {
    expect(ok('Subject: a\n\nbody\n').warnings.map((w) => w.code)).toEqual(['bare-line-end']);
    const eight = Uint8Array.from([...ascii('Subject: a\r\n\r\nab'), 0xe9]);
    const r = parseMessage(eight);
    expect(r.ok && r.warnings.map((w) => [w.code, w.offset])).toEqual([['eight-bit', eight.length - 1]]);
    expect(ok('Content-Type: multipart/mixed\r\n\r\nx').warnings.map((w) => w.code)).toEqual(['no-boundary']);
    expect(ok('Content-Type: multipart/mixed; boundary=q\r\n\r\nx').warnings.map((w) => w.code)).toEqual(['boundary-not-found']);
    expect(ok('Content-Transfer-Encoding: x-uuencode\r\n\r\nx').warnings.map((w) => w.code)).toEqual(['unknown-transfer-encoding']);
  });

  it('an empty input is the one failure', () => {
    const r = parseMessage(new Uint8Array(0));
    expect(r.ok).toBe(false);
  });
});
