import { describe, expect, it } from 'vitest';
import type { MessageEvent, TraceEvent } from '../../src-core/trace/types';
import { createRelationsIndex } from './relations';

function message(id: number, causedBy: number | null, carries: number[] = []): MessageEvent {
  return {
    kind: 'message', id, layer: carries.length ? 'transport' : 'application', protocol: 'tcp', from: 'a', to: 'b',
    src: { addr: '10.0.0.1', port: 1 }, dst: { addr: '10.0.0.2', port: 2 }, sentAt: id, receivedAt: null, summary: `m${id}`,
    bytes: new Uint8Array(), connection: null, causedBy, carries, retransmission: false, timing: null, lost: null,
  };
}

describe('createRelationsIndex', () => {
  it('finds the events each one caused and the segments that carry a message', () => {
    const index = createRelationsIndex();
    const events: TraceEvent[] = [message(0, null), message(1, 0, [0]), message(2, 1), message(3, 0, [0])];
    const r = index(events);
    expect(r.caused(0)).toEqual([1, 3]);
    expect(r.caused(1)).toEqual([2]);
    expect(r.caused(2)).toEqual([]);
    expect(r.carriedBy(0)).toEqual([1, 3]);
  });

  it('extends itself as the trace grows, and starts again for a new trace', () => {
    const index = createRelationsIndex();
    const events: TraceEvent[] = [message(0, null)];
    expect(index(events).caused(0)).toEqual([]);
    events.push(message(1, 0));
    expect(index(events).caused(0)).toEqual([1]);
    expect(index(events).caused(0)).toEqual([1]); // not counted twice
    const other: TraceEvent[] = [message(0, null), message(1, null)];
    expect(index(other).caused(0)).toEqual([]);
  });
});
