import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, parseArgs, progressLine } from './main';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const LESSON = 'resources/lessons/sockets-tcp.l7.json';

describe('reading a scenario file', () => {
  it('refuses a file that is not UTF-8, naming the byte, line and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'l7-cli-'));
    const file = join(dir, 'latin1.l7.json');
    writeFileSync(file, Buffer.from('{\n  "name": "caf\u00e9"\n}', 'latin1'));
    const r = await cli('validate', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${file}:2:15: byte 16: invalid UTF-8 (0xE9 0x22); save the file as UTF-8`);
  });
});

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

  it('writes a status line for a person watching, and clears it before the summary', async () => {
    const lines: string[] = [];
    const out: string[] = [];
    const code = await main(['run', LESSON], { out: (t) => out.push(t), err: () => undefined, progress: (t) => lines.push(t) });
    expect(code).toBe(0);
    // a lesson runs in one slice: nothing to report but the clearing
    expect(lines).toEqual(['']);
    expect(progressLine({ simTime: 12_345_678_901, endTime: 600e9, kernelEvents: 3_000_000, traceEvents: 1_234_567 })).toBe(
      'running: 12.346 s simulated, 1,234,567 trace events (3,000,000 kernel events)',
    );
  });

  it('does not overwrite the previous trace when it cannot write', async () => {
    const r = await cli('run', LESSON, '--out', '/nonexistent-dir/trace.json');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/\/nonexistent-dir\/trace.json: cannot write the trace/);
  });
});

describe('l7 serve: arguments', () => {
  const serveArgs = (...rest: string[]) => {
    const parsed = parseArgs(['serve', ...rest]);
    if (parsed.command !== 'serve') throw new Error('not serve');
    return parsed.serve;
  };

  it('takes the file, the node, --port N or repeated --port SCENARIO:LOCAL, and --trace', () => {
    expect(serveArgs('a.l7.json', '--node', 'auth')).toEqual({ file: 'a.l7.json', node: 'auth', ports: { kind: 'none' }, trace: null, origins: [] });
    expect(serveArgs('--node', 'auth', 'a.l7.json', '--port', '5300').ports).toEqual({ kind: 'one', local: 5300 });
    expect(serveArgs('a.l7.json', '--node', 'mail', '--port', '25:2525', '--port', '110:1110').ports).toEqual({
      kind: 'map',
      map: new Map([
        [25, 2525],
        [110, 1110],
      ]),
    });
    expect(serveArgs('a.l7.json', '--node', 'n', '--trace', 'x.json').trace).toBe('x.json');
  });

  it('takes --origin HOST[:PORT]=LOCAL, repeated, the host in lower case and port 80 by default', () => {
    expect(serveArgs('a.l7.json', '--node', 'p', '--origin', 'WWW.Example.com=8080', '--origin', 'gaia.cs.umass.edu:8000=9000', '--origin', '127.0.0.1:81=8081').origins).toEqual([
      { host: 'www.example.com', port: 80, local: 8080 },
      { host: 'gaia.cs.umass.edu', port: 8000, local: 9000 },
      { host: '127.0.0.1', port: 81, local: 8081 },
    ]);
  });

  it.each([
    [['a.l7.json'], /serve needs --node ID/],
    [['--node', 'auth'], /serve needs a scenario file/],
    [['a.l7.json', '--node'], /--node needs the id/],
    [['a.l7.json', '--node', 'a', '--node', 'b'], /--node given twice/],
    [['a.l7.json', '--node', 'a', '--port'], /--port needs a port number/],
    [['a.l7.json', '--node', 'a', '--port', 'x'], /--port "x": expected a port number from 0 to 65535/],
    [['a.l7.json', '--node', 'a', '--port', '65536'], /--port "65536"/],
    [['a.l7.json', '--node', 'a', '--port', '-1'], /--port "-1"/],
    [['a.l7.json', '--node', 'a', '--port', '53:'], /--port "53:": expected SCENARIO:LOCAL/],
    [['a.l7.json', '--node', 'a', '--port', ':53'], /--port ":53"/],
    [['a.l7.json', '--node', 'a', '--port', '0:53'], /--port "0:53"/],
    [['a.l7.json', '--node', 'a', '--port', '53:70000'], /--port "53:70000"/],
    [['a.l7.json', '--node', 'a', '--port', '53:1:2'], /--port "53:1:2"/],
    [['a.l7.json', '--node', 'a', '--port', '5300', '--port', '5301'], /--port N moves the node's one port/],
    [['a.l7.json', '--node', 'a', '--port', '25:2525', '--port', '5300'], /--port N moves the node's one port/],
    [['a.l7.json', '--node', 'a', '--port', '53:1', '--port', '53:2'], /maps scenario port 53 twice/],
    [['a.l7.json', '--node', 'a', '--trace'], /--trace needs a file name/],
    [['a.l7.json', '--node', 'a', '--origin'], /--origin needs HOST\[:PORT\]=LOCAL/],
    [['a.l7.json', '--node', 'a', '--origin', 'www.example.com'], /--origin "www.example.com": expected HOST\[:PORT\]=LOCAL/],
    [['a.l7.json', '--node', 'a', '--origin', 'www.example.com=0'], /--origin "www.example.com=0"/],
    [['a.l7.json', '--node', 'a', '--origin', 'www.example.com:0=80'], /--origin "www.example.com:0=80"/],
    [['a.l7.json', '--node', 'a', '--origin', 'http://www.example.com=80'], /--origin "http:\/\/www.example.com=80"/],
    [['a.l7.json', '--node', 'a', '--origin', '-bad-.com=80'], /--origin "-bad-.com=80"/],
    [['a.l7.json', '--node', 'a', '--origin', 'a.com=80', '--origin', 'A.com:80=81'], /--origin names a.com:80 twice/],
    [['a.l7.json', '--node', 'a', '--seed', '1'], /unknown option "--seed"/],
    [['a.l7.json', 'b.l7.json', '--node', 'a'], /unexpected argument "b.l7.json"/],
  ])('refuses %j with usage and exit code 2', async (rest, message) => {
    const r = await cli('serve', ...rest);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toMatch(/usage:/);
  });
});

describe('l7 serve: the node and its ports', () => {
  /** sockets-udp with a second service on its server: UDP 12000 and TCP 12001. */
  function twoPortLesson(): string {
    const lesson = JSON.parse(readFileSync('resources/lessons/sockets-udp.l7.json', 'utf8')) as { nodes: { id: string; services?: unknown[] }[] };
    lesson.nodes.find((n) => n.id === 'server')!.services!.push({ type: 'tcp-upper-server', port: 12001 });
    const file = join(mkdtempSync(join(tmpdir(), 'l7-cli-')), 'two-ports.l7.json');
    writeFileSync(file, JSON.stringify(lesson));
    return file;
  }

  const neverStop = { waitForStop: () => new Promise<string>(() => undefined), cwd: tmpdir() };
  const serveCli = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['serve', ...argv], { out: (t) => out.push(t), err: (t) => err.push(t) }, neverStop);
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it.each([
    ['nowhere', /--node "nowhere": no such node in the scenario \(nodes with services: "server"\)/],
    ['router', /--node "router" is a router, which runs no servers/],
    ['clientA', /--node "clientA" runs no service/],
  ])('refuses --node %s with exit code 2', async (node, message) => {
    const r = await serveCli('resources/lessons/sockets-udp.l7.json', '--node', node);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('refuses --port N for a node with several ports, and a scenario port the node does not listen on', async () => {
    const file = twoPortLesson();
    const one = await serveCli(file, '--node', 'server', '--port', '5300');
    expect(one.code).toBe(2);
    expect(one.err).toBe('l7: --port 5300: node "server" listens on ports 12000, 12001; say which with --port SCENARIO:LOCAL');
    const unknown = await serveCli(file, '--node', 'server', '--port', '9999:1');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toBe('l7: --port 9999:1: node "server" does not listen on port 9999 (it listens on 12000, 12001)');
  });

  it('maps each of several ports with --port SCENARIO:LOCAL and prints one line per listener', async () => {
    const file = twoPortLesson();
    const lines: string[] = [];
    let stop!: (s: string) => void;
    let ready!: () => void;
    const started = new Promise<void>((r) => (ready = r));
    const io = { out: (t: string) => (lines.push(t), t.startsWith('serving') && ready()), err: (t: string) => lines.push(t) };
    const exit = main(['serve', file, '--node', 'server', '--port', '12000:0', '--port', '12001:0', '--trace', join(mkdtempSync(join(tmpdir(), 'l7-cli-')), 't.json')], io, {
      waitForStop: () => new Promise((r) => (stop = r)),
      cwd: tmpdir(),
    });
    await started;
    expect(lines.slice(0, 2)).toEqual([expect.stringMatching(/^listening udp 127\.0\.0\.1:\d+ udp-upper-server$/), expect.stringMatching(/^listening tcp 127\.0\.0\.1:\d+ tcp-upper-server$/)]);
    stop('SIGTERM');
    expect(await exit).toBe(0);
  });

  it('reports a scenario file it cannot read with exit code 1', async () => {
    const r = await serveCli('no/such/file.l7.json', '--node', 'a');
    expect(r.code).toBe(1);
    expect(r.err).toBe('no/such/file.l7.json: cannot read the file (no such file or folder)');
  });
});
