/**
 * The output queues every engine keeps: transmits and events, first in first
 * out, plus the words to fill them. An engine owns one and forwards its
 * pollTransmit/pollEvent to it. Queues are arrays with a read index, so
 * polling is O(1) however long a burst is.
 */
import type { CauseRef, EngineTransmit, MessageLabel, SocketAddr, SocketId, UdpPort } from './face';

class Fifo<T> {
  private items: T[] = [];
  private head = 0;

  push(item: T): void {
    this.items.push(item);
  }

  shift(): T | null {
    if (this.head >= this.items.length) return null;
    const item = this.items[this.head++]!;
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    }
    return item;
  }
}

export class Outbox<Event> {
  private readonly transmits = new Fifo<EngineTransmit>();
  private readonly events = new Fifo<Event>();

  constructor(readonly protocol: string) {}

  label(summary: string, causedBy: CauseRef, ref?: number): MessageLabel {
    return ref === undefined ? { protocol: this.protocol, summary, causedBy } : { protocol: this.protocol, summary, causedBy, ref };
  }

  bind(socket: SocketId, port: UdpPort): void {
    this.transmits.push({ kind: 'bind', socket, port });
  }

  listen(socket: SocketId, port: number): void {
    this.transmits.push({ kind: 'listen', socket, port });
  }

  send(socket: SocketId, to: SocketAddr, data: Uint8Array, label: MessageLabel | null, spoofedFrom?: SocketAddr): void {
    this.transmits.push(spoofedFrom ? { kind: 'send', socket, to, data, label, spoofedFrom } : { kind: 'send', socket, to, data, label });
  }

  connect(socket: SocketId, to: SocketAddr): void {
    this.transmits.push({ kind: 'connect', socket, to });
  }

  write(socket: SocketId, data: Uint8Array, label: MessageLabel | null): void {
    this.transmits.push({ kind: 'write', socket, data, label });
  }

  close(socket: SocketId): void {
    this.transmits.push({ kind: 'close', socket });
  }

  abort(socket: SocketId): void {
    this.transmits.push({ kind: 'abort', socket });
  }

  event(event: Event): void {
    this.events.push(event);
  }

  pollTransmit(): EngineTransmit | null {
    return this.transmits.shift();
  }

  pollEvent(): Event | null {
    return this.events.shift();
  }
}
