import { describe, expect, it } from 'vitest';
import type { MessageEvent, StateEvent, TraceEvent } from '../trace/types';
import { compileQuery, describeQuery, findAll, findEvent, patternError } from './trace-query';

function message(id: number, protocol: string, from: string, to: string, summary: string, extra: Partial<MessageEvent> = {}): MessageEvent {
  return {
    kind: 'message', id, layer: protocol === 'udp' || protocol === 'tcp' ? 'transport' : 'application', protocol, from, to,
    src: { addr: '10.0.0.1', port: 1 }, dst: { addr: '10.0.0.2', port: 2 }, sentAt: id * 1000, receivedAt: id * 1000 + 500,
    summary, bytes: new Uint8Array(0), connection: null, causedBy: null, carries: [], retransmission: false, timing: null, lost: null, ...extra,
  };
}

function state(id: number, node: string, type: string, summary: string): StateEvent {
  return { kind: 'state', id, at: id * 1000, node, protocol: type.split('.')[0]!, type, summary, connection: null, causedBy: null, data: {} };
}

const trace: TraceEvent[] = [
  message(0, 'dns', 'host', 'local', 'Standard query 0x1 A www.example.com'),
  message(1, 'udp', 'host', 'local', '49152 → 53 Len=33'),
  message(2, 'dns', 'local', 'root', 'Standard query 0x2 A www.example.com'),
  state(3, 'local', 'dns.cacheStored', 'cached com NS for 172800 s'),
  message(4, 'dns', 'root', 'local', 'Standard query response 0x2 A www.example.com NS a.gtld-servers.net'),
  message(5, 'dns', 'local', 'host', 'Standard query response 0x1 A www.example.com A 192.0.2.10', { lost: { at: 5600, reason: 'rule', link: 'l', node: 'local' }, receivedAt: null }),
  message(6, 'dns', 'host', 'local', 'Standard query 0x3 A mail.example.com'),
  state(7, 'local', 'dns.cacheStored', 'cached www.example.com A for 300 s'),
];

describe('trace queries', () => {
  it('match every field given: protocol, from, to, summary pattern', () => {
    expect(findEvent(trace, { protocol: 'dns', from: 'host', to: 'local' })?.id).toBe(0);
    expect(findEvent(trace, { protocol: 'dns', from: 'root' })?.id).toBe(4);
    expect(findEvent(trace, { protocol: 'dns', summary: 'mail\\.example' })?.id).toBe(6);
    expect(findEvent(trace, { summary: '^\\d+ → 53' })?.id).toBe(1);
    expect(findEvent(trace, { protocol: 'http' })).toBeNull();
  });

  it('pick the nth match, counting from 1, or from the end when negative', () => {
    expect(findEvent(trace, { protocol: 'dns', from: 'host', nth: 2 })?.id).toBe(6);
    expect(findEvent(trace, { protocol: 'dns', from: 'host', nth: 3 })).toBeNull();
    expect(findEvent(trace, { protocol: 'dns', nth: -1 })?.id).toBe(6);
    expect(findEvent(trace, { protocol: 'dns', nth: -2 })?.id).toBe(5);
    expect(findEvent(trace, { protocol: 'dns', nth: -99 })).toBeNull();
  });

  it('tell messages from state events, and filter state events by node and type', () => {
    expect(findEvent(trace, { kind: 'state', type: 'dns.cacheStored' })?.id).toBe(3);
    expect(findEvent(trace, { kind: 'state', node: 'local', summary: 'www' })?.id).toBe(7);
    expect(findEvent(trace, { kind: 'state', from: 'local' })).toBeNull(); // a state event has no sender
    expect(findEvent(trace, { type: 'dns.cacheStored' })).toBeNull(); // a message has no type
    expect(findAll(trace, { kind: 'state' }).map((e) => e.id)).toEqual([3, 7]);
  });

  it('filter by layer and by loss', () => {
    expect(findAll(trace, { layer: 'transport' }).map((e) => e.id)).toEqual([1]);
    expect(findAll(trace, { lost: true }).map((e) => e.id)).toEqual([5]);
    expect(findAll(trace, { protocol: 'dns', lost: false })).toHaveLength(4);
  });

  it('never throw on a bad pattern: it is reported by patternError and matches nothing', () => {
    expect(patternError('(')).toMatch(/Invalid regular expression|Unterminated group/);
    expect(patternError('^a+$')).toBeNull();
    expect(findAll(trace, compileQuery({ summary: '(' }))).toEqual([]);
  });

  it('are described in words for messages that name them', () => {
    expect(describeQuery({ protocol: 'dns', from: 'local', to: 'root', nth: 2 })).toBe('the 2nd dns message from local to root');
    expect(describeQuery({ kind: 'state', type: 'dns.cacheHit', node: 'local', nth: -1 })).toBe('the last dns.cacheHit at local');
    expect(describeQuery({ protocol: 'http', summary: '^GET', nth: 11 })).toBe('the 11th http message matching /^GET/');
  });
});
