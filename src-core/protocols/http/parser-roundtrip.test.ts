// Round trips through the encoder and the streaming parser: parse(encode(x))
// = x for requests and responses, bodies framed by Content-Length, chunked
// or the connection's close, cut at any points, pipelined back to back;
// and the parts tile each message's bytes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatBytes, cutsArb, encodeCase, parseInPieces, requestCaseArb, responseCaseArb, type Case } from './arbitraries.test-helper';
import { encodeResponse } from './encode';
import type { HttpMessage, HttpResponse } from './message';
import type { ParsedMessage, ParseEvent } from './parse-result';
import { latin1 } from './syntax';

const RUNS = { numRuns: 200, seed: 0x11 };

function parsed(events: readonly ParseEvent[]): ParsedMessage[] {
  const bad = events.find((e) => !e.ok);
  if (bad && !bad.ok) throw new Error(`${bad.error.code}: ${bad.error.message}`);
  return events as ParsedMessage[];
}

/** Every byte of the message is in exactly one top-level part, in order; names and values read back. */
function checkTiling(m: ParsedMessage, wire: Uint8Array): void {
  const p = m.parts;
  const lines = [p.startLine.line, ...p.headers.map((h) => h.line), p.headerEnd, p.body];
  expect(lines[0]!.start).toBe(0);
  for (let i = 1; i < lines.length; i++) expect(lines[i]!.start).toBe(lines[i - 1]!.end);
  expect(p.body.end).toBe(m.end - m.start);
  const text = (r: { start: number; end: number }) => latin1(wire, m.start + r.start, m.start + r.end);
  m.message.headers.forEach((h, i) => {
    expect(text(p.headers[i]!.name)).toBe(h.name);
    expect(text(p.headers[i]!.value)).toBe(h.value);
  });
  if (p.framing === 'chunked') {
    const data = concatBytes(p.chunks.map((c) => wire.subarray(m.start + c.data.start, m.start + c.data.end)));
    expect(data).toEqual(m.message.body);
    expect(p.chunks.at(-1)!.size).toBe(0);
  }
}

describe('the HTTP/1.x codec round trip', () => {
  it('parses every encoded request back to itself, however its bytes are cut', () => {
    fc.assert(
      fc.property(
        requestCaseArb().chain((c) => fc.tuple(fc.constant(c), cutsArb(encodeCase(c).length))),
        ([c, cuts]) => {
          const wire = encodeCase(c);
          const [m, ...rest] = parsed(parseInPieces('request', wire, cuts));
          expect(rest).toEqual([]);
          expect(m!.message).toEqual(c.message);
          expect([m!.start, m!.end]).toEqual([0, wire.length]);
          checkTiling(m!, wire);
          if (c.options.chunks) expect(m!.parts.chunks.map((x) => x.size)).toEqual([...c.options.chunks, 0]);
        },
      ),
      RUNS,
    );
  });

  it('parses every encoded response to GET back to itself, a close-delimited one at end()', () => {
    fc.assert(
      fc.property(
        responseCaseArb({ close: true }).chain((c) => fc.tuple(fc.constant(c), cutsArb(encodeCase(c).length))),
        ([c, cuts]) => {
          const wire = encodeCase(c);
          const [m, ...rest] = parsed(parseInPieces('response', wire, cuts, ['GET']));
          expect(rest).toEqual([]);
          expect(m!.message).toEqual(c.message);
          checkTiling(m!, wire);
        },
      ),
      RUNS,
    );
  });

  it('gives the same events one byte at a time as in one push', () => {
    fc.assert(
      fc.property(fc.oneof(requestCaseArb(), responseCaseArb({ close: true })), (c: Case<HttpMessage>) => {
        const wire = encodeCase(c);
        const methods = c.message.kind === 'response' ? ['GET'] : [];
        const every = Array.from({ length: wire.length }, (_, i) => i);
        expect(parseInPieces(c.message.kind, wire, every, methods)).toEqual(parseInPieces(c.message.kind, wire, [], methods));
      }),
      { numRuns: 60, seed: 0x12 },
    );
  });

  it('reads pipelined requests back to back, each at its offsets', () => {
    fc.assert(
      fc.property(
        fc.array(requestCaseArb(), { minLength: 1, maxLength: 5 }).chain((cs) => fc.tuple(fc.constant(cs), cutsArb(cs.reduce((n, c) => n + encodeCase(c).length, 0)))),
        ([cs, cuts]) => {
          const wires = cs.map(encodeCase);
          const stream = concatBytes(wires);
          const ms = parsed(parseInPieces('request', stream, cuts));
          expect(ms.map((m) => m.message)).toEqual(cs.map((c) => c.message));
          let at = 0;
          ms.forEach((m, i) => {
            expect([m.start, m.end]).toEqual([at, at + wires[i]!.length]);
            checkTiling(m, stream);
            at = m.end;
          });
        },
      ),
      RUNS,
    );
  });

  it('reads pipelined responses in the order of their requests, a response to HEAD without its body', () => {
    const answer = fc.tuple(responseCaseArb(), fc.constantFrom('GET', 'HEAD', 'POST'));
    fc.assert(
      fc.property(
        fc.array(answer, { minLength: 1, maxLength: 5 }).chain((as) => {
          const wires = as.map(([c, method]) => (method === 'HEAD' ? encodeResponse({ ...c.message, body: new Uint8Array(0) }) : encodeCase(c)));
          return fc.tuple(fc.constant(as), fc.constant(wires), cutsArb(wires.reduce((n, w) => n + w.length, 0)));
        }),
        ([as, wires, cuts]) => {
          const ms = parsed(parseInPieces('response', concatBytes(wires), cuts, as.map(([, m]) => m)));
          const want: HttpResponse[] = as.map(([c, method]) => (method === 'HEAD' ? { ...c.message, body: new Uint8Array(0) } : c.message));
          expect(ms.map((m) => m.message)).toEqual(want);
        },
      ),
      RUNS,
    );
  });
});
