// What POP3 reads of a message: TOP's head and lines (RFC 1939 §7), and
// the Subject the client reports, checked against postal-mime (an
// independent RFC 5322 parser) for plain ASCII subjects, folded or not.
import fc from 'fast-check';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { ascii, latin1 } from './codec';
import { headerEnd, subjectOf, topOf } from './message-parts';

const MESSAGE = 'From: a@example.com\r\nSubject: Hi\r\n\r\none\r\ntwo\r\nthree\r\n';

describe('TOP and the header', () => {
  it('gives the head, the empty line and n body lines', () => {
    const bytes = ascii(MESSAGE);
    expect(headerEnd(bytes)).toBe(MESSAGE.indexOf('one'));
    expect(latin1(topOf(bytes, 0))).toBe('From: a@example.com\r\nSubject: Hi\r\n\r\n');
    expect(latin1(topOf(bytes, 2))).toBe('From: a@example.com\r\nSubject: Hi\r\n\r\none\r\ntwo\r\n');
    expect(latin1(topOf(bytes, 99))).toBe(MESSAGE);
    expect(latin1(topOf(ascii('no header end'), 1))).toBe('no header end');
  });

  it('reads the Subject, unfolded, or "" without one', () => {
    expect(subjectOf(ascii(MESSAGE))).toBe('Hi');
    expect(subjectOf(ascii('subject :\r\n  folded\r\n\tagain\r\n\r\nSubject: body\r\n'))).toBe('folded\tagain');
    expect(subjectOf(ascii('From: x\r\n\r\nSubject: in the body\r\n'))).toBe('');
  });

  it('decodes encoded-words (RFC 2047)', () => {
    expect(subjectOf(ascii('Subject: =?UTF-8?B?ZMOpamV1bmVy?= du =?ISO-8859-1?Q?caf=E9?=\r\n\r\n'))).toBe('d\u00e9jeuner du caf\u00e9');
  });

  it('agrees with postal-mime on subjects, folded anywhere', async () => {
    const word = fc.stringMatching(/^[!-~]{1,12}$/);
    await fc.assert(
      fc.asyncProperty(fc.array(word, { minLength: 1, maxLength: 6 }), fc.array(fc.boolean(), { maxLength: 6 }), async (words, folds) => {
        const value = words.map((w, i) => (i === 0 ? w : `${folds[i] ? '\r\n' : ''} ${w}`)).join('');
        const bytes = ascii(`From: a@example.com\r\nSubject: ${value}\r\n\r\nbody\r\n`);
        const parsed = await PostalMime.parse(bytes);
        expect(subjectOf(bytes)).toBe(parsed.subject);
      }),
      { numRuns: 100 },
    );
  });
});
