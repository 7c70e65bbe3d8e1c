/**
 * The socket-programming pair of Kurose & Ross §2.7, as application drivers
 * over simulated sockets:
 *
 * UDP: the server binds one socket and answers every datagram with its line
 * in upper case; the client sends one line and waits (with a timeout, since
 * UDP may lose either datagram).
 *
 * TCP: the server's welcoming socket accepts each client on a new connection
 * socket; each line received is answered in upper case; the server closes a
 * connection socket when its client closes. The client connects, sends its
 * line, reads the reply and closes.
 */
import type { AppContext } from '../../host/app-context';
import type { TcpSocket } from '../../host/tcp-socket';
import { ms, type SimTime } from '../../sim/time';
import { decodeText, encodeLine, LineSplitter, summarizeLine, uppercase } from './line-codec';

export const PROTOCOL = 'sockets';

export function startUdpUpperServer(ctx: AppContext, port: number): void {
  const socket = ctx.stack.udpSocket(port);
  socket.onMessage = (m) => {
    const reply = uppercase(decodeText(m.data));
    socket.sendTo(encodeLine(reply, false), m.from.addr, m.from.port, {
      protocol: PROTOCOL,
      summary: `Reply ${summarizeLine(reply)}`,
      causedBy: m.messageId,
    });
  };
}

export function runUdpUpperClient(ctx: AppContext, server: string, port: number, line: string, timeout: SimTime = ms(1000)): void {
  const socket = ctx.stack.udpSocket();
  const startedAt = ctx.now;
  const timer = ctx.after(timeout, () => {
    ctx.state({ protocol: PROTOCOL, type: 'sockets.timeout', summary: `no reply within ${timeout / 1e6} ms`, causedBy: requestId });
    socket.close();
  });
  socket.onMessage = (m) => {
    timer.cancel();
    ctx.state({ protocol: PROTOCOL, type: 'sockets.replyReceived', summary: `got ${summarizeLine(decodeText(m.data))}`, causedBy: m.messageId, data: { reply: decodeText(m.data) } });
    ctx.durationMetric('replyTime', startedAt, (s) => `reply after ${s}`);
    socket.close();
  };
  const requestId = socket.sendTo(encodeLine(line, false), ctx.addressOf(server), port, {
    protocol: PROTOCOL,
    summary: `Line ${summarizeLine(line)}`,
  });
}

export function startTcpUpperServer(ctx: AppContext, port: number): void {
  ctx.stack.tcpListen(port, (connectionSocket) => serveConnection(connectionSocket));
}

function serveConnection(socket: TcpSocket): void {
  const lines = new LineSplitter();
  socket.onData = (data, completed) => {
    lines.push(data);
    let i = 0;
    for (let line = lines.poll(); line !== null; line = lines.poll(), i++) {
      const reply = uppercase(line);
      socket.send(encodeLine(reply, true), {
        protocol: PROTOCOL,
        summary: `Reply ${summarizeLine(reply)}`,
        causedBy: completed[i] ?? null,
      });
    }
  };
  socket.onPeerClosed = () => socket.close();
}

export function runTcpUpperClient(ctx: AppContext, server: string, port: number, line: string): void {
  const startedAt = ctx.now;
  const socket = ctx.stack.tcpConnect(ctx.addressOf(server), port);
  const lines = new LineSplitter();
  socket.onConnected = () => {
    ctx.durationMetric('connectTime', startedAt, (s) => `connected after ${s}`);
    socket.send(encodeLine(line, true), { protocol: PROTOCOL, summary: `Line ${summarizeLine(line)}` });
  };
  socket.onData = (data, completed) => {
    lines.push(data);
    const reply = lines.poll();
    if (reply === null) return;
    ctx.state({ protocol: PROTOCOL, type: 'sockets.replyReceived', summary: `got ${summarizeLine(reply)}`, connection: socket.connectionId, causedBy: completed[0] ?? null, data: { reply } });
    ctx.durationMetric('replyTime', startedAt, (s) => `reply after ${s}`);
    socket.close();
  };
  socket.onClosed = (reason) => {
    if (reason !== 'closed') {
      ctx.state({ protocol: PROTOCOL, type: 'sockets.failed', summary: `connection ${reason}`, connection: socket.connectionId });
    }
  };
}
