// The engine driver: faults stay inside the engine that had them, socket
// errors reach the engine, deadlines (weak ones too) fire as promised, and an
// engine's outputs are taken in the order it queued them.
import { describe, expect, it } from 'vitest';
import type { Datagram, Deadline, Engine, StreamEvent } from '../engine/face';
import { Outbox } from '../engine/outbox';
import { ms, type SimTime } from '../sim/time';
import { ENGINE_ERROR } from './reporter';
import { TestWorld } from './world.test-helper';

type Note = { readonly type: 'note'; readonly text: string };

/** An engine scripted by its test: handlers are the test's functions, outputs go through an Outbox. */
class Scripted implements Engine<Note, string> {
  readonly out = new Outbox<Note>('test');
  deadline: Deadline | null = null;
  readonly seen: string[] = [];
  onDatagram: (d: Datagram, now: SimTime) => void = () => {};
  onStream: (e: StreamEvent, now: SimTime) => void = (e) => void this.seen.push(e.type === 'failed' ? `failed ${e.socket} ${e.error}` : e.type);
  onTimeout: (now: SimTime) => void = () => {};
  onCommand: (c: string, now: SimTime) => void = () => {};
  handleDatagram = (d: Datagram, now: SimTime) => this.onDatagram(d, now);
  handleStream = (e: StreamEvent, now: SimTime) => this.onStream(e, now);
  handleTimeout = (now: SimTime) => this.onTimeout(now);
  handleCommand = (c: string, now: SimTime) => this.onCommand(c, now);
  pollTransmit = () => this.out.pollTransmit();
  pollTimeout = () => this.deadline;
  pollEvent = () => this.out.pollEvent();
}

function world(): TestWorld {
  return new TestWorld({ hosts: { a: '10.0.0.1', b: '10.0.0.2' } });
}

const notes = (w: TestWorld) => w.states('test.note').map((s) => s.summary);
const reportNotes = { protocol: 'test', name: 'scripted engine', report: (e: Note, r: import('./reporter').Reporter<{ 'test.note': Record<string, never> }>) => void r.state('test.note', { summary: e.text, data: {} }) };

describe('EngineDriver', () => {
  it('turns an exception from an engine into an engine.error event on its node, and the engine goes on serving', () => {
    const w = world();
    const server = new Scripted();
    let calls = 0;
    server.out.bind(1, 7);
    server.onDatagram = (d) => {
      if (++calls === 1) throw new Error('label boundary lost');
      server.out.send(1, d.from, d.data, server.out.label('echo', d.message));
    };
    w.drive('b', { engine: server, ...reportNotes });
    const client = new Scripted();
    client.onCommand = () => {
      client.out.bind(1, 'ephemeral');
      client.out.send(1, { addr: w.address('b'), port: 7 }, new Uint8Array([1]), client.out.label('first', null));
      client.out.send(1, { addr: w.address('b'), port: 7 }, new Uint8Array([2]), client.out.label('second', null));
    };
    w.drive('a', { engine: client, ...reportNotes }).command('go');
    w.run();
    const [fault] = w.states(ENGINE_ERROR);
    expect(fault).toMatchObject({ node: 'b', protocol: 'test', data: { engine: 'scripted engine', where: 'handling a datagram', message: 'label boundary lost' } });
    expect(fault!.summary).toBe('internal error in the scripted engine while handling a datagram: label boundary lost');
    expect(w.messages().map((m) => m.summary)).toEqual(['first', 'second', 'echo']);
  });

  it('contains a poll that throws without looping, and a transmit naming a socket the engine never opened', () => {
    const w = world();
    const engine = new Scripted();
    let polls = 0;
    engine.pollTransmit = () => {
      if (++polls === 1) throw new Error('broken queue');
      return engine.out.pollTransmit();
    };
    engine.onCommand = () => engine.out.send(42, { addr: w.address('b'), port: 7 }, new Uint8Array(1), null);
    w.drive('a', { engine, ...reportNotes }).command('go');
    w.run();
    expect(w.states(ENGINE_ERROR).map((s) => s.data['message'])).toEqual(['broken queue', 'socket 42 is not open']);
  });

  it('tells the engine when no ephemeral port is left, and drops what it queued for that socket', () => {
    const w = world();
    const engine = new Scripted();
    const SPAN = 65535 - 49152 + 1;
    engine.onCommand = () => {
      for (let s = 1; s <= SPAN + 2; s++) engine.out.bind(s, 'ephemeral');
      engine.out.send(SPAN + 2, { addr: w.address('b'), port: 7 }, new Uint8Array(1), engine.out.label('never sent', null));
    };
    w.drive('a', { engine, ...reportNotes }).command('go');
    w.run();
    expect(engine.seen).toEqual([`failed ${SPAN + 1} no-free-port`, `failed ${SPAN + 2} no-free-port`]);
    expect(w.messages()).toHaveLength(0);
    expect(w.states(ENGINE_ERROR)).toHaveLength(0);
  });

  it('tells the second engine listening on a port that it is taken', () => {
    const w = world();
    const first = new Scripted();
    const second = new Scripted();
    first.out.listen(1, 53);
    second.out.listen(1, 53);
    w.drive('a', { engine: first, ...reportNotes });
    w.drive('a', { engine: second, ...reportNotes });
    expect(first.seen).toEqual([]);
    expect(second.seen).toEqual(['failed 1 port-in-use']);
  });

  it('fires a weak deadline before a strong one, and never lets weak ones alone keep the run going', () => {
    const w = world();
    const engine = new Scripted();
    const fired: SimTime[] = [];
    let pending: Deadline[] = [
      { at: ms(10), weak: true },
      { at: ms(20), weak: false },
      { at: ms(500), weak: true },
    ];
    const refresh = () => {
      const first = pending[0];
      engine.deadline = first ? { at: first.at, weak: pending.every((d) => d.weak) } : null;
    };
    engine.onTimeout = (now) => {
      fired.push(now);
      pending = pending.filter((d) => d.at > now);
      refresh();
    };
    refresh();
    w.drive('a', { engine, ...reportNotes });
    w.run();
    expect(fired).toEqual([ms(10), ms(20)]); // the weak one at 500 ms never fires: nothing else keeps the run alive
    expect(w.sim.scheduler.now).toBe(ms(20));
  });

  it('reports events before transmits, in the order queued, and resolves causes that name the engine’s own messages', () => {
    const w = world();
    const engine = new Scripted();
    engine.onCommand = () => {
      engine.out.bind(1, 'ephemeral');
      engine.out.send(1, { addr: w.address('b'), port: 9 }, new Uint8Array(1), engine.out.label('request', null, 7));
      engine.out.send(1, { addr: w.address('b'), port: 9 }, new Uint8Array(1), engine.out.label('follow-up', { sent: 7 }));
      engine.out.event({ type: 'note', text: 'queued last, reported first' });
    };
    w.drive('a', { engine, ...reportNotes }).command('go');
    const [request, followUp] = w.messages();
    expect(followUp!.causedBy).toBe(request!.id);
    expect(notes(w)).toEqual(['queued last, reported first']);
    expect(w.states('test.note')[0]!.id).toBeLessThan(request!.id);
  });
});
