/**
 * The TCP transfer of the reference program (../shared/anchors/ns3-bulk-3hop.cc
 * in its `--match` mode), like for like: 100,000,000 bytes from A to B over
 * A — R1 — R2 — B, three point-to-point links of 100 Mb/s and 5 ms with
 * drop-tail queues of 1000 packets, MSS 1460, written 1460 bytes at a time,
 * through the whole stack (segmentation, checksums, queues, routing, an ACK
 * for every segment, the trace).
 *
 * Counted as the reference counts: packets on the first link in each
 * direction (data segments A → R1, ACKs R1 → A; one trace message per
 * segment end to end, so the same number), per second of wall time.
 */
import { Simulation } from '../src-core/host/simulation';
import { parseIpv4 } from '../src-core/net/ipv4';
import type { Topology } from '../src-core/net/topology';
import { ms, toSeconds } from '../src-core/sim/time';
import type { TraceMemory } from '../src-core/trace/store';
import { retainedBytes } from './gc';

export const REFERENCE_BYTES = 100_000_000;
const MSS = 1460;

export interface TcpTransferFigures {
  readonly bytes: number;
  /** Data segments A → B and ACKs B → A: the packets on the first link, both ways. */
  readonly dataSegments: number;
  readonly ackSegments: number;
  readonly seconds: number;
  readonly segmentsPerSecond: number;
  /** When the last byte arrived, simulated seconds. */
  readonly simulatedSeconds: number;
  readonly traceEvents: number;
  /** Scheduler events the transfer ran (the kernel's real workload, beside the micro-benchmark's empty events). */
  readonly kernelEvents: number;
  /** Memory kept by the run (heap and array buffers after a full collection, less what was kept before it). */
  readonly heapBytes: number;
  /** The trace store's own accounting of its TCP segments. */
  readonly traceMemory: TraceMemory;
}

export function benchTcpTransfer(totalBytes = REFERENCE_BYTES): TcpTransferFigures {
  const link = (id: string, a: string, b: string) => ({ id, a, b, delay: ms(5), bandwidth: 100_000_000, queuePackets: 1000, lossRate: 0 });
  const topology: Topology = {
    nodes: [
      { id: 'A', kind: 'host', name: 'A', address: parseIpv4('10.1.1.1')! },
      { id: 'R1', kind: 'router', name: 'R1', address: parseIpv4('10.1.2.1')! },
      { id: 'R2', kind: 'router', name: 'R2', address: parseIpv4('10.1.3.1')! },
      { id: 'B', kind: 'host', name: 'B', address: parseIpv4('10.1.3.2')! },
    ],
    links: [link('a-r1', 'A', 'R1'), link('r1-r2', 'R1', 'R2'), link('r2-b', 'R2', 'B')],
  };
  const before = retainedBytes();
  const sim = new Simulation(topology, 1);
  let received = 0;
  let lastByteAt = 0;
  sim.stack('B').tcpListen(9, (socket) => {
    socket.onData = (data) => {
      received += data.length;
      lastByteAt = sim.scheduler.now;
    };
    socket.onPeerClosed = () => socket.close();
  });
  const client = sim.stack('A').tcpConnect(topology.nodes[3]!.address, 9);
  // 1460-byte writes, as BulkSend's SendSize in the reference's matched mode
  const chunk = new Uint8Array(MSS).map((_, i) => i & 0xff);
  client.onConnected = () => {
    for (let sent = 0; sent < totalBytes; sent += MSS) client.send(sent + MSS <= totalBytes ? chunk : chunk.subarray(0, totalBytes - sent));
    client.close();
  };
  const start = process.hrtime.bigint();
  sim.scheduler.run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (received !== totalBytes) throw new Error(`transfer incomplete: ${received} of ${totalBytes} bytes`);
  let dataSegments = 0;
  let ackSegments = 0;
  for (const e of sim.store.events) {
    if (e.kind !== 'message' || e.protocol !== 'tcp') continue;
    if (e.from === 'A') dataSegments++;
    else ackSegments++;
  }
  return {
    bytes: received,
    dataSegments,
    ackSegments,
    seconds,
    segmentsPerSecond: (dataSegments + ackSegments) / seconds,
    simulatedSeconds: toSeconds(lastByteAt),
    traceEvents: sim.store.size,
    kernelEvents: sim.scheduler.eventsExecuted,
    heapBytes: retainedBytes() - before,
    traceMemory: sim.store.memory(),
  };
}
