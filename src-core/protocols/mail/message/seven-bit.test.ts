import { describe, expect, it } from 'vitest';
import { buildMessage } from './build';
import { parseMessage } from './parse';
import { sevenBitProblems } from './seven-bit';
import { toSevenBit } from './to-seven-bit';
import { ascii, concatBytes, latin1, utf8 } from './types';

describe('sevenBitProblems (RFC 5321 §2.4, RFC 5322 §2.1.1)', () => {
  it('lists lines with 8-bit bytes or over 998 octets, with offsets', () => {
    const b = concatBytes([ascii('ok\r\n'), utf8('ça\r\n'), ascii(`${'x'.repeat(1000)}\r\n`)]);
    expect(sevenBitProblems(b)).toEqual([
      { kind: 'eight-bit', line: { start: 4, end: 7 }, offset: 4 },
      { kind: 'line-too-long', line: { start: 9, end: 1009 }, offset: 9 + 998 },
    ]);
  });
});

describe('toSevenBit (RFC 6152 §3)', () => {
  const base = { from: { name: '', address: 'a@x.org' }, to: [{ name: '', address: 'b@y.org' }], subject: 's', date: 0, messageId: '<m@x.org>' };

  it('re-encodes 8bit text parts as quoted-printable and says what it changed', () => {
    const m = buildMessage({ ...base, text: 'Voilà ça\n', html: '<p>déjà</p>', eightBit: true });
    const r = toSevenBit(m.bytes);
    expect(sevenBitProblems(r.bytes)).toEqual([]);
    expect(r.changes.map((c) => [c.path, c.contentType, c.from, c.to])).toEqual([
      [[0], 'text/plain', '8bit', 'quoted-printable'],
      [[1], 'text/html', '8bit', 'quoted-printable'],
    ]);
    const before = parseMessage(m.bytes);
    const after = parseMessage(r.bytes);
    expect(after.ok && after.warnings).toEqual([]);
    expect(after.ok && after.value.root.children.map((c) => c.text)).toEqual(before.ok && before.value.root.children.map((c) => c.text));
  });

  it('adds a Content-Transfer-Encoding where there was none, base64 for non-text, and leaves 8-bit headers reported', () => {
    const raw = concatBytes([utf8('Subject: ça\r\nContent-Type: application/octet-stream\r\n\r\n'), Uint8Array.from([0xff, 0x00, 0x41])]);
    const r = toSevenBit(raw);
    expect(latin1(r.bytes)).toBe('Subject: \u00c3\u00a7a\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n/wBB');
    expect(r.changes.map((c) => c.to)).toEqual(['base64']);
    expect(r.unchanged.map((u) => u.range)).toEqual([{ start: 0, end: 12 }]);
  });

  it('changes nothing in a 7-bit message', () => {
    const m = buildMessage({ ...base, text: 'plain\n' });
    const r = toSevenBit(m.bytes);
    expect(r.bytes).toEqual(m.bytes);
    expect(r.changes).toEqual([]);
  });
});
