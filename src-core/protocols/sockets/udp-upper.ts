/**
 * The UDP pair of Kurose & Ross §2.7.1, sans-I/O: the server binds one
 * socket and answers every datagram with its text in upper case; the client
 * sends one line and waits, with a timeout, since UDP may lose either
 * datagram. Neither keeps any state between datagrams but the client's wait.
 */
import type { Datagram, Deadline, Engine, EngineEnv, SocketAddr, SocketId, StreamEvent } from '../../engine/face';
import { Outbox } from '../../engine/outbox';
import type { SimTime } from '../../sim/time';
import { PROTOCOL, type SocketsEvent } from './events';
import { decodeText, encodeLine, summarizeLine, uppercase } from './line-codec';

export class UdpUpperServer implements Engine<SocketsEvent> {
  private readonly out = new Outbox<SocketsEvent>(PROTOCOL);
  private readonly socket: SocketId;

  constructor(env: EngineEnv, port: number) {
    this.socket = env.socketId();
    this.out.bind(this.socket, port);
  }

  handleDatagram(d: Datagram): void {
    const reply = uppercase(decodeText(d.data));
    this.out.send(this.socket, d.from, encodeLine(reply, false), this.out.label(`Reply ${summarizeLine(reply)}`, d.message));
  }

  handleStream(_e: StreamEvent): void {}
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

export interface UdpLineRequest {
  readonly server: SocketAddr;
  readonly line: string;
  /** How long to wait for the reply (ns). */
  readonly timeout: SimTime;
}

const REQUEST = 1;

export class UdpUpperClient implements Engine<SocketsEvent, UdpLineRequest> {
  private readonly out = new Outbox<SocketsEvent>(PROTOCOL);
  private readonly socket: SocketId;
  private startedAt: SimTime = 0;
  private deadline: SimTime | null = null;
  private waited: SimTime = 0;

  constructor(env: EngineEnv) {
    this.socket = env.socketId();
  }

  /** Sends the line from an ephemeral port. */
  handleCommand(request: UdpLineRequest, now: SimTime): void {
    this.startedAt = now;
    this.waited = request.timeout;
    this.deadline = now + request.timeout;
    this.out.bind(this.socket, 'ephemeral');
    this.out.send(this.socket, request.server, encodeLine(request.line, false), this.out.label(`Line ${summarizeLine(request.line)}`, null, REQUEST));
  }

  handleDatagram(d: Datagram, now: SimTime): void {
    if (this.deadline === null) return;
    this.deadline = null;
    this.out.event({ type: 'sockets.replyReceived', reply: decodeText(d.data), elapsed: now - this.startedAt, cause: d.message, connection: null });
    this.out.close(this.socket);
  }

  handleTimeout(now: SimTime): void {
    if (this.deadline === null || now < this.deadline) return;
    this.deadline = null;
    this.out.event({ type: 'sockets.timedOut', waited: this.waited, request: { sent: REQUEST } });
    this.out.close(this.socket);
  }

  handleStream(_e: StreamEvent): void {}

  pollTimeout(): Deadline | null {
    return this.deadline === null ? null : { at: this.deadline, weak: false };
  }

  pollTransmit = () => this.out.pollTransmit();
  pollEvent = () => this.out.pollEvent();
}
