/**
 * The socket-programming module (Kurose & Ross §2.7): the upper-case servers
 * and clients over UDP and TCP, their state events and lessons.
 */
import { ms } from '../../sim/time';
import type { Reporter } from '../../host/reporter';
import type { ProtocolModule, ServiceDefinition, ActionDefinition, NodeContext } from '../module';
import type { TcpUpperClientAction, TcpUpperServerService, UdpUpperClientAction, UdpUpperServerService } from './schema';
import { dissectSockets } from './dissect';
import { PROTOCOL, type SocketsEvent, type SocketsStateData } from './events';
import { summarizeLine } from './line-codec';
import { TcpUpperClient, TcpUpperServer } from './tcp-upper';
import { UdpUpperClient, UdpUpperServer } from './udp-upper';

function report(e: SocketsEvent, r: Reporter<SocketsStateData>): void {
  switch (e.type) {
    case 'sockets.replyReceived':
      r.state('sockets.replyReceived', { summary: `got ${summarizeLine(e.reply)}`, connection: e.connection, causedBy: e.cause, data: { reply: e.reply } });
      r.durationMetric('replyTime', e.elapsed, (s) => `reply after ${s}`);
      return;
    case 'sockets.timedOut':
      r.state('sockets.timeout', { summary: `no reply within ${e.waited / 1e6} ms`, causedBy: e.request, data: {} });
      return;
    case 'sockets.connected':
      r.durationMetric('connectTime', e.elapsed, (s) => `connected after ${s}`);
      return;
    case 'sockets.failed':
      r.state('sockets.failed', { summary: `connection ${e.reason}`, connection: e.connection || null, data: {} });
      return;
  }
}

function bind<C>(engine: import('../../engine/face').Engine<SocketsEvent, C>, name: string) {
  return { engine, protocol: PROTOCOL, name, report };
}

const udpServer: ServiceDefinition<UdpUpperServerService> = {
  type: 'udp-upper-server',
  title: 'UDP upper-case server',
  properties: [{ field: 'port', label: 'Port', help: 'The UDP port it listens on.' }],
  listeners: (s) => [{ transport: 'udp', port: s.port }],
  start: (ctx, s) => void ctx.drive(bind(new UdpUpperServer(ctx.env, s.port), 'UDP upper-case server')),
};

const tcpServer: ServiceDefinition<TcpUpperServerService> = {
  type: 'tcp-upper-server',
  title: 'TCP upper-case server',
  properties: [{ field: 'port', label: 'Port', help: 'The TCP port it listens on.' }],
  listeners: (s) => [{ transport: 'tcp', port: s.port }],
  start: (ctx, s) => void ctx.drive(bind(new TcpUpperServer(ctx.env, s.port), 'TCP upper-case server')),
};

const udpClient: ActionDefinition<UdpUpperClientAction> = {
  type: 'udp-upper-client',
  title: 'Send a line over UDP',
  properties: [
    { field: 'server', label: 'Server', help: 'The node running the UDP upper-case server.' },
    { field: 'port', label: 'Port', help: 'The server\'s port.' },
    { field: 'line', label: 'Line', help: 'The text sent, in one datagram.' },
    { field: 'timeoutMs', label: 'Timeout', help: 'How long to wait for the reply: UDP may lose either datagram.', unit: 'ms' },
  ],
  check: (a, path, refs) => refs.requireServiceOnPort(path, a.server, a.port, 'udp-upper-server'),
  run: (ctx: NodeContext, a) =>
    ctx.drive(bind(new UdpUpperClient(ctx.env), 'UDP upper-case client')).command({ server: { addr: ctx.addressOf(a.server), port: a.port }, line: a.line, timeout: ms(a.timeoutMs) }),
};

const tcpClient: ActionDefinition<TcpUpperClientAction> = {
  type: 'tcp-upper-client',
  title: 'Send a line over TCP',
  properties: [
    { field: 'server', label: 'Server', help: 'The node running the TCP upper-case server.' },
    { field: 'port', label: 'Port', help: 'The server\'s port.' },
    { field: 'line', label: 'Line', help: 'The text sent once connected.' },
  ],
  check: (a, path, refs) => refs.requireServiceOnPort(path, a.server, a.port, 'tcp-upper-server'),
  run: (ctx, a) => ctx.drive(bind(new TcpUpperClient(ctx.env), 'TCP upper-case client')).command({ server: { addr: ctx.addressOf(a.server), port: a.port }, line: a.line }),
};

export const SOCKETS_MODULE: ProtocolModule = {
  protocol: PROTOCOL,
  title: 'Socket programming (upper-case server)',
  paletteTitle: 'Sockets',
  services: [udpServer, tcpServer],
  actions: [udpClient, tcpClient],
  dissector: dissectSockets,
  colors: ['#1a7f37', '#6fdd8b'],
  stateTypes: ['sockets.replyReceived', 'sockets.timeout', 'sockets.failed'],
  lessons: ['sockets-udp', 'sockets-tcp'],
  presets: [
    { id: 'udp-upper-server', label: 'UDP upper-case server', short: 'UDP server', kind: 'host', services: [{ type: 'udp-upper-server', port: 12000 }] },
    { id: 'tcp-upper-server', label: 'TCP upper-case server', short: 'TCP server', kind: 'host', services: [{ type: 'tcp-upper-server', port: 12000 }] },
  ],
};
