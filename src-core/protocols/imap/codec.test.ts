// The IMAP codec: fixed bytes, round trips through any chunking, random bytes never throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeCommand, parseCommand, type CommandArg } from './command';
import { dissectImap } from './dissect';
import { ImapReader, type ImapUnit } from './reader';
import { parseResponse } from './response';
import { formatSequenceSet, inSequenceSet, parseSequenceSet } from './sequence-set';
import { commandSummary } from './summary';
import { ascii, latin1, type ImapValue } from './syntax';
import type { MessageEvent } from '../../trace/types';

function units(chunks: readonly Uint8Array[]): ImapUnit[] {
  const r = new ImapReader();
  return chunks.flatMap((c) => r.push(c)).flatMap((o) => (o.kind === 'unit' ? [o.unit] : []));
}

function cut(bytes: Uint8Array, points: readonly number[]): Uint8Array[] {
  const at = [...new Set(points.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let prev = 0;
  for (const p of [...at, bytes.length]) {
    out.push(bytes.subarray(prev, p));
    prev = p;
  }
  return out;
}

/** What an argument reads back as (a string's quoting or literal form is not kept). */
function plain(v: ImapValue): unknown {
  if (v.kind === 'atom') return { atom: v.text };
  if (v.kind === 'string') return { string: latin1(v.bytes) };
  if (v.kind === 'nil') return { atom: 'NIL' };
  return { list: v.items.map(plain) };
}
const expected = (a: CommandArg): unknown => ('atom' in a ? a : 'string' in a ? { string: typeof a.string === 'string' ? a.string : latin1(a.string) } : { list: a.list.map(expected) });

const atomArb = fc.stringMatching(/^[A-Za-z0-9\\.:*,+-]{1,12}$/).filter((s) => s.toUpperCase() !== 'NIL');
const stringArb = fc.oneof(fc.string({ maxLength: 20 }).map((s) => s.replace(/[^\x20-\x7e]/g, 'x')), fc.uint8Array({ maxLength: 60 }).map((b) => latin1(b)));
const argArb: fc.Arbitrary<CommandArg> = fc.letrec((tie) => ({
  arg: fc.oneof({ depthSize: 'small' }, atomArb.map((atom) => ({ atom })), stringArb.map((string) => ({ string })), fc.array(tie('arg'), { maxLength: 3 }).map((list) => ({ list }))),
})).arg as fc.Arbitrary<CommandArg>;

describe('the IMAP reader and command syntax', () => {
  it('reads a command with a literal into one unit, its literal range located', () => {
    const bytes = ascii('A1 LOGIN {3}\r\nbob "pw"\r\n');
    const r = new ImapReader();
    const out = r.push(bytes);
    expect(out.map((o) => o.kind)).toEqual(['literalWanted', 'unit']);
    const unit = (out[1] as { unit: ImapUnit }).unit;
    expect(unit.literals).toEqual([{ start: 14, length: 3, nonSync: false }]);
    const c = parseCommand(unit);
    expect(c.ok && c.command.name).toBe('LOGIN');
    expect(c.ok && c.command.args.map(plain)).toEqual([{ string: 'bob' }, { string: 'pw' }]);
    expect(commandSummary(unit)).toBe('A1 LOGIN {3} ••••');
    expect(commandSummary({ bytes: ascii('A1 LOGIN bob "secret"\r\n'), offset: 0, literals: [] })).toBe('A1 LOGIN bob ••••');
  });

  it('parses sections and UID commands', () => {
    const [u] = units([ascii('x UID FETCH 1:* (BODY.PEEK[HEADER.FIELDS (From To)]<0.100> FLAGS)\r\n')]);
    const c = parseCommand(u!);
    expect(c.ok && c.command.name).toBe('UID FETCH');
    expect(c.ok && c.command.args.map(plain)).toEqual([{ atom: '1:*' }, { list: [{ atom: 'BODY.PEEK[HEADER.FIELDS (From To)]<0.100>' }, { atom: 'FLAGS' }] }]);
  });

  it('round-trips commands through any chunking', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(atomArb.filter((t) => !t.includes('+') && !t.includes('*') && !t.includes('\\')), fc.array(argArb, { maxLength: 4 })), { minLength: 1, maxLength: 3 }), fc.array(fc.nat(), { maxLength: 6 }), (cmds, points) => {
        const stream = ascii(cmds.map(([tag, args]) => latin1(encodeCommand(tag, 'NOOP', args))).join(''));
        const read = units(cut(stream, points));
        expect(read.length).toBe(cmds.length);
        read.forEach((u, i) => {
          const c = parseCommand(u);
          expect(c.ok).toBe(true);
          if (c.ok) {
            expect(c.command.tag).toBe(cmds[i]![0]);
            expect(c.command.args.map(plain)).toEqual(cmds[i]![1].map(expected));
          }
        });
      }),
    );
  });

  it('round-trips responses with literals cut at any point', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.array(fc.nat(), { maxLength: 6 }), (body, points) => {
        const stream = ascii(`* 3 EXISTS\r\n* 1 FETCH (UID 7 BODY[] {${body.length}}\r\n${latin1(body)})\r\nA2 OK [READ-WRITE] SELECT completed\r\n+ go\r\n`);
        const [exists, fetch, ok, more] = units(cut(stream, points)).map((u) => parseResponse(u));
        expect(exists).toEqual({ ok: true, response: { kind: 'data', number: 3, name: 'EXISTS', values: [] } });
        expect(ok).toEqual({ ok: true, response: { kind: 'tagged', tag: 'A2', status: 'OK', code: 'READ-WRITE', text: 'SELECT completed' } });
        expect(more).toEqual({ ok: true, response: { kind: 'continuation', text: 'go' } });
        const f = fetch!.ok ? fetch!.response : null;
        expect(f?.kind === 'data' && f.values[0]?.kind === 'list' && f.values[0].items[3]?.kind === 'string' ? f.values[0].items[3].bytes : null).toEqual(body);
      }),
    );
  });

  it('random bytes never throw, in the reader, the parsers or the dissector', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
        for (const u of units([b])) {
          parseCommand(u);
          parseResponse(u);
        }
        for (const port of [143, 5000]) dissectImap({ bytes: b, src: { addr: '10.0.0.1', port }, dst: { addr: '10.0.0.2', port: 143 } } as unknown as MessageEvent);
      }),
    );
  });

  it('reads sequence sets', () => {
    const s = parseSequenceSet('2,4:6,9:*')!;
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].filter((n) => inSequenceSet(s, n, 10))).toEqual([2, 4, 5, 6, 9, 10]);
    expect(parseSequenceSet('0')).toBeNull();
    expect(parseSequenceSet('1,,2')).toBeNull();
    expect(inSequenceSet(parseSequenceSet('*')!, 1, 0)).toBe(false);
    expect(formatSequenceSet([5, 1, 2, 3])).toBe('1:3,5');
  });
});
