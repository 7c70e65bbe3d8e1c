/**
 * A 100 MB TCP transfer over a 3-hop path (A — R1 — R2 — B), through the
 * whole stack: segmentation, checksums, queues, routing, ACKs and the trace.
 * Prints segments per second of wall time.
 */
import { Simulation } from '../src-core/host/simulation';
import { parseIpv4 } from '../src-core/net/ipv4';
import type { Topology } from '../src-core/net/topology';
import { ms, toSeconds } from '../src-core/sim/time';

export function benchTcpTransfer(totalBytes = 100 * 1024 * 1024): {
  bytes: number;
  segments: number;
  seconds: number;
  segmentsPerSecond: number;
  simulatedSeconds: number;
  traceEvents: number;
} {
  const link = (id: string, a: string, b: string) => ({ id, a, b, delay: ms(1), bandwidth: 1_000_000_000, queuePackets: 1000, lossRate: 0 });
  const topology: Topology = {
    nodes: [
      { id: 'A', kind: 'host', name: 'A', address: parseIpv4('10.0.0.1')! },
      { id: 'R1', kind: 'router', name: 'R1', address: parseIpv4('10.0.1.1')! },
      { id: 'R2', kind: 'router', name: 'R2', address: parseIpv4('10.0.2.1')! },
      { id: 'B', kind: 'host', name: 'B', address: parseIpv4('10.0.3.1')! },
    ],
    links: [link('a-r1', 'A', 'R1'), link('r1-r2', 'R1', 'R2'), link('r2-b', 'R2', 'B')],
  };
  const sim = new Simulation(topology, 1);
  let received = 0;
  sim.stack('B').tcpListen(5001, (socket) => {
    socket.onData = (data) => {
      received += data.length;
    };
    socket.onPeerClosed = () => socket.close();
  });
  const client = sim.stack('A').tcpConnect(topology.nodes[3]!.address, 5001);
  const chunk = new Uint8Array(1024 * 1024).map((_, i) => i & 0xff);
  client.onConnected = () => {
    for (let sent = 0; sent < totalBytes; sent += chunk.length) client.send(chunk);
    client.close();
  };
  const start = process.hrtime.bigint();
  sim.scheduler.run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (received !== totalBytes) throw new Error(`transfer incomplete: ${received} of ${totalBytes} bytes`);
  const segments = sim.store.events.filter((e) => e.kind === 'message' && e.protocol === 'tcp').length;
  return {
    bytes: received,
    segments,
    seconds,
    segmentsPerSecond: segments / seconds,
    simulatedSeconds: toSeconds(sim.scheduler.now),
    traceEvents: sim.store.size,
  };
}
