import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ascii, commandSummary, encodeCommand, encodeLines, encodeMultiline, encodeStatus, latin1, parseCommand, parseMultiline, parseStatus, stuff, MAX_COMMAND_LINE } from './codec';
import { StreamLineReader } from './line-reader';
import { ResponseReader } from './response-reader';
import { summarizeClientBytes } from './summary';

const text = (b: Uint8Array) => latin1(b);

/** Cuts `bytes` at the given points (sorted, deduplicated, inside the array). */
function cut(bytes: Uint8Array, points: readonly number[]): Uint8Array[] {
  const at = [...new Set(points.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const p of [...at, bytes.length]) {
    pieces.push(bytes.subarray(from, p));
    from = p;
  }
  return pieces;
}

const keyword = fc.constantFrom('USER', 'PASS', 'STAT', 'LIST', 'RETR', 'DELE', 'NOOP', 'RSET', 'TOP', 'UIDL', 'QUIT');
const argument = fc.stringMatching(/^[!-~]{1,40}$/);

describe('POP3 commands (RFC 1939 §3)', () => {
  it('encodes and reads fixed lines', () => {
    expect(text(encodeCommand({ keyword: 'RETR', args: ['1'] }))).toBe('RETR 1\r\n');
    expect(text(encodeCommand({ keyword: 'STAT', args: [] }))).toBe('STAT\r\n');
    const parsed = parseCommand(ascii('top 2 10'));
    expect(parsed).toEqual({ ok: true, value: { keyword: 'TOP', args: ['2', '10'] }, parts: { keyword: { start: 0, end: 3 }, args: [{ start: 4, end: 5 }, { start: 6, end: 8 }] } });
  });

  it('keeps a password whole, spaces and all, and never shows it', () => {
    const parsed = parseCommand(ascii('PASS my secret'));
    expect(parsed.ok && parsed.value.args).toEqual(['my secret']);
    expect(commandSummary({ keyword: 'PASS', args: ['my secret'] })).toBe('PASS ••••');
    expect(commandSummary({ keyword: 'USER', args: ['bob'] })).toBe('USER bob');
  });

  it('refuses what is not a command, with where', () => {
    expect(parseCommand(ascii(''))).toMatchObject({ ok: false, error: { code: 'empty-line' } });
    expect(parseCommand(ascii('RETRIEVE 1'))).toMatchObject({ ok: false, error: { code: 'bad-keyword', offset: 0 } });
    expect(parseCommand(ascii(`USER ${'a'.repeat(41)}`))).toMatchObject({ ok: false, error: { code: 'argument-too-long', offset: 45 } });
    expect(parseCommand(ascii('NOOP\x01'))).toMatchObject({ ok: false, error: { code: 'bad-character', offset: 4 } });
    expect(parseCommand(ascii(`LIST ${'1 '.repeat(130)}`))).toMatchObject({ ok: false, error: { code: 'line-too-long' } });
  });

  it('round-trips any command of keyword and arguments', () => {
    fc.assert(
      fc.property(keyword, fc.array(argument, { maxLength: 3 }), (k, args) => {
        const command = { keyword: k, args: k === 'PASS' ? [args.join(' ') || 'x'] : args };
        const bytes = encodeCommand(command);
        fc.pre(bytes.length <= MAX_COMMAND_LINE);
        expect(parseCommand(bytes.subarray(0, bytes.length - 2))).toMatchObject({ ok: true, value: command });
      }),
    );
  });

  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const c = parseCommand(bytes);
        if (!c.ok) expect(c.error.offset).toBeGreaterThanOrEqual(0);
        parseStatus(bytes);
        parseMultiline(bytes);
      }),
    );
  });
});

describe('POP3 responses', () => {
  it('reads status lines', () => {
    expect(text(encodeStatus(true, '2 320'))).toBe('+OK 2 320\r\n');
    expect(parseStatus(ascii('-ERR no such message'))).toEqual({ ok: true, value: { ok: false, text: 'no such message' }, parts: { indicator: { start: 0, end: 4 }, text: { start: 5, end: 20 } } });
    expect(parseStatus(ascii('+OK'))).toMatchObject({ ok: true, value: { ok: true, text: '' } });
    expect(parseStatus(ascii('+OKAY'))).toMatchObject({ ok: false, error: { code: 'bad-status', offset: 3 } });
    expect(parseStatus(ascii('OK'))).toMatchObject({ ok: false, error: { code: 'bad-status', offset: 0 } });
  });

  it('byte-stuffs lines that begin with "." and ends with ".CRLF" (§3)', () => {
    expect(text(stuff(ascii('.hidden\r\nplain\r\n..two\r\n')))).toBe('..hidden\r\nplain\r\n...two\r\n.\r\n');
    expect(text(stuff(ascii('no end')))).toBe('no end\r\n.\r\n');
    expect(text(stuff(new Uint8Array(0)))).toBe('.\r\n');
    expect(text(encodeLines('2 messages (320 octets)', ['1 120', '2 200']))).toBe('+OK 2 messages (320 octets)\r\n1 120\r\n2 200\r\n.\r\n');
  });

  it('unstuffs what it stuffed, for any data of CRLF lines', () => {
    const line = fc.stringMatching(/^[\x20-\x7e]{0,60}$/);
    fc.assert(
      fc.property(fc.array(fc.oneof(line, line.map((s) => `.${s}`)), { maxLength: 20 }), (lines) => {
        const data = ascii(lines.map((l) => `${l}\r\n`).join(''));
        const parsed = parseMultiline(encodeMultiline(true, 'follows', data));
        expect(parsed.ok && text(parsed.value.data)).toBe(text(data));
      }),
    );
  });

  it('the streaming reader gets the same responses however the bytes are cut', () => {
    const wire = new Uint8Array([...encodeStatus(true, 'POP3 server ready'), ...encodeMultiline(true, '42 octets', ascii('Subject: x\r\n\r\n.dot\r\n')), ...encodeStatus(false, 'no')]);
    const read = (pieces: readonly Uint8Array[]) => {
      const r = new ResponseReader();
      r.expect(false);
      r.expect(true);
      r.expect(true);
      return pieces.flatMap((p) => r.push(p));
    };
    const whole = read([wire]);
    expect(whole.map((x) => x.ok && [x.response.status.text, x.response.data && text(x.response.data), x.response.range])).toEqual([
      ['POP3 server ready', null, { start: 0, end: 23 }],
      ['42 octets', 'Subject: x\r\n\r\n.dot\r\n', { start: 23, end: 62 }],
      ['no', null, { start: 62, end: 71 }],
    ]);
    fc.assert(fc.property(fc.array(fc.nat(), { maxLength: 10 }), (points) => {
        expect(read(cut(wire, points))).toEqual(whole);
      }),
    );
  });
});

describe('the line reader', () => {
  it('reports each line with its stream range, any cuts', () => {
    const wire = ascii('USER bob\r\nPASS x\nSTAT\r\n');
    const whole = new StreamLineReader(255).push(wire);
    expect(whole.map((l) => [text(l.content), l.start, l.end, l.bareLf])).toEqual([
      ['USER bob', 0, 10, false],
      ['PASS x', 10, 17, true],
      ['STAT', 17, 23, false],
    ]);
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 8 }), (points) => {
        const reader = new StreamLineReader(255);
        expect(cut(wire, points).flatMap((p) => reader.push(p))).toEqual(whole);
      }),
    );
  });

  it('flags a line over the limit once and goes on after it, however cut', () => {
    const wire = ascii(`${'A'.repeat(300)}\r\nNOOP\r\n`);
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 8 }), (points) => {
        const reader = new StreamLineReader(255);
        const lines = cut(wire, points).flatMap((p) => reader.push(p));
        expect(lines.map((l) => [l.tooLong, text(l.content), l.start, l.end])).toEqual([
          [true, '', 0, 302],
          [false, 'NOOP', 302, 308],
        ]);
      }),
    );
    // exactly 255 octets with CRLF is allowed
    expect(new StreamLineReader(255).push(ascii(`${'A'.repeat(253)}\r\n`))[0]!.tooLong).toBe(false);
    expect(new StreamLineReader(255).push(ascii(`${'A'.repeat(254)}\r\n`))[0]!.tooLong).toBe(true);
  });
});

describe('summaries of client bytes read as a chunk', () => {
  it('names the first command, hides a password, counts pipelined lines', () => {
    expect(summarizeClientBytes(ascii('USER bob\r\n'))).toBe('USER bob');
    expect(summarizeClientBytes(ascii('PASS hungry\r\n'))).toBe('PASS ••••');
    expect(summarizeClientBytes(ascii('RETR 1\r\nDELE 1\r\nQUIT\r\n'))).toBe('RETR 1 (+2 more lines)');
    expect(summarizeClientBytes(ascii('RETR'))).toBeNull();
    expect(summarizeClientBytes(ascii('\x00\r\n'))).toBeNull();
  });
});
