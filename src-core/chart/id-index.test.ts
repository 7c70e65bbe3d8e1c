import { describe, expect, it } from 'vitest';
import type { MessageEvent, TraceEvent } from '../trace/types';
import { messagesById } from './id-index';

function message(id: number, summary = `m${id}`): MessageEvent {
  return {
    kind: 'message', id, layer: 'transport', protocol: 'udp', from: 'a', to: 'b',
    src: { addr: '10.0.0.1', port: 1 }, dst: { addr: '10.0.0.2', port: 2 },
    sentAt: id, receivedAt: id + 1, summary, bytes: new Uint8Array(0), connection: null, causedBy: null, carries: [],
    retransmission: false, timing: null, lost: null,
  };
}

/** A non-message event at `id` (only its kind and id matter here). */
const other = (id: number) => ({ kind: 'state', id }) as unknown as TraceEvent;

describe('messagesById', () => {
  it('reads a trace whose ids are its indexes in place: messages only, nothing for other ids', () => {
    const events = [message(0), other(1), message(2)];
    const byId = messagesById(events);
    expect(byId.get(0)).toBe(events[0]);
    expect(byId.get(2)).toBe(events[2]);
    for (const id of [1, 3, -1, 0.5, NaN]) expect(byId.get(id)).toBeUndefined();
  });

  it('maps the messages of a trace whose ids are not its indexes, the last of equal ids winning', () => {
    const later = message(5, 'later');
    const events = [message(5), message(9), other(2), later];
    const byId = messagesById(events);
    expect(byId.get(5)).toBe(later);
    expect(byId.get(9)).toBe(events[1]);
    expect(byId.get(2)).toBeUndefined();
    expect(byId.get(0)).toBeUndefined();
  });
});
