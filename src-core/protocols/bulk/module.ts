/**
 * The bulk-transfer module: a sink that receives a file over TCP or UDP and
 * reports its throughput, and the action that sends one (the transport
 * lesson's "file of size L"). The worked example of adding a protocol:
 * docs/adding-a-protocol.md walks through this folder.
 */
import type { Engine } from '../../engine/face';
import { quote } from '../../scenario/describe-value';
import { formatTime } from '../../sim/time';
import type { ActionDefinition, EngineBinding, ProtocolModule, ReferenceChecks, ServiceDefinition } from '../module';
import type { PathSegment } from '../../scenario/errors';
import { dissectBulk } from './dissect';
import { BULK_STATE_TYPES, PROTOCOL, type BulkEvent, type BulkStateData } from './events';
import { reportBulk } from './report';
import { DEFAULT_DATAGRAM_BYTES, type BulkSendAction, type BulkSinkService } from './schema';
import { TcpBulkSender, TcpBulkSink } from './tcp-bulk';
import { datagramInterval, UDP_IDLE_TIMEOUT, UdpBulkSender, UdpBulkSink } from './udp-bulk';

function binding<C>(engine: Engine<BulkEvent, C>, name: string): EngineBinding<BulkEvent, C, BulkStateData> {
  return { engine, protocol: PROTOCOL, name, report: reportBulk };
}

const sink: ServiceDefinition<BulkSinkService> = {
  type: 'bulk-sink',
  title: 'Bulk-transfer sink',
  properties: [
    { field: 'port', label: 'Port', help: 'The port it receives on.' },
    { field: 'transport', label: 'Transport', help: 'TCP or UDP.' },
  ],
  listeners: (s) => [{ transport: s.transport, port: s.port }],
  start(ctx, s) {
    if (s.transport === 'tcp') ctx.drive(binding(new TcpBulkSink(ctx.env, s.port), 'TCP bulk sink'));
    else ctx.drive(binding(new UdpBulkSink(ctx.env, s.port), 'UDP bulk sink'));
  },
};

const send: ActionDefinition<BulkSendAction> = {
  type: 'bulk-send',
  title: 'Send a file (bulk transfer)',
  properties: [
    { field: 'server', label: 'Sink', help: 'The node running the bulk-transfer sink.' },
    { field: 'port', label: 'Port', help: 'The sink\'s port.' },
    { field: 'transport', label: 'Transport', help: 'TCP: as fast as flow control allows. UDP: at a given rate, losses and all.' },
    { field: 'bytes', label: 'File size', help: 'How many bytes are sent (L in the textbook\'s formulas).', unit: 'bytes' },
    { field: 'rateMbps', label: 'Rate', help: 'UDP only: the pace of the datagrams.', unit: 'Mbit/s' },
    { field: 'datagramBytes', label: 'Datagram size', help: 'UDP only: each datagram\'s payload, its 16-byte header included.', unit: 'bytes' },
  ],
  check: checkSend,
  run(ctx, a) {
    const server = { addr: ctx.addressOf(a.server), port: a.port };
    if (a.transport === 'tcp') {
      ctx.drive(binding(new TcpBulkSender(ctx.env), 'TCP bulk sender')).command({ server, bytes: a.bytes });
      return;
    }
    if (a.rateMbps === undefined) throw new Error('bulk-send over UDP without rateMbps (checkSend refuses it)');
    const datagramBytes = a.datagramBytes ?? DEFAULT_DATAGRAM_BYTES;
    ctx.drive(binding(new UdpBulkSender(ctx.env), 'UDP bulk sender')).command({ server, bytes: a.bytes, rate: a.rateMbps * 1e6, datagramBytes });
  },
};

/** The server has a bulk-sink on the port over the same transport; each transport's own fields are given where they mean something. */
function checkSend(a: BulkSendAction, path: readonly PathSegment[], refs: ReferenceChecks): void {
  refs.requireServiceOnPort(path, a.server, a.port, 'bulk-sink');
  const sinks = (refs.node(a.server)?.services ?? []).flatMap((s) => (s.type === 'bulk-sink' && s.port === a.port ? [s] : []));
  if (sinks.length > 0 && !sinks.some((s) => s.transport === a.transport)) {
    const other = sinks[0]!.transport;
    refs.report([...path, 'transport'], `expected ${quote(other)}, got ${quote(a.transport)}: the bulk-sink of ${quote(a.server)} on port ${a.port} receives over ${other.toUpperCase()}`);
  }
  if (a.transport === 'tcp') {
    for (const name of ['rateMbps', 'datagramBytes'] as const) {
      if (a[name] !== undefined) refs.report([...path, name], `"${name}" is for UDP transfers: TCP sends as fast as the receiver's window allows, in segments of its MSS`);
    }
    return;
  }
  if (a.rateMbps === undefined) {
    refs.report(path, 'missing property "rateMbps": a UDP transfer needs the rate to send its datagrams at (megabits per second)');
    return;
  }
  const size = a.datagramBytes ?? DEFAULT_DATAGRAM_BYTES;
  const interval = datagramInterval(size, a.rateMbps * 1e6);
  if (interval >= UDP_IDLE_TIMEOUT) {
    refs.report(
      [...path, 'rateMbps'],
      `expected more than ${(size * 8) / 1e6} (megabits per second): at ${a.rateMbps} Mbps datagrams of ${size} bytes leave ${formatTime(interval)} apart, and a sink ends a UDP transfer after ${formatTime(UDP_IDLE_TIMEOUT)} without a datagram`,
    );
  }
}

export const BULK_MODULE: ProtocolModule = {
  protocol: PROTOCOL,
  title: 'Bulk transfer',
  paletteTitle: 'Bulk',
  services: [sink],
  actions: [send],
  dissector: dissectBulk,
  colors: ['#8e24aa', '#dfa3ee'],
  stateTypes: BULK_STATE_TYPES,
  lessons: ['transport-bulk'],
  presets: [
    { id: 'bulk-sink-tcp', label: 'Bulk-transfer sink (TCP)', short: 'TCP sink', kind: 'host', services: [{ type: 'bulk-sink', port: 5001, transport: 'tcp' }] },
    { id: 'bulk-sink-udp', label: 'Bulk-transfer sink (UDP)', short: 'UDP sink', kind: 'host', services: [{ type: 'bulk-sink', port: 5001, transport: 'udp' }] },
  ],
};
