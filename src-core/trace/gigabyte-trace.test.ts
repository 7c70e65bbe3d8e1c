/**
 * Issue 14's memory target, from the trace store's own accounting (not from
 * the heap or the clock): a transfer of 10^9 bytes over TCP keeps at most 200
 * bytes per transport message, and the payload it points into is the
 * sender's one pattern array, not a copy per segment.
 */
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../scenario/load';
import { runScenario } from '../scenario/runner';

const GIGABYTE_SCENARIO = {
  format: 'l7-scenario',
  version: 1,
  name: 'A gigabyte over TCP',
  nodes: [
    { id: 'client', kind: 'host', name: 'Client', address: '10.0.1.2' },
    { id: 'router', kind: 'router', name: 'Router', address: '10.0.1.1' },
    { id: 'server', kind: 'host', name: 'Server', address: '10.0.2.2', services: [{ type: 'bulk-sink', port: 5001, transport: 'tcp' }] },
  ],
  links: [
    { id: 'access', a: 'client', b: 'router', delayMs: 1, bandwidthMbps: 1000 },
    { id: 'core', a: 'router', b: 'server', delayMs: 1, bandwidthMbps: 1000 },
  ],
  workload: [{ type: 'bulk-send', atMs: 0, node: 'client', server: 'server', port: 5001, transport: 'tcp', bytes: 1_000_000_000 }],
  run: { endTimeMs: 600_000, maxEvents: 100_000_000 },
};

describe('the trace of a 1 GB transfer', () => {
  it('keeps at most 200 bytes per transport message, payloads referenced, not copied', { timeout: 600_000 }, () => {
    const loaded = parseScenarioText(JSON.stringify(GIGABYTE_SCENARIO));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const run = runScenario(loaded.scenario);
    const trace = run.trace();
    let transport = 0;
    for (const e of trace.events) if (e.kind === 'message' && e.layer === 'transport') transport++;
    const memory = run.sim.store.memory();
    // 10^9 bytes in 1460-byte segments, each acknowledged
    expect(transport).toBeGreaterThan(2 * Math.floor(1e9 / 1460));
    expect(memory.tcpSegments).toBe(transport);
    expect(memory.bytesPerTcpSegment).toBeLessThanOrEqual(200);
    // the bulk sender writes one 64 KiB pattern array (and its 8-byte header) again and again
    expect(memory.applicationBufferBytes).toBeLessThan(1 << 20);
    expect(memory.tcpSegmentBytes + memory.applicationBufferBytes).toBeLessThan(1e9 / 3);
    expect(trace.metrics.some((m) => m.name === 'throughput')).toBe(true);
  });
});
