// `l7 serve` over real loopback sockets: bad input never brings a server
// down, engine faults are traced and contained, nothing is sent to anyone
// but a client, ports fall back or fail as documented, and the trace is
// written on the stop signal. Nothing here waits on wall-clock speed: each
// step waits for an answer (or the end of a connection) it is owed.
import dnsPacket from 'dns-packet';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Datagram, Engine, EngineEnv, SocketAddr, SocketId, StreamEvent } from '../../src-core/engine/face';
import { Outbox } from '../../src-core/engine/outbox';
import type { AnyServiceDefinition, ServiceDefinition } from '../../src-core/protocols/module';
import { serviceDefinition } from '../../src-core/protocols/registry';
import type { UdpUpperServerService } from '../../src-core/protocols/sockets/schema';
import { decodeText, encodeLine, uppercase } from '../../src-core/protocols/sockets/line-codec';
import { Prng } from '../../src-core/sim/prng';
import { NOBODY_BUT_CLIENTS } from './driver';
import { serving, startCli, startWith, type Serving } from './serving.test-helper';

const DNS_LESSON = 'resources/lessons/dns-records.l7.json';
const UDP_LESSON = 'resources/lessons/sockets-udp.l7.json';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'l7-serve-'));
}

interface TraceJson {
  format: string;
  stopReason: string;
  nodes: { id: string; address: string }[];
  events: ({ id: number; kind: 'message'; from: string; to: string; protocol: string; summary: string; sentAt: number; receivedAt: number | null; causedBy: number | null; bytes: string; src: { port: number }; connection: string } | { id: number; kind: 'state'; type: string; summary: string; causedBy: number | null; data: Record<string, unknown> })[];
}

function readTrace(file: string): TraceJson {
  return JSON.parse(readFileSync(file, 'utf8')) as TraceJson;
}

function states(trace: TraceJson, type: string) {
  return trace.events.filter((e) => e.kind === 'state' && e.type === type) as Extract<TraceJson['events'][number], { kind: 'state' }>[];
}

/** A UDP client that reads replies in order. */
class UdpClient {
  private readonly socket: UdpSocket = createSocket('udp4');
  private readonly replies: Buffer[] = [];
  private waiting: ((b: Buffer) => void) | null = null;

  constructor(private readonly port: number) {
    this.socket.on('message', (b) => {
      const w = this.waiting;
      if (w) {
        this.waiting = null;
        w(b);
      } else this.replies.push(b);
    });
  }

  send(bytes: Uint8Array | string): void {
    this.socket.send(bytes, this.port, '127.0.0.1');
  }

  next(): Promise<Buffer> {
    const b = this.replies.shift();
    if (b) return Promise.resolve(b);
    return new Promise((resolve) => (this.waiting = resolve));
  }

  async ask(bytes: Uint8Array | string): Promise<string> {
    this.send(bytes);
    return (await this.next()).toString('utf8');
  }

  close(): void {
    this.socket.close();
  }
}

/** Connects, writes `bytes`, half-closes and collects what comes back until the connection ends (closed or reset). */
function tcpExchange(port: number, bytes: Uint8Array | string): Promise<{ data: Buffer; reset: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let reset = false;
    const socket = connect({ port, host: '127.0.0.1' }, () => socket.end(bytes));
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', () => (reset = true));
    socket.on('close', () => resolve({ data: Buffer.concat(chunks), reset }));
  });
}

function query(id: number, name: string, type: dnsPacket.RecordType = 'A'): Buffer {
  return dnsPacket.encode({ type: 'query', id, flags: 0, questions: [{ type, name, class: 'IN' }] });
}

function framed(message: Uint8Array): Buffer {
  const b = Buffer.alloc(message.length + 2);
  b.writeUInt16BE(message.length, 0);
  b.set(message, 2);
  return b;
}

function isAnswerToPing(reply: Buffer, id: number): boolean {
  const m = dnsPacket.decode(reply);
  return m.id === id && m.type === 'response' && m.questions?.[0]?.name === 'dns.example.com' && m.answers?.[0]?.type === 'A';
}

/** Bytes from the seeded PRNG: pure noise, or a good query with a few bytes overwritten. */
function randomBytes(prng: Prng, i: number): Uint8Array {
  if (i % 2 === 0) {
    const b = new Uint8Array(prng.nextUint32() % 600);
    for (let k = 0; k < b.length; k++) b[k] = prng.nextUint32() & 0xff;
    return b;
  }
  const b = new Uint8Array(query(prng.nextUint32() & 0xffff, 'www.example.com', 'MX'));
  for (let n = 1 + (prng.nextUint32() % 4); n > 0; n--) b[prng.nextUint32() % b.length] = prng.nextUint32() & 0xff;
  return b;
}

let running: Serving | null = null;
afterEach(async () => {
  await running?.stop();
  running = null;
});

describe('l7 serve keeps serving whatever it is sent', () => {
  it('random datagrams to the DNS server get an error answer or are dropped; good queries are still answered', async () => {
    const dir = tempDir();
    const s = (running = serving(await startCli([DNS_LESSON, '--node', 'auth', '--port', '0', '--trace', join(dir, 't.json')])));
    const client = new UdpClient(s.port('udp'));
    const prng = new Prng(2026);
    let answered = 0;
    let dropped = 0;
    for (let i = 0; i < 300; i++) {
      const bytes = randomBytes(prng, i);
      client.send(bytes);
      // A good query after each one: replies come back in order on loopback, so what precedes its answer answers the random datagram.
      const ping = 0x8000 | i;
      client.send(query(ping, 'dns.example.com'));
      let got = 0;
      for (let r = await client.next(); !isAnswerToPing(r, ping); r = await client.next()) {
        got++;
        const m = dnsPacket.decode(r);
        expect(m.type).toBe('response');
        expect(m.id).toBe((bytes[0]! << 8) | bytes[1]!);
      }
      expect(got).toBeLessThanOrEqual(1);
      if (got) answered++;
      else dropped++;
    }
    client.close();
    expect(answered).toBeGreaterThan(100);
    expect(dropped).toBeGreaterThan(0);
    expect(await s.stop()).toBe(0);
    running = null;
    expect(states(readTrace(join(dir, 't.json')), 'engine.error')).toEqual([]);
  });

  it('random TCP streams get framed error answers, a reset or a close; a good query is still answered', async () => {
    const s = (running = serving(await startCli([DNS_LESSON, '--node', 'auth', '--port', '0', '--trace', join(tempDir(), 't.json')])));
    const port = s.port('tcp');
    const prng = new Prng(7);
    for (let i = 0; i < 60; i++) {
      const bytes = i % 3 === 2 ? framed(randomBytes(prng, i)) : randomBytes(prng, i);
      const { data } = await tcpExchange(port, bytes);
      // Whatever comes back is whole framed DNS responses.
      for (let at = 0; at < data.length; ) {
        const length = data.readUInt16BE(at);
        expect(dnsPacket.decode(data.subarray(at + 2, at + 2 + length)).type).toBe('response');
        at += 2 + length;
      }
    }
    const { data } = await tcpExchange(port, framed(query(0x1234, 'dns.example.com')));
    expect(isAnswerToPing(data.subarray(2), 0x1234)).toBe(true);
  });
});

/**
 * A test-only engine: an upper-case server on UDP and TCP that throws on
 * "boom", connects upstream on "connect", binds port N on "bind N" and
 * forges its source on "spoof".
 */
class FaultyEngine implements Engine<never> {
  private readonly out = new Outbox<never>('sockets');
  private readonly udp: SocketId;
  private readonly upstream: SocketId;
  private asked: SocketAddr | null = null;

  constructor(env: EngineEnv, port: number) {
    this.udp = env.socketId();
    this.upstream = env.socketId();
    this.out.bind(this.udp, port);
    this.out.listen(env.socketId(), port);
  }

  handleDatagram(d: Datagram): void {
    const text = decodeText(d.data);
    if (text === 'boom') throw new Error('boom on purpose');
    if (text === 'connect') {
      this.asked = d.from;
      this.out.connect(this.upstream, { addr: 0x0a000001, port: 80 });
      return;
    }
    if (text.startsWith('bind ')) {
      this.asked = d.from;
      this.out.bind(this.upstream, Number(text.slice(5)));
      return;
    }
    if (text === 'spoof') {
      this.out.send(this.udp, d.from, encodeLine('forged', false), this.out.label('Forged', d.message), { addr: 0x0a000002, port: 53 });
      this.out.send(this.udp, d.from, encodeLine('NOT SENT FORGED', false), this.out.label('Reply', d.message));
      return;
    }
    this.out.send(this.udp, d.from, encodeLine(uppercase(text), false), this.out.label(`Reply ${uppercase(text)}`, d.message));
  }

  handleStream(e: StreamEvent): void {
    if (e.type === 'failed' && e.socket === this.upstream && this.asked) {
      this.out.send(this.udp, this.asked, encodeLine(`FAILED ${e.error}: ${e.detail}`, false), this.out.label('Failure', null));
    } else if (e.type === 'data') {
      const text = decodeText(e.data);
      if (text === 'boom\n') throw new Error('stream boom on purpose');
      this.out.write(e.socket, encodeLine(uppercase(text.trimEnd()), true), this.out.label('Reply', e.messages[0] ?? null));
    } else if (e.type === 'peerClosed') this.out.close(e.socket);
  }

  handleTimeout(): void {}
  handleCommand(command: never): never {
    return command;
  }
  pollTimeout(): null {
    return null;
  }
  pollTransmit = () => this.out.pollTransmit();
  pollEvent = () => this.out.pollEvent();
}

const faulty: ServiceDefinition<UdpUpperServerService> = {
  type: 'udp-upper-server',
  title: 'faulty test server',
  properties: [],
  listeners: (s) => [
    { transport: 'udp', port: s.port },
    { transport: 'tcp', port: s.port },
  ],
  start: (ctx, s) => void ctx.drive({ engine: new FaultyEngine(ctx.env, s.port), protocol: 'sockets', name: 'faulty test engine', report: () => undefined }),
};

const withFaulty = (type: string): AnyServiceDefinition => (type === 'udp-upper-server' ? (faulty as AnyServiceDefinition) : serviceDefinition(type));

describe('l7 serve contains engine faults and talks to nobody but its clients', () => {
  it('an engine that throws gives a traced engine.error; the server keeps serving on UDP and TCP', async () => {
    const file = join(tempDir(), 'faulty.json');
    const s = (running = serving(await startWith([UDP_LESSON, '--node', 'server', '--port', '0', '--trace', file], withFaulty)));
    const client = new UdpClient(s.port('udp'));
    client.send('boom');
    expect(await client.ask('still there?')).toBe('STILL THERE?');
    expect((await tcpExchange(s.port('tcp'), 'boom\n')).data.toString()).toBe('');
    expect((await tcpExchange(s.port('tcp'), 'hello\n')).data.toString()).toBe('HELLO\n');
    client.close();
    expect(await s.stop()).toBe(0);
    running = null;
    const errors = states(readTrace(file), 'engine.error');
    expect(errors.map((e) => e.data)).toEqual([
      { engine: 'faulty test engine', where: 'handling a datagram', message: 'boom on purpose' },
      { engine: 'faulty test engine', where: 'handling a stream event (data)', message: 'stream boom on purpose' },
    ]);
    expect(errors[0]!.summary).toBe('internal error in the faulty test engine while handling a datagram: boom on purpose');
  });

  it('refuses a connect (the engine hears not-permitted) and a forged source, and traces both', async () => {
    const file = join(tempDir(), 'refused.json');
    const s = (running = serving(await startWith([UDP_LESSON, '--node', 'server', '--port', '0', '--trace', file], withFaulty)));
    const client = new UdpClient(s.port('udp'));
    expect(await client.ask('connect')).toBe(`FAILED not-permitted: ${NOBODY_BUT_CLIENTS}`);
    expect(await client.ask('spoof')).toBe('NOT SENT FORGED');
    client.close();
    expect(await s.stop()).toBe(0);
    running = null;
    const trace = readTrace(file);
    const refused = states(trace, 'serve.refused');
    expect(refused.map((e) => e.data)).toEqual([
      { transmit: 'connect', to: '10.0.0.1:80', reason: NOBODY_BUT_CLIENTS },
      { transmit: 'send', to: `127.0.0.1:${(trace.events[0] as { src: { port: number } }).src.port}`, reason: 'a forged source address is for simulated attacks only' },
    ]);
  });

  it('a socket that cannot be opened is a failed event for the engine', async () => {
    const blocker = createSocket('udp4');
    await new Promise<void>((resolve) => blocker.bind(0, '127.0.0.1', resolve));
    const taken = blocker.address().port;
    try {
      const s = (running = serving(await startWith([UDP_LESSON, '--node', 'server', '--port', '0', '--trace', join(tempDir(), 't.json')], withFaulty)));
      const client = new UdpClient(s.port('udp'));
      expect(await client.ask(`bind ${taken}`)).toBe(`FAILED port-in-use: udp 127.0.0.1:${taken}: address in use`);
      client.close();
    } finally {
      blocker.close();
    }
  });

  it('a resolver asks nobody upstream: its queries are refused and traced, and the client gets SERVFAIL', async () => {
    const dir = tempDir();
    const lesson = JSON.parse(readFileSync(DNS_LESSON, 'utf8')) as { nodes: { id: string; services?: Record<string, unknown>[] }[] };
    Object.assign(lesson.nodes.find((n) => n.id === 'local')!.services![0]!, { timeoutMs: 20, attempts: 2 });
    writeFileSync(join(dir, 'lesson.l7.json'), JSON.stringify(lesson));
    const s = (running = serving(await startCli([join(dir, 'lesson.l7.json'), '--node', 'local', '--port', '0', '--trace', join(dir, 't.json')])));
    const client = new UdpClient(s.port('udp'));
    client.send(query(0x4242, 'www.example.com'));
    const reply = dnsPacket.decode(await client.next());
    expect([reply.id, reply.type, (reply.flags ?? 0) & 0xf]).toEqual([0x4242, 'response', 2]); // rcode 2: SERVFAIL
    client.close();
    expect(await s.stop()).toBe(0);
    running = null;
    const trace = readTrace(join(dir, 't.json'));
    const refused = states(trace, 'serve.refused');
    expect(refused.length).toBe(2);
    expect(refused[0]).toMatchObject({ causedBy: 0, data: { transmit: 'send', to: '198.41.0.4:53' } });
    expect(trace.events.filter((e) => e.kind === 'message').map((e) => e.kind === 'message' && e.to)).toEqual(['local', `client 127.0.0.1:${(trace.events[0] as { src: { port: number } }).src.port}`]);
  });
});

describe('l7 serve ports and trace', () => {
  it('writes the trace on the stop signal: l7-trace JSON with the node, its clients and every exchange', async () => {
    const dir = tempDir();
    const s = (running = serving(await startCli([UDP_LESSON, '--node', 'server', '--port', '0'], dir)));
    const client = new UdpClient(s.port('udp'));
    expect(await client.ask('hello')).toBe('HELLO');
    client.close();
    expect(await s.stop()).toBe(0);
    running = null;
    const file = join(dir, 'serve-server.trace.json');
    expect(s.out.at(-1)).toBe(`trace: ${file} (2 events)`);
    const trace = readTrace(file);
    expect(trace).toMatchObject({ format: 'l7-trace', version: 1, stopReason: 'cancelled' });
    const [question, reply] = trace.events;
    if (question?.kind !== 'message') throw new Error('expected the question first');
    const clientId = `client 127.0.0.1:${question.src.port}`;
    expect(trace.nodes.map((n) => [n.id, n.address])).toEqual([
      ['server', '127.0.0.1'],
      [clientId, '127.0.0.1'],
    ]);
    expect(question).toMatchObject({ kind: 'message', protocol: 'sockets', from: clientId, to: 'server', summary: 'Line "hello"', causedBy: null, bytes: Buffer.from('hello').toString('base64') });
    expect(question.receivedAt).toBe(question.sentAt);
    expect(reply).toMatchObject({ kind: 'message', from: 'server', to: clientId, summary: 'Reply "HELLO"', causedBy: 0, receivedAt: null, bytes: Buffer.from('HELLO').toString('base64') });
  });

  it('without --port, a scenario port that cannot be bound falls back to a free one, and says so', async () => {
    const dir = tempDir();
    const blocker = createSocket('udp4');
    await new Promise<void>((resolve) => blocker.bind(0, '127.0.0.1', resolve));
    const taken = blocker.address().port;
    try {
      const file = join(dir, 'lesson.l7.json');
      writeFileSync(file, readFileSync(UDP_LESSON, 'utf8').replaceAll('12000', String(taken)));
      const s = (running = serving(await startCli([file, '--node', 'server', '--trace', join(dir, 't.json')])));
      expect(s.port('udp')).not.toBe(taken);
      expect(s.err.join('\n')).toContain(`udp 127.0.0.1:${taken} could not be bound (address in use): scenario udp port ${taken} is on ${s.port('udp')} instead`);
      const client = new UdpClient(s.port('udp'));
      expect(await client.ask('fallback')).toBe('FALLBACK');
      client.close();

      const explicit = await startCli([file, '--node', 'server', '--port', String(taken), '--trace', join(dir, 't2.json')]);
      expect(explicit).toMatchObject({ code: 1 });
      expect('code' in explicit && explicit.err.join('\n')).toBe(`l7: cannot listen on udp 127.0.0.1:${taken} (scenario port ${taken}, udp-upper-server): address in use`);
    } finally {
      blocker.close();
    }
  });
});
