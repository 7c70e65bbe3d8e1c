// The built command line (out/cli/l7.mjs, package.json's `bin`): built here
// by the same buildCli that `npm run build` calls, into a folder of its own
// under out/ (the unit tests run before the build in `npm test`, and inside
// the project so the one package left external, @resvg/resvg-js, resolves
// as it does from out/cli). Run with plain Node, it must print and write
// exactly what main() does in this process.
import { spawn, spawnSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, CLI_FILE } from '../tools/build-cli';
import { main } from './main';

const ROOT = resolve(import.meta.dirname, '../..');
const LESSON = 'resources/lessons/sockets-tcp.l7.json';

let buildDir: string;
let cli: string;

beforeAll(async () => {
  mkdirSync(join(ROOT, 'out'), { recursive: true });
  buildDir = mkdtempSync(join(ROOT, 'out', 'cli-test-'));
  cli = await buildCli(buildDir);
}, 60_000);

afterAll(() => {
  if (buildDir) rmSync(buildDir, { recursive: true, force: true });
});

interface Result {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** main(argv) in this process, its lines joined as the program writes them (each ends with a newline). */
async function inProcess(argv: readonly string[]): Promise<Result> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(`${t}\n`), err: (t) => err.push(`${t}\n`) });
  return { code, out: out.join(''), err: err.join('') };
}

/** The built file run by plain Node (or the program at `program`, e.g. a link to it), in the project's folder. */
function built(argv: readonly string[], program?: string): Result {
  const r = program === undefined ? spawnSync(process.execPath, [cli, ...argv], { cwd: ROOT, encoding: 'utf8' }) : spawnSync(program, argv, { cwd: ROOT, encoding: 'utf8' });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'l7-built-cli-'));

describe('the built command line (out/cli/l7.mjs)', () => {
  it('is one file that starts as a program, with only Node built-ins and @resvg/resvg-js left as imports', () => {
    expect(cli.endsWith(CLI_FILE)).toBe(true);
    const code = readFileSync(cli, 'utf8');
    expect(code.startsWith('#!/usr/bin/env node\n')).toBe(true);
    const imported = [...code.matchAll(/^import\b[^'"]*["']([^"']+)["'];?$/gm)].map((m) => m[1]);
    expect(imported.filter((name) => !name!.startsWith('node:'))).toEqual(['@resvg/resvg-js']);
    expect(code).not.toMatch(/\bimport\(/); // nothing loaded later from elsewhere
  });

  it('is what package.json names as the l7 program', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin?: Record<string, string>; scripts: Record<string, string> };
    expect(pkg.bin).toEqual({ l7: `out/cli/${CLI_FILE}` });
    expect(pkg.scripts['build']).toContain('build:cli');
    expect(pkg.scripts['l7']).toBe('tsx src-main/cli/main.ts'); // development runs the sources, as before
  });

  it('runs a lesson and prints what main() prints, with the same exit code', async () => {
    const argv = ['run', LESSON, '--seed', '5'];
    const expected = await inProcess(argv);
    expect(expected.code).toBe(0);
    expect(expected.out).toMatch(/guide:/);
    expect(built(argv)).toEqual(expected);
  });

  it('writes the same trace, packets, SVG and PNG (drawn by resvg) as main()', async () => {
    const files = (dir: string) => ['--out', join(dir, 't.json'), '--pcap', join(dir, 't.pcapng'), '--svg', join(dir, 'c.svg'), '--png', join(dir, 'c.png')];
    const here = tempDir();
    const there = tempDir();
    const expected = await inProcess(['run', LESSON, ...files(here)]);
    expect(expected.err).toBe('');
    expect(expected.code).toBe(0);
    const r = built(['run', LESSON, ...files(there)]);
    expect({ ...r, out: r.out.replaceAll(there, here) }).toEqual(expected);
    expect(r.out).toMatch(/chart png: .*c\.png \(\d+ x \d+ px\)/);
    for (const name of ['t.json', 't.pcapng', 'c.svg', 'c.png']) {
      expect(readFileSync(join(there, name)).equals(readFileSync(join(here, name))), name).toBe(true);
    }
  });

  it('reports a usage error and a bad file as main() does', async () => {
    for (const argv of [['bogus'], ['run'], ['validate', 'no-such-file.l7.json'], ['validate', LESSON]]) {
      expect(built(argv), argv.join(' ')).toEqual(await inProcess(argv));
    }
  });

  it('runs through a symbolic link, as the `l7` npm links into a bin folder', async () => {
    const link = join(tempDir(), 'l7');
    symlinkSync(cli, link);
    const argv = ['validate', LESSON];
    expect(built(argv, link)).toEqual(await inProcess(argv));
  });

  it('serves a node on a real socket until SIGINT, then writes the trace', async () => {
    const trace = join(tempDir(), 'serve.trace.json');
    const child = spawn(process.execPath, [cli, 'serve', 'resources/lessons/sockets-udp.l7.json', '--node', 'server', '--port', '0', '--trace', trace], { cwd: ROOT });
    let out = '';
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    try {
      const port = await new Promise<number>((done, fail) => {
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString('utf8');
          const m = /^listening udp 127\.0\.0\.1:(\d+) /m.exec(out);
          if (m && /^serving node "server"/m.test(out)) done(Number(m[1]));
        });
        child.on('exit', () => fail(new Error(`l7 serve ended before listening: ${out}${err}`)));
      });
      const reply = await new Promise<string>((done, fail) => {
        const socket = createSocket('udp4');
        socket.on('error', fail);
        socket.on('message', (m) => {
          socket.close();
          done(m.toString('utf8'));
        });
        socket.send('hello from the built file', port, '127.0.0.1');
      });
      expect(reply).toBe('HELLO FROM THE BUILT FILE');
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(err).toBe('');
    expect(out).toContain(`trace: ${trace}`);
    expect(JSON.parse(readFileSync(trace, 'utf8'))).toMatchObject({ format: 'l7-trace' });
  });
});
