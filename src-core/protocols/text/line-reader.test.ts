import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineReader, type LineStep, type OverLong } from './line-reader';

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const text = (b: Uint8Array) => String.fromCharCode(...b);

type Seen = { kind: 'line'; start: number; end: number; content: string; bareLf: boolean } | { kind: 'too-long'; start: number; end: number; stopped: boolean };

/** Every line of `pieces` fed in order, as plain values. */
function read(max: number, overLong: OverLong, pieces: readonly Uint8Array[]): Seen[] {
  const reader = new LineReader(max, overLong);
  const out: Seen[] = [];
  for (const p of pieces) {
    for (let from = 0; from < p.length; ) {
      const step: LineStep = reader.feed(p, from);
      if (step.kind === 'more') break;
      if (step.kind === 'line') out.push({ kind: 'line', start: step.start, end: step.end, content: text(step.content), bareLf: step.bareLf });
      else out.push({ kind: 'too-long', start: step.start, end: step.end, stopped: step.next === null });
      if (step.next === null) return out;
      from = step.next;
    }
  }
  return out;
}

describe('the shared line reader', () => {
  it('ends lines at LF, strips the CR of CRLF, says which lines had a bare LF, and where each lay', () => {
    expect(read(100, 'skip', [ascii('EHLO x\r\nNOOP\nA\rB\r\n\r\npartial')])).toEqual([
      { kind: 'line', start: 0, end: 8, content: 'EHLO x', bareLf: false },
      { kind: 'line', start: 8, end: 13, content: 'NOOP', bareLf: true },
      { kind: 'line', start: 13, end: 18, content: 'A\rB', bareLf: false },
      { kind: 'line', start: 18, end: 20, content: '', bareLf: false },
    ]);
  });

  it('counts the line end in the limit: maxBytes with CRLF is a line, one more is too long', () => {
    expect(read(8, 'skip', [ascii('123456\r\n')])[0]!.kind).toBe('line');
    expect(read(8, 'skip', [ascii('1234567\r\n')])[0]!.kind).toBe('too-long');
    expect(read(8, 'skip', [ascii('1234567\n')])[0]).toMatchObject({ kind: 'line', bareLf: true });
    expect(read(8, 'skip', [ascii('12345678\n')])[0]!.kind).toBe('too-long');
  });

  it('skip: drops an over-long line to its LF, reports it once with its range, and reads on', () => {
    expect(read(8, 'skip', [ascii('0123456789abcdef\r\nQUIT\r\n')])).toEqual([
      { kind: 'too-long', start: 0, end: 18, stopped: false },
      { kind: 'line', start: 18, end: 24, content: 'QUIT', bareLf: false },
    ]);
  });

  it('stop: reports an over-long line as soon as it cannot end in time, and reads no further', () => {
    expect(read(8, 'stop', [ascii('0123456'), ascii('7')])).toEqual([{ kind: 'too-long', start: 0, end: 8, stopped: true }]);
    expect(read(8, 'stop', [ascii('012345\r'), ascii('\nNEXT\r\n')])).toEqual([
      { kind: 'line', start: 0, end: 8, content: '012345', bareLf: false },
      { kind: 'line', start: 8, end: 14, content: 'NEXT', bareLf: false },
    ]);
  });

  it('gives the same lines however the bytes are cut', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }).map((b) => b.map((x) => [0x61, 0x62, 0x0d, 0x0a, 0x20][x % 5]!)), fc.array(fc.nat(80), { maxLength: 6 }), fc.constantFrom<OverLong>('skip', 'stop'), (bytes, cuts, mode) => {
        const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((x, y) => x - y);
        const pieces = [0, ...at].map((s, i, all) => bytes.subarray(s, all[i + 1] ?? bytes.length));
        expect(read(6, mode, pieces)).toEqual(read(6, mode, [bytes]));
      }),
    );
  });

  it('push: every line a chunk completes, contents copied; pending and position count the stream', () => {
    const reader = new LineReader(100, 'skip');
    const lines = reader.push(ascii('USER bob\r\nPASS x\r\nST'));
    expect(lines.map((l) => (l.kind === 'line' ? text(l.content) : l.kind))).toEqual(['USER bob', 'PASS x']);
    expect([reader.pending, reader.position]).toEqual([2, 20]);
    const first = lines[0]!;
    reader.push(ascii('AT\r\n'));
    expect(first.kind === 'line' && text(first.content)).toBe('USER bob');
  });
});
