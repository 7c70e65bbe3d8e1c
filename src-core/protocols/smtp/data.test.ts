import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeMailData, MailDataReader } from './data';

const text = (s: string) => new TextEncoder().encode(s);
const str = (b: Uint8Array) => new TextDecoder().decode(b);

describe('SMTP mail data (RFC 5321 §4.5.2)', () => {
  it('stuffs a leading dot, ends the message with CRLF, then the lone dot', () => {
    expect(str(encodeMailData(text('Subject: x\r\n\r\n.hidden\r\n..two\r\nend')))).toBe('Subject: x\r\n\r\n..hidden\r\n...two\r\nend\r\n.\r\n');
    expect(str(encodeMailData(text('.\r\n')))).toBe('..\r\n.\r\n');
    expect(str(encodeMailData(text('')))).toBe('.\r\n');
  });

  it('reads the message back however the bytes are cut, and says where the next command starts', () => {
    const wire = text('Hi\r\n..dot\r\n.\r\nQUIT\r\n');
    for (let cut = 0; cut <= wire.length; cut++) {
      const r = new MailDataReader();
      const first = r.feed(wire.subarray(0, cut));
      const step = first.done ? first : r.feed(wire.subarray(cut));
      expect(step.done).toBe(true);
      if (!step.done) continue;
      expect(str(step.message)).toBe('Hi\r\n.dot\r\n');
      const offset = first.done ? step.used : cut + step.used;
      expect(str(wire.subarray(offset))).toBe('QUIT\r\n');
    }
  });

  it('takes a lone dot right after DATA as an empty message; a dot inside a line is not an end', () => {
    const r = new MailDataReader();
    const step = r.feed(text('.\r\n'));
    expect(step.done && step.message.length).toBe(0);
    expect(new MailDataReader().feed(text('a.\r\nb .\r\n')).done).toBe(false);
  });

  it('notes the first 8-bit byte and the first line over 998 octets, with offsets in the message', () => {
    const long = 'x'.repeat(999);
    const step = new MailDataReader().feed(text(`ok\r\ncaf\u00e9\r\n${long}\r\n.\r\n`));
    expect(step.done && step.problems).toEqual({ firstEightBit: 7, firstLongLine: 11 });
  });

  it('round-trips any message whose lines end in CRLF (property)', () => {
    const line = fc.string({ maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, ''));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.nat(400), (lines, cut) => {
        const message = text(lines.map((l) => `${l}\r\n`).join(''));
        const wire = encodeMailData(message);
        const r = new MailDataReader();
        const at = Math.min(cut, wire.length);
        const a = r.feed(wire.subarray(0, at));
        const b = a.done ? a : r.feed(wire.subarray(at));
        expect(b.done).toBe(true);
        if (b.done) expect(Array.from(b.message)).toEqual(Array.from(message));
      }),
    );
  });
});
