/**
 * A synthetic trace for the chart benchmark: `messages` message events over
 * `lanes` nodes, shaped like a busy lesson. Pure and seeded (the same
 * arguments give the same trace), no simulation: it runs in the bench page.
 *
 * Mix, per exchange between a random client and server:
 * - TCP (70 %): a request/response over a connection, SYN, SYN-ACK, ACK,
 *   data segments carrying an application request (http, smtp …) and its
 *   reply, ACKs, and a FIN pair every few exchanges; causedBy chains each
 *   segment to the one it answers, the reply to the request.
 * - UDP (30 %): a DNS query and response, each an application message
 *   carried by one datagram.
 * About 2 % of transport messages are lost (a lost message's answer is not
 * sent: the chain stops), and the last few hundred are still in flight.
 * Times are integer ns; a message takes 0.2–12 ms; exchanges start every
 * 0.3–3 ms and overlap.
 */
import { Prng } from '../../src-core/sim/prng';
import type { SimTime } from '../../src-core/sim/time';
import type { Layer, MessageEvent, TraceEvent, TraceNode } from '../../src-core/trace/types';

export interface SyntheticTrace {
  readonly nodes: TraceNode[];
  readonly events: TraceEvent[];
  readonly endTime: SimTime;
}

const APP_PROTOCOLS = ['http', 'smtp', 'imap', 'ftp', 'sockets'] as const;
const LOSS = 0.02;
const EMPTY = new Uint8Array(0);

export function syntheticTrace(messages = 100_000, lanes = 20, seed = 1): SyntheticTrace {
  const rng = new Prng(seed);
  const nodes: TraceNode[] = [];
  for (let i = 0; i < lanes; i++) {
    const server = i % 4 === 3;
    nodes.push({ id: `n${i}`, name: server ? `Server ${i}` : `Host ${i}`, kind: 'host', address: `10.0.${i >> 8}.${(i & 255) + 1}` });
  }
  const events: MessageEvent[] = [];
  let clock = 0;
  let port = 40000;

  function send(
    from: number,
    to: number,
    at: SimTime,
    layer: Layer,
    protocol: string,
    summary: string,
    extra: { connection?: string | null; causedBy?: number | null; carries?: number[]; bytes?: number },
  ): MessageEvent {
    const delay = 200_000 + rng.nextInt(0, 12_000_000);
    const lost = layer === 'transport' && rng.chance(LOSS);
    const m: MessageEvent = {
      kind: 'message',
      id: events.length,
      layer,
      protocol,
      from: nodes[from]!.id,
      to: nodes[to]!.id,
      src: { addr: nodes[from]!.address, port: 40000 },
      dst: { addr: nodes[to]!.address, port: 80 },
      sentAt: at,
      receivedAt: lost ? null : at + delay,
      summary,
      bytes: extra.bytes ? new Uint8Array(extra.bytes) : EMPTY,
      connection: extra.connection ?? null,
      causedBy: extra.causedBy ?? null,
      carries: extra.carries ?? [],
      retransmission: false,
      timing: lost ? null : { queueing: 0, transmission: Math.floor(delay / 10), propagation: delay - Math.floor(delay / 10) },
      lost: lost ? { at: at + Math.floor(delay / 2), reason: 'random', link: null, node: nodes[from]!.id } : null,
    };
    events.push(m);
    return m;
  }
  const arrival = (m: MessageEvent): SimTime | null => m.receivedAt;

  while (events.length < messages) {
    clock += rng.nextInt(300_000, 3_000_000); // a new exchange starts every 0.3–3 ms
    const client = rng.nextInt(0, lanes - 1);
    let server = rng.nextInt(0, lanes - 1);
    if (server === client) server = (server + 1) % lanes;
    if (rng.chance(0.3)) {
      // DNS over UDP: the application message first, then the datagram carrying it.
      const flow = `udp:${client}-${server}:${port++}`;
      const q = send(client, server, clock, 'application', 'dns', `Standard query 0x${(port & 0xffff).toString(16)} A host${port}.example`, { connection: flow });
      const qd = send(client, server, clock, 'transport', 'udp', `${port} → 53 Len=${40 + (port % 20)}`, { connection: flow, carries: [q.id], causedBy: q.id, bytes: 48 });
      q.receivedAt = qd.receivedAt;
      const qArrived = arrival(qd);
      if (qArrived === null) continue;
      const r = send(server, client, qArrived + 30_000, 'application', 'dns', `Standard query response A 192.0.2.${port % 250}`, { connection: flow, causedBy: q.id });
      const rd = send(server, client, qArrived + 30_000, 'transport', 'udp', `53 → ${port} Len=${64 + (port % 30)}`, { connection: flow, carries: [r.id], causedBy: r.id, bytes: 80 });
      r.receivedAt = rd.receivedAt;
      continue;
    }
    const app = APP_PROTOCOLS[rng.nextInt(0, APP_PROTOCOLS.length - 1)]!;
    const conn = `tcp:${client}:${port}-${server}:80`;
    const p = port++;
    const syn = send(client, server, clock, 'transport', 'tcp', `${p} → 80 [SYN] Seq=0 Win=65535 Len=0 MSS=1460`, { connection: conn });
    if (syn.receivedAt === null) continue;
    const synAck = send(server, client, syn.receivedAt, 'transport', 'tcp', `80 → ${p} [SYN, ACK] Seq=0 Ack=1 Win=65535 Len=0`, { connection: conn, causedBy: syn.id });
    if (synAck.receivedAt === null) continue;
    send(client, server, synAck.receivedAt, 'transport', 'tcp', `${p} → 80 [ACK] Seq=1 Ack=1 Win=65535 Len=0`, { connection: conn, causedBy: synAck.id });
    const req = send(client, server, synAck.receivedAt, 'application', app, `${app.toUpperCase()} request ${p} "GET /item/${p} & <more>"`, { connection: conn });
    const reqSeg = send(client, server, synAck.receivedAt, 'transport', 'tcp', `${p} → 80 [PSH, ACK] Seq=1 Ack=1 Win=65535 Len=120`, { connection: conn, carries: [req.id], causedBy: req.id, bytes: 140 });
    req.receivedAt = reqSeg.receivedAt;
    if (reqSeg.receivedAt === null) continue;
    const rep = send(server, client, reqSeg.receivedAt + 100_000, 'application', app, `${app.toUpperCase()} reply 200 OK (${p % 900} bytes)`, { connection: conn, causedBy: req.id });
    const repSeg = send(server, client, reqSeg.receivedAt + 100_000, 'transport', 'tcp', `80 → ${p} [PSH, ACK] Seq=1 Ack=121 Win=65535 Len=${p % 900}`, { connection: conn, carries: [rep.id], causedBy: rep.id, bytes: 20 + (p % 900) });
    rep.receivedAt = repSeg.receivedAt;
    if (repSeg.receivedAt === null) continue;
    const ack = send(client, server, repSeg.receivedAt, 'transport', 'tcp', `${p} → 80 [ACK] Seq=121 Ack=${1 + (p % 900)} Win=65535 Len=0`, { connection: conn, causedBy: repSeg.id });
    if (rng.chance(0.3) && ack.receivedAt !== null) {
      const fin = send(client, server, ack.receivedAt, 'transport', 'tcp', `${p} → 80 [FIN, ACK] Seq=121 Ack=${1 + (p % 900)}`, { connection: conn, causedBy: ack.id });
      if (fin.receivedAt !== null) send(server, client, fin.receivedAt, 'transport', 'tcp', `80 → ${p} [FIN, ACK] Seq=${1 + (p % 900)} Ack=122`, { connection: conn, causedBy: fin.id });
    }
  }
  events.length = messages;
  // Events are in the order sent (ids = indexes), as a trace is: sort by send time, then renumber.
  const sorted = events.map((m, i) => ({ m, i })).sort((a, b) => a.m.sentAt - b.m.sentAt || a.i - b.i);
  const newId = new Map(sorted.map((e, j) => [e.m.id, j]));
  const endTime = events.reduce((t, m) => Math.max(t, m.sentAt), 0);
  const out: TraceEvent[] = sorted.map(({ m }, j) => {
    const inFlight = m.receivedAt !== null && m.receivedAt > endTime; // still on its way when the run stopped
    return {
      ...m,
      id: j,
      causedBy: m.causedBy === null ? null : (newId.get(m.causedBy) ?? null),
      carries: m.carries.map((c) => newId.get(c)).filter((c): c is number => c !== undefined),
      receivedAt: inFlight ? null : m.receivedAt,
    };
  });
  return { nodes, events: out, endTime };
}
