// Whatever stops a run, the command line keeps its trace: an exception that
// escapes the simulation stops it where it was, with the trace so far.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src-core/scenario/load';
import { ms } from '../../src-core/sim/time';
import { runToEnd } from './run-to-end';

function lesson(name: string) {
  const loaded = parseScenarioText(readFileSync(`resources/lessons/${name}.l7.json`, 'utf8'));
  if (!loaded.ok) throw new Error(`${name} does not load`);
  return loaded.scenario;
}

describe('runToEnd', () => {
  it('runs a lesson to its end with no failure', () => {
    const { trace, failure } = runToEnd(lesson('sockets-udp'));
    expect(failure).toBeNull();
    expect(trace.header.stopReason).toBe('idle');
  });

  it('keeps the trace so far when an exception escapes the simulation, and names the stop', () => {
    const whole = runToEnd(lesson('dns-iterative')).trace;
    const { trace, failure } = runToEnd(lesson('dns-iterative'), {}, (run) =>
      run.sim.scheduler.at(ms(30), () => {
        throw new Error('a kernel bug');
      }),
    );
    expect(failure?.message).toBe('a kernel bug');
    expect(trace.header.stopReason).toBe('internal-error');
    expect(trace.header.endTime).toBe(ms(30));
    expect(trace.events.length).toBeGreaterThan(0);
    expect(trace.events.length).toBeLessThan(whole.events.length);
    expect(trace.events).toEqual(whole.events.slice(0, trace.events.length).map((e) => expect.objectContaining({ id: e.id, kind: e.kind })));
  });
});
