import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { integerFrom, MAX_BANDWIDTH_MBPS, MAX_PACKET_BYTES, MAX_TIME_MS, MIN_BANDWIDTH_MBPS, MIN_POSITIVE_MS, mbpsSchema, nonNegativeMsSchema, positiveMsSchema } from './fields';
import { z } from './zod';
import { parseScenarioText, validateScenario } from './load';
import type { LoadResult, ScenarioIssue } from './load';
import { fixture } from './load.test-helper';
import { runScenario } from './runner';
import { ms, transmissionDelay } from '../sim/time';

const bitsPerSecond = (mbps: number) => mbps * 1_000_000;

function issuesOf(result: LoadResult): ScenarioIssue[] {
  if (result.ok) throw new Error('expected the scenario to be refused');
  return result.issues;
}

describe('numeric bounds: every accepted value is a time the simulator holds exactly', () => {
  it('times: nine of the longest still add up to a safe integer of nanoseconds; the shortest positive one is 1 ns', () => {
    expect(ms(MAX_TIME_MS)).toBe(1e15);
    expect(Number.isSafeInteger(9 * ms(MAX_TIME_MS))).toBe(true);
    expect(ms(MIN_POSITIVE_MS)).toBe(1);
  });

  it('bandwidth: the largest packet on the slowest link takes a finite, exact time, shorter than the longest time', () => {
    const slowest = transmissionDelay(MAX_PACKET_BYTES, bitsPerSecond(MIN_BANDWIDTH_MBPS));
    expect(slowest).toBe(524_280 * 1e9); // 65,535 × 8 bits at 1 bit/s
    expect(slowest).toBeLessThan(ms(MAX_TIME_MS));
    expect(transmissionDelay(1, bitsPerSecond(MAX_BANDWIDTH_MBPS))).toBe(1);
    // What the lower bound prevents: the value of the bug report gives an infinite event time.
    expect(transmissionDelay(MAX_PACKET_BYTES, bitsPerSecond(1e-320))).toBe(Infinity);
  });

  it('any accepted time converts to a safe integer of ns; any accepted bandwidth gives safe transmission times', () => {
    const inRange = (min: number, max: number) => fc.double({ min, max, noNaN: true });
    fc.assert(
      fc.property(inRange(0, MAX_TIME_MS), inRange(MIN_POSITIVE_MS, MAX_TIME_MS), inRange(MIN_BANDWIDTH_MBPS, MAX_BANDWIDTH_MBPS), fc.integer({ min: 1, max: MAX_PACKET_BYTES }), (t, d, mbps, bytes) => {
        expect(nonNegativeMsSchema.safeParse(t).success && positiveMsSchema.safeParse(d).success && mbpsSchema.safeParse(mbps).success).toBe(true);
        expect(Number.isSafeInteger(ms(t))).toBe(true);
        expect(ms(d)).toBeGreaterThanOrEqual(1);
        const tx = transmissionDelay(bytes, bitsPerSecond(mbps));
        expect(Number.isSafeInteger(tx) && tx >= 1 && tx <= ms(MAX_TIME_MS)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses values outside the bounds, just outside included', () => {
    for (const bad of [-Number.MIN_VALUE, MAX_TIME_MS + 0.001, 1e300, Infinity, NaN]) expect(nonNegativeMsSchema.safeParse(bad).success).toBe(false);
    for (const bad of [0, MIN_POSITIVE_MS / 2, 5e-324, MAX_TIME_MS * 1.000001]) expect(positiveMsSchema.safeParse(bad).success).toBe(false);
    for (const bad of [0, 1e-320, MIN_BANDWIDTH_MBPS * 0.999, MAX_BANDWIDTH_MBPS * 1.001, Infinity]) expect(mbpsSchema.safeParse(bad).success).toBe(false);
  });
});

describe('integerFrom', () => {
  it('takes integers in its range and names the range in its description', () => {
    const guesses = integerFrom(1, 65536);
    expect([1, 65536].map((n) => guesses.safeParse(n).success)).toEqual([true, true]);
    expect([0, 65537, 2.5].map((n) => guesses.safeParse(n).success)).toEqual([false, false, false]);
    expect(z.globalRegistry.get(guesses)?.description).toBe('an integer from 1 to 65536');
  });
});

describe('the loader refuses what the simulator cannot run, at the value\'s JSON path', () => {
  it('bandwidthMbps: 1e-320 (which used to pass and stop the run with an infinite event time)', () => {
    const doc = fixture('udp');
    doc.links[1].bandwidthMbps = 1e-320;
    const text = JSON.stringify(doc, null, 2);
    expect(issuesOf(parseScenarioText(text))).toEqual([
      {
        path: 'links[1].bandwidthMbps',
        message: 'expected a number from 0.000001 to 1000000 (megabits per second: 1 bit/s to 1 Tb/s), got 1e-320',
        line: expect.any(Number),
        column: expect.any(Number),
        offset: text.indexOf('1e-320'),
      },
    ]);
  });

  it('every time field of the scenario and its DNS parts: too long, or a positive duration under 1 ns', () => {
    const doc = fixture('udp');
    doc.run.endTimeMs = 2e9;
    doc.workload[0].timeoutMs = 1e-9;
    doc.lossRules = [{ fromMs: 1e10, toMs: 2e10 }];
    doc.nodes[2].services.push({ type: 'dns-resolver', timeoutMs: 0.0000001 });
    doc.workload.push({ type: 'dns-amplify', atMs: 1, node: 'client', server: 'server', victim: 'r1', name: 'x.', intervalMs: 1e9 + 1 });
    expect(issuesOf(validateScenario(doc)).map((i) => `${i.path}: ${i.message}`)).toEqual([
      'nodes[2].services[1].timeoutMs: expected a number from 0.000001 to 1000000000 (milliseconds), got 1e-7',
      'workload[0].timeoutMs: expected a number from 0.000001 to 1000000000 (milliseconds), got 1e-9',
      'workload[1].intervalMs: expected a number from 0 to 1000000000 (milliseconds), got 1000000001',
      'run.endTimeMs: expected a number from 0.000001 to 1000000000 (milliseconds), got 2000000000',
      'lossRules[0].fromMs: expected a number from 0 to 1000000000 (milliseconds), got 10000000000',
      'lossRules[0].toMs: expected a number from 0.000001 to 1000000000 (milliseconds), got 20000000000',
    ]);
  });

  it('a scenario at the extreme accepted values loads and runs to its end time', () => {
    const doc = fixture('udp');
    for (const link of doc.links) link.bandwidthMbps = MIN_BANDWIDTH_MBPS;
    doc.links[0].delayMs = MAX_TIME_MS;
    doc.workload[0].atMs = MAX_TIME_MS;
    doc.workload[0].timeoutMs = MAX_TIME_MS;
    doc.workload.push({ ...doc.workload[0], atMs: 0, timeoutMs: MIN_POSITIVE_MS });
    doc.run.endTimeMs = MAX_TIME_MS;
    const loaded = validateScenario(doc);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const run = runScenario(loaded.scenario);
    expect(run.stopReason).toBe('end-time');
    expect(run.sim.store.events.length).toBeGreaterThan(0);
  });
});
