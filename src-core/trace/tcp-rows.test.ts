import { describe, expect, it } from 'vitest';
import { describeTcpSegment, encodeTcp, TCP_FLAGS, type TcpSegment } from '../transport/tcp/codec';
import { TraceStore, VIEW_BYTES } from './store';
import { ISN_MODE, PAGE_ROWS } from './tcp-rows';

const A = 0x0a000001;
const B = 0x0a000002;

function segment(seq: number, payload: Uint8Array, flags = TCP_FLAGS.ACK | TCP_FLAGS.PSH): TcpSegment {
  return { srcPort: 49152, dstPort: 80, seq, ack: 5000, flags, window: 65535, urgentPointer: 0, options: [], payload };
}

/** A store with one flow whose application wrote `written`. */
function storeWithFlow(written: Uint8Array[]) {
  const store = new TraceStore();
  const flow = store.openTcpFlow({
    from: 'A',
    to: 'B',
    src: { addr: '10.0.0.1', port: 49152 },
    dst: { addr: '10.0.0.2', port: 80 },
    connection: 'tcp:10.0.0.1:49152-10.0.0.2:80',
    iss: 1000,
  });
  for (const w of written) store.streamWritten(flow, w);
  return { store, flow };
}

describe('compact TCP segments in the trace store', () => {
  it('read back the bytes, Info line and fields they were recorded with', () => {
    const data = new Uint8Array(3000).map((_, i) => (i * 7) & 0xff);
    const { store, flow } = storeWithFlow([data.subarray(0, 1000), data.subarray(1000)]);
    const seg = segment(1001 + 500, data.subarray(500, 1960));
    const bytes = encodeTcp(seg, A, B);
    const id = store.addTcpSegment({
      sentAt: 123, causedBy: null, carries: [7], retransmission: true,
      segment: bytes, headerLength: 20, flow, streamOffset: 500, isnMode: ISN_MODE.relative, irs: 4999,
    });
    const e = store.message(id)!;
    expect([...e.bytes]).toEqual([...bytes]);
    expect(e.summary).toBe(`[TCP Retransmission] ${describeTcpSegment(seg, { iss: 1000, irs: 4999 })}`);
    expect(e.summary).toBe('[TCP Retransmission] 49152 → 80 [PSH, ACK] Seq=501 Ack=1 Win=65535 Len=1460');
    expect({ from: e.from, to: e.to, src: e.src, dst: e.dst, sentAt: e.sentAt, carries: e.carries, layer: e.layer, protocol: e.protocol }).toEqual({
      from: 'A', to: 'B', src: { addr: '10.0.0.1', port: 49152 }, dst: { addr: '10.0.0.2', port: 80 }, sentAt: 123, carries: [7], layer: 'transport', protocol: 'tcp',
    });
    expect([e.receivedAt, e.timing, e.lost, e.causedBy]).toEqual([null, null, null, null]);
  });

  it('numbers Seq absolutely for a first SYN whose peer ISN is unknown, and shows MSS from the options', () => {
    const { store, flow } = storeWithFlow([]);
    const syn: TcpSegment = { ...segment(1000, new Uint8Array(0), TCP_FLAGS.SYN), options: [{ kind: 'mss', value: 1460 }] };
    const bytes = encodeTcp(syn, A, B);
    const id = store.addTcpSegment({
      sentAt: 0, causedBy: null, carries: [], retransmission: false,
      segment: bytes, headerLength: bytes.length, flow, streamOffset: 0, isnMode: ISN_MODE.relativeNoIrs, irs: 0,
    });
    expect(store.message(id)!.summary).toBe(describeTcpSegment(syn, { iss: 1000, irs: null }));
    expect(store.message(id)!.summary).toBe('49152 → 80 [SYN] Seq=0 Win=65535 Len=0 MSS=1460');
  });

  it('completes a segment once, and hands out batches of plain objects with the completions', () => {
    const { store, flow } = storeWithFlow([new Uint8Array(10)]);
    const add = () => store.addTcpSegment({
      sentAt: 0, causedBy: 0, carries: [], retransmission: false,
      segment: encodeTcp(segment(1001, new Uint8Array(10)), A, B), headerLength: 20, flow, streamOffset: 0, isnMode: ISN_MODE.relative, irs: 4999,
    });
    const first = add();
    const batch = store.takeBatch();
    expect(Object.keys(batch.events[0]!)).toContain('summary');
    expect(structuredClone(batch.events[0])).toEqual(batch.events[0]);
    store.markReceived(first, 900, { queueing: 1, transmission: 2, propagation: 3 });
    store.markLost(first, { at: 950, reason: 'random', link: 'l', node: 'A' });
    const second = add();
    store.markLost(second, { at: 950, reason: 'queue-full', link: 'l', node: 'A' }, { queueing: 4, transmission: 0, propagation: 0 });
    const next = store.takeBatch();
    expect(next.updates).toEqual([{ id: first, receivedAt: 900, timing: { queueing: 1, transmission: 2, propagation: 3 }, lost: null }]);
    expect(next.events).toMatchObject([{ id: second, receivedAt: null, lost: { reason: 'queue-full' }, timing: { queueing: 4 } }]);
  });

  it('accounts for its memory from the sizes it allocated, pages included', () => {
    const pattern = new Uint8Array(1460);
    const { store, flow } = storeWithFlow([]);
    const bytes = encodeTcp(segment(1001, pattern), A, B);
    const rows = PAGE_ROWS + 10;
    for (let i = 0; i < rows; i++) {
      store.streamWritten(flow, pattern);
      store.addTcpSegment({
        sentAt: i, causedBy: null, carries: [], retransmission: false,
        segment: bytes, headerLength: 20, flow, streamOffset: i * 1460, isnMode: ISN_MODE.relative, irs: 4999,
      });
    }
    const m = store.memory();
    expect(m.tcpSegments).toBe(rows);
    expect(m.applicationBufferBytes).toBe(1460);
    // two pages of columns, the header pool, 16 bytes of stream reference and a view per row
    expect(m.bytesPerTcpSegment).toBeGreaterThan(20 + 16 + VIEW_BYTES);
    expect(m.bytesPerTcpSegment).toBeLessThan(200);
  });
});
