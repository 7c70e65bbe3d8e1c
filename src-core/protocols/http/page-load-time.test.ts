// Page-load times of Kurose & Ross §2.2.2 against the simulator: a client
// and a web server joined by one link of propagation delay d (RTT = 2d) and
// rate R; a base HTML page referencing M objects, every message small enough
// for one TCP segment (the responses of a pipelined burst excepted, which
// TCP cuts into MSS-sized segments).
//
// The course's formulas count round trips only:
//   non-persistent, serial:            (M + 1) · 2 RTT
//   non-persistent, N in parallel:     2 RTT + ⌈M / N⌉ · 2 RTT
//   persistent, no pipelining:         2 RTT + M · RTT
//   persistent, pipelined:             2 RTT + RTT
// The simulator adds each packet's transmission time L/R, hop by hop, and
// our TCP's habits (no delayed ACK: a bare ACK leaves ahead of a reply to
// data; a closing client's ACK and FIN leave ahead of its next SYN). Writing
// tx(n) = ⌈8n / R⌉ ns for an n-byte IP packet (20 bytes IP + 20 bytes TCP +
// payload; SYN and SYN-ACK carry a 4-byte MSS option: 44 bytes), one object
// fetched on a new connection costs, on the critical path,
//   SYN tx(44) + d, SYN-ACK tx(44) + d,
//   the client's ACK and request tx(40) + tx(40 + Q) + d,
//   the server's ACK and response tx(40) + tx(40 + P) + d,
// that is 2 RTT + T_new(Q, P), with Q and P the request's and response's
// bytes; an object on an open connection costs RTT + T_reuse(Q, P), the same
// less the handshake. With R at 10^6 Mbit/s every tx is a few ns: the
// formulas then hold to within those few ns, and the tests check it to the
// nanosecond.
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../scenario/load';
import { runScenario } from '../../scenario/runner';
import type { ScenarioInput } from '../../scenario/schema';
import { ms, transmissionDelay, type SimTime } from '../../sim/time';
import type { MessageEvent } from '../../trace/types';
import type { BrowseMode } from './schema';

const IP_TCP = 40;
const SYN = IP_TCP + 4;
const MSS = 1460;

interface PageRun {
  readonly pageLoad: SimTime;
  /** The HTTP requests and responses, in the order they were sent. */
  readonly requests: MessageEvent[];
  readonly responses: MessageEvent[];
  readonly allPackets: MessageEvent[];
}

function loadPage(opts: { R: number; d: SimTime; M: number; objectBytes: number; mode: BrowseMode; maxConnections?: number }): PageRun {
  const images = Array.from({ length: opts.M }, (_, i) => `/img${i + 1}.jpg`);
  const doc: ScenarioInput = {
    format: 'l7-scenario',
    version: 1,
    name: 'one page',
    nodes: [
      { id: 'client', kind: 'host', address: '10.0.0.1', hostsFile: [{ name: 'www.example.com', address: '10.0.0.2' }] },
      {
        id: 'server',
        kind: 'host',
        address: '10.0.0.2',
        services: [{ type: 'http-server', objects: [{ path: '/index.html', embeds: images }, ...images.map((path) => ({ path, size: opts.objectBytes }))] }],
      },
    ],
    links: [{ a: 'client', b: 'server', delayMs: opts.d / 1e6, bandwidthMbps: opts.R / 1e6, queuePackets: 1000 }],
    workload: [{ type: 'http-browse', atMs: 0, node: 'client', url: 'http://www.example.com/index.html', mode: opts.mode, maxConnections: opts.maxConnections ?? 1 }],
  } as ScenarioInput;
  const loaded = parseScenarioText(JSON.stringify(doc));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const run = runScenario(loaded.scenario);
  const messages = run.sim.store.events.filter((e): e is MessageEvent => e.kind === 'message');
  const http = messages.filter((m) => m.protocol === 'http');
  const pageLoad = run.sim.store.metrics.find((m) => m.node === 'client' && m.name === 'pageLoadTime');
  if (!pageLoad) throw new Error('no pageLoadTime');
  return {
    pageLoad: Math.round(pageLoad.value * 1e9),
    requests: http.filter((m) => m.from === 'client'),
    responses: http.filter((m) => m.from === 'server'),
    allPackets: messages.filter((m) => m.layer === 'transport'),
  };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe.each([
  ['transmission negligible (R = 10^6 Mbit/s)', 1e12],
  ['transmission counted (R = 10 Mbit/s)', 10e6],
])('page-load time, %s', (_title, R) => {
  const d = ms(10);
  const RTT = 2 * d;
  const M = 5;
  const tx = (bytes: number) => transmissionDelay(bytes, R);
  const newConnection = (Q: number, P: number) => 2 * tx(SYN) + tx(IP_TCP) + tx(IP_TCP + Q) + tx(IP_TCP) + tx(IP_TCP + P);
  const reused = (Q: number, P: number) => tx(IP_TCP) + tx(IP_TCP + Q) + tx(IP_TCP) + tx(IP_TCP + P);

  it('non-persistent, serial: (M + 1) · 2 RTT, plus each object\'s transmissions and the closing ACK and FIN ahead of each next SYN', () => {
    const run = loadPage({ R, d, M, objectBytes: 500, mode: 'non-persistent' });
    expect(run.requests).toHaveLength(M + 1);
    const perObject = run.requests.map((q, i) => newConnection(q.bytes.length, run.responses[i]!.bytes.length));
    const closingAhead = M * 2 * tx(IP_TCP);
    expect(run.pageLoad).toBe((M + 1) * 2 * RTT + sum(perObject) + closingAhead);
    if (R >= 1e12) expect(run.pageLoad - (M + 1) * 2 * RTT).toBeLessThan(1000); // the formula, to within a microsecond
  });

  it('persistent without pipelining: 2 RTT + M · RTT, plus the transmissions of each request and response and their ACKs', () => {
    const run = loadPage({ R, d, M, objectBytes: 500, mode: 'persistent' });
    const [base, ...objects] = run.requests.map((q, i) => [q.bytes.length, run.responses[i]!.bytes.length] as const);
    expect(objects).toHaveLength(M);
    const expected = 2 * RTT + newConnection(...base!) + sum(objects.map(([Q, P]) => RTT + reused(Q, P)));
    expect(run.pageLoad).toBe(expected);
    if (R >= 1e12) expect(run.pageLoad - (2 * RTT + M * RTT)).toBeLessThan(1000);
  });

  it('pipelined: 2 RTT + one RTT for all the referenced objects; the requests leave in one segment, the responses back to back in MSS-sized segments', () => {
    const run = loadPage({ R, d, M, objectBytes: 500, mode: 'pipelined' });
    const [Q0, ...Q] = run.requests.map((m) => m.bytes.length);
    const [P0, ...P] = run.responses.map((m) => m.bytes.length);
    expect(Q).toHaveLength(M);
    // every request was written at the same instant, when the base page had arrived
    expect(new Set(run.requests.slice(1).map((m) => m.sentAt)).size).toBe(1);
    const responseBytes = sum(P);
    const segments = Array.from({ length: Math.ceil(responseBytes / MSS) }, (_, k) => Math.min(MSS, responseBytes - k * MSS));
    const burst = tx(IP_TCP) + tx(IP_TCP + sum(Q)) + d + tx(IP_TCP) + sum(segments.map((s) => tx(IP_TCP + s))) + d;
    expect(run.pageLoad).toBe(2 * RTT + newConnection(Q0!, P0!) + burst);
    if (R >= 1e12) expect(run.pageLoad - 3 * RTT).toBeLessThan(1000);
  });

  it('non-persistent with N parallel connections: 2 RTT + ⌈M / N⌉ · 2 RTT, within the transmission time of every packet of the run', () => {
    for (const N of [2, 5]) {
      const run = loadPage({ R, d, M, objectBytes: 500, mode: 'non-persistent', maxConnections: N });
      const formula = 2 * RTT + Math.ceil(M / N) * 2 * RTT;
      // transmissions only ever add to the round trips, and never more than all of them together (packets queue behind each other at most)
      const allTransmissions = sum(run.allPackets.map((p) => tx(p.bytes.length + 20)));
      expect(run.pageLoad).toBeGreaterThan(formula);
      expect(run.pageLoad).toBeLessThanOrEqual(formula + allTransmissions);
    }
  });
});
