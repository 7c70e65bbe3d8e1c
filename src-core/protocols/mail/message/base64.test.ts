import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64, decodeBase64Strict } from './base64';

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('strict base64 (RFC 4648 §4)', () => {
  it('decodes what base64() encodes, of every length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(decodeBase64Strict(base64(bytes))).toEqual(bytes);
      }),
    );
    expect(decodeBase64Strict('')).toEqual(new Uint8Array(0));
    expect(decodeBase64Strict('AGFsaWNlAGNyb2lzc2FudA==')).toEqual(ascii('\0alice\0croissant'));
  });

  it('refuses characters outside the alphabet, white space and line ends (§3.3, §3.1)', () => {
    for (const bad of ['AGFs*WNl', 'AGFs aWNl', 'AGFsaWNl\r\n', ' AGFsaWNl', 'AGFs-WNl', 'AGFs_WNl', 'AGFsaWÑl']) expect(decodeBase64Strict(bad), bad).toBeNull();
  });

  it('refuses bad padding: a length not a multiple of 4, "=" inside, three "=", non-zero pad bits (§3.2, §3.5)', () => {
    for (const bad of ['AGFsaWN', 'AGFsaW=', 'AG==aWNl', 'A===', '====', 'AGE=AGE=', 'QR==', 'QUJ=']) expect(decodeBase64Strict(bad), bad).toBeNull();
    expect(decodeBase64Strict('QQ==')).toEqual(ascii('A'));
    expect(decodeBase64Strict('QUI=')).toEqual(ascii('AB'));
  });

  it('never throws on any text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (text) => {
      const out = decodeBase64Strict(text);
      expect(out === null || out instanceof Uint8Array).toBe(true);
    }));
  });
});
