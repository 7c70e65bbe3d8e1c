// The built-in lessons: each loads, runs, and gives the same trace twice.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { transmissionDelay, ms } from '../sim/time';
import { traceToJson } from '../trace/json';
import type { MessageEvent } from '../trace/types';
import { parseScenarioText } from './load';
import { runScenario, ScenarioRun } from './runner';
import type { Scenario } from './schema';

const LESSONS = join(__dirname, '../../resources/lessons');
const lessonFiles = readdirSync(LESSONS).filter((f) => f.endsWith('.l7.json')).sort();

function load(file: string): Scenario {
  const result = parseScenarioText(readFileSync(join(LESSONS, file), 'utf8'));
  if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.issues)}`);
  return result.scenario;
}

function messages(run: ScenarioRun): MessageEvent[] {
  return run.sim.store.events.filter((e): e is MessageEvent => e.kind === 'message');
}

describe.each(lessonFiles)('lesson %s', (file) => {
  it('loads, runs to idle and is deterministic', () => {
    const scenario = load(file);
    const first = runScenario(scenario);
    expect(first.stopReason).toBe('idle');
    expect(first.sim.store.size).toBeGreaterThan(0);
    const a = traceToJson(first.trace());
    const b = traceToJson(runScenario(scenario).trace());
    expect(b).toBe(a);
  });

  it('gives the same trace when run in small steps with batches taken between', () => {
    const scenario = load(file);
    const whole = traceToJson(runScenario(scenario).trace());
    const run = new ScenarioRun(scenario);
    let batches = 0;
    while (run.step(7) === 'running') {
      run.takeBatch();
      batches++;
    }
    expect(batches).toBeGreaterThan(1);
    expect(traceToJson(run.trace())).toBe(whole);
  });

  it('with another seed draws other random numbers (ports, ids, sequence numbers) but exchanges as many messages (unless its workload itself is random)', () => {
    const scenario = load(file);
    const a = runScenario(scenario, { seed: 1 }).trace();
    const b = runScenario(scenario, { seed: 2 }).trace();
    // a population's arrivals and choice of objects come from the seed too: another seed is another sample of users
    const randomWorkload = scenario.workload.some((w) => w.type === 'http-population');
    if (!randomWorkload) expect(b.events.length).toBe(a.events.length);
    const wire = (t: typeof a) => t.events.flatMap((e) => (e.kind === 'message' ? [Array.from(e.bytes).join(',')] : []));
    expect(wire(b)).not.toEqual(wire(a));
  });
});

describe('sockets-udp lesson', () => {
  it('answers each client in upper case one round trip later', () => {
    const run = runScenario(load('sockets-udp.l7.json'));
    const app = messages(run).filter((m) => m.layer === 'application');
    expect(app.map((m) => `${m.from}→${m.to} ${m.summary}`)).toEqual([
      'clientA→server Line "hello from client a"',
      'clientB→server Line "and hello from client b"', // sent at 5 ms, before the first reply
      'server→clientA Reply "HELLO FROM CLIENT A"',
      'server→clientB Reply "AND HELLO FROM CLIENT B"',
    ]);
    expect(app[2]!.causedBy).toBe(app[0]!.id);
    // Client A: 19-byte line + 8 UDP + 20 IP = 47 bytes each way; 10 Mb/s + 2 ms, then 100 Mb/s + 10 ms.
    const oneWay = transmissionDelay(47, 10e6) + ms(2) + transmissionDelay(47, 100e6) + ms(10);
    const replyTime = run.sim.store.metrics.find((m) => m.node === 'clientA' && m.name === 'replyTime')!;
    expect(replyTime.value).toBeCloseTo((2 * oneWay) / 1e9, 12);
    // ports: the server answers from 12000 to the client's ephemeral port
    expect(app[2]!.src.port).toBe(12000);
    expect(app[2]!.dst.port).toBe(app[0]!.src.port);
    expect(app[0]!.src.port).toBeGreaterThanOrEqual(49152);
  });
});

describe('sockets-tcp lesson', () => {
  it('serves two clients on two connection sockets of the same server port', () => {
    const run = runScenario(load('sockets-tcp.l7.json'));
    const all = messages(run);
    const connections = [...new Set(all.filter((m) => m.protocol === 'tcp').map((m) => m.connection))];
    expect(connections).toHaveLength(2);
    for (const c of connections) expect(c).toMatch(/^tcp:10\.0\.[12]\.\d+:\d+-192\.0\.2\.10:12000$/);
    const replies = all.filter((m) => m.layer === 'application' && m.from === 'server').map((m) => m.summary);
    expect(replies).toEqual(['Reply "HELLO FROM CLIENT A"', 'Reply "AND HELLO FROM CLIENT B"']);
    for (const c of connections) {
      const flags = all.filter((m) => m.connection === c && m.protocol === 'tcp').map((m) => m.summary.match(/\[([A-Z, ]+)\]/)![1]);
      expect(flags.slice(0, 3)).toEqual(['SYN', 'SYN, ACK', 'ACK']);
      expect(flags.filter((f) => f!.includes('FIN'))).toHaveLength(2);
    }
  });

  it('delivers the first line 1.5 RTT after connect, plus transmission times', () => {
    const run = runScenario(load('sockets-tcp.l7.json'));
    const line = messages(run).find((m) => m.layer === 'application' && m.from === 'clientA')!;
    // RTT (propagation) client A ↔ server = 2 × (2 + 10) ms = 24 ms; 1.5 RTT = 36 ms.
    expect(line.receivedAt! - ms(36)).toBeGreaterThan(0);
    expect(line.receivedAt! - ms(36)).toBeLessThan(ms(0.5));
  });
});
