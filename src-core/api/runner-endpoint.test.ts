import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from './contract';
import { RunnerEndpoint } from './runner-endpoint';

const lesson = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '../../resources/lessons', name), 'utf8'));

function endpoint(sliceEvents = 20) {
  const events: RunEvent[] = [];
  let yields = 0;
  const ep = new RunnerEndpoint({
    post: (m) => events.push(structuredClone(m)),
    yieldToHost: () => {
      yields++;
      return Promise.resolve();
    },
    sliceEvents,
  });
  return { ep, events, yields: () => yields };
}

describe('RunnerEndpoint', () => {
  it('streams started, batches with progress, then finished', async () => {
    const { ep, events, yields } = endpoint();
    await ep.handle({ type: 'run', runId: 'r1', scenario: lesson('sockets-tcp.l7.json') });
    expect(events[0]).toMatchObject({ type: 'run.started', runId: 'r1', seed: 1, scenarioName: 'Socket programming: TCP' });
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', runId: 'r1', summary: { stopReason: 'idle', seed: 1 } });
    const batches = events.filter((e) => e.type === 'run.batch');
    expect(batches.length).toBeGreaterThan(2);
    expect(yields()).toBeGreaterThan(2);
    const ids = batches.flatMap((b) => (b.type === 'run.batch' ? b.batch.events.map((e) => e.id) : []));
    expect(ids).toEqual(ids.map((_, i) => i)); // every event once, in order
  });

  it('reports an invalid scenario with its issues and runs nothing', async () => {
    const { ep, events } = endpoint();
    await ep.handle({ type: 'run', runId: 'bad', scenario: { format: 'l7-scenario', version: 1, name: 'x', nodes: [], links: [], workload: [] } });
    expect(events).toHaveLength(1);
    expect(events[0]!.type).toBe('run.invalid');
  });

  it('stops at the next slice when cancelled', async () => {
    const { ep, events } = endpoint(5);
    const done = ep.handle({ type: 'run', runId: 'r2', scenario: lesson('sockets-tcp.l7.json') });
    await ep.handle({ type: 'cancel', runId: 'r2' });
    await done;
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', summary: { stopReason: 'cancelled' } });
    expect(events.filter((e) => e.type === 'run.progress')).toHaveLength(1);
  });

  it('cancels the current run when a new one starts', async () => {
    const { ep, events } = endpoint(5);
    const first = ep.handle({ type: 'run', runId: 'a', scenario: lesson('sockets-tcp.l7.json') });
    const second = ep.handle({ type: 'run', runId: 'b', scenario: lesson('sockets-udp.l7.json') });
    await Promise.all([first, second]);
    const finished = events.filter((e) => e.type === 'run.finished');
    expect(finished.map((e) => e.type === 'run.finished' && [e.runId, e.summary.stopReason])).toEqual([
      ['a', 'cancelled'],
      ['b', 'idle'],
    ]);
  });
});
