// What the transport-bulk lesson tells the student to look for is what the
// run shows (scenario/lessons.test.ts runs every lesson for determinism).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LINK_METRIC_NAMES } from '../../net/link-report';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../scenario/load';
import { runScenario } from '../../scenario/runner';
import type { MessageEvent, StateEvent } from '../../trace/types';

function run() {
  const loaded = parseScenarioText(readFileSync(join(__dirname, '../../../resources/lessons/transport-bulk.l7.json'), 'utf8'));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const r = runScenario(loaded.scenario);
  const events = r.sim.store.events;
  return {
    states: (type: string) => events.filter((e): e is StateEvent => e.kind === 'state' && e.type === type),
    messages: events.filter((e): e is MessageEvent => e.kind === 'message'),
    metrics: r.sim.store.metrics,
  };
}

describe('transport-bulk lesson', () => {
  const { states, messages, metrics } = run();
  const R = 10e6;
  const L = 1_000_000;
  const throughputs = metrics.filter((m) => m.name === 'throughput').map((m) => m.value);

  it('records what the bottleneck carried: its queue overflowed at 12 Mbit/s', () => {
    const bottleneck = metrics.filter((m) => m.node === 'router' && m.summary.startsWith('link bottleneck, router → server:'));
    expect(bottleneck.map((m) => m.name)).toEqual(['linkUtilisation', 'queueingDelay']);
    expect(bottleneck[1]!.summary).toMatch(/queue up to 100 packets, \d+ dropped when full$/);
    // and over time: the queue full (100 packets) in some interval, the link busy all of it
    const samples = metrics.filter((m) => m.summary.startsWith('link bottleneck, router → server, '));
    expect(samples.some((m) => m.name === 'queueingDelaySample' && m.summary.endsWith('queue up to 100 packets'))).toBe(true);
    expect(Math.max(...samples.filter((m) => m.name === 'linkUtilisationSample').map((m) => m.value))).toBeCloseTo(1, 2);
  });

  it('names the transfer each metric measures: the Results table lists three of each side by side', () => {
    expect(metrics.filter((m) => !LINK_METRIC_NAMES.has(m.name)).map((m) => `${m.node} ${m.name}: ${m.summary}`)).toEqual([
      'server transferTime: 1000000 bytes over TCP, first to last byte in 0.82079 s',
      'server throughput: 9.747 Mbit/s: 1000000 bytes over TCP in 0.82079 s',
      'client transferTime: 1000000 bytes over TCP sent, the last one acknowledged after 0.866226 s',
      'client transferTime: last UDP datagram of 1000000 bytes sent after 1.009792 s',
      'server transferTime: 1000000 bytes over UDP, first to last byte in 1.009553 s',
      'server throughput: 7.924 Mbit/s: 1000000 bytes over UDP in 1.009553 s',
      'client transferTime: last UDP datagram of 1000000 bytes sent after 0.673195 s',
      'server transferTime: 962416 of 1000000 bytes over UDP, first to last byte in 0.792 s',
      'server throughput: 9.721 Mbit/s: 962416 bytes over UDP in 0.792 s',
    ]);
  });

  it('TCP: about 97 % of R at the sink, 2 RTT + L/R (with headers) at the sender', () => {
    expect(Math.abs(throughputs[0]! / (R * (1460 / 1500)) - 1)).toBeLessThan(0.005);
    const sender = metrics.find((m) => m.node === 'client' && m.name === 'transferTime')!.value;
    const rtt = 2 * 0.011;
    expect(sender).toBeGreaterThan(2 * rtt + (8 * L) / R);
    expect(sender).toBeLessThan(2 * rtt + ((8 * L) / R) * (1500 / 1460) + 0.002);
    expect(messages.filter((m) => m.protocol === 'tcp' && m.lost !== null)).toEqual([]);
  });

  it('UDP below R: nothing lost, no datagram waits at the router', () => {
    const first = messages.filter((m) => m.protocol === 'udp' && m.sentAt < 3e9);
    expect(first).toHaveLength(687);
    expect(first.every((m) => m.lost === null && m.timing!.queueing === 0)).toBe(true);
    expect(states('bulk.completed')[1]!.data).toMatchObject({ bytes: L, intact: true });
  });

  it('UDP above R: the router drops datagrams, the last among them, and the sink counts them', () => {
    const second = messages.filter((m) => m.protocol === 'udp' && m.sentAt >= 3e9);
    const lost = second.filter((m) => m.lost !== null);
    expect(lost.length).toBeGreaterThan(0);
    expect(lost.every((m) => m.lost!.reason === 'queue-full' && m.lost!.node === 'router')).toBe(true);
    expect(second.at(-1)!.lost).not.toBeNull();
    expect(states('bulk.datagramsLost')[0]!.data).toEqual({ lost: lost.length, datagrams: 687 });
    // The sink's rate is the bottleneck's, less the headers: it cannot receive faster than R.
    expect(throughputs[2]!).toBeLessThan(R);
  });
});
