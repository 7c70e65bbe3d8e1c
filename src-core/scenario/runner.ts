/**
 * Runs a scenario: scenario → simulation → trace. A host (CLI, worker
 * thread, Web Worker) calls `step()` repeatedly, handing out `takeBatch()`
 * between steps and checking for cancel, so a long run streams its trace and
 * stops promptly. `runScenario` does it all at once for tests and the CLI.
 *
 * Deterministic: the same scenario and seed give the same trace, byte for
 * byte, whatever the step sizes.
 */
import { formatIpv4 } from '../net/ipv4';
import { linkMetrics, linkSamples } from '../net/link-report';
import type { Simulation } from '../host/simulation';
import type { StopReason } from '../sim/scheduler';
import { ms, type SimTime } from '../sim/time';
import type { TraceContent } from '../trace/json';
import type { TraceBatch, TraceNode } from '../trace/types';
import { buildSimulation } from './build';
import type { Scenario } from './schema';

export const GENERATOR = 'L7 Lab 0.1.0';

export interface RunOptions {
  /** Overrides the scenario's seed. */
  readonly seed?: number;
}

export interface RunProgress {
  /** Simulated time reached (ns). */
  readonly simTime: SimTime;
  /** The run's end time (ns). */
  readonly endTime: SimTime;
  readonly kernelEvents: number;
  readonly traceEvents: number;
}

export type RunStatus = 'running' | StopReason;

export class ScenarioRun {
  readonly seed: number;
  readonly sim: Simulation;
  readonly nodes: readonly TraceNode[];
  private readonly endTime: SimTime;
  private readonly maxEvents: number;
  private status: RunStatus = 'running';

  constructor(readonly scenario: Scenario, options: RunOptions = {}) {
    this.seed = options.seed ?? scenario.run.seed;
    this.sim = buildSimulation(scenario, this.seed);
    this.endTime = ms(scenario.run.endTimeMs);
    this.maxEvents = scenario.run.maxEvents;
    const services = new Map(scenario.nodes.map((n) => [n.id, n.services.map((s) => s.type)]));
    this.nodes = this.sim.topology.nodes.map((n) => ({ id: n.id, name: n.name, kind: n.kind, address: formatIpv4(n.address), services: services.get(n.id) ?? [] }));
  }

  get finished(): boolean {
    return this.status !== 'running';
  }

  get stopReason(): RunStatus {
    return this.status;
  }

  /** Runs at most `kernelEvents` more events; returns 'running' or why the run stopped. */
  step(kernelEvents: number): RunStatus {
    if (this.status !== 'running') return this.status;
    const scheduler = this.sim.scheduler;
    const budget = Math.min(this.maxEvents, scheduler.eventsExecuted + kernelEvents);
    const reason = scheduler.run({ endTime: this.endTime, maxEvents: budget });
    if (reason === 'event-budget' && scheduler.eventsExecuted < this.maxEvents) return 'running';
    this.status = reason;
    if (reason === 'end-time') scheduler.advanceTo(this.endTime);
    this.reportLinks();
    return reason;
  }

  cancel(): void {
    if (this.status !== 'running') return;
    this.status = 'cancelled';
    this.reportLinks();
  }

  /** When the run stops: what each link carried, as metrics (net/link-report.ts). */
  private reportLinks(): void {
    const now = this.sim.scheduler.now;
    const channels = this.sim.network.channelStatistics();
    for (const m of linkMetrics(channels, now)) this.sim.store.addMetric({ ...m, at: now });
    for (const m of linkSamples(channels, now)) this.sim.store.addMetric({ ...m, at: m.at ?? now });
  }

  progress(): RunProgress {
    return {
      simTime: this.sim.scheduler.now,
      endTime: this.endTime,
      kernelEvents: this.sim.scheduler.eventsExecuted,
      traceEvents: this.sim.store.size,
    };
  }

  /** Trace events and completions since the last batch. */
  takeBatch(): TraceBatch {
    return this.sim.store.takeBatch();
  }

  /** The whole trace so far, for export. */
  trace(): TraceContent {
    return {
      header: {
        generator: GENERATOR,
        scenario: this.scenario.name,
        seed: this.seed,
        endTime: this.sim.scheduler.now,
        stopReason: this.status,
      },
      nodes: this.nodes,
      events: this.sim.store.events,
      metrics: this.sim.store.metrics,
    };
  }
}

/** Runs a scenario to the end in one go. */
export function runScenario(scenario: Scenario, options: RunOptions = {}): ScenarioRun {
  const run = new ScenarioRun(scenario, options);
  while (run.step(1_000_000) === 'running');
  return run;
}
