/**
 * The UDP pair of Kurose & Ross §2.7.1, sans-I/O: the server binds one
 * socket and answers every datagram with its text in upper case; the client
 * sends one line and waits, with a timeout, since UDP may lose either
 * datagram. Neither keeps any state between datagrams but the client's wait.
 */
import type { Datagram, Deadline, EngineEnv, SocketAddr, SocketId } from '../../engine/face';
import { EngineBase } from '../../engine/base';
import type { SimTime } from '../../sim/time';
import { PROTOCOL, type SocketsEvent } from './events';
import { decodeText, encodeLine, summarizeLine, uppercase } from './line-codec';

export class UdpUpperServer extends EngineBase<SocketsEvent> {
  private readonly socket: SocketId;

  constructor(env: EngineEnv, port: number) {
    super(PROTOCOL);
    this.socket = env.socketId();
    this.out.bind(this.socket, port);
  }

  override handleDatagram(d: Datagram): void {
    const reply = uppercase(decodeText(d.data));
    this.out.send(this.socket, d.from, encodeLine(reply, false), this.out.label(`Reply ${summarizeLine(reply)}`, d.message));
  }

}

export interface UdpLineRequest {
  readonly server: SocketAddr;
  readonly line: string;
  /** How long to wait for the reply (ns). */
  readonly timeout: SimTime;
}

const REQUEST = 1;

export class UdpUpperClient extends EngineBase<SocketsEvent, UdpLineRequest> {
  private readonly socket: SocketId;
  private startedAt: SimTime = 0;
  private deadline: SimTime | null = null;
  private waited: SimTime = 0;

  constructor(env: EngineEnv) {
    super(PROTOCOL);
    this.socket = env.socketId();
  }

  /** Sends the line from an ephemeral port. */
  override handleCommand(request: UdpLineRequest, now: SimTime): void {
    this.startedAt = now;
    this.waited = request.timeout;
    this.deadline = now + request.timeout;
    this.out.bind(this.socket, 'ephemeral');
    this.out.send(this.socket, request.server, encodeLine(request.line, false), this.out.label(`Line ${summarizeLine(request.line)}`, null, REQUEST));
  }

  override handleDatagram(d: Datagram, now: SimTime): void {
    if (this.deadline === null) return;
    this.deadline = null;
    this.out.event({ type: 'sockets.replyReceived', reply: decodeText(d.data), elapsed: now - this.startedAt, cause: d.message, connection: null });
    this.out.close(this.socket);
  }

  override handleTimeout(now: SimTime): void {
    if (this.deadline === null || now < this.deadline) return;
    this.deadline = null;
    this.out.event({ type: 'sockets.timedOut', waited: this.waited, request: { sent: REQUEST } });
    this.out.close(this.socket);
  }


  override pollTimeout(): Deadline | null {
    return this.deadline === null ? null : { at: this.deadline, weak: false };
  }

}
