// The runner host with real worker threads: the real runner thread for runs
// and cancel, and a test worker with injected faults for crashes and hangs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src-core/api/contract';
import { RunnerHost, type RunnerHostOptions } from './runner-host';

const BOOTSTRAP = fileURLToPath(new URL('../test-support/tsx-worker.mjs', import.meta.url));
const RUNNER = fileURLToPath(new URL('./runner-thread.ts', import.meta.url));
const FAULTY = fileURLToPath(new URL('./runner-thread.crash.test-worker.ts', import.meta.url));
const LESSONS = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'resources', 'lessons');

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const lesson = (name: string): unknown => JSON.parse(readFileSync(join(LESSONS, `${name}.l7.json`), 'utf8'));

/** Thousands of TCP clients, one per simulated millisecond: several seconds of work for the runner. */
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
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.dispose()));
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

  it('streams batches while a long run goes on and answers cancel within 100 ms; the worker really stops', async () => {
    const { host, next, end, of } = startHost(RUNNER);
    host.start({ runId: 'long', scenario: longScenario() });
    // Let it warm up: several slices in, the run is streaming.
    let progressCount = 0;
    await next((e) => e.type === 'run.progress' && ++progressCount === 10);
    const batchesBeforeCancel = of('long').filter((e) => e.type === 'run.batch').length;
    expect(batchesBeforeCancel).toBeGreaterThanOrEqual(5);
    const t0 = performance.now();
    host.cancel('long');
    const finished = await end('long');
    const latency = performance.now() - t0;
    expect(finished).toMatchObject({ type: 'run.finished', summary: { stopReason: 'cancelled' } });
    if (finished.type !== 'run.finished') throw new Error('unreachable');
    expect(finished.summary.endTime).toBeLessThan(4_000e6); // far from the end of the workload: it really was cut short
    expect(latency).toBeLessThan(100);
    // The summary counts exactly the events relayed.
    const relayed = of('long').flatMap((e) => (e.type === 'run.batch' ? e.batch.events : [])).length;
    expect(finished.summary.traceEvents).toBe(relayed);
    // The same worker serves the next run: it stopped within the cancel timeout and was not replaced.
    host.start({ runId: 'next', scenario: lesson('sockets-udp') });
    expect(await end('next')).toMatchObject({ type: 'run.finished', summary: { stopReason: 'idle' } });
    expect(host.workersStarted).toBe(1);
    console.log(`cancel answered in ${latency.toFixed(1)} ms, after ${batchesBeforeCancel} batches`);
  });

  it('the worker itself answers cancel at its next slice', async () => {
    // The host's fallback answer is pushed out of the way to time the worker alone.
    const { host, next, end } = startHost(RUNNER, { cancelAnswerMs: 60_000 });
    host.start({ runId: 'long', scenario: longScenario() });
    let progressCount = 0;
    await next((e) => e.type === 'run.progress' && ++progressCount === 10);
    const t0 = performance.now();
    host.cancel('long');
    expect(await end('long')).toMatchObject({ type: 'run.finished', summary: { stopReason: 'cancelled' } });
    const latency = performance.now() - t0;
    console.log(`the worker answered cancel in ${latency.toFixed(1)} ms`);
    // ~10 ms on an idle machine; the bound leaves room for a busy test machine.
    expect(latency).toBeLessThan(250);
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
    const { host, end } = startHost(FAULTY, { stallTimeoutMs: 400 });
    host.start({ runId: 'hang', scenario: { fault: 'hang' } });
    const failed = await end('hang');
    expect(failed).toMatchObject({ type: 'run.failed', error: { name: 'RunnerStalled' } });
    expect(failed.type === 'run.failed' && failed.error.message).toMatch(/stopped responding \(no progress for 0.4 s\)/);
    host.start({ runId: 'after', scenario: lesson('sockets-tcp') });
    expect(await end('after')).toMatchObject({ type: 'run.finished', summary: { stopReason: 'idle' } });
    expect(host.workersStarted).toBe(2);
  });

  it('answers the cancel of a run that ignores it, then replaces the worker after the cancel timeout', async () => {
    const { host, next, end, of } = startHost(FAULTY, { cancelTimeoutMs: 300 });
    host.start({ runId: 'deaf', scenario: { fault: 'deaf' } });
    await next((e) => e.runId === 'deaf' && e.type === 'run.progress');
    const t0 = performance.now();
    host.cancel('deaf');
    const finished = await end('deaf');
    expect(performance.now() - t0).toBeLessThan(100);
    expect(finished).toMatchObject({ type: 'run.finished', summary: { stopReason: 'cancelled', seed: 1 } });
    expect(finished.type === 'run.finished' && finished.summary.endTime).toBeGreaterThan(0);
    await sleep(400);
    expect(of('deaf').at(-1)).toBe(finished); // the worker's later progress reports are not relayed
    host.start({ runId: 'after', scenario: lesson('sockets-tcp') });
    expect(await end('after')).toMatchObject({ type: 'run.finished', summary: { stopReason: 'idle' } });
    expect(host.workersStarted).toBe(2);
  });

  it('runs a new run on a fresh worker when the previous run will not stop', async () => {
    const { host, next, end } = startHost(FAULTY, { cancelTimeoutMs: 300 });
    host.start({ runId: 'hang', scenario: { fault: 'hang' } });
    await next((e) => e.runId === 'hang' && e.type === 'run.started');
    host.start({ runId: 'next', scenario: lesson('sockets-udp') });
    expect(await end('hang')).toMatchObject({ type: 'run.finished', summary: { stopReason: 'cancelled' } });
    expect(await end('next')).toMatchObject({ type: 'run.finished', summary: { stopReason: 'idle' } });
    expect(host.workersStarted).toBe(2);
  });

  it('fails a run the worker never takes up, and replaces the worker', async () => {
    // Long enough for the test worker to boot (it compiles TypeScript first).
    const { host, end } = startHost(FAULTY, { startTimeoutMs: 2_000 });
    host.start({ runId: 'lost', scenario: { fault: 'silent' } });
    const failed = await end('lost');
    expect(failed).toMatchObject({ type: 'run.failed', error: { name: 'RunnerStalled' } });
    expect(failed.type === 'run.failed' && failed.error.message).toMatch(/did not start within 2 s/);
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
