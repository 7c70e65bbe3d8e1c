/**
 * The TCP pair of Kurose & Ross §2.7.2, sans-I/O: the server's welcoming
 * socket accepts each client on a connection socket of its own and answers
 * every line with the same line in upper case, closing its side when the
 * client closes. The client connects, sends its line, reads one line back
 * and closes.
 */
import type { EngineEnv, SocketAddr, SocketId, StreamEvent } from '../../engine/face';
import { EngineBase } from '../../engine/base';
import type { SimTime } from '../../sim/time';
import { PROTOCOL, type SocketsEvent } from './events';
import { encodeLine, LineSplitter, summarizeLine, uppercase } from './line-codec';

export class TcpUpperServer extends EngineBase<SocketsEvent> {
  private readonly listener: SocketId;
  /** One line splitter per open connection socket. */
  private readonly connections = new Map<SocketId, LineSplitter>();

  constructor(env: EngineEnv, port: number) {
    super(PROTOCOL);
    this.listener = env.socketId();
    this.out.listen(this.listener, port);
  }

  override handleStream(e: StreamEvent): void {
    switch (e.type) {
      case 'accepted':
        if (e.listener === this.listener) this.connections.set(e.socket, new LineSplitter());
        return;
      case 'data': {
        const lines = this.connections.get(e.socket);
        if (!lines) return;
        lines.push(e.data);
        let i = 0;
        for (let line = lines.poll(); line !== null; line = lines.poll(), i++) {
          const reply = uppercase(line);
          this.out.write(e.socket, encodeLine(reply, true), this.out.label(`Reply ${summarizeLine(reply)}`, e.messages[i] ?? null));
        }
        return;
      }
      case 'peerClosed':
        if (this.connections.has(e.socket)) this.out.close(e.socket);
        return;
      case 'closed':
        this.connections.delete(e.socket);
        return;
      case 'connected':
      case 'failed':
        return;
    }
  }

}

export interface TcpLineRequest {
  readonly server: SocketAddr;
  readonly line: string;
}

export class TcpUpperClient extends EngineBase<SocketsEvent, TcpLineRequest> {
  private readonly socket: SocketId;
  private readonly lines = new LineSplitter();
  private startedAt: SimTime = 0;
  private line = '';
  private done = false;

  constructor(env: EngineEnv) {
    super(PROTOCOL);
    this.socket = env.socketId();
  }

  override handleCommand(request: TcpLineRequest, now: SimTime): void {
    this.startedAt = now;
    this.line = request.line;
    this.out.connect(this.socket, request.server);
  }

  override handleStream(e: StreamEvent, now: SimTime): void {
    if (e.socket !== this.socket) return;
    switch (e.type) {
      case 'connected':
        this.out.event({ type: 'sockets.connected', elapsed: now - this.startedAt });
        this.out.write(this.socket, encodeLine(this.line, true), this.out.label(`Line ${summarizeLine(this.line)}`, null));
        return;
      case 'data': {
        if (this.done) return;
        this.lines.push(e.data);
        const reply = this.lines.poll();
        if (reply === null) return;
        this.done = true;
        this.out.event({ type: 'sockets.replyReceived', reply, elapsed: now - this.startedAt, cause: e.messages[0] ?? null, connection: e.connection });
        this.out.close(this.socket);
        return;
      }
      case 'closed':
        if (e.reason !== 'closed') this.out.event({ type: 'sockets.failed', reason: e.reason, connection: e.connection });
        return;
      case 'failed':
        this.out.event({ type: 'sockets.failed', reason: e.detail, connection: '' });
        return;
      case 'accepted':
      case 'peerClosed':
        return;
    }
  }

}
