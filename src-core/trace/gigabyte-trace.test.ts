/**
 * Issue 14's memory target, from the trace store's own accounting (not from
 * the heap or the clock): a transfer of 10^9 bytes over TCP keeps at most 200
 * bytes per transport message, and the payload it points into is the
 * sender's one pattern array, not a copy per segment. The scenario is the
 * benchmark's (bench/gigabyte.l7.json), which also measures RSS.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../scenario/load';
import { runScenario } from '../scenario/runner';

describe('the trace of a 1 GB transfer', () => {
  it('keeps at most 200 bytes per transport message, payloads referenced, not copied', { timeout: 600_000 }, () => {
    const loaded = parseScenarioText(readFileSync('bench/gigabyte.l7.json', 'utf8'));
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
