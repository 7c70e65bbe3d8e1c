// The UDP pair in the test world (two hosts, one router, 5 ms per link; 10
// Mb/s unless a test says otherwise), read like a sequence chart.
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../engine/face';
import { Outbox } from '../../engine/outbox';
import { TestWorld } from '../../host/world.test-helper';
import { ms, seconds, transmissionDelay } from '../../sim/time';
import { datagramCount, encodeDatagram } from './codec';
import { PROTOCOL, type BulkEvent } from './events';
import { reportBulk } from './report';
import { UDP_IDLE_TIMEOUT, UdpBulkSender, UdpBulkSink } from './udp-bulk';

const bulk = <C>(engine: Engine<BulkEvent, C>) => ({ engine, protocol: PROTOCOL, name: 'test', report: reportBulk });
const PORT = 5001;

function world(bandwidth = 10e6): TestWorld {
  const w = new TestWorld({ hosts: { client: '10.0.0.1', server: '10.0.0.2' }, bandwidth });
  w.drive('server', bulk(new UdpBulkSink(w.env('server'), PORT)));
  return w;
}

function send(w: TestWorld, bytes: number, rate: number, datagramBytes = 1472, at = 0): void {
  w.at(at, () => w.drive('client', bulk(new UdpBulkSender(w.env('client')))).command({ server: { addr: w.address('server'), port: PORT }, bytes, rate, datagramBytes }));
}

describe('UDP bulk transfer', () => {
  it('paces datagrams one every datagramBytes·8/rate, labelled "Datagram k/N"', () => {
    const w = world();
    send(w, 10_000, 4e6, 1016, ms(2)); // 1000 bytes of file per datagram: 10 datagrams, one every 2.032 ms
    w.run();
    const app = w.messages();
    expect(app.map((m) => m.summary)).toEqual(Array.from({ length: 10 }, (_, k) => `Datagram ${k + 1}/10`));
    const interval = transmissionDelay(1016, 4e6);
    expect(interval).toBe(2_032_000);
    expect(app.map((m) => m.sentAt)).toEqual(app.map((_, k) => ms(2) + k * interval));
    expect(app[3]!.bytes).toEqual(encodeDatagram(4, 10_000, 1016));
    const [sent] = w.states('bulk.sent');
    expect(sent).toMatchObject({ node: 'client', at: ms(2) + 9 * interval, causedBy: app[9]!.id, data: { transport: 'udp', elapsed: 9 * interval } });
  });

  it('the sink reports the file at its last datagram: first to last arrival, no loss', () => {
    const w = world();
    send(w, 100_000, 5e6);
    w.run();
    const app = w.messages();
    const [done] = w.states('bulk.completed');
    expect(done).toMatchObject({ node: 'server', at: app.at(-1)!.receivedAt, causedBy: app.at(-1)!.id, data: { transport: 'udp', bytes: 100_000, expected: 100_000, intact: true } });
    expect(done!.data['elapsed']).toBe(app.at(-1)!.receivedAt! - app[0]!.receivedAt!);
    expect(w.states('bulk.datagramsLost')).toEqual([]);
    const throughput = w.metrics().find((m) => m.name === 'throughput')!;
    expect(throughput).toMatchObject({ node: 'server', unit: 'bit/s' });
    // 5 Mb/s of UDP payload, of which 1456/1472 is file.
    expect(throughput.value).toBeGreaterThan(5e6 * (1456 / 1472) * 0.99);
    expect(throughput.value).toBeLessThan(5e6 * 1.03);
  });

  it('faster than the link: the queue overflows and the sink counts the datagrams lost', () => {
    const w = world(1e6);
    send(w, 300 * 1456, 3e6); // three times the first link's rate
    w.run();
    const datagrams = w.messages('transport');
    const lost = datagrams.filter((m) => m.lost !== null);
    expect(lost.length).toBeGreaterThan(100);
    expect(lost.every((m) => m.lost!.reason === 'queue-full')).toBe(true);
    const [done] = w.states('bulk.completed');
    expect(done!.data['bytes']).toBe((300 - lost.length) * 1456);
    expect(w.states('bulk.datagramsLost')[0]).toMatchObject({ node: 'server', summary: `${lost.length} of 300 datagrams lost`, data: { lost: lost.length, datagrams: 300 } });
    // The last datagram met a full queue: the sink waited a second after the last arrival.
    expect(datagrams.at(-1)!.lost).not.toBeNull();
    const lastArrival = Math.max(...datagrams.map((m) => m.receivedAt ?? 0));
    expect(done!.at).toBe(lastArrival + UDP_IDLE_TIMEOUT);
  });

  it('keeps the transfers of two senders apart', () => {
    const w = new TestWorld({ hosts: { a: '10.0.0.1', b: '10.0.0.3', server: '10.0.0.2' } });
    w.drive('server', bulk(new UdpBulkSink(w.env('server'), PORT)));
    for (const [host, bytes] of [['a', 20_000], ['b', 7_000]] as const) {
      w.drive(host, bulk(new UdpBulkSender(w.env(host)))).command({ server: { addr: w.address('server'), port: PORT }, bytes, rate: 2e6, datagramBytes: 1000 });
    }
    w.run();
    expect(w.states('bulk.completed').map((s) => s.data['bytes']).sort()).toEqual([20_000, 7_000]);
  });
});

/** Sends the datagrams it is given, back to back, from one port. */
class RawDatagrams implements Engine<never, Uint8Array[]> {
  private readonly out = new Outbox<never>('bulk');
  constructor(private readonly to: number) {}
  handleCommand(datagrams: Uint8Array[]): void {
    this.out.bind(1, 'ephemeral');
    for (const d of datagrams) this.out.send(1, { addr: this.to, port: PORT }, d, this.out.label('raw', null));
  }
  handleStream(): void {}
  handleDatagram(): void {}
  handleTimeout(): void {}
  pollTimeout = () => null;
  pollTransmit = () => this.out.pollTransmit();
  pollEvent = () => this.out.pollEvent();
}

describe('UDP bulk sink, given datagrams that break the protocol', () => {
  function raw(datagrams: Uint8Array[]): TestWorld {
    const w = world();
    w.bare('client', new RawDatagrams(w.address('server'))).command(datagrams);
    w.run();
    return w;
  }

  it('reports a malformed datagram and goes on', () => {
    const w = raw([new Uint8Array([1, 2, 3]), encodeDatagram(1, 10, 26)]);
    expect(w.states('bulk.malformed')[0]!.summary).toBe('not a bulk transfer: 3 bytes, the header needs 16');
    expect(w.states('bulk.completed')[0]!.data).toMatchObject({ bytes: 10, intact: true });
  });

  it('ignores duplicates and datagrams after the end, and refuses a header that changes', () => {
    const size = 26; // 10 bytes of file each
    expect(datagramCount(30, size)).toBe(3);
    const d = (seq: number) => encodeDatagram(seq, 30, size);
    const w = raw([d(1), d(1), encodeDatagram(2, 40, size), d(2), d(3), d(3)]);
    expect(w.states('bulk.malformed').map((s) => s.summary)).toEqual(['not a bulk transfer: datagram 2 says 4 datagrams of 40 bytes, earlier ones 3 of 30']);
    expect(w.states('bulk.completed')).toHaveLength(1);
    expect(w.states('bulk.completed')[0]!.data).toMatchObject({ bytes: 30, expected: 30 });
  });

  it('ends a transfer whose last datagram never comes after a second of silence', () => {
    const w = raw([encodeDatagram(1, 30, 26), encodeDatagram(2, 30, 26)]);
    const [done] = w.states('bulk.completed');
    const last = w.messages().at(-1)!.receivedAt!;
    expect(done).toMatchObject({ at: last + seconds(1), data: { bytes: 20, expected: 30 } });
    expect(w.states('bulk.datagramsLost')[0]!.data).toEqual({ lost: 1, datagrams: 3 });
  });
});
