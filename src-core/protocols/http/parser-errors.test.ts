// Malformed input: every error code, each at the offset of the byte at
// fault, the same however the bytes are cut; after an error the parser
// stops.
import { describe, expect, it } from 'vitest';
import { bytes } from './arbitraries.test-helper';
import type { HttpParseError, HttpParseErrorCode, HttpParserLimits } from './parse-result';
import { HttpParser } from './parser';

interface Case {
  readonly kind: 'request' | 'response';
  readonly wire: string;
  readonly code: HttpParseErrorCode;
  /** The offset; 'end', the stream's end; or the text whose first character is at fault (its first occurrence). */
  readonly at: number | 'end' | { readonly text: string; readonly plus?: number };
  readonly methods?: readonly string[];
  readonly limits?: Partial<HttpParserLimits>;
}

const req = (wire: string, code: HttpParseErrorCode, at: Case['at'], limits?: Partial<HttpParserLimits>): Case => ({ kind: 'request', wire, code, at, ...(limits ? { limits } : {}) });
const res = (wire: string, code: HttpParseErrorCode, at: Case['at'], methods: readonly string[] = ['GET'], limits?: Partial<HttpParserLimits>): Case => ({ kind: 'response', wire, code, at, methods, ...(limits ? { limits } : {}) });
const t = (text: string, plus = 0) => ({ text, plus });

const CASES: readonly Case[] = [
  req('GET\r\n\r\n', 'bad-start-line', 3),
  req('GET /\r\n\r\n', 'bad-start-line', 5),
  res('\r\n', 'bad-start-line', 0),
  res('HTTP/1.1\r\n\r\n', 'bad-start-line', 8),
  res('HTTP/1.1 200 OK\x01\r\n\r\n', 'bad-start-line', t('\x01')),
  req(' GET / HTTP/1.1\r\n\r\n', 'bad-method', 0),
  req('G(T / HTTP/1.1\r\n\r\n', 'bad-method', 1),
  req('GET  / HTTP/1.1\r\n\r\n', 'bad-target', 4),
  req('GET /caf\xe9 HTTP/1.1\r\n\r\n', 'bad-target', t('\xe9')),
  req('GET / HTTP/1.1 extra\r\n\r\n', 'bad-version', 6),
  req('GET / HTTP/2.0\r\n\r\n', 'unsupported-version', 6),
  req('GET / http/1.1\r\n\r\n', 'bad-version', 6),
  res('HTTP/1.2 200 OK\r\n\r\n', 'unsupported-version', 0),
  res('HTTP/1.1 20 OK\r\n\r\n', 'bad-status', 9),
  res('HTTP/1.1 2000 OK\r\n\r\n', 'bad-status', 9),
  res('HTTP/1.1 099 Low\r\n\r\n', 'bad-status', 9),
  res('HTTP/1.1 600 High\r\n\r\n', 'bad-status', 9),
  req('GET / HTTP/1.1\nHost: x\n\n', 'bad-line-ending', t('\n')),
  req('GET / HTTP/1.1\r\nHost: x\r\n\n', 'bad-line-ending', t('\n\n', 1)),
  req('GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n', 'bad-line-ending', t('\rb')),
  res('HTTP/1.1 200 OK\r\nContent-Length: 0\n\r\n', 'bad-line-ending', t('\n\r\n')),
  req(`GET /${'a'.repeat(40)} HTTP/1.1\r\n\r\n`, 'start-line-too-long', 0, { maxLineBytes: 32 }),
  req('GET / HTTP/1.1\r\nHost\r\n\r\n', 'bad-header', t('Host')),
  req('GET / HTTP/1.1\r\nHost : x\r\n\r\n', 'bad-header', t(' :')),
  res('HTTP/1.1 200 OK\r\nContent-Length\t: 0\r\n\r\n', 'bad-header', t('\t')),
  req('GET / HTTP/1.1\r\n: x\r\n\r\n', 'bad-header', t(': x')),
  req('GET / HTTP/1.1\r\nX-A\u00e9: x\r\n\r\n', 'bad-header', t('\u00e9')),
  req('GET / HTTP/1.1\r\nX: a\x00b\r\n\r\n', 'bad-header', t('\x00')),
  req('GET / HTTP/1.1\r\nX: a\x7fb\r\n\r\n', 'bad-header', t('\x7f')),
  req('GET / HTTP/1.1\r\n X: 1\r\n\r\n', 'bad-header', t(' X')),
  req('GET / HTTP/1.1\r\nX: 1\r\n 2\r\n\r\n', 'bad-header', t(' 2')),
  res('HTTP/1.1 200 OK\r\nX: 1\r\n \x01\r\n\r\n', 'bad-header', t('\x01')),
  res('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nBad Trailer: 1\r\n\r\n', 'bad-header', t(' Trailer')),
  req(`GET / HTTP/1.1\r\nX-Long: ${'v'.repeat(40)}\r\n\r\n`, 'header-too-long', t('X-Long'), { maxLineBytes: 32 }),
  res(`HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-Long: ${'v'.repeat(40)}\r\n\r\n`, 'header-too-long', t('X-Long'), ['GET'], { maxLineBytes: 32 }),
  req('GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n', 'too-many-headers', t('C: 3'), { maxHeaders: 2 }),
  req('POST / HTTP/1.1\r\nContent-Length: abc\r\n\r\n', 'bad-content-length', t('abc')),
  req('POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n', 'bad-content-length', t('-1')),
  req('POST / HTTP/1.1\r\nContent-Length: 1, 2\r\n\r\n', 'bad-content-length', t('1, 2')),
  req('POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd', 'bad-content-length', t('4')),
  req('POST / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n', 'bad-content-length', t('9')),
  res('HTTP/1.1 200 OK\r\nContent-Length: \r\n\r\n', 'bad-content-length', t('\r\n\r\n')),
  req('POST / HTTP/1.1\r\nTransfer-Encoding: chunked, chunked\r\n\r\n', 'bad-transfer-encoding', t('chunked')),
  req('POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n\r\n', 'bad-transfer-encoding', t('chunked')),
  req('POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n', 'bad-transfer-encoding', t('chunked')),
  res('HTTP/1.1 200 OK\r\nTransfer-Encoding: ,\r\n\r\n', 'bad-transfer-encoding', t(',')),
  req('POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n', 'unsupported-transfer-coding', t('gzip')),
  res('HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n', 'unsupported-transfer-coding', t('gzip')),
  res('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n', 'bad-chunk', t('zz')),
  res('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\r\n', 'bad-chunk', t('\r\n\r\n\r\n', 4)),
  res('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXY', 'bad-chunk', t('XY')),
  res('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\rX', 'bad-chunk', t('X')),
  res('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5 \r\nhello\r\n', 'bad-chunk', t(' \r\nhello')),
  res('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;\r\nhello\r\n', 'bad-chunk', t(';', 1)),
  res('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;a=\r\nhello\r\n', 'bad-chunk', t('=', 1)),
  res('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;a="b\r\nhello\r\n', 'bad-chunk', t('"')),
  res('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;a="\x01"\r\nhello\r\n', 'bad-chunk', t('\x01')),
  res('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffff\r\n', 'bad-chunk', t('fff')),
  res(`HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n${'1'.repeat(40)}\r\n`, 'bad-chunk', t('1111'), ['GET'], { maxLineBytes: 32 }),
  req('POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello', 'body-too-large', t('5'), { maxBodyBytes: 4 }),
  res('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n3\r\ndef\r\n0\r\n\r\n', 'body-too-large', t('3\r\ndef'), ['GET'], { maxBodyBytes: 4 }),
  res('HTTP/1.0 200 OK\r\n\r\nabcdef', 'body-too-large', t('ef'), ['GET'], { maxBodyBytes: 4 }),
  res('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n', 'unexpected-response', 0, []),
  res('HTTP/1.1 101 Switching Protocols\r\n\r\n\x81', 'switched-protocols', t('\x81')),
  req('GET / HTTP/1.1', 'incomplete', 'end'),
  req('GET / HTTP/1.1\r\nHost: x\r\n', 'incomplete', 'end'),
  req('POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhel', 'incomplete', 'end'),
  res('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel', 'incomplete', 'end'),
  res('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello', 'incomplete', 'end'),
  res('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n', 'incomplete', 'end'),
  res('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX: 1\r\n', 'incomplete', 'end'),
];

function errorOf(c: Case, cuts: 'whole' | 'bytewise'): { error: HttpParseError | null; after: number } {
  const p = new HttpParser(c.kind, c.limits);
  for (const m of c.methods ?? []) p.expectResponseTo(m);
  const b = bytes(c.wire);
  const events = cuts === 'whole' ? p.push(b) : Array.from(b, (x) => p.push(Uint8Array.of(x))).flat();
  events.push(...p.end());
  const errors = events.filter((e) => !e.ok);
  return { error: errors.length === 1 && !errors[0]!.ok ? errors[0]!.error : null, after: p.push(bytes('GET / HTTP/1.1\r\n\r\n')).length + p.end().length };
}

const offset = (c: Case) => (typeof c.at === 'number' ? c.at : c.at === 'end' ? c.wire.length : c.wire.indexOf(c.at.text) + (c.at.plus ?? 0));

describe('the HTTP/1.x parser on malformed input', () => {
  it('reaches every error code', () => {
    const codes = new Set(CASES.map((c) => c.code));
    const all: HttpParseErrorCode[] = ['bad-start-line', 'bad-method', 'bad-target', 'bad-version', 'unsupported-version', 'bad-status', 'bad-line-ending', 'start-line-too-long', 'bad-header', 'header-too-long', 'too-many-headers', 'bad-content-length', 'bad-transfer-encoding', 'unsupported-transfer-coding', 'bad-chunk', 'body-too-large', 'unexpected-response', 'switched-protocols', 'incomplete'];
    expect([...codes].sort()).toEqual(all.sort());
  });

  for (const c of CASES) {
    it(`gives ${c.code} at byte ${offset(c)} for ${JSON.stringify(c.wire.length > 60 ? `${c.wire.slice(0, 57)}…` : c.wire)}`, () => {
      const whole = errorOf(c, 'whole');
      expect(whole.error).toMatchObject({ code: c.code, offset: offset(c) });
      expect(whole.error!.message).toMatch(new RegExp(`^at byte ${offset(c)}: `));
      expect(errorOf(c, 'bytewise').error).toEqual(whole.error);
      expect(whole.after).toBe(0);
    });
  }
});
