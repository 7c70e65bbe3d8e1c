/**
 * Runs a scenario to its end for the command line, keeping the trace
 * whatever stops the run: an exception that escapes the simulation (a bug
 * of ours — engine faults are contained before they get here) stops the
 * run where it was, and the trace so far says so in its header
 * (stopReason "internal-error") so it can still be written and looked at.
 */
import type { TraceContent } from '../../src-core/trace/json';
import { ScenarioRun, type RunOptions } from '../../src-core/scenario/runner';
import type { Scenario } from '../../src-core/scenario/schema';

export interface FinishedRun {
  readonly trace: TraceContent;
  /** The exception that stopped the run, if one did. */
  readonly failure: Error | null;
}

const SLICE = 1_000_000;

/**
 * `prepare` sees the run before it starts; `afterSlice` after each slice of
 * SLICE kernel events (a host writing the trace as it goes, trace-files.ts).
 */
export function runToEnd(
  scenario: Scenario,
  options: RunOptions = {},
  prepare?: (run: ScenarioRun) => void,
  afterSlice?: (run: ScenarioRun) => void,
): FinishedRun {
  const run = new ScenarioRun(scenario, options);
  prepare?.(run);
  try {
    while (run.step(SLICE) === 'running') afterSlice?.(run);
    return { trace: run.trace(), failure: null };
  } catch (error) {
    const trace = run.trace();
    return {
      trace: { ...trace, header: { ...trace.header, stopReason: 'internal-error' } },
      failure: error instanceof Error ? error : new Error(String(error)),
    };
  }
}
