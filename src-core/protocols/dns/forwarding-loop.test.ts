// Two local servers forwarding to each other (a configuration mistake a
// student can draw): the queries chase each other until the run's budget
// stops them, and the run ends with a whole trace — no internal error, no
// port running out.
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../scenario/load';
import { runScenario } from '../../scenario/runner';
import { ENGINE_ERROR } from '../../host/reporter';

const SCENARIO = {
  format: 'l7-scenario',
  version: 1,
  name: 'two forwarders pointing at each other',
  nodes: [
    { id: 'host', kind: 'host', address: '10.0.0.10' },
    { id: 'a', kind: 'host', address: '10.0.0.53', services: [{ type: 'dns-resolver', mode: 'forward', forwarder: 'b', timeoutMs: 100, attempts: 2 }] },
    { id: 'b', kind: 'host', address: '10.0.0.54', services: [{ type: 'dns-resolver', mode: 'forward', forwarder: 'a', timeoutMs: 100, attempts: 2 }] },
    { id: 'r', kind: 'router', address: '10.0.0.1' },
  ],
  links: ['host', 'a', 'b'].map((id) => ({ a: id, b: 'r', delayMs: 1, bandwidthMbps: 100 })),
  workload: [{ type: 'dns-lookup', atMs: 0, node: 'host', resolver: 'a', name: 'www.example.com' }],
  run: { maxEvents: 60_000 },
};

describe('a forwarding loop', () => {
  it('runs until its budget, every query in the trace, and the host gets SERVFAIL', () => {
    const loaded = parseScenarioText(JSON.stringify(SCENARIO));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const run = runScenario(loaded.scenario);
    expect(run.stopReason).toBe('event-budget');
    const events = run.sim.store.events;
    expect(events.filter((e) => e.kind === 'state' && e.type === ENGINE_ERROR)).toEqual([]);
    expect(events.filter((e) => e.kind === 'message').length).toBeGreaterThan(1000);
    const answer = events.find((e) => e.kind === 'state' && e.type === 'dns.answer');
    expect(answer?.summary).toBe('www.example.com A: SERVFAIL');
  });
});
