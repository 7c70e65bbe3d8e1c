import { describe, expect, it } from 'vitest';
import type { MessageEvent, TraceEvent } from '../../src-core/trace/types';
import { createFacetIndex, fullLaneOrder, moveLane } from './facets';

const message = (id: number, protocol: string, from: string, to: string): MessageEvent => ({
  kind: 'message', id, layer: 'transport', protocol, from, to, src: { addr: '10.0.0.1', port: 1 }, dst: { addr: '10.0.0.2', port: 2 },
  sentAt: id, receivedAt: null, summary: '', bytes: new Uint8Array(), connection: null, causedBy: null, carries: [], retransmission: false, timing: null, lost: null,
});

describe('facets', () => {
  it('collects protocols and nodes as they appear, and grows with the trace', () => {
    const index = createFacetIndex();
    const events: TraceEvent[] = [message(0, 'tcp', 'a', 'b')];
    expect(index(events)).toEqual({ protocols: ['tcp'], nodes: ['a', 'b'] });
    events.push(message(1, 'sockets', 'c', 'a'), message(2, 'tcp', 'b', 'a'));
    expect(index(events)).toEqual({ protocols: ['tcp', 'sockets'], nodes: ['a', 'b', 'c'] });
    expect(index([message(0, 'udp', 'x', 'y')])).toEqual({ protocols: ['udp'], nodes: ['x', 'y'] });
  });

  it('orders lanes and moves them one place', () => {
    expect(fullLaneOrder(['c'], ['a', 'c'], ['a', 'b', 'c'])).toEqual(['c', 'a', 'b']);
    expect(moveLane(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveLane(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(moveLane(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveLane(['a', 'b', 'c'], 'z', 1)).toEqual(['a', 'b', 'c']);
  });
});
