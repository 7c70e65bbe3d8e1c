// The TCP pair in the test world (two hosts, one router, 10 Mb/s and 5 ms
// per link), read like a sequence chart; and the sender on its own, sans-I/O,
// to see what it hands to TCP.
import { describe, expect, it } from 'vitest';
import type { Engine, EngineTransmit, StreamEvent } from '../../engine/face';
import { Outbox } from '../../engine/outbox';
import { TestWorld } from '../../host/world.test-helper';
import { ms } from '../../sim/time';
import { encodeStreamHeader, PATTERN_CHUNK, STREAM_HEADER_BYTES } from './codec';
import { PROTOCOL, type BulkEvent } from './events';
import { reportBulk } from './report';
import { TcpBulkSender, TcpBulkSink } from './tcp-bulk';

const bulk = <C>(engine: Engine<BulkEvent, C>) => ({ engine, protocol: PROTOCOL, name: 'test', report: reportBulk });
const PORT = 5001;

function world(): TestWorld {
  const w = new TestWorld({ hosts: { client: '10.0.0.1', server: '10.0.0.2' } });
  w.drive('server', bulk(new TcpBulkSink(w.env('server'), PORT)));
  return w;
}

function send(w: TestWorld, bytes: number, at = 0): void {
  w.at(at, () => w.drive('client', bulk(new TcpBulkSender(w.env('client')))).command({ server: { addr: w.address('server'), port: PORT }, bytes }));
}

describe('TCP bulk transfer', () => {
  it('moves the file whole; the sink reports bytes, time and throughput, the sender its time', () => {
    const w = world();
    send(w, 200_000, ms(1));
    w.run();
    const [started] = w.states('bulk.started');
    expect(started).toMatchObject({ node: 'client', at: ms(1), summary: 'sending 200000 bytes over TCP to 10.0.0.2:5001' });
    const [transfer, ...others] = w.messages();
    expect(others).toEqual([]);
    expect(transfer).toMatchObject({ from: 'client', to: 'server', protocol: 'bulk', summary: 'Transfer 200000 bytes', bytes: encodeStreamHeader(200_000) });
    const [done] = w.states('bulk.completed');
    expect(done).toMatchObject({ node: 'server', causedBy: transfer!.id, data: { transport: 'tcp', bytes: 200_000, expected: 200_000, intact: true } });
    const sinkTime = w.metrics().find((m) => m.node === 'server' && m.name === 'transferTime')!;
    const throughput = w.metrics().find((m) => m.name === 'throughput')!;
    expect(throughput.value).toBeCloseTo((8 * 200_000) / sinkTime.value, 3);
    // Below 10 Mb/s: every 1460 bytes of file cost 1500 on the wire.
    expect(throughput.value).toBeLessThan(10e6 * (1460 / 1500) * 1.01);
    expect(throughput.value).toBeGreaterThan(10e6 * (1460 / 1500) * 0.99);
    const [sent] = w.states('bulk.sent');
    expect(sent).toMatchObject({ node: 'client', causedBy: transfer!.id, data: { transport: 'tcp', bytes: 200_000 } });
    // The sender is done once the sink has acknowledged everything and closed: after the sink's last byte.
    expect(sent!.at).toBeGreaterThan(done!.at);
    expect(w.metrics().find((m) => m.node === 'client' && m.name === 'transferTime')!.value).toBeCloseTo((sent!.at - ms(1)) / 1e9, 9);
  });

  it('carries any length, on and off the 64 KiB chunk boundaries', () => {
    for (const bytes of [1, 1459, 65_536, 65_537, 3 * 65_536 + 5]) {
      const w = world();
      send(w, bytes);
      w.run();
      expect(w.states('bulk.completed')[0]!.data).toMatchObject({ bytes, expected: bytes, intact: true });
      const payload = w.messages('transport').filter((m) => m.from === 'client').reduce((n, m) => n + m.bytes.length - (m.bytes[12]! >> 4) * 4, 0); // less the TCP header (its data offset)
      expect(payload).toBe(STREAM_HEADER_BYTES + bytes);
    }
  });

  it('serves two senders at once, one connection each', () => {
    const w = new TestWorld({ hosts: { a: '10.0.0.1', b: '10.0.0.3', server: '10.0.0.2' } });
    w.drive('server', bulk(new TcpBulkSink(w.env('server'), PORT)));
    for (const [host, bytes] of [['a', 30_000], ['b', 50_000]] as const) {
      w.drive(host, bulk(new TcpBulkSender(w.env(host)))).command({ server: { addr: w.address('server'), port: PORT }, bytes });
    }
    w.run();
    const done = w.states('bulk.completed');
    expect(done.map((s) => s.data['bytes']).sort()).toEqual([30_000, 50_000]);
    expect(new Set(done.map((s) => s.connection)).size).toBe(2);
  });

  it('fails at the sender when nobody listens (RST)', () => {
    const w = new TestWorld({ hosts: { client: '10.0.0.1', server: '10.0.0.2' } });
    send(w, 1000);
    w.run();
    expect(w.states('bulk.failed')[0]).toMatchObject({ node: 'client', summary: 'transfer failed: connection reset', data: { received: null, expected: 1000 } });
    expect(w.states('bulk.sent')).toEqual([]);
  });
});

/** A TCP client that writes what it is told and closes: a sender that breaks the protocol. */
class RawStream implements Engine<never, Uint8Array> {
  private readonly out = new Outbox<never>('bulk');
  private data: Uint8Array = new Uint8Array(0);
  constructor(private readonly to: number) {}
  handleCommand(data: Uint8Array): void {
    this.data = data;
    this.out.connect(1, { addr: this.to, port: PORT });
  }
  handleStream(e: StreamEvent): void {
    if (e.type !== 'connected') return;
    this.out.write(1, this.data, this.out.label('raw', null));
    this.out.close(1);
  }
  handleDatagram(): void {}
  handleTimeout(): void {}
  pollTimeout = () => null;
  pollTransmit = () => this.out.pollTransmit();
  pollEvent = () => this.out.pollEvent();
}

describe('TCP bulk sink, given bytes that break the protocol', () => {
  function raw(bytes: Uint8Array): TestWorld {
    const w = world();
    w.bare('client', new RawStream(w.address('server'))).command(bytes);
    w.run();
    return w;
  }

  it('reports a stream that ends early as failed, with what it got', () => {
    const w = raw(new Uint8Array([...encodeStreamHeader(1000), ...PATTERN_CHUNK.subarray(0, 10)]));
    expect(w.states('bulk.failed')[0]).toMatchObject({ node: 'server', summary: 'transfer failed after 10 of 1000 bytes: the sender closed before the end', data: { received: 10, expected: 1000 } });
    expect(w.states('bulk.completed')).toEqual([]);
  });

  it('checks every byte, and warns of bytes past the end', () => {
    const file = PATTERN_CHUNK.slice(0, 20);
    file[7] = 0xee;
    const w = raw(new Uint8Array([...encodeStreamHeader(20), ...file, 1, 2, 3]));
    expect(w.states('bulk.completed')[0]!).toMatchObject({ summary: expect.stringContaining('(some bytes not as sent)'), data: { bytes: 20, intact: false } });
    expect(w.states('bulk.malformed')[0]!.summary).toBe('not a bulk transfer: bytes past the announced end of 20 bytes');
  });

  it('resets a connection whose length is beyond 2^53 − 1', () => {
    const w = raw(new Uint8Array([0xff, 0, 0, 0, 0, 0, 0, 0, 1]));
    expect(w.states('bulk.malformed')[0]!.summary).toBe('not a bulk transfer: the length exceeds 2^53 − 1 bytes');
    expect(w.messages('transport').some((m) => m.from === 'server' && m.summary.includes('RST'))).toBe(true);
    expect(w.states('bulk.failed')).toEqual([]);
  });
});

describe('TCP bulk sender, sans-I/O', () => {
  it('writes the length, then the file as views of one shared 64 KiB chunk, then closes', () => {
    let ids = 0;
    const sender = new TcpBulkSender({ socketId: () => ++ids, random32: () => 0 });
    const bytes = 1_000_000_000;
    sender.handleCommand({ server: { addr: 1, port: PORT }, bytes }, 0);
    expect(sender.pollTransmit()).toMatchObject({ kind: 'connect' });
    sender.handleStream({ type: 'connected', socket: 1, connection: 'tcp:x' }, 5);
    const writes: EngineTransmit[] = [];
    for (let t = sender.pollTransmit(); t !== null; t = sender.pollTransmit()) writes.push(t);
    expect(writes.at(-1)).toEqual({ kind: 'close', socket: 1 });
    const [header, ...file] = writes.slice(0, -1).map((t) => (t.kind === 'write' ? t.data : null));
    expect(header).toEqual(encodeStreamHeader(bytes));
    expect(file.reduce((n, d) => n + d!.length, 0)).toBe(bytes);
    expect(file.every((d) => d!.buffer === PATTERN_CHUNK.buffer)).toBe(true);
  });
});
