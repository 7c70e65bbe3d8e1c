import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src-core/scenario/load';
import { ScenarioRun } from '../../src-core/scenario/runner';
import { traceToJson } from '../../src-core/trace/json';
import { traceToPcapng } from '../../src-core/trace/pcapng';
import { TraceFileError, TraceFiles } from './trace-files';

function lesson(name: string) {
  const loaded = parseScenarioText(readFileSync(`resources/lessons/${name}.l7.json`, 'utf8'));
  if (!loaded.ok) throw new Error(`${name} does not load`);
  return loaded.scenario;
}

const scratch = () => mkdtempSync(join(tmpdir(), 'l7-trace-files-'));

describe('TraceFiles: the trace and capture written as the run goes', () => {
  // bulk: long streams of segments; proxy cache: many connections; mail down: messages that never arrive
  for (const name of ['transport-bulk', 'http-proxy-cache', 'mail-server-down', 'dns-iterative']) {
    it(`writes ${name}'s JSON and pcapng byte for byte as written at the end, in small slices`, () => {
      const dir = scratch();
      const json = join(dir, 'trace.json');
      const pcap = join(dir, 'trace.pcapng');
      const run = new ScenarioRun(lesson(name));
      const files = new TraceFiles({ json, pcap });
      let slices = 0;
      while (run.step(5) === 'running') {
        files.progress(run.sim.store.events);
        slices++;
      }
      expect(slices).toBeGreaterThan(3);
      const trace = run.trace();
      files.finish(trace);
      // compared whole (vitest's element-wise diff of megabytes would take seconds)
      expect(readFileSync(json, 'utf8') === traceToJson(trace)).toBe(true);
      expect(Buffer.compare(readFileSync(pcap), traceToPcapng(trace.events))).toBe(0);
      expect(readdirSync(dir).sort()).toEqual(['trace.json', 'trace.pcapng']);
    });
  }

  it('has the settled events and every packet so far on disk before the run ends', () => {
    const dir = scratch();
    const run = new ScenarioRun(lesson('transport-bulk'));
    const files = new TraceFiles({ json: join(dir, 't.json'), pcap: join(dir, 't.pcapng') }, 1);
    for (let i = 0; i < 10; i++) run.step(200);
    files.progress(run.sim.store.events);
    expect(run.finished).toBe(false);
    const temporary = readdirSync(dir);
    expect(temporary.every((f) => f.startsWith('.t.'))).toBe(true);
    const events = readFileSync(join(dir, temporary.find((f) => f.includes('events'))!), 'utf8');
    const all = run.sim.store.events;
    const settled = all.findIndex((e) => e.kind === 'message' && e.receivedAt === null && e.lost === null);
    expect(settled).toBeGreaterThan(100);
    expect(events.split('\n').filter((l) => l.startsWith('    ')).length).toBe(settled);
    const capture = statSync(join(dir, temporary.find((f) => f.includes('capture'))!)).size;
    expect(capture).toBeGreaterThan(1460 * 50);
    files.discard();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names the file it cannot create and leaves nothing behind', () => {
    const dir = scratch();
    expect(() => new TraceFiles({ json: join(dir, 'ok.json'), pcap: join(dir, 'missing', 'x.pcapng') })).toThrow(TraceFileError);
    try {
      new TraceFiles({ json: join(dir, 'ok.json'), pcap: join(dir, 'missing', 'x.pcapng') });
    } catch (error) {
      expect((error as TraceFileError).target).toBe('pcap');
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leaves the previous files as they were when the new trace cannot be put in place', () => {
    const dir = scratch();
    const json = join(dir, 'trace.json');
    mkdirSync(json); // a folder where the file should go: the rename fails
    writeFileSync(join(json, 'keep'), 'x');
    const pcap = join(dir, 'trace.pcapng');
    writeFileSync(pcap, 'the previous capture');
    const run = new ScenarioRun(lesson('sockets-udp'));
    const files = new TraceFiles({ json, pcap });
    while (run.step(1000) === 'running') files.progress(run.sim.store.events);
    expect(() => files.finish(run.trace())).toThrow(TraceFileError);
    expect(readFileSync(join(json, 'keep'), 'utf8')).toBe('x');
    // the trace goes in place first: failing, it leaves the capture as it was too
    expect(readFileSync(pcap, 'utf8')).toBe('the previous capture');
    expect(readdirSync(dir).sort()).toEqual(['trace.json', 'trace.pcapng']);
    expect(existsSync(join(dir, 'trace.json', 'keep'))).toBe(true);
  });
});
