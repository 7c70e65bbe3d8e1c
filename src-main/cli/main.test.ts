import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, parseArgs } from './main';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const LESSON = 'resources/lessons/sockets-tcp.l7.json';

describe('l7 command line', () => {
  it('runs a lesson, prints a summary and writes the trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'l7-cli-'));
    const out = join(dir, 'trace.json');
    const r = await cli('run', LESSON, '--seed', '5', '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/scenario: +Socket programming: TCP/);
    expect(r.out).toMatch(/seed: +5/);
    expect(r.out).toMatch(/tcp +transport +\d+/);
    expect(r.out).toMatch(/sockets +application +4/);
    expect(r.out).toMatch(/replyTime/);
    const trace = JSON.parse(readFileSync(out, 'utf8'));
    expect(trace).toMatchObject({ format: 'l7-trace', version: 1, seed: 5, stopReason: 'idle' });
    expect(readdirSync(dir)).toEqual(['trace.json']); // no temporary file left behind
  });

  it('writes the packets as pcapng for Wireshark', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'l7-cli-'));
    const pcap = join(dir, 'run.pcapng');
    const r = await cli('run', LESSON, '--pcap', pcap);
    expect(r.code).toBe(0);
    const bytes = readFileSync(pcap);
    expect(bytes.readUInt32LE(0)).toBe(0x0a0d0d0a); // section header block
    expect(bytes.readUInt32LE(8)).toBe(0x1a2b3c4d); // byte-order magic
  });

  it('validates a good file', async () => {
    const r = await cli('validate', LESSON);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ok/);
  });

  it('names the file, line and JSON path of a bad scenario and exits 1 without a stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'l7-cli-'));
    const file = join(dir, 'bad.l7.json');
    const text = readFileSync(LESSON, 'utf8').replace('"b": "router", "delayMs": 3', '"b": "nowhere", "delayMs": 3');
    writeFileSync(file, text);
    const r = await cli('run', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${file}:`);
    expect(r.err).toMatch(/links\[1\]\.b/);
    expect(r.err).toMatch(/nowhere/);
    expect(r.err).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('reports a JSON syntax error with line and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'l7-cli-'));
    const file = join(dir, 'broken.l7.json');
    writeFileSync(file, '{\n  "format": "l7-scenario",\n  "version": 1,,\n}\n');
    const r = await cli('validate', file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+`));
  });

  it('reports a missing file plainly', async () => {
    const r = await cli('run', 'no/such/file.l7.json');
    expect(r.code).toBe(1);
    expect(r.err).toBe('no/such/file.l7.json: cannot read the file (no such file or folder)');
  });

  it('rejects bad usage with exit code 2', async () => {
    expect((await cli()).code).toBe(0);
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('run')).err).toMatch(/run needs a scenario file/);
    expect((await cli('run', LESSON, '--seed', 'x')).err).toMatch(/--seed needs an integer/);
    expect(() => parseArgs(['run', 'a', 'b'])).toThrow(/unexpected argument "b"/);
  });

  it('does not overwrite the previous trace when it cannot write', async () => {
    const r = await cli('run', LESSON, '--out', '/nonexistent-dir/trace.json');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/\/nonexistent-dir\/trace.json: cannot write the trace/);
  });
});
