import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src-core/api/contract';
import type { MessageUpdate, StateEvent } from '../../src-core/trace/types';
import { createCoalescer, mergeBatches } from './coalesce';

function state(id: number): StateEvent {
  return { kind: 'state', id, at: id, node: 'a', protocol: 'tcp', type: 't', summary: 's', connection: null, causedBy: null, data: {} };
}
const update = (id: number): MessageUpdate => ({ id, receivedAt: id, timing: null, lost: null });
const batch = (runId: string, ids: number[], updates: number[] = []): RunEvent => ({
  type: 'run.batch',
  runId,
  batch: { events: ids.map(state), updates: updates.map(update), metrics: [] },
});
const progress = (runId: string, simTime: number): RunEvent => ({
  type: 'run.progress',
  runId,
  progress: { simTime, endTime: 100, kernelEvents: simTime, traceEvents: simTime },
});
const finished = (runId: string): RunEvent => ({
  type: 'run.finished',
  runId,
  summary: { stopReason: 'idle', endTime: 9, traceEvents: 9, seed: 1 },
});

function setup() {
  const out: RunEvent[] = [];
  let clock = 0;
  let pending: (() => void) | null = null;
  const c = createCoalescer({
    emit: (e) => out.push(e),
    intervalMs: 50,
    now: () => clock,
    setTimer: (cb) => (pending = cb),
    clearTimer: () => (pending = null),
  });
  return {
    c,
    out,
    advance: (ms: number) => (clock += ms),
    fireTimer: () => pending?.(),
  };
}

describe('createCoalescer', () => {
  it('merges batches and keeps the latest progress until the timer fires', () => {
    const { c, out, fireTimer } = setup();
    c.push(batch('r', [0, 1]));
    c.push(progress('r', 1));
    c.push(batch('r', [2], [0]));
    c.push(progress('r', 2));
    expect(out).toEqual([]);
    fireTimer();
    expect(out).toEqual([
      { type: 'run.batch', runId: 'r', batch: { events: [state(0), state(1), state(2)], updates: [update(0)], metrics: [] } },
      progress('r', 2),
    ]);
  });

  it('sends what it holds before any other event, in order', () => {
    const { c, out } = setup();
    c.push({ type: 'run.started', runId: 'r', nodes: [], seed: 1, scenarioName: 'x' });
    c.push(batch('r', [0]));
    c.push(progress('r', 1));
    c.push(finished('r'));
    expect(out.map((e) => e.type)).toEqual(['run.started', 'run.batch', 'run.progress', 'run.finished']);
  });

  it('sends on time even when the timer cannot run (a busy thread)', () => {
    const { c, out, advance } = setup();
    c.push(batch('r', [0]));
    advance(30);
    c.push(batch('r', [1]));
    expect(out).toEqual([]);
    advance(20);
    c.push(batch('r', [2]));
    expect(out).toHaveLength(1);
    expect(out[0]!.type === 'run.batch' && out[0]!.batch.events.map((e) => e.id)).toEqual([0, 1, 2]);
  });

  it('never merges two runs', () => {
    const { c, out } = setup();
    c.push(batch('a', [0]));
    c.push(progress('b', 1));
    c.push(batch('b', [0]));
    c.flush();
    expect(out.map((e) => [e.type, e.runId])).toEqual([
      ['run.batch', 'a'],
      ['run.batch', 'b'],
      ['run.progress', 'b'],
    ]);
  });

  it('passes a single batch through unchanged', () => {
    const one = { events: [state(0)], updates: [], metrics: [] };
    expect(mergeBatches([one])).toBe(one);
  });
});
