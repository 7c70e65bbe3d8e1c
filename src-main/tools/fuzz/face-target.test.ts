// The face target drives an engine only through the engine face: checked
// with fake engines whose behaviour is known (an echo server, a client that
// asks once), on a net with no oracle. Then: every lesson's services are
// found through the registry.
import { describe, expect, it } from 'vitest';
import type { Datagram, Deadline, Engine, EngineEnv, SocketId, StreamEvent } from '../../../src-core/engine/face';
import { Outbox } from '../../../src-core/engine/outbox';
import { ms, type SimTime } from '../../../src-core/sim/time';
import { FuzzNet, FUZZER_ADDR, type Driven, type NetNode } from './face-net';
import { faceTarget, type Feed, type Rig } from './face-target';
import { faceTargets, uncoveredServiceTypes } from './face-targets';
import { describeError, replay, runFuzz } from './harness';
import { FuzzCheckError, type FuzzTarget } from './target';
import { serviceTypes } from '../../../src-core/protocols/registry';

const frozen = () => 0;
const PORT = 7;

/** Echoes datagrams and streams on port 7; throws on a 0x42 byte; with `wake`, fires once at that time. */
class Echo implements Engine<string> {
  readonly out = new Outbox<string>('echo');
  readonly udp: SocketId;
  readonly seen: string[] = [];
  private readonly streams = new Map<SocketId, number[]>();

  constructor(
    env: EngineEnv,
    private wake: SimTime | null = null,
    private readonly misbehave: 'none' | 'send-on-unbound' = 'none',
  ) {
    this.udp = env.socketId();
    this.out.bind(this.udp, PORT);
    this.out.listen(env.socketId(), PORT);
  }

  handleDatagram(d: Datagram): void {
    if (d.data.includes(0x42)) throw new RangeError('byte 0x42');
    this.out.send(this.misbehave === 'send-on-unbound' ? 99 : this.udp, d.from, d.data, this.out.label('echo', d.message));
  }

  handleStream(e: StreamEvent): void {
    this.seen.push(e.type);
    if (e.type === 'accepted') this.streams.set(e.socket, []);
    if (e.type === 'data') {
      this.streams.get(e.socket)!.push(...e.data);
      this.out.write(e.socket, e.data, null);
    }
    if (e.type === 'peerClosed') this.out.close(e.socket);
  }

  handleTimeout(now: SimTime): void {
    if (this.wake !== null && now >= this.wake) {
      this.seen.push(`timeout at ${now}`);
      this.wake = null;
    }
  }

  handleCommand(): void {}
  pollTimeout(): Deadline | null {
    return this.wake === null ? null : { at: this.wake, weak: false };
  }
  pollTransmit = () => this.out.pollTransmit();
  pollEvent = () => this.out.pollEvent();

  /** Every stream's bytes, in order of connection. */
  get streamBytes(): Uint8Array[] {
    return [...this.streams.values()].map((b) => new Uint8Array(b));
  }
}

interface EchoRig extends Rig {
  readonly echo: Echo;
}

function echoRig(make: (env: EngineEnv) => Echo): EchoRig {
  const net = new FuzzNet({ oracles: new Map(), seed: 1 });
  const node = net.addNode('server', 0x0a000002);
  const echo = make({ socketId: () => node.socketId(), random32: () => 0 });
  const d = net.attach(node, { engine: echo, protocol: 'echo', name: 'echo server', report: () => {} });
  return { net, node, engines: [d], echo };
}

function echoTarget(feed: Feed, make: (env: EngineEnv) => Echo = (env) => new Echo(env), seen?: (rig: EchoRig) => void): FuzzTarget {
  let last: EchoRig | null = null;
  const target = faceTarget<EchoRig>({
    name: `echo.${feed.kind}`,
    oracle: null,
    feed,
    seeds: () => [new Uint8Array([1, 2, 3, 4]), new Uint8Array(40).fill(9)],
    make: () => (last = echoRig(make)),
  });
  return {
    ...target,
    run(input) {
      const outcome = target.run(input);
      if (last) seen?.(last);
      return outcome;
    },
  };
}

describe('the face target', () => {
  it('feeds each input as a datagram to the socket the engine bound, and counts what comes back', () => {
    const stats = runFuzz([echoTarget({ kind: 'datagram', port: PORT })], { total: 500, seed: 3, slowMs: 1000, clock: frozen }).targets[0]!;
    expect(stats.inputs).toBe(500);
    expect(stats.ok + stats.exceptions).toBe(500);
    expect(stats.exceptions).toBeGreaterThan(0);
  });

  it('counts an exception from the engine as a failure, named after the engine, with a minimal reproducer', () => {
    const stats = runFuzz([echoTarget({ kind: 'datagram', port: PORT })], { total: 2000, seed: 3, slowMs: 1000, clock: frozen }).targets[0]!;
    const [f] = stats.failures;
    expect(f!.message).toBe('RangeError: echo server on server, handling a datagram: byte 0x42');
    expect(f!.stack[0]).toMatch(/face-target\.test\.ts:\d+:\d+/);
    expect(f!.reproducer).toEqual([new Uint8Array([0x42])]);
    const results = replay(echoTarget({ kind: 'datagram', port: PORT }), f!.reproducer, frozen);
    expect(describeError(results[0]!.error).signature).toBe(f!.signature);
  });

  it('feeds a stream as accepted, data in chunks that make up the input, then peerClosed; acknowledges what the engine writes', () => {
    let echo: Echo | null = null;
    const t = echoTarget({ kind: 'stream', port: PORT }, undefined, (rig) => (echo = rig.echo));
    const input = new Uint8Array(300).map((_, i) => i % 251);
    expect(t.run(input)).toBe('ok');
    expect(echo!.streamBytes).toEqual([input]);
    expect(echo!.seen[0]).toBe('accepted');
    expect(echo!.seen.filter((s) => s === 'data').length).toBeGreaterThan(1);
    expect(echo!.seen.filter((s) => s !== 'acked').slice(-2)).toEqual(['peerClosed', 'closed']);
    expect(echo!.seen.filter((s) => s === 'acked').length).toBe(echo!.seen.filter((s) => s === 'data').length);
  });

  it('fires a deadline at its own time, before the next input', () => {
    let echo: Echo | null = null;
    const t = echoTarget({ kind: 'datagram', port: PORT }, (env) => new Echo(env, ms(150)), (rig) => (echo = rig.echo));
    t.run(new Uint8Array([1]));
    expect(echo!.seen).toEqual([]);
    t.run(new Uint8Array([1]));
    expect(echo!.seen).toEqual([`timeout at ${ms(150)}`]);
  });

  it('fails a check when an engine sends on a socket it does not have', () => {
    const t = echoTarget({ kind: 'datagram', port: PORT }, (env) => new Echo(env, null, 'send-on-unbound'));
    expect(() => t.run(new Uint8Array([1]))).toThrow(FuzzCheckError);
    expect(() => t.run(new Uint8Array([1]))).toThrow(/echo server on server sent a datagram on socket 99, which is not an open UDP socket of its own/);
  });

  it('answers what a held engine sent with the input, from where it went', () => {
    // A client that sends "ask" to the server when commanded and records what comes back.
    const got: Uint8Array[] = [];
    const client = (env: EngineEnv): Engine<never, null> => {
      const out = new Outbox<never>('echo');
      const socket = env.socketId();
      return {
        handleCommand() {
          out.bind(socket, 'ephemeral');
          out.send(socket, { addr: 0x0a000002, port: PORT }, new Uint8Array([0x61]), null);
        },
        handleDatagram: (d) => void got.push(d.data),
        handleStream() {},
        handleTimeout() {},
        pollTimeout: () => null,
        pollTransmit: () => out.pollTransmit(),
        pollEvent: () => out.pollEvent(),
      };
    };
    const t = faceTarget<Rig & { node: NetNode }>({
      name: 'client.reply',
      oracle: null,
      feed: { kind: 'reply' },
      seeds: () => [],
      make() {
        const rig = echoRig((env) => new Echo(env));
        return { ...rig, node: rig.net.addNode('client', 0x0a000003) };
      },
      prompt(rig) {
        rig.net.holdNew = true;
        const d: Driven = rig.net.attach(rig.node, { engine: client({ socketId: () => rig.node.socketId(), random32: () => 0 }), protocol: 'echo', name: 'client', report: () => {} });
        rig.net.command(d, null);
        rig.net.holdNew = false;
        d.held = false;
        return [d];
      },
    });
    t.run(new Uint8Array([0x7a, 0x7a]));
    // Held: the echo server never saw "a", and the client got the input, not an echo.
    expect(got).toEqual([new Uint8Array([0x7a, 0x7a])]);
    expect(FUZZER_ADDR).not.toBe(0x0a000002);
  });
});

describe('the face targets of the lessons', () => {
  const names = faceTargets().map((t) => t.name);

  it('cover every service type a lesson runs, on a socket it listens on', () => {
    const uncovered = uncoveredServiceTypes();
    const run = serviceTypes().filter((t) => !uncovered.includes(t));
    expect(run.length).toBeGreaterThan(0);
    for (const type of run) expect(names.some((n) => n.startsWith(`${type}@`) && /\.(udp|tcp)\d+$/.test(n)), type).toBe(true);
  });

  it('include an answer target for the engines that ask others (resolvers, recursive servers, clients)', () => {
    expect(names).toContain('dns-resolver@dns-iterative/local.reply');
    expect(names).toContain('dns-lookup@dns-iterative/host.reply');
    expect(names).toContain('tcp-upper-client@sockets-tcp/clientA.reply');
    expect(names).not.toContain('dns-server@dns-iterative/root.reply');
  });
});
