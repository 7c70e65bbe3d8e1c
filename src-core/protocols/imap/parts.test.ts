// The dissector's ranges, BODYSTRUCTURE of a multipart message, INTERNALDATE, and the module's colours.
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../chart/colors';
import type { FieldNode } from '../../dissect/field';
import type { MessageEvent } from '../../trace/types';
import { dissectImap } from './dissect';
import { bodyStructureBytes, envelopeBytes, internalDate, sectionBytes } from './fetch-data';
import { IMAP_MODULE } from './module';
import { ascii, latin1 } from './syntax';

const message = (text: string, srcPort: number) => ({ bytes: ascii(text), src: { addr: '10.0.0.1', port: srcPort }, dst: { addr: '10.0.0.2', port: srcPort === 143 ? 5000 : 143 } }) as unknown as MessageEvent;
const flat = (nodes: readonly FieldNode[]): FieldNode[] => nodes.flatMap((n) => [n, ...flat(n.children)]);

describe('the IMAP dissector', () => {
  it('names the tag, command, arguments and literal data of a command; never shows the password', () => {
    const text = 'A1 LOGIN bob {6}\r\nsecret\r\n';
    const nodes = flat(dissectImap(message(text, 5000)));
    const at = (filter: string) => nodes.find((n) => n.filter === filter)!;
    expect(text.slice(at('imap.tag').offset, at('imap.tag').offset + at('imap.tag').length)).toBe('A1');
    expect(at('imap.command').value).toBe('LOGIN');
    expect(at('imap.password').value).toBe('••••');
    expect(nodes.some((n) => n.value.includes('secret'))).toBe(false);
  });

  it('names a response\'s status, code and text, and a FETCH literal', () => {
    const tagged = flat(dissectImap(message('A2 OK [READ-WRITE] SELECT completed\r\n', 143)));
    expect(tagged.find((n) => n.filter === 'imap.status')!.value).toBe('OK');
    expect(tagged.find((n) => n.filter === 'imap.code')).toMatchObject({ value: 'READ-WRITE', offset: 6, length: 12 });
    const text = '* 1 FETCH (BODY[] {5}\r\nhello)\r\n';
    const fetch = flat(dissectImap(message(text, 143)));
    const data = fetch.find((n) => n.filter === 'imap.literal.data')!;
    expect(text.slice(data.offset, data.offset + data.length)).toBe('hello');
    expect(flat(dissectImap(message('* 1 FETCH (BODY[] {9}\r\nhel', 143))).some((n) => n.severity === 'warning')).toBe(true);
  });

  it('shows a fetched message\'s header fields and MIME parts inside its literal, at their bytes; other literals stay plain', () => {
    const mail = 'Subject: Lunch\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\nhi\r\n--b--\r\n';
    const text = `* 1 FETCH (UID 7 BODY[] {${mail.length}}\r\n${mail})\r\n`;
    const nodes = flat(dissectImap(message(text, 143)));
    const subject = nodes.find((n) => n.filter === 'imf.subject')!;
    expect(text.slice(subject.offset, subject.offset + subject.length)).toBe('Subject: Lunch\r\n');
    expect(nodes.find((n) => n.filter === 'mime_multipart')?.value).toBe('1 parts');
    const header = `* 1 FETCH (BODY[HEADER] {16}\r\nSubject: Lunch\r\n)\r\n`;
    expect(flat(dissectImap(message(header, 143))).some((n) => n.filter === 'imf.subject')).toBe(false);
  });
});

describe('FETCH data', () => {
  it('walks a multipart message for BODYSTRUCTURE (the CRLF before a delimiter is the delimiter\'s, RFC 2046 §5.1.1)', () => {
    const m = ascii('Content-Type: multipart/alternative; boundary="xx"\r\n\r\npreamble\r\n--xx\r\nContent-Type: text/plain\r\n\r\nhi\r\n--xx\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<p>hi</p>\r\n--xx--\r\n');
    expect(latin1(bodyStructureBytes(m))).toBe('(("TEXT" "PLAIN" NIL NIL NIL "7BIT" 2 1)("TEXT" "HTML" ("CHARSET" "utf-8") NIL NIL "QUOTED-PRINTABLE" 9 1) "ALTERNATIVE")');
  });

  it('describes an embedded message/rfc822 with its envelope, structure and lines (§7.5.2 body-type-msg)', () => {
    const m = ascii('Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: message/rfc822\r\n\r\nSubject: inner\r\nFrom: a@x.org\r\n\r\nhello\r\n--b--\r\n');
    // the part's body runs to the CRLF before the close delimiter: 38 bytes, 4 lines (the last without its CRLF)
    expect(latin1(bodyStructureBytes(m))).toBe('(("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 38 (NIL "inner" ((NIL NIL "a" "x.org")) ((NIL NIL "a" "x.org")) ((NIL NIL "a" "x.org")) NIL NIL NIL NIL NIL) ("TEXT" "PLAIN" ("CHARSET" "us-ascii") NIL NIL "7BIT" 5 1) 4) "MIXED")');
  });

  it('keeps encoded-words and quoting out of the way in ENVELOPE: names as written, groups as their members', () => {
    const m = ascii('From: =?UTF-8?Q?Andr=C3=A9?= <andre@crepes.fr>\r\nTo: team: "Bob B." <bob@hamburger.edu>, carol@hamburger.edu;\r\nSubject: =?UTF-8?B?ZMOpamV1bmVy?=\r\n\r\n');
    expect(latin1(envelopeBytes(m))).toBe('(NIL "=?UTF-8?B?ZMOpamV1bmVy?=" (("=?UTF-8?Q?Andr=C3=A9?=" NIL "andre" "crepes.fr")) (("=?UTF-8?Q?Andr=C3=A9?=" NIL "andre" "crepes.fr")) (("=?UTF-8?Q?Andr=C3=A9?=" NIL "andre" "crepes.fr")) (("Bob B." NIL "bob" "hamburger.edu")(NIL NIL "carol" "hamburger.edu")) NIL NIL NIL NIL)');
  });

  it('HEADER.FIELDS keeps the chosen fields as written, folded lines included, then the empty line', () => {
    const m = ascii('Subject: a long\r\n subject\r\nFrom: a@x.org\r\nTo: b@y.org\r\n\r\nbody\r\n');
    expect(latin1(sectionBytes(m, { part: 'fields', names: ['SUBJECT', 'to'], not: false }))).toBe('Subject: a long\r\n subject\r\nTo: b@y.org\r\n\r\n');
    expect(latin1(sectionBytes(m, { part: 'fields', names: ['subject'], not: true }))).toBe('From: a@x.org\r\nTo: b@y.org\r\n\r\n');
    expect(latin1(sectionBytes(m, { part: 'text' }))).toBe('body\r\n');
  });

  it('writes INTERNALDATE from the run\'s start, 2026-01-01 UTC', () => {
    expect(internalDate(0)).toBe(' 1-Jan-2026 00:00:00 +0000');
    expect(internalDate((40 * 86_400 + 3661) * 1e9)).toBe('10-Feb-2026 01:01:01 +0000');
  });
});

describe('the IMAP module', () => {
  it('has colours of at least 4.5:1 against both chart backgrounds', () => {
    const [light, dark] = IMAP_MODULE.colors!;
    expect(contrastRatio(light, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(dark, '#14171b')).toBeGreaterThanOrEqual(4.5);
  });
});
