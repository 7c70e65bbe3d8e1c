/**
 * One simulation: the kernel, the network, a stack per host and the tracer,
 * wired together. Built from a scenario by src-core/scenario/build.ts.
 */
import type { LossRule } from '../net/faults';
import { Network } from '../net/network';
import type { Topology } from '../net/topology';
import { Prng } from '../sim/prng';
import { Scheduler } from '../sim/scheduler';
import { DEFAULT_TCP_CONFIG, type TcpConfig } from '../transport/tcp/connection';
import { TraceStore } from '../trace/store';
import { HostStack } from './stack';
import { Tracer } from './tracer';

export class Simulation {
  readonly scheduler = new Scheduler();
  readonly store = new TraceStore();
  readonly tracer = new Tracer(this.store);
  readonly prng: Prng;
  readonly network: Network;
  private readonly stacks = new Map<string, HostStack>();

  constructor(
    readonly topology: Topology,
    readonly seed: number,
    lossRules: readonly LossRule[] = [],
    readonly tcpConfig: TcpConfig = DEFAULT_TCP_CONFIG,
  ) {
    this.prng = new Prng(seed);
    this.network = new Network(topology, this.scheduler, this.prng.fork('network'), lossRules);
    this.network.observe(this.tracer);
    const env = { scheduler: this.scheduler, network: this.network, tracer: this.tracer, tcpConfig };
    for (const node of topology.nodes) {
      if (node.kind === 'host') this.stacks.set(node.id, new HostStack(node, env, this.prng.fork(`host:${node.id}`)));
    }
  }

  stack(nodeId: string): HostStack {
    const s = this.stacks.get(nodeId);
    if (!s) throw new Error(`"${nodeId}" is not a host`);
    return s;
  }
}
