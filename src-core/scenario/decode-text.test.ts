import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, readSequence, SAMPLE_BYTES } from './decode-text';
import { formatIssue } from './errors';
import type { ScenarioIssue } from './errors';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const concat = (...parts: (Uint8Array | number[])[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => [...p]));

function refused(bytes: Uint8Array): ScenarioIssue {
  const result = decodeText(bytes);
  if (result.ok) throw new Error(`expected the bytes to be refused, got ${JSON.stringify(result.text)}`);
  return result.issue;
}

describe('decodeText: UTF-8', () => {
  it('decodes UTF-8, astral characters included', () => {
    expect(decodeText(utf8('{"name": "café ☕ 𝄞"}'))).toEqual({ ok: true, text: '{"name": "café ☕ 𝄞"}' });
    expect(decodeText(new Uint8Array())).toEqual({ ok: true, text: '' });
  });

  it('accepts a UTF-8 byte-order mark and drops it', () => {
    expect(decodeText(concat([0xef, 0xbb, 0xbf], utf8('{}')))).toEqual({ ok: true, text: '{}' });
  });

  it('refuses invalid UTF-8 with the byte offset, the bytes, and the line and column', () => {
    // "é" in Latin-1 (0xE9) where UTF-8 needs a continuation byte: 0xE9 0x22 cannot start a character.
    const bytes = concat(utf8('{\n  "name": "caf'), [0xe9], utf8('"\n}'));
    const issue = refused(bytes);
    expect(issue).toEqual({ path: '', message: 'byte 16: invalid UTF-8 (0xE9 0x22); save the file as UTF-8', line: 2, column: 15 });
    expect(formatIssue(issue, 'lab.l7.json')).toBe('lab.l7.json:2:15: byte 16: invalid UTF-8 (0xE9 0x22); save the file as UTF-8');
  });

  it('counts the BOM in the byte offset but not in the column', () => {
    const issue = refused(concat([0xef, 0xbb, 0xbf], utf8('{"a":"'), [0xc3, 0x28], utf8('"}')));
    expect(issue).toMatchObject({ message: expect.stringMatching(/^byte 9: invalid UTF-8 \(0xC3 0x28\)/), line: 1, column: 7 });
  });

  it('names each kind of ill-formed sequence by its bytes', () => {
    const messageOf = (bad: number[]) => refused(concat(utf8('"'), bad, utf8('"'))).message;
    expect(messageOf([0x80])).toMatch(/^byte 1: invalid UTF-8 \(0x80\);/); // a continuation byte with no lead
    expect(messageOf([0xc0, 0xaf])).toMatch(/\(0xC0\);/); // overlong "/"
    expect(messageOf([0xe0, 0x80, 0xaf])).toMatch(/\(0xE0 0x80\);/); // overlong, three bytes
    expect(messageOf([0xed, 0xa0, 0x80])).toMatch(/\(0xED 0xA0\);/); // a UTF-16 surrogate (CESU-8)
    expect(messageOf([0xf4, 0x90, 0x80, 0x80])).toMatch(/\(0xF4 0x90\);/); // above U+10FFFF
    expect(messageOf([0xf0, 0x9d, 0x84, 0x22])).toMatch(/\(0xF0 0x9D 0x84 0x22\);/); // four-byte form cut short
    expect(messageOf([0xff])).toMatch(/\(0xFF\);/);
  });

  it('says when the file ends inside a character', () => {
    expect(refused(concat(utf8('{}'), [0xe2, 0x82])).message).toBe(
      'byte 2: invalid UTF-8 (0xE2 0x82, cut off by the end of the file); save the file as UTF-8',
    );
  });

  it('finds a bad byte far into a large file, and lines ending in \\r\\n', () => {
    const head = utf8(`{\r\n${'  "x": 1,\r\n'.repeat(10_000)}  "y": "`);
    const issue = refused(concat(head, [0x92], utf8('"\r\n}')));
    expect(issue).toMatchObject({ message: expect.stringContaining(`byte ${head.length}: invalid UTF-8 (0x92)`), line: 10_002, column: 9 });
  });

  it('agrees with the WHATWG decoder: refused exactly when TextDecoder (fatal) refuses, at a point it reads up to', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    // Bytes mostly around the UTF-8 boundaries, so that every rule of Table 3-7 is hit.
    const byteArb = fc.oneof(
      fc.integer({ min: 0x20, max: 0x7e }),
      fc.integer({ min: 0x80, max: 0xbf }),
      fc.constantFrom(0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff),
      fc.constantFrom(0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf),
    );
    fc.assert(
      fc.property(fc.array(byteArb, { maxLength: 40 }), (array) => {
        const bytes = Uint8Array.from(array);
        let expected: string | undefined;
        try {
          expected = fatal.decode(bytes);
        } catch {
          expected = undefined;
        }
        const result = decodeText(bytes);
        if (expected !== undefined) {
          expect(result).toEqual({ ok: true, text: expected });
          return;
        }
        expect(result.ok).toBe(false);
        if (result.ok) return;
        const at = /^byte (\d+): invalid UTF-8/.exec(result.issue.message);
        if (at === null) return; // called binary for its share of odd bytes
        const offset = Number(at[1]);
        expect(() => fatal.decode(bytes.subarray(0, offset))).not.toThrow();
        expect(readSequence(bytes, offset).ok).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('decodeText: not UTF-8 text', () => {
  it('names UTF-16 and UTF-32 text, with or without a byte-order mark', () => {
    const json = '{"format": "l7-scenario"}';
    const utf16le = (text: string, bom: boolean) => {
      const units = [...(bom ? [0xfeff] : []), ...Array.from(text, (c) => c.charCodeAt(0))];
      return Uint8Array.from(units.flatMap((u) => [u & 0xff, u >> 8]));
    };
    const swap = (bytes: Uint8Array) => Uint8Array.from(bytes, (_, i) => bytes[i ^ 1]!);
    const expectEncoding = (bytes: Uint8Array, name: string) =>
      expect(refused(bytes)).toEqual({ path: '', message: `the file is ${name} text, but scenario files are UTF-8: save the file as UTF-8` });
    expectEncoding(utf16le(json, true), 'UTF-16LE');
    expectEncoding(utf16le(json, false), 'UTF-16LE');
    expectEncoding(swap(utf16le(json, true)), 'UTF-16BE');
    expectEncoding(swap(utf16le(json, false)), 'UTF-16BE');
    expectEncoding(concat([0xff, 0xfe, 0, 0], [0x7b, 0, 0, 0]), 'UTF-32LE');
    expectEncoding(concat([0, 0, 0xfe, 0xff], [0, 0, 0, 0x7b]), 'UTF-32BE');
    expectEncoding(Uint8Array.from([0x7b, 0, 0, 0, 0x7d, 0, 0, 0]), 'UTF-32LE');
    expectEncoding(Uint8Array.from([0, 0, 0, 0x7b, 0, 0, 0, 0x7d]), 'UTF-32BE');
  });

  it('calls a file with a NUL byte not a text file, saying where the NUL is', () => {
    expect(refused(concat(utf8('{"a": 1}'), [0], utf8('\n')))).toEqual({
      path: '',
      message: 'not a text file: byte 8 is a NUL (0x00), which JSON text never contains',
    });
  });

  it('recognises files people pick by mistake, the app\'s own exports among them', () => {
    const png = concat([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], utf8('IHDR'));
    expect(refused(png).message).toBe('not a text file (it looks like a PNG image): byte 8 is a NUL (0x00), which JSON text never contains');
    const pcapng = Uint8Array.from([0x0a, 0x0d, 0x0d, 0x0a, 0x1c, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a]);
    expect(refused(pcapng).message).toMatch(/^not a text file \(it looks like a pcapng packet capture\): byte 5 is a NUL/);
    const zip = concat([0x50, 0x4b, 0x03, 0x04, 0x14, 0], utf8('rest'));
    expect(refused(zip).message).toMatch(/^not a text file \(it looks like a ZIP archive\)/);
  });

  it('calls a file without NULs but mostly control characters or invalid UTF-8 not a text file', () => {
    const noise = Uint8Array.from({ length: 2 * SAMPLE_BYTES }, (_, i) => [0x01, 0xfe, 0x41, 0x9c, 0x1f, 0x7f][i % 6]!);
    expect(refused(noise).message).toBe(`not a text file: ${(SAMPLE_BYTES * 5) / 6 | 0} of its first ${SAMPLE_BYTES} bytes are control characters or invalid UTF-8`);
    const small = Uint8Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? 0x02 : 0x41));
    expect(refused(small).message).toBe('not a text file: 50 of its 100 bytes are control characters or invalid UTF-8');
  });

  it('calls binary made of the control characters editors tolerate (backspace, form feed, ESC) not a text file, before any JSON rule', () => {
    // brackets among BS, VT, FF and ESC: once reported as "nested too deeply"
    const binary = Uint8Array.from({ length: SAMPLE_BYTES }, (_, i) => [0x5b, 0x08, 0x09, 0x7b, 0x0b, 0x0c, 0x0d, 0x1b][i % 8]!);
    expect(refused(binary).message).toBe(`not a text file: ${SAMPLE_BYTES / 2} of its ${SAMPLE_BYTES} bytes are control characters or invalid UTF-8`);
    // tab, LF and CR are JSON whitespace (RFC 8259 §2): a text full of them is text
    const spaced = utf8(`{${'\t\r\n'.repeat(SAMPLE_BYTES)}}`);
    expect(decodeText(spaced).ok).toBe(true);
  });

  it('reports a text in another encoding with a few odd bytes as invalid UTF-8, not as binary', () => {
    const latin1 = Uint8Array.from('{"name": "Télécom à Genève", "description": "réseau"}', (c) => c.charCodeAt(0));
    expect(refused(latin1).message).toBe('byte 11: invalid UTF-8 (0xE9 0x6C); save the file as UTF-8');
    // A few bytes of noise is reported where it is, even though all of it is odd.
    expect(refused(Uint8Array.from([0x9c, 0x01, 0xfe])).message).toMatch(/^byte 0: invalid UTF-8 \(0x9C\)/);
  });

  it('never throws: any bytes give text or one issue', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const result = decodeText(bytes);
        if (result.ok) expect(typeof result.text).toBe('string');
        else expect(result.issue.message.length).toBeGreaterThan(0);
      }),
    );
  });
});
