import { createPinia, setActivePinia } from 'pinia';
import { isReactive } from 'vue';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src-core/api/contract';
import type { MessageEvent } from '../../src-core/trace/types';
import { useRunStore } from './run';

function message(id: number): MessageEvent {
  return {
    kind: 'message', id, layer: 'transport', protocol: 'tcp', from: 'a', to: 'b', src: { addr: '10.0.0.1', port: 1 },
    dst: { addr: '10.0.0.2', port: 2 }, sentAt: 0, receivedAt: null, summary: 'SYN', bytes: new Uint8Array(), connection: null,
    causedBy: null, carries: [], retransmission: false, timing: null, lost: null,
  };
}

const batch = (runId: string, ids: number[]): RunEvent => ({
  type: 'run.batch',
  runId,
  batch: { events: ids.map(message), updates: [], metrics: [] },
});

beforeEach(() => setActivePinia(createPinia()));

describe('run store', () => {
  it('follows a run from start to finish', () => {
    const run = useRunStore();
    run.begin('r1', 'Socket programming: TCP');
    expect(run.status).toBe('running');
    run.apply({ type: 'run.started', runId: 'r1', nodes: [{ id: 'a', name: 'A', kind: 'host', address: '10.0.0.1' }], seed: 1, scenarioName: 'TCP' });
    run.apply(batch('r1', [0, 1]));
    run.apply({ type: 'run.progress', runId: 'r1', progress: { simTime: 5, endTime: 10, kernelEvents: 3, traceEvents: 2 } });
    run.apply(batch('r1', [2]));
    expect(run.eventCount).toBe(3);
    expect(run.trace.messageIds).toEqual([0, 1, 2]);
    expect(run.progress?.simTime).toBe(5);
    run.apply({ type: 'run.finished', runId: 'r1', summary: { stopReason: 'idle', endTime: 9, traceEvents: 3, seed: 1 } });
    expect(run.status).toBe('finished');
    expect(run.running).toBe(false);
    expect(run.nodes.map((n) => n.name)).toEqual(['A']);
  });

  it('counts versions so views notice in-place changes', () => {
    const run = useRunStore();
    run.begin('r1', 'x');
    const v = run.version;
    run.apply(batch('r1', [0]));
    expect(run.version).toBe(v + 1);
  });

  it('ignores events of any other run', () => {
    const run = useRunStore();
    run.begin('new', 'x');
    run.apply(batch('old', [0]));
    run.apply({ type: 'run.finished', runId: 'old', summary: { stopReason: 'cancelled', endTime: 1, traceEvents: 1, seed: 1 } });
    expect(run.status).toBe('running');
    expect(run.eventCount).toBe(0);
  });

  it('records failures and invalid scenarios', () => {
    const run = useRunStore();
    run.begin('r', 'x');
    run.apply({ type: 'run.failed', runId: 'r', error: { name: 'WorkerError', message: 'boom' } });
    expect(run.status).toBe('failed');
    expect(run.error).toEqual({ name: 'WorkerError', message: 'boom' });
    run.begin('r2', 'x');
    expect(run.error).toBeNull();
    run.apply({ type: 'run.invalid', runId: 'r2', issues: [{ path: 'nodes', message: 'expected an array' }] });
    expect(run.status).toBe('invalid');
    expect(run.issues).toHaveLength(1);
    run.markInvalid([{ path: '', message: 'bad', line: 1 }]);
    expect(run.runId).toBeNull();
    expect(run.issues[0]!.line).toBe(1);
  });

  it('starts each run with an empty trace and resets to idle', () => {
    const run = useRunStore();
    run.begin('a', 'x');
    run.apply(batch('a', [0, 1]));
    run.begin('b', 'x');
    expect(run.eventCount).toBe(0);
    run.reset();
    expect(run.status).toBe('idle');
    expect(run.runId).toBeNull();
  });

  it('never makes the trace deep-reactive', () => {
    const run = useRunStore();
    run.begin('a', 'x');
    run.apply(batch('a', [0]));
    expect(isReactive(run.trace.events)).toBe(false);
    expect(isReactive(run.trace.events[0])).toBe(false);
  });
});
