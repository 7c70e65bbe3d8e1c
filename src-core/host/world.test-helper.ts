/**
 * A test world for engines (test-only): hosts joined by one router over the
 * simulated network, with the scheduler as the explicit clock. Put any two
 * or more engines on hosts, give them commands at chosen times, run, and
 * read the trace — tests then read like a sequence chart: "sent at t,
 * answered at t'". Every protocol's engine tests use it.
 */
import type { Engine } from '../engine/face';
import { parseIpv4 } from '../net/ipv4';
import type { LinkSpec, NodeSpec } from '../net/topology';
import type { EngineBinding } from '../protocols/module';
import { ms, type SimTime } from '../sim/time';
import type { MessageEvent, Metric, StateEvent } from '../trace/types';
import { EngineDriver, engineEnvOf } from './driver';
import type { StateDataMap } from './reporter';
import { Simulation } from './simulation';

export interface WorldOptions {
  /** Hosts by id → dotted address. */
  readonly hosts: Readonly<Record<string, string>>;
  /** One-way delay of each host's link to the router (ms); default 5. */
  readonly delayMs?: number;
  /** Bandwidth of every link (bit/s); default 10 Mb/s. */
  readonly bandwidth?: number;
  readonly seed?: number;
}

export class TestWorld {
  readonly sim: Simulation;

  constructor(options: WorldOptions) {
    const nodes: NodeSpec[] = Object.entries(options.hosts).map(([id, address]) => ({ id, kind: 'host', name: id, address: parseIpv4(address)! }));
    nodes.push({ id: 'router', kind: 'router', name: 'router', address: parseIpv4('10.255.255.254')! });
    const links: LinkSpec[] = Object.keys(options.hosts).map((id) => ({ id: `${id}-router`, a: id, b: 'router', delay: ms(options.delayMs ?? 5), bandwidth: options.bandwidth ?? 10e6, queuePackets: 100, lossRate: 0 }));
    this.sim = new Simulation({ nodes, links }, options.seed ?? 1);
  }

  /** The engine env of a host (socket ids, seeded random numbers). */
  env(host: string) {
    return engineEnvOf(this.sim.stack(host));
  }

  address(host: string): number {
    return this.sim.stack(host).address;
  }

  /** Runs an engine on `host` from now on. */
  drive<E, C, M extends StateDataMap>(host: string, binding: EngineBinding<E, C, M>): EngineDriver<E, C, M> {
    return new EngineDriver(this.sim.stack(host), binding.engine, binding).start();
  }

  /** An engine with no reporting (its events are dropped). */
  bare<E, C>(host: string, engine: Engine<E, C>): EngineDriver<E, C> {
    return this.drive(host, { engine, protocol: 'test', name: 'test engine', report: () => {} });
  }

  /** Calls `action` at simulated time `t` (ns). */
  at(t: SimTime, action: () => void): void {
    this.sim.scheduler.at(t, action);
  }

  run(): void {
    this.sim.scheduler.run();
  }

  messages(layer: 'application' | 'transport' = 'application'): MessageEvent[] {
    return this.sim.store.events.filter((e): e is MessageEvent => e.kind === 'message' && e.layer === layer);
  }

  states(type?: string): StateEvent[] {
    return this.sim.store.events.filter((e): e is StateEvent => e.kind === 'state' && (type === undefined || e.type === type));
  }

  metrics(): readonly Metric[] {
    return this.sim.store.metrics;
  }
}
