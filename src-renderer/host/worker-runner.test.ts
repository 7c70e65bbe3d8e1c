import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunEvent } from '../../src-core/api/contract';
import { RunnerEndpoint } from '../../src-core/api/runner-endpoint';
import type { RunnerRequest } from '../../src-core/api/worker-protocol';
import { lessonText } from '../testing/lessons';
import { WorkerRunner, type WorkerCallbacks, type WorkerFactory } from './worker-runner';

interface FakeWorker {
  readonly posted: RunnerRequest[];
  readonly callbacks: WorkerCallbacks;
  terminated: boolean;
}

function fakeWorkers() {
  const workers: FakeWorker[] = [];
  const factory: WorkerFactory = (callbacks) => {
    const worker: FakeWorker = { posted: [], callbacks, terminated: false };
    workers.push(worker);
    return { post: (r) => worker.posted.push(r), terminate: () => void (worker.terminated = true) };
  };
  return { workers, factory };
}

function record(runner: WorkerRunner): RunEvent[] {
  const events: RunEvent[] = [];
  runner.onRunEvent((e) => events.push(e));
  return events;
}

const finished = (runId: string): RunEvent => ({
  type: 'run.finished',
  runId,
  summary: { stopReason: 'idle', endTime: 1, traceEvents: 0, seed: 1 },
});

afterEach(() => vi.useRealTimers());

describe('WorkerRunner', () => {
  it('creates one worker on the first run, posts runs and cancels to it and passes its events on', () => {
    const { workers, factory } = fakeWorkers();
    const runner = new WorkerRunner(factory);
    const events = record(runner);
    expect(workers).toHaveLength(0);
    runner.start({ runId: 'a', scenario: { x: 1 } });
    runner.start({ runId: 'b', scenario: { x: 2 }, seed: 7 });
    runner.cancel('b');
    expect(workers).toHaveLength(1);
    expect(workers[0]!.posted).toEqual([
      { type: 'run', runId: 'a', scenario: { x: 1 } },
      { type: 'run', runId: 'b', scenario: { x: 2 }, seed: 7 },
      { type: 'cancel', runId: 'b' },
    ]);
    workers[0]!.callbacks.message(finished('b'));
    expect(events).toEqual([finished('b')]);
  });

  it('turns a crash into run.failed for the active run and uses a fresh worker for the next run', () => {
    const { workers, factory } = fakeWorkers();
    const runner = new WorkerRunner(factory);
    const events = record(runner);
    runner.start({ runId: 'a', scenario: {} });
    workers[0]!.callbacks.crash({ name: 'WorkerError', message: 'boom' });
    expect(events).toEqual([{ type: 'run.failed', runId: 'a', error: { name: 'WorkerError', message: 'boom' } }]);
    expect(workers[0]!.terminated).toBe(true);

    runner.start({ runId: 'b', scenario: {} });
    expect(workers).toHaveLength(2);
    expect(workers[1]!.posted).toEqual([{ type: 'run', runId: 'b', scenario: {} }]);
    // The dead worker is not listened to any more.
    workers[0]!.callbacks.message(finished('a'));
    workers[0]!.callbacks.crash({ name: 'WorkerError', message: 'again' });
    expect(events).toHaveLength(1);
  });

  it('reports nothing when an idle worker crashes', () => {
    const { workers, factory } = fakeWorkers();
    const runner = new WorkerRunner(factory);
    const events = record(runner);
    runner.start({ runId: 'a', scenario: {} });
    workers[0]!.callbacks.message(finished('a'));
    workers[0]!.callbacks.crash({ name: 'WorkerError', message: 'late' });
    expect(events).toEqual([finished('a')]);
  });

  it('restarts a worker that does not answer a cancel in time', () => {
    vi.useFakeTimers();
    const { workers, factory } = fakeWorkers();
    const runner = new WorkerRunner(factory, 1000);
    const events = record(runner);
    runner.start({ runId: 'a', scenario: {} });
    runner.cancel('a');
    vi.advanceTimersByTime(999);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toMatchObject([{ type: 'run.failed', runId: 'a', error: { name: 'RunnerHung' } }]);
    expect(workers[0]!.terminated).toBe(true);
  });

  it('does not restart a worker that answers the cancel', () => {
    vi.useFakeTimers();
    const { workers, factory } = fakeWorkers();
    const runner = new WorkerRunner(factory, 1000);
    const events = record(runner);
    runner.start({ runId: 'a', scenario: {} });
    runner.cancel('a');
    workers[0]!.callbacks.message({ type: 'run.finished', runId: 'a', summary: { stopReason: 'cancelled', endTime: 1, traceEvents: 0, seed: 1 } });
    vi.advanceTimersByTime(5000);
    expect(events.map((e) => e.type)).toEqual(['run.finished']);
    expect(workers[0]!.terminated).toBe(false);
  });

  it('fails the run when the scenario cannot be posted', () => {
    const runner = new WorkerRunner(() => ({
      post: () => {
        throw new DOMException('could not be cloned', 'DataCloneError');
      },
      terminate: () => {},
    }));
    const events = record(runner);
    runner.start({ runId: 'a', scenario: () => 1 });
    expect(events).toMatchObject([{ type: 'run.failed', runId: 'a', error: { name: 'DataCloneError' } }]);
  });

  it('runs a lesson end to end with the real endpoint behind a structured-clone boundary', async () => {
    const factory: WorkerFactory = (callbacks) => {
      const endpoint = new RunnerEndpoint({
        post: (m) => callbacks.message(structuredClone(m)),
        yieldToHost: () => new Promise((resolve) => setTimeout(resolve, 0)),
        sliceEvents: 10,
      });
      return { post: (r) => void endpoint.handle(structuredClone(r)), terminate: () => {} };
    };
    const runner = new WorkerRunner(factory);
    const events = record(runner);
    const done = new Promise<void>((resolve) => runner.onRunEvent((e) => e.type === 'run.finished' && resolve()));
    runner.start({ runId: 'tcp', scenario: JSON.parse(lessonText('sockets-tcp')) });
    await done;
    expect(events[0]).toMatchObject({ type: 'run.started', scenarioName: 'Socket programming: TCP' });
    expect(events.filter((e) => e.type === 'run.batch').length).toBeGreaterThan(1);
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', summary: { stopReason: 'idle' } });
  });
});
