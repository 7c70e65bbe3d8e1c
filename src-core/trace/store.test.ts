import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBase64, encodeBase64 } from './base64';
import { traceToJson } from './json';
import { TraceStore, type NewMessage } from './store';

function message(overrides: Partial<NewMessage> = {}): NewMessage {
  return {
    layer: 'transport',
    protocol: 'udp',
    from: 'A',
    to: 'B',
    src: { addr: '10.0.0.1', port: 5000 },
    dst: { addr: '10.0.0.2', port: 12000 },
    sentAt: 0,
    summary: '5000 → 12000 Len=5',
    bytes: new Uint8Array([1, 2, 3]),
    connection: null,
    causedBy: null,
    carries: [],
    retransmission: false,
    ...overrides,
  };
}

describe('TraceStore', () => {
  it('numbers events in order and completes messages once', () => {
    const t = new TraceStore();
    const a = t.addMessage(message());
    const s = t.addState({ at: 5, node: 'A', protocol: 'tcp', type: 'tcp.state', summary: 'x', connection: null, causedBy: 0, data: {} });
    expect([a.id, s.id]).toEqual([0, 1]);
    t.markReceived(0, 100, { queueing: 0, transmission: 40, propagation: 60 });
    t.markLost(0, { at: 50, reason: 'random', link: 'l', node: 'A' });
    expect(t.message(0)!.receivedAt).toBe(100);
    expect(t.message(0)!.lost).toBeNull();
  });

  it('streams batches with the completions of messages already handed out', () => {
    const t = new TraceStore();
    t.addMessage(message());
    t.addMessage(message());
    const first = t.takeBatch();
    expect(first.events.map((e) => e.id)).toEqual([0, 1]);
    expect(first.updates).toEqual([]);
    t.markLost(1, { at: 7, reason: 'rule', link: 'l0', node: 'A' });
    t.addMessage(message());
    t.markReceived(2, 9, null);
    const second = t.takeBatch();
    expect(second.events.map((e) => e.id)).toEqual([2]);
    expect(second.events[0]!.kind === 'message' && second.events[0]!.receivedAt).toBe(9);
    expect(second.updates).toEqual([{ id: 1, receivedAt: null, timing: null, lost: { at: 7, reason: 'rule', link: 'l0', node: 'A' } }]);
    expect(t.takeBatch()).toEqual({ events: [], updates: [], metrics: [] });
  });

  it('holds a million events', () => {
    const t = new TraceStore();
    const bytes = new Uint8Array(0);
    for (let i = 0; i < 1_000_000; i++) t.addMessage(message({ sentAt: i, bytes }));
    expect(t.size).toBe(1_000_000);
    expect(t.get(999_999)!.id).toBe(999_999);
  });
});

describe('trace JSON', () => {
  it('writes the documented fields with bytes in base64, and parses as JSON', () => {
    const t = new TraceStore();
    t.addMessage(message());
    t.markReceived(0, 1234, { queueing: 0, transmission: 34, propagation: 1200 });
    t.addMetric({ node: 'A', name: 'replyTime', value: 0.5, unit: 's', at: 1234, summary: 'reply after 0.5 s' });
    const text = traceToJson({
      header: { generator: 'L7 Lab test', scenario: 'x', seed: 1, endTime: 1234, stopReason: 'idle' },
      nodes: [{ id: 'A', name: 'A', kind: 'host', address: '10.0.0.1' }],
      events: t.events,
      metrics: t.metrics,
    });
    const doc = JSON.parse(text);
    expect(doc.format).toBe('l7-trace');
    expect(doc.version).toBe(1);
    expect(doc.events[0]).toMatchObject({ id: 0, layer: 'transport', sentAt: 0, receivedAt: 1234, bytes: 'AQID', causedBy: null });
    expect(doc.metrics[0].name).toBe('replyTime');
  });

  it('writes empty lists as valid JSON', () => {
    const text = traceToJson({ header: { generator: 'g', scenario: 's', seed: 0, endTime: 0, stopReason: 'idle' }, nodes: [], events: [], metrics: [] });
    expect(JSON.parse(text)).toMatchObject({ events: [], metrics: [] });
  });
});

describe('base64', () => {
  it('matches RFC 4648 test vectors', () => {
    const enc = (s: string) => encodeBase64(new TextEncoder().encode(s));
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map(enc)).toEqual(['', 'Zg==', 'Zm8=', 'Zm9v', 'Zm9vYg==', 'Zm9vYmE=', 'Zm9vYmFy']);
  });

  it('round-trips any bytes and rejects bad text without throwing', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
      expect(decodeBase64(encodeBase64(b))).toEqual(b);
    }));
    fc.assert(fc.property(fc.string(), (s) => void decodeBase64(s)));
    expect(decodeBase64('Zm9v!A==')).toBeNull();
  });
});
