// Presentation format of names (RFC 1035 §5.1, RFC 4343 §2.1): the escapes
// dig prints, and that text and label bytes convert both ways without loss.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeLabel, foldLabel, joinLabels, labelBytes, splitLabels, wireLabels } from './labels';
import { ascii } from './wire.test-helper';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('label escapes', () => {
  it('writes what dig writes: \\. \\\\ and the zone-file specials with a backslash, the rest outside 0x21–0x7e as \\DDD', () => {
    // dig 9.18 prints the question a\000\.b\"\(\)\;\@\$\032\127\128\255~!#%&*+,/:<=>?[]^_`{|}\\ for these bytes
    const label = Uint8Array.from([...ascii('a'), 0, ...ascii('.b"();@$ '), 0x7f, 0x80, 0xff, ...ascii('~!#%&*+,/:<=>?[]^_`{|}\\')]);
    expect(escapeLabel(label)).toBe('a\\000\\.b\\"\\(\\)\\;\\@\\$\\032\\127\\128\\255~!#%&*+,/:<=>?[]^_`{|}\\\\');
    expect(escapeLabel(ascii('www'))).toBe('www');
    expect(escapeLabel(ascii('Www-1_x'))).toBe('Www-1_x');
  });

  it('reads \\DDD as a byte, \\X as X, and non-ASCII text as its UTF-8 bytes', () => {
    expect(labelBytes('a\\000\\.b')).toEqual(bytes(0x61, 0, 0x2e, 0x62));
    expect(labelBytes('\\065\\z\\\\')).toEqual(ascii('Az\\'));
    expect(labelBytes('ü')).toEqual(bytes(0xc3, 0xbc));
    expect(() => labelBytes('a\\')).toThrow(RangeError);
    expect(() => labelBytes('\\256')).toThrow(RangeError);
    expect(() => labelBytes('\\12')).toThrow(RangeError);
  });

  it('splits on unescaped dots only; a trailing unescaped dot marks the absolute name', () => {
    expect(splitLabels('www.example.com')).toEqual(['www', 'example', 'com']);
    expect(splitLabels('www.example.com.')).toEqual(['www', 'example', 'com']);
    expect(splitLabels('a\\.b.example')).toEqual(['a\\.b', 'example']);
    expect(splitLabels('a\\.')).toEqual(['a\\.']);
    expect(splitLabels('a\\\\.b')).toEqual(['a\\\\', 'b']);
    expect(splitLabels('')).toEqual([]);
    expect(splitLabels('.')).toEqual([]);
    expect(splitLabels('a..b')).toEqual(['a', '', 'b']);
    expect(joinLabels(['a\\.b', 'example'])).toBe('a\\.b.example');
  });

  it('folds ASCII letters only (RFC 4343 §3) and makes every escape canonical', () => {
    expect(foldLabel('WwW')).toBe('www');
    expect(foldLabel('\\065\\066c')).toBe('abc');
    expect(foldLabel('\\.')).toBe('\\.');
    expect(foldLabel('\\195\\132')).toBe('\\195\\132'); // Ä in UTF-8 is not folded to ä
    expect(foldLabel('Ä')).toBe('\\195\\132');
    expect(foldLabel('a\\')).toBe('a\\'); // not valid text: kept as it is, never throws
  });

  it('checks the wire limits: labels 1–63 bytes, names at most 255 bytes (RFC 1035 §2.3.4)', () => {
    expect(wireLabels('a\\.b.c')).toEqual([bytes(0x61, 0x2e, 0x62), bytes(0x63)]);
    expect(() => wireLabels('a..b')).toThrow(RangeError);
    expect(() => wireLabels('x'.repeat(64))).toThrow(RangeError);
    expect(wireLabels('\\000'.repeat(63))).toEqual([new Uint8Array(63)]);
    const longest = Array(4).fill('x'.repeat(63)).join('.'); // 4 × 64 + 1 = 257 bytes
    expect(() => wireLabels(longest)).toThrow(RangeError);
    expect(wireLabels([...Array(3).fill('x'.repeat(63)), 'x'.repeat(61)].join('.'))).toHaveLength(4); // exactly 255
  });

  it('turns any label bytes into text and back unchanged (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 1, maxLength: 63 }), { maxLength: 6 }), (labels) => {
        const texts = labels.map(escapeLabel);
        expect(splitLabels(joinLabels(texts))).toEqual(texts);
        expect(texts.map(labelBytes)).toEqual(labels);
        for (const t of texts) expect(foldLabel(foldLabel(t))).toBe(foldLabel(t));
      }),
      { numRuns: 500 },
    );
  });

  it('folds exactly as ASCII case folding of the bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 63 }), (label) => {
        const lower = label.map((b) => (b >= 0x41 && b <= 0x5a ? b + 0x20 : b));
        expect(foldLabel(escapeLabel(label))).toBe(escapeLabel(lower));
      }),
      { numRuns: 500 },
    );
  });
});
