import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NS_PER_S } from '../../../sim/time';
import { formatAddressList, parseAddressList } from './address';
import { decodeBase64, encodeBase64Body } from './base64';
import { formatParams, parseContentType, parseDisposition } from './content-type';
import { formatMailDate, parseMailDate, simTimeOfMailDate } from './date';
import { decodeHeaderText, encodeHeaderText, encodeWords } from './encoded-word';
import { foldField, parseHeaderSection } from './header';
import { makeMessageId } from './message-id';
import { decodeQuotedPrintable, encodeQuotedPrintable } from './quoted-printable';
import { ascii, latin1, utf8, type MailProblem } from './types';

describe('header fields (RFC 5322 §2.2)', () => {
  it('folds at white space within 78 characters and unfolds back to the value', () => {
    const value = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    const text = foldField('Subject', value);
    for (const line of text.split('\r\n').slice(0, -1)) expect(line.length).toBeLessThanOrEqual(78);
    expect(text.split('\r\n').slice(1, -1).every((l) => l.startsWith(' '))).toBe(true);
    const problems: MailProblem[] = [];
    const section = parseHeaderSection(ascii(`${text}\r\n`), 0, text.length + 2, problems);
    expect(section.fields[0]!.value).toBe(value);
    expect(problems).toEqual([]);
  });
  it('fold(v) unfolds to v for any printable value', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\t', 'x'), maxLength: 300 }), (v) => {
        const value = v.trim();
        const text = foldField('X', value, 20);
        const b = ascii(text);
        const f = parseHeaderSection(b, 0, b.length, []).fields[0]!;
        expect(f.value).toBe(value);
        for (const line of text.split('\r\n').slice(1, -1)) expect(/\S/.test(line)).toBe(true);
      }),
    );
  });
  it('gives ranges of the field, name and value', () => {
    const b = ascii('A: 1\r\nLong: x\r\n  y\r\n\r\nbody');
    const s = parseHeaderSection(b, 0, b.length, []);
    expect(s.fields.map((f) => [f.name, f.value, latin1(b, f.field.start, f.field.end), latin1(b, f.valueRange.start, f.valueRange.end)])).toEqual([
      ['A', '1', 'A: 1\r\n', ' 1'],
      ['Long', 'x  y', 'Long: x\r\n  y\r\n', ' x\r\n  y'],
    ]);
    expect(s.separator).toEqual({ start: 20, end: 22 });
    expect(latin1(b, s.bodyStart)).toBe('body');
  });
});

describe('addresses (RFC 5322 §3.4)', () => {
  it('reads mailboxes, angle addresses, quoted names and obsolete routes', () => {
    expect(parseAddressList('Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>, <@a.net,@b.net:joe@c.net>')).toEqual([
      { name: 'Pete', address: 'pete@silly.test' },
      { name: '', address: 'joe@c.net' },
    ]);
    expect(parseAddressList('"Giant; \\"Big\\" Box" <sysservices@example.net>')).toEqual([{ name: 'Giant; "Big" Box', address: 'sysservices@example.net' }]);
  });
  it('writes what it reads', () => {
    const list = [{ name: 'Mary Smith', address: 'mary@x.test' }, { name: 'J. "Q" Public', address: 'jq@x.test' }, { name: '李 小龙', address: 'b@x.test' }, { name: '', address: 'c@x.test' }];
    expect(formatAddressList(list)).toBe('Mary Smith <mary@x.test>, "J. \\"Q\\" Public" <jq@x.test>, =?UTF-8?B?5p2OIOWwj+m+mQ==?= <b@x.test>, c@x.test');
    expect(parseAddressList(formatAddressList(list))).toEqual(list);
  });
});

describe('dates (RFC 5322 §3.3)', () => {
  it('formats SimTime from the run epoch (the HTTP epoch) and parses it back', () => {
    expect(formatMailDate(0)).toBe('Mon, 05 Jan 2026 09:00:00 +0000');
    expect(formatMailDate(86_400 * NS_PER_S + 1)).toBe('Tue, 06 Jan 2026 09:00:00 +0000');
    expect(simTimeOfMailDate('Mon, 05 Jan 2026 10:00:00 +0100')).toBe(0);
  });
  it('parses zones, obsolete years and zone names, comments and no seconds', () => {
    const t = Date.UTC(1997, 10, 21, 9, 55, 6) / 1000;
    expect(parseMailDate('Fri, 21 Nov 1997 09:55:06 -0000')).toBe(t);
    expect(parseMailDate('21 Nov 97 04:55:06 EST (Eastern)')).toBe(t);
    expect(parseMailDate('Fri, 21 Nov 1997 10:55 +0100')).toBe(t - 6);
    expect(parseMailDate('31 Feb 2026 00:00:00 +0000')).toBeNull();
    expect(parseMailDate('yesterday')).toBeNull();
  });
});

describe('Message-ID (RFC 5322 §3.6.4)', () => {
  it('is made only from its inputs', () => {
    const id = makeMessageId({ domain: 'crepes.fr', at: 5 * NS_PER_S, sequence: 3, salt: 'alice@crepes.fr' });
    expect(id).toBe(makeMessageId({ domain: 'crepes.fr', at: 5 * NS_PER_S, sequence: 3, salt: 'alice@crepes.fr' }));
    expect(id).toMatch(/^<[0-9a-z.]+@crepes\.fr>$/);
    expect(id).not.toBe(makeMessageId({ domain: 'crepes.fr', at: 5 * NS_PER_S, sequence: 4, salt: 'alice@crepes.fr' }));
  });
});

describe('encoded-words (RFC 2047)', () => {
  it('decodes B and Q, dropping the space between adjacent words (§6.2)', () => {
    expect(decodeHeaderText('=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=')).toBe('ab');
    expect(decodeHeaderText('=?ISO-8859-1?Q?a?= b')).toBe('a b');
    expect(decodeHeaderText('=?UTF-8?B?SGVsbG8=?= world')).toBe('Hello world');
    expect(decodeHeaderText('=?utf-8?q?caf=C3=A9_au_lait?=')).toBe('café au lait');
    const problems: MailProblem[] = [];
    expect(decodeHeaderText('=?x-unknown?Q?a?=', problems)).toBe('=?x-unknown?Q?a?=');
    expect(problems.map((p) => p.code)).toEqual(['unknown-charset']);
  });
  it('encodes words of at most 75 characters, whole characters each, and decodes them back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom('B' as const, 'Q' as const, undefined), (text, mode) => {
        const encoded = encodeWords(text, mode);
        for (const w of encoded.split(' ')) expect(w.length).toBeLessThanOrEqual(75);
        expect(decodeHeaderText(encoded)).toBe(text);
        expect(decodeHeaderText(encodeHeaderText(text))).toBe(text);
      }),
    );
  });
});

describe('parameters (RFC 2045 §5.1, RFC 2231)', () => {
  it('reads tokens, quoted values, comments and RFC 2231 continuations', () => {
    expect(parseContentType('Text/Plain; Charset="us-ascii" (Plain text)')).toEqual({ type: 'text', subtype: 'plain', params: { charset: 'us-ascii' } });
    expect(parseDisposition("attachment; filename*0*=us-ascii'en'This%20is%20even%20more%20; filename*1*=%2A%2A%2Afun%2A%2A%2A%20; filename*2=\"isn't it!\"")).toEqual({ type: 'attachment', params: { filename: "This is even more ***fun*** isn't it!" } });
    expect(parseContentType('not a type')).toBeNull();
  });
  it('writes what it reads, for any value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 150 }), (value) => {
        expect(parseDisposition(`attachment${formatParams([['filename', value]])}`).params['filename']).toBe(value);
      }),
    );
  });
});

describe('transfer encodings (RFC 2045 §6.7, §6.8)', () => {
  it('quoted-printable: 76-character lines, soft breaks, trailing space encoded', () => {
    const text = utf8(`${'é'.repeat(40)} \r\nend\t`);
    const qp = encodeQuotedPrintable(text);
    for (const line of qp.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
    expect(qp.endsWith('end=09')).toBe(true);
    expect(qp).toContain('=20\r\nend');
    expect(decodeQuotedPrintable(ascii(qp), 0, qp.length, [])).toEqual(text);
  });
  it('quoted-printable round trip of any bytes, text or binary', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), fc.boolean(), (bytes, binary) => {
        const qp = encodeQuotedPrintable(bytes, { binary });
        for (const line of qp.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
        expect(decodeQuotedPrintable(ascii(qp), 0, qp.length, [])).toEqual(bytes);
      }),
    );
  });
  it('quoted-printable: a lone "=" is kept, with a located problem', () => {
    const problems: MailProblem[] = [];
    expect(latin1(decodeQuotedPrintable(ascii('a=zz'), 0, 4, problems))).toBe('a=zz');
    expect(problems.map((p) => [p.code, p.offset])).toEqual([['bad-quoted-printable', 1]]);
  });
  it('base64: 76-character lines, round trip of any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), (bytes) => {
        const b64 = encodeBase64Body(bytes);
        for (const line of b64.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
        const problems: MailProblem[] = [];
        expect(decodeBase64(ascii(b64), 0, b64.length, problems)).toEqual(bytes);
        expect(problems).toEqual([]);
      }),
    );
  });
});
