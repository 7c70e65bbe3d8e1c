// The runner host with real worker threads: the real runner thread for runs
// and cancel, and a test worker with injected faults for crashes and hangs.
//
// Rule: nothing here depends on how fast the machine is. The host's timers
// (its answer to a cancel, its start, stall and cancel watchdogs) run on
// vitest's fake clock, which moves only when a test advances it; the worker
// threads run in real time, and tests wait for what they post, never for a
// wall-clock duration. Vitest's test timeout is the only real-time limit, a
// safety net for a worker that never answers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunEvent } from '../../src-core/api/contract';
import {
  DEFAULT_CANCEL_ANSWER_MS,
  DEFAULT_CANCEL_TIMEOUT_MS,
  DEFAULT_STALL_TIMEOUT_MS,
  DEFAULT_START_TIMEOUT_MS,
  RunnerHost,
  type RunnerHostOptions,
} from './runner-host';

const BOOTSTRAP = fileURLToPath(new URL('../test-support/tsx-worker.mjs', import.meta.url));
const RUNNER = fileURLToPath(new URL('./runner-thread.ts', import.meta.url));
const FAULTY = fileURLToPath(new URL('./runner-thread.crash.test-worker.ts', import.meta.url));
const LESSONS = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'resources', 'lessons');

const lesson = (name: string): unknown => JSON.parse(readFileSync(join(LESSONS, `${name}.l7.json`), 'utf8'));

/** Thousands of TCP clients, one per simulated millisecond (the last starts at clients − 1 ms): seconds of work for the runner. */
function longScenario(clients = 5_000): unknown {
  return {
    format: 'l7-scenario',
    version: 1,
    name: 'Many clients',
    nodes: [
      { id: 'client', kind: 'host', address: '10.0.0.2' },
      { id: 'server', kind: 'host', address: '10.0.0.3', services: [{ type: 'tcp-upper-server', port: 7 }] },
    ],
    links: [{ a: 'client', b: 'server', delayMs: 1, bandwidthMbps: 100 }],
    workload: Array.from({ length: clients }, (_, i) => ({
      type: 'tcp-upper-client',
      atMs: i,
      node: 'client',
      server: 'server',
      port: 7,
      line: 'x'.repeat(100),
    })),
  };
}

const hosts: RunnerHost[] = [];
beforeEach(() => {
  // Only the host's timers: worker threads and vitest's own timeout keep real time.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.dispose()));
  vi.useRealTimers();
});

function startHost(entry: string, options: Partial<RunnerHostOptions> = {}) {
  const events: RunEvent[] = [];
  const waiters: { test: (e: RunEvent) => boolean; resolve: (e: RunEvent) => void }[] = [];
  const host = new RunnerHost({
    workerPath: BOOTSTRAP,
    workerOptions: { workerData: { entry } },
    onEvent: (event) => {
      events.push(event);
      for (const w of [...waiters]) {
        if (w.test(event)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(event);
        }
      }
    },
    ...options,
  });
  hosts.push(host);
  /** The first event (already seen or to come) that passes `test`. */
  const next = (test: (e: RunEvent) => boolean): Promise<RunEvent> => {
    const seen = events.find(test);
    return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ test, resolve }));
  };
  const end = (runId: string) => next((e) => e.runId === runId && (e.type === 'run.finished' || e.type === 'run.failed' || e.type === 'run.invalid'));
  const of = (runId: string) => events.filter((e) => e.runId === runId);
  return { host, events, next, end, of };
}

describe('RunnerHost with the real runner thread', () => {
  it('streams a lesson run: started, batches with progress, finished', async () => {
    const { host, end, of } = startHost(RUNNER);
    host.start({ runId: 'r1', scenario: lesson('sockets-tcp') });
    expect(await end('r1')).toMatchObject({ type: 'run.finished', summary: { stopReason: 'idle', seed: 1 } });
    const events = of('r1');
    expect(events[0]).toMatchObject({ type: 'run.started', scenarioName: 'Socket programming: TCP' });
    expect(events.filter((e) => e.type === 'run.batch').length).toBeGreaterThan(0);
    expect(events.filter((e) => e.type === 'run.progress').length).toBeGreaterThan(0);
    const ids = events.flatMap((e) => (e.type === 'run.batch' ? e.batch.events.map((m) => m.id) : []));
    expect(ids).toEqual(ids.map((_, i) => i));
  });

  it('applies the seed override and reports an invalid scenario', async () => {
    const { host, end } = startHost(RUNNER);
    host.start({ runId: 'seeded', scenario: lesson('sockets-udp'), seed: 42 });
    expect(await end('seeded')).toMatchObject({ type: 'run.finished', summary: { seed: 42 } });
    host.start({ runId: 'bad', scenario: { format: 'l7-scenario' } });
    expect(await end('bad')).toMatchObject({ type: 'run.invalid' });
  });

  it('streams batches while a long run goes on; a cancel is answered within 100 ms, by the host if the worker is late', async () => {
    expect(DEFAULT_CANCEL_ANSWER_MS).toBeLessThan(100); // the contract's promise (api/contract.ts cancelRun)
    const { host, next, end, of } = startHost(RUNNER);
    host.start({ runId: 'long', scenario: longScenario() });
    // Let it warm up: several slices in, the run is streaming.
    let progressCount = 0;
    await next((e) => e.type === 'run.progress' && ++progressCount === 10);
    const batchesBeforeCancel = of('long').filter((e) => e.type === 'run.batch').length;
    expect(batchesBeforeCancel).toBeGreaterThanOrEqual(5);
    host.cancel('long');
    // The answer time passes before the worker can have answered (no message is read in between).
    vi.advanceTimersByTime(DEFAULT_CANCEL_ANSWER_MS);
    const finished = of('long').at(-1);
    expect(finished).toMatchObject({ type: 'run.finished', summary: { stopReason: 'cancelled' } });
    if (finished?.type !== 'run.finished') throw new Error('unreachable');
    // The host's answer counts exactly the events relayed: those of the last progress report.
    const relayed = of('long').flatMap((e) => (e.type === 'run.batch' ? e.batch.events : [])).length;
    expect(finished.summary.traceEvents).toBe(relayed);
    // The same worker serves the next run, once it has stopped the cancelled one; nothing more of that run is relayed.
    host.start({ runId: 'next', scenario: lesson('sockets-udp') });
    expect(await end('next')).toMatchObject({ type: 'run.finished', summary: { stopReason: 'idle' } });
    expect(of('long').at(-1)).toBe(finished);
    expect(host.workersStarted).toBe(1);
  });

  it('the worker itself answers cancel, cutting the run short', async () => {
    // The fake clock stands still, so neither the host's answer nor a watchdog can step in.
    const { host, next, end, of } = startHost(RUNNER);
    const clients = 5_000;
    host.start({ runId: 'long', scenario: longScenario(clients) });
    let progressCount = 0;
    await next((e) => e.type === 'run.progress' && ++progressCount === 10);
    host.cancel('long');
    const finished = await end('long');
    expect(finished).toMatchObject({ type: 'run.finished', summary: { stopReason: 'cancelled' } });
    if (finished.type !== 'run.finished') throw new Error('unreachable');
    expect(finished.summary.endTime).toBeLessThan((clients - 1) * 1e6); // before the last client even started
    const relayed = of('long').flatMap((e) => (e.type === 'run.batch' ? e.batch.events : [])).length;
    expect(finished.summary.traceEvents).toBe(relayed);
    expect(host.workersStarted).toBe(1);
  });

  it('cancels the current run when a new one starts', async () => {
    const { host, end } = startHost(RUNNER);
    host.start({ runId: 'a', scenario: longScenario() });
    host.start({ runId: 'b', scenario: lesson('sockets-udp') });
    expect(await end('a')).toMatchObject({ type: 'run.finished', summary: { stopReason: 'cancelled' } });
    expect(await end('b')).toMatchObject({ type: 'run.finished', summary: { stopReason: 'idle' } });
    expect(host.workersStarted).toBe(1);
  });

  it('refuses a run id that is already going', () => {
    const { host } = startHost(RUNNER);
    host.start({ runId: 'same', scenario: longScenario(100) });
    expect(() => host.start({ runId: 'same', scenario: longScenario(100) })).toThrow('A run with id "same" is already going.');
  });
});

describe('RunnerHost when the worker fails', () => {
  it('reports a crash (uncaught exception) and serves the next run with a fresh worker', async () => {
    const { host, end } = startHost(FAULTY);
    host.start({ runId: 'boom', scenario: { fault: 'throw' } });
    const failed = await end('boom');
    expect(failed).toMatchObject({ type: 'run.failed', error: { name: 'RunnerCrashed' } });
    if (failed.type !== 'run.failed') throw new Error('unreachable');
    expect(failed.error.message).toMatch(/^The simulation stopped unexpectedly: injected fault\./);
    host.start({ runId: 'after', scenario: lesson('sockets-tcp') });
    expect(await end('after')).toMatchObject({ type: 'run.finished', summary: { stopReason: 'idle' } });
    expect(host.workersStarted).toBe(2);
  });

  it('reports a worker that exits during a run', async () => {
    const { host, end, of } = startHost(FAULTY);
    host.start({ runId: 'exit', scenario: { fault: 'exit' } });
    const failed = await end('exit');
    expect(of('exit').map((e) => e.type)).toEqual(['run.started', 'run.failed']);
    expect(failed.type === 'run.failed' && failed.error.message).toMatch(/^The simulation stopped unexpectedly: its thread exited with code 3\./);
    host.start({ runId: 'after', scenario: lesson('sockets-udp') });
    expect(await end('after')).toMatchObject({ type: 'run.finished' });
  });

  it('stops a run that posts nothing for the stall time, and replaces the worker', async () => {
    const { host, next, end, of } = startHost(FAULTY);
    host.start({ runId: 'hang', scenario: { fault: 'hang' } });
    await next((e) => e.runId === 'hang' && e.type === 'run.started');
    vi.advanceTimersByTime(DEFAULT_STALL_TIMEOUT_MS - 1);
    expect(of('hang').map((e) => e.type)).toEqual(['run.started']);
    vi.advanceTimersByTime(1);
    const failed = await end('hang');
    expect(failed).toMatchObject({ type: 'run.failed', error: { name: 'RunnerStalled' } });
    expect(failed.type === 'run.failed' && failed.error.message).toMatch(/stopped responding \(no progress for 10 s\)/);
    host.start({ runId: 'after', scenario: lesson('sockets-tcp') });
    expect(await end('after')).toMatchObject({ type: 'run.finished', summary: { stopReason: 'idle' } });
    expect(host.workersStarted).toBe(2);
  });

  it('restarts the stall watchdog with every progress report', async () => {
    const { host, next, of } = startHost(FAULTY);
    host.start({ runId: 'slow', scenario: { fault: 'deaf' } });
    await next((e) => e.runId === 'slow' && e.type === 'run.started');
    vi.advanceTimersByTime(DEFAULT_STALL_TIMEOUT_MS - 1);
    const reports = of('slow').length;
    await next((e) => e.runId === 'slow' && e.type === 'run.progress' && of('slow').indexOf(e) >= reports);
    vi.advanceTimersByTime(DEFAULT_STALL_TIMEOUT_MS - 1);
    expect(of('slow').some((e) => e.type === 'run.failed')).toBe(false);
    expect(host.workersStarted).toBe(1);
  });

  it('answers the cancel of a run that ignores it, then replaces the worker after the cancel timeout', async () => {
    const { host, next, end, of } = startHost(FAULTY);
    host.start({ runId: 'deaf', scenario: { fault: 'deaf' } });
    await next((e) => e.runId === 'deaf' && e.type === 'run.progress');
    host.cancel('deaf');
    vi.advanceTimersByTime(DEFAULT_CANCEL_ANSWER_MS);
    const finished = of('deaf').at(-1);
    expect(finished).toMatchObject({ type: 'run.finished', summary: { stopReason: 'cancelled', seed: 1 } });
    expect(finished?.type === 'run.finished' && finished.summary.endTime).toBeGreaterThan(0);
    // The worker answers the cancel with one more progress report, before anything of the next run (the port keeps
    // order): once that run is over, the report has come, and it was not relayed.
    host.start({ runId: 'after', scenario: lesson('sockets-tcp') });
    expect(await end('after')).toMatchObject({ type: 'run.finished', summary: { stopReason: 'idle' } });
    expect(of('deaf').at(-1)).toBe(finished);
    expect(host.workersStarted).toBe(1);
    // The deaf run never finishes: at the cancel timeout the worker is replaced.
    vi.advanceTimersByTime(DEFAULT_CANCEL_TIMEOUT_MS - DEFAULT_CANCEL_ANSWER_MS);
    host.start({ runId: 'fresh', scenario: lesson('sockets-udp') });
    expect(await end('fresh')).toMatchObject({ type: 'run.finished', summary: { stopReason: 'idle' } });
    expect(host.workersStarted).toBe(2);
    expect(of('deaf').at(-1)).toBe(finished);
  });

  it('runs a new run on a fresh worker when the previous run will not stop', async () => {
    const { host, next, end } = startHost(FAULTY);
    host.start({ runId: 'hang', scenario: { fault: 'hang' } });
    await next((e) => e.runId === 'hang' && e.type === 'run.started');
    host.start({ runId: 'next', scenario: lesson('sockets-udp') });
    vi.advanceTimersByTime(DEFAULT_CANCEL_TIMEOUT_MS);
    expect(await end('hang')).toMatchObject({ type: 'run.finished', summary: { stopReason: 'cancelled' } });
    expect(await end('next')).toMatchObject({ type: 'run.finished', summary: { stopReason: 'idle' } });
    expect(host.workersStarted).toBe(2);
  });

  it('fails a run the worker never takes up, and replaces the worker', async () => {
    const { host, end, of } = startHost(FAULTY);
    host.start({ runId: 'lost', scenario: { fault: 'silent' } });
    vi.advanceTimersByTime(DEFAULT_START_TIMEOUT_MS - 1);
    expect(of('lost')).toEqual([]);
    vi.advanceTimersByTime(1);
    const failed = await end('lost');
    expect(failed).toMatchObject({ type: 'run.failed', error: { name: 'RunnerStalled' } });
    expect(failed.type === 'run.failed' && failed.error.message).toMatch(/did not start within 10 s/);
    // However long the fresh worker takes to boot, the clock does not move: its start watchdog cannot fire.
    host.start({ runId: 'after', scenario: lesson('sockets-udp') });
    expect(await end('after')).toMatchObject({ type: 'run.finished', summary: { stopReason: 'idle' } });
    expect(host.workersStarted).toBe(2);
  });

  it('reports a worker that cannot start', async () => {
    const { host, end } = startHost(join(LESSONS, 'no-such-entry.ts'));
    host.start({ runId: 'x', scenario: lesson('sockets-tcp') });
    const failed = await end('x');
    expect(failed.type === 'run.failed' && failed.error.message).toMatch(/^The simulation stopped unexpectedly: /);
  });
});

describe('RunnerHost requests', () => {
  it('records nothing when a request cannot be sent to the worker', async () => {
    const { host, end, events } = startHost(RUNNER);
    expect(() => host.start({ runId: 'fn', scenario: { notCloneable: () => 1 } })).toThrow();
    host.start({ runId: 'ok', scenario: lesson('sockets-udp') });
    expect(await end('ok')).toMatchObject({ type: 'run.finished', summary: { stopReason: 'idle' } });
    expect(events.some((e) => e.runId === 'fn')).toBe(false);
  });
});
