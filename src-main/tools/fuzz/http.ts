/**
 * HTTP/1.x fuzz targets: the streaming parser for each direction
 * (src-core/protocols/http/parser.ts) and the dissector. Each input is one
 * direction of a connection, fed in random cuts (`chunks`, from the input's
 * own hash, so a replay cuts the same way), then closed. The response
 * parser is told of 1 to 4 requests with methods drawn the same way.
 *
 * Checks beyond "does not throw":
 * - The events do not depend on the cuts: the same as one push of it all.
 * - Messages lie inside the input, in order, each part inside its message;
 *   an error points inside the input and is the last event.
 * - Every message read encodes (chunked again with its chunk sizes) to
 *   bytes that parse to the same message.
 */
import { dissectHttp } from '../../../src-core/protocols/http/dissect';
import { encodeMessage } from '../../../src-core/protocols/http/encode';
import type { HttpMessage } from '../../../src-core/protocols/http/message';
import type { ParsedMessage, ParseEvent } from '../../../src-core/protocols/http/parse-result';
import { HttpParser } from '../../../src-core/protocols/http/parser';
import type { Prng } from '../../../src-core/sim/prng';
import { checkTree, messageEvent } from './dissect-check';
import { httpDictionary, httpRequestSeeds, httpResponseSeeds } from './http-seeds';
import { check, chunks, hex, inputRng, type FuzzTarget, type Outcome } from './target';

const METHODS = ['GET', 'HEAD', 'POST', 'CONNECT', 'OPTIONS'];

function parse(kind: 'request' | 'response', pieces: readonly Uint8Array[], methods: readonly string[]): ParseEvent[] {
  const parser = new HttpParser(kind);
  for (const m of methods) parser.expectResponseTo(m);
  const events = pieces.flatMap((p) => parser.push(p));
  return [...events, ...parser.end()];
}

/** Events or messages as text, bodies in hex: to compare two runs. */
const canonical = (value: unknown) => JSON.stringify(value, (_, v: unknown) => (v instanceof Uint8Array ? hex(v) : v));

function methodsFor(rng: Prng): string[] {
  return Array.from({ length: rng.nextInt(1, 4) }, () => METHODS[rng.nextInt(0, METHODS.length - 1)]!);
}

function runParser(kind: 'request' | 'response', input: Uint8Array): Outcome {
  const rng = inputRng(input);
  const methods = kind === 'response' ? methodsFor(rng) : [];
  const events = parse(kind, chunks(input, rng), methods);
  const whole = parse(kind, [input], methods);
  check(canonical(events) === canonical(whole), () => `cutting the input changed what was parsed: ${events.length} events in pieces, ${whole.length} in one push`);
  let at = 0;
  let answered = 0;
  events.forEach((e, i) => {
    if (!e.ok) {
      check(i === events.length - 1, () => `event ${i} is an error (${e.error.code}) but ${events.length - 1 - i} more follow`);
      check(e.error.offset >= at && e.error.offset <= input.length, () => `error offset ${e.error.offset} outside [${at}, ${input.length}]`);
      return;
    }
    check(e.start >= at && e.end > e.start && e.end <= input.length, () => `message at [${e.start}, ${e.end}) after ${at} in a ${input.length}-byte input`);
    checkParts(e);
    at = e.end;
    const method = kind === 'response' ? methods[answered] : undefined;
    if (e.message.kind === 'response' && !(e.message.status >= 100 && e.message.status < 200 && e.message.status !== 101)) answered++;
    reencodes(e, method);
  });
  return events.every((e) => e.ok) ? 'ok' : 'rejected';
}

function checkParts(e: ParsedMessage): void {
  const p = e.parts;
  const length = e.end - e.start;
  const ranges = [p.startLine.line, ...p.headers.flatMap((h) => [h.line, h.name, h.value]), p.headerEnd, p.body, ...p.chunks.flatMap((c) => [c.sizeLine, c.data]), ...p.trailers.map((t) => t.line)];
  for (const r of ranges) check(r.start >= 0 && r.start <= r.end && r.end <= length, () => `a part at [${r.start}, ${r.end}) of a ${length}-byte message`);
  check(p.headers.length === e.message.headers.length, () => `${p.headers.length} header parts for ${e.message.headers.length} headers`);
  check(p.body.start === p.headerEnd.end && p.body.end === length, () => 'the body does not run from the empty line to the message end');
}

/** What we read, we can write: encoded again (its chunks the same sizes), it parses to itself. */
function reencodes(e: ParsedMessage, method: string | undefined): void {
  const sizes = e.parts.chunks.filter((c) => c.size > 0).map((c) => c.size);
  const m: HttpMessage = e.message;
  const bytes = encodeMessage(m, e.parts.framing === 'chunked' ? { chunks: sizes } : {});
  const again = parse(m.kind, [bytes], method === undefined ? [] : [method]);
  const first = again[0];
  check(first?.ok === true, () => `our encoding of a message we parsed does not parse: ${first && !first.ok ? first.error.message : 'nothing'}`);
  check(canonical(first.message) === canonical(m), () => 'parse(encode(m)) differs from m');
}

export function httpTargets(): FuzzTarget[] {
  return [
    { name: 'http.parse.request', seeds: httpRequestSeeds, dictionary: httpDictionary, run: (input) => runParser('request', input) },
    { name: 'http.parse.response', seeds: httpResponseSeeds, dictionary: httpDictionary, run: (input) => runParser('response', input) },
    {
      name: 'http.dissect',
      seeds: () => [...httpRequestSeeds(), ...httpResponseSeeds()],
      dictionary: httpDictionary,
      run: (input) => checkTree(dissectHttp(messageEvent('http', input)), input.length),
    },
  ];
}
