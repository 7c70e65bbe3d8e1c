/**
 * A base for engines (face.ts): the Outbox every engine keeps, its polls,
 * and the inputs an engine does not use as no-ops — a DNS server takes no
 * commands, an upper-case client no datagrams on a stream. An engine extends
 * it and overrides what it handles; it may also implement Engine directly.
 */
import type { Datagram, Deadline, Engine, EngineTransmit, StreamEvent } from './face';
import { Outbox } from './outbox';
import type { SimTime } from '../sim/time';

export abstract class EngineBase<Event, Command = never> implements Engine<Event, Command> {
  protected readonly out: Outbox<Event>;

  constructor(protocol: string) {
    this.out = new Outbox<Event>(protocol);
  }

  handleDatagram(_datagram: Datagram, _now: SimTime): void {}
  handleStream(_event: StreamEvent, _now: SimTime): void {}
  handleTimeout(_now: SimTime): void {}
  handleCommand(_command: Command, _now: SimTime): void {}

  pollTimeout(): Deadline | null {
    return null;
  }

  pollTransmit(): EngineTransmit | null {
    return this.out.pollTransmit();
  }

  pollEvent(): Event | null {
    return this.out.pollEvent();
  }
}
