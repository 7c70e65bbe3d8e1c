import { isProxy, isReactive } from 'vue';
import { describe, expect, it } from 'vitest';
import type { MessageEvent, StateEvent, TraceBatch } from '../../src-core/trace/types';
import { createTraceArrays, mergeBatch, mergeIds } from './merge-batch';

function message(id: number, layer: 'application' | 'transport' = 'transport'): MessageEvent {
  return {
    kind: 'message', id, layer, protocol: layer === 'application' ? 'sockets' : 'tcp', from: 'a', to: 'b',
    src: { addr: '10.0.0.1', port: 1 }, dst: { addr: '10.0.0.2', port: 2 }, sentAt: id * 1000, receivedAt: null,
    summary: `m${id}`, bytes: new Uint8Array([id]), connection: null, causedBy: null, carries: [], retransmission: false,
    timing: null, lost: null,
  };
}

function state(id: number, protocol = 'tcp'): StateEvent {
  return { kind: 'state', id, at: id, node: 'a', protocol, type: `${protocol}.x`, summary: `s${id}`, connection: null, causedBy: null, data: {} };
}

const batch = (b: Partial<TraceBatch>): TraceBatch => ({ events: [], updates: [], metrics: [], ...b });

describe('mergeBatch', () => {
  it('appends events in order and indexes the messages and the application ones', () => {
    const trace = createTraceArrays();
    mergeBatch(trace, batch({ events: [message(0), state(1), message(2, 'application')] }));
    mergeBatch(trace, batch({ events: [message(3), message(4, 'application')] }));
    expect(trace.events.map((e) => e.id)).toEqual([0, 1, 2, 3, 4]);
    expect(trace.messageIds).toEqual([0, 2, 3, 4]);
    expect(trace.applicationIds).toEqual([2, 4]);
  });

  it('indexes the state changes, and the application-level ones', () => {
    const trace = createTraceArrays();
    mergeBatch(trace, batch({ events: [message(0), state(1), state(2, 'dns'), message(3, 'application'), state(4, 'sockets')] }));
    expect(trace.stateIds).toEqual([1, 2, 4]);
    expect(trace.applicationStateIds).toEqual([2, 4]);
    expect(mergeIds(trace.applicationIds, trace.applicationStateIds)).toEqual([2, 3, 4]);
    expect(mergeIds(trace.messageIds, [])).toBe(trace.messageIds);
    expect(mergeIds([1, 5, 9], [0, 2, 10, 11])).toEqual([0, 1, 2, 5, 9, 10, 11]);
  });

  it('applies updates to messages received in earlier batches by replacing them', () => {
    const trace = createTraceArrays();
    mergeBatch(trace, batch({ events: [message(0), message(1)] }));
    const before = trace.events[0];
    const timing = { queueing: 0, transmission: 32, propagation: 2_000_000 };
    const lost = { at: 5, reason: 'rule' as const, link: 'a-b', node: 'a' };
    const result = mergeBatch(trace, batch({
      updates: [
        { id: 0, receivedAt: 2_000_032, timing, lost: null },
        { id: 1, receivedAt: null, timing: null, lost },
      ],
    }));
    expect(result).toEqual({ added: 0, updated: 2 });
    expect(trace.events[0]).toMatchObject({ receivedAt: 2_000_032, timing, summary: 'm0' });
    expect(trace.events[0]).not.toBe(before);
    expect(before).toMatchObject({ receivedAt: null }); // the old snapshot is untouched
    expect(trace.events[1]).toMatchObject({ receivedAt: null, lost });
  });

  it('applies an update that arrives in the same batch as its event', () => {
    const trace = createTraceArrays();
    mergeBatch(trace, batch({ events: [message(0)], updates: [{ id: 0, receivedAt: 9, timing: null, lost: null }] }));
    expect(trace.events[0]!.kind === 'message' && trace.events[0]!.receivedAt).toBe(9);
  });

  it('ignores updates for unknown ids or state events, and does not index an event twice', () => {
    const trace = createTraceArrays();
    mergeBatch(trace, batch({ events: [state(0), message(1)] }));
    const result = mergeBatch(trace, batch({ events: [message(1)], updates: [{ id: 0, receivedAt: 1, timing: null, lost: null }, { id: 7, receivedAt: 1, timing: null, lost: null }] }));
    expect(result).toEqual({ added: 0, updated: 0 });
    expect(trace.messageIds).toEqual([1]);
    expect(trace.events[0]).toMatchObject({ kind: 'state' });
  });

  it('collects metrics', () => {
    const trace = createTraceArrays();
    const metric = { node: 'a', name: 'replyTime', value: 0.048, unit: 's' as const, at: 48, summary: 'reply' };
    mergeBatch(trace, batch({ metrics: [metric] }));
    expect(trace.metrics).toEqual([metric]);
  });

  it('keeps everything raw: never reactive proxies', () => {
    const trace = createTraceArrays();
    mergeBatch(trace, batch({ events: [message(0)], updates: [{ id: 0, receivedAt: 1, timing: null, lost: null }] }));
    expect(isProxy(trace.events)).toBe(false);
    expect(isReactive(trace.events[0])).toBe(false);
    expect((trace.events[0] as unknown as Record<string, unknown>)['__v_skip']).toBe(true);
  });
});
