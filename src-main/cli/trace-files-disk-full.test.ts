// A disk that fills up while the trace is being written: the run goes on,
// the temporary files are removed, finish() names the file, and the
// previous file stays as it was.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseScenarioText } from '../../src-core/scenario/load';
import { ScenarioRun } from '../../src-core/scenario/runner';

const full = vi.hoisted(() => ({ after: Infinity, writes: 0 }));

vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  return {
    ...fs,
    writeSync: (...args: Parameters<typeof fs.writeSync>) => {
      if (++full.writes > full.after) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return fs.writeSync(...args);
    },
  };
});

const { TraceFileError, TraceFiles } = await import('./trace-files');

describe('TraceFiles on a disk that fills up', () => {
  it('keeps running, removes its temporary files, and reports the file that could not be written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'l7-disk-full-'));
    const json = join(dir, 'trace.json');
    writeFileSync(json, 'the previous trace');
    const loaded = parseScenarioText(readFileSync('resources/lessons/transport-bulk.l7.json', 'utf8'));
    if (!loaded.ok) throw new Error('the lesson does not load');
    const run = new ScenarioRun(loaded.scenario);
    const files = new TraceFiles({ json, pcap: join(dir, 'trace.pcapng') }, 1);
    full.writes = 0;
    full.after = 50;
    let slices = 0;
    while (run.step(100) === 'running') {
      files.progress(run.sim.store.events);
      slices++;
    }
    full.after = Infinity;
    expect(slices).toBeGreaterThan(10);
    expect(run.stopReason).toBe('idle');
    let failure: unknown = null;
    try {
      files.finish(run.trace());
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(TraceFileError);
    expect((failure as InstanceType<typeof TraceFileError>).message).toMatch(/ENOSPC/);
    expect(readdirSync(dir)).toEqual(['trace.json']);
    expect(readFileSync(json, 'utf8')).toBe('the previous trace');
  });
});
