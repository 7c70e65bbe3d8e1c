/**
 * fast-check generators of HTTP/1.x messages for the codec's tests, each
 * with the encoder options that frame its body, and a helper that feeds a
 * parser bytes cut at given points.
 */
import fc from 'fast-check';
import type { EncodeOptions } from './encode';
import { encodeMessage } from './encode';
import type { HeaderField, HttpMessage, HttpRequest, HttpResponse, HttpVersion } from './message';
import type { ParseEvent } from './parse-result';
import { HttpParser } from './parser';

const chars = (alphabet: string, min: number, max: number) => fc.string({ unit: fc.constantFrom(...alphabet), minLength: min, maxLength: max });

const TCHAR = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const PATH = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@%/?";
/** Visible ASCII and obs-text (bytes 0x80–0xFF as characters, message.ts). */
const FIELD_VCHAR = Array.from({ length: 0x7e - 0x20 }, (_, i) => String.fromCharCode(0x21 + i)).join('') + Array.from({ length: 0x80 }, (_, i) => String.fromCharCode(0x80 + i)).join('');

/** Names the tests add themselves (framing), or that Node's parser acts on (the oracle test). */
export const SPECIAL_NAMES = new Set(['content-length', 'transfer-encoding', 'connection', 'upgrade', 'expect', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'host']);

export const tokenArb = chars(TCHAR, 1, 12);
export const fieldNameArb = tokenArb.filter((n) => !SPECIAL_NAMES.has(n.toLowerCase()));

/** field-value (RFC 9110 §5.5): field-vchar at both ends, SP and HTAB allowed inside. */
export function fieldValueArb(obsText = true): fc.Arbitrary<string> {
  const vchar = obsText ? FIELD_VCHAR : FIELD_VCHAR.slice(0, 0x7e - 0x20);
  return fc.oneof(
    fc.constant(''),
    fc.tuple(chars(vchar, 1, 1), chars(`${vchar}  \t`, 0, 30), chars(vchar, 1, 1)).map(([a, b, c]) => a + b + c),
    chars(vchar, 1, 1),
  );
}

export function headersArb(obsText = true): fc.Arbitrary<HeaderField[]> {
  return fc.array(fc.record({ name: fieldNameArb, value: fieldValueArb(obsText) }), { maxLength: 8 });
}

export const versionArb: fc.Arbitrary<HttpVersion> = fc.constantFrom('HTTP/1.0', 'HTTP/1.1');
export const bodyArb = fc.oneof(fc.uint8Array({ maxLength: 0 }), fc.uint8Array({ minLength: 1, maxLength: 300 }));

/** Sizes that cut `length` bytes into chunks (each ≥ 1). */
export function chunkSizesArb(length: number): fc.Arbitrary<number[]> {
  if (length <= 1) return fc.constant(length === 0 ? [] : [1]);
  return fc.uniqueArray(fc.integer({ min: 1, max: length - 1 }), { maxLength: Math.min(8, length - 1) }).map((cuts) => {
    const points = [0, ...cuts.sort((a, b) => a - b), length];
    return points.slice(1).map((p, i) => p - points[i]!);
  });
}

export interface Case<M extends HttpMessage> {
  readonly message: M;
  readonly options: EncodeOptions;
}

type Framing = 'none' | 'content-length' | 'chunked' | 'close';

/** The message with the headers its framing needs, appended after the others, and its encoder options. */
function framed<M extends HttpMessage>(message: M, framing: Framing, sizes: number[], trailers: HeaderField[]): Case<M> {
  const add = (h: HeaderField[]) => ({ ...message, headers: [...message.headers, ...h] });
  switch (framing) {
    case 'none':
    case 'close':
      return { message: { ...message, body: framing === 'none' ? new Uint8Array(0) : message.body }, options: {} };
    case 'content-length':
      return { message: add([{ name: 'Content-Length', value: String(message.body.length) }]), options: {} };
    case 'chunked':
      return { message: add([{ name: 'Transfer-Encoding', value: 'chunked' }]), options: { chunks: sizes, trailers } };
  }
}

interface Options {
  /** Methods to draw from (the oracle: the ones Node's parser knows). */
  readonly methods?: readonly string[];
  readonly obsText?: boolean;
  /** Allow a response framed by closing (only the last of a stream can be). */
  readonly close?: boolean;
}

const KNOWN_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'];

export function requestCaseArb(o: Options = {}): fc.Arbitrary<Case<HttpRequest>> {
  const method = o.methods ? fc.constantFrom(...o.methods) : fc.oneof(fc.constantFrom(...KNOWN_METHODS), tokenArb);
  const target = fc.oneof(chars(PATH, 0, 40).map((p) => `/${p}`), fc.constant('*'), chars(PATH, 0, 20).map((p) => `http://example.com/${p}`));
  return fc
    .record({ method, target, version: versionArb, headers: headersArb(o.obsText ?? true), body: bodyArb, framing: fc.constantFrom<Framing>('none', 'content-length', 'chunked') })
    .chain((r) => {
      const framing = r.framing === 'chunked' && r.version === 'HTTP/1.0' ? 'content-length' : r.framing;
      return fc.tuple(fc.constant({ ...r, framing }), chunkSizesArb(r.body.length), trailersArb(o));
    })
    .map(([r, sizes, trailers]) => framed<HttpRequest>({ kind: 'request', method: r.method, target: r.target, version: r.version, headers: r.headers, body: r.body }, r.framing, sizes, trailers));
}

function trailersArb(o: Options): fc.Arbitrary<HeaderField[]> {
  return fc.array(fc.record({ name: fieldNameArb, value: fieldValueArb(o.obsText ?? true) }), { maxLength: 2 });
}

/** Responses to GET with a body framed by Content-Length, chunked, or (with `close`) closing; 204 and 304 have none. */
export function responseCaseArb(o: Options = {}): fc.Arbitrary<Case<HttpResponse>> {
  const framings: Framing[] = o.close ? ['content-length', 'chunked', 'close'] : ['content-length', 'chunked'];
  const reason = fc.oneof(fc.constantFrom('OK', 'Not Found', ''), fieldValueArb(o.obsText ?? true));
  return fc
    .record({ version: versionArb, status: fc.integer({ min: 200, max: 599 }), reason, headers: headersArb(o.obsText ?? true), body: bodyArb, framing: fc.constantFrom(...framings) })
    .chain((r) => {
      const framing: Framing = r.status === 204 || r.status === 304 ? 'none' : r.framing === 'chunked' && r.version === 'HTTP/1.0' ? 'content-length' : r.framing;
      return fc.tuple(fc.constant({ ...r, framing }), chunkSizesArb(r.body.length), trailersArb(o));
    })
    .map(([r, sizes, trailers]) => framed<HttpResponse>({ kind: 'response', version: r.version, status: r.status, reason: r.reason, headers: r.headers, body: r.body }, r.framing, sizes, trailers));
}

export const encodeCase = (c: Case<HttpMessage>): Uint8Array => encodeMessage(c.message, c.options);

/** Split points for a stream of `length` bytes. */
export function cutsArb(length: number): fc.Arbitrary<number[]> {
  return fc.uniqueArray(fc.integer({ min: 0, max: length }), { maxLength: 12 }).map((c) => c.sort((a, b) => a - b));
}

/** Feeds `bytes` cut at `cuts` (sorted offsets), then closes; every event in order. */
export function parseInPieces(kind: 'request' | 'response', bytes: Uint8Array, cuts: readonly number[], methods: readonly string[] = []): ParseEvent[] {
  const parser = new HttpParser(kind);
  for (const m of methods) parser.expectResponseTo(m);
  const events: ParseEvent[] = [];
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    events.push(...parser.push(bytes.subarray(at, cut)));
    at = cut;
  }
  events.push(...parser.end());
  return events;
}

/** One buffer of the parts in order (the message codec's). */
export { concatBytes } from '../mail/message/types';

export const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
