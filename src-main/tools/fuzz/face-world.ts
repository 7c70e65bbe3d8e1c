/**
 * A lesson's world on the fuzzer's network (face-net.ts): every node of the
 * scenario, every service started as the simulation starts it — through its
 * protocol module (`serviceDefinition(type).start(ctx, service)`) with a
 * NodeContext whose `drive` puts the engine on the network — and workload
 * actions run on demand. Nothing here knows a protocol: a new module's
 * services and actions come with it.
 *
 * Engines draw random numbers from `env.random32`, here one constant
 * (ENGINE_RANDOM), so the ids of the queries they send are known and seed
 * answers can match them.
 */
import { parseIpv4 } from '../../../src-core/net/ipv4';
import { HostSlots } from '../../../src-core/host/host-slot';
import { Reporter, type StateDataMap } from '../../../src-core/host/reporter';
import type { EngineBinding, NodeContext } from '../../../src-core/protocols/module';
import { actionDefinition, serviceDefinition } from '../../../src-core/protocols/registry';
import type { Action, Scenario } from '../../../src-core/scenario/schema';
import { ENGINE_QUERY_ID } from './dns-seeds';
import { FuzzNet, type Driven, type NetNode } from './face-net';
import { ORACLES } from './oracle';

/** What every engine's env.random32 returns: DNS ids (its low 16 bits) are ENGINE_QUERY_ID. */
export const ENGINE_RANDOM = ((ENGINE_QUERY_ID << 16) | ENGINE_QUERY_ID) >>> 0;

export class World {
  readonly net = new FuzzNet({ oracles: ORACLES, seed: 1 });
  private readonly nodes = new Map<string, NetNode>();
  private readonly contexts = new Map<string, NodeContext>();
  /** The engines each service started, by "node#index". */
  private readonly started = new Map<string, readonly Driven[]>();

  constructor(readonly scenario: Scenario) {
    for (const n of scenario.nodes) this.nodes.set(n.id, this.net.addNode(n.id, parseIpv4(n.address) ?? 0));
    for (const n of scenario.nodes) {
      n.services.forEach((service, i) => {
        const before = this.net.drivens.length;
        serviceDefinition(service.type).start(this.context(n.id), service);
        this.started.set(`${n.id}#${i}`, this.net.drivens.slice(before));
      });
    }
  }

  node(id: string): NetNode {
    const n = this.nodes.get(id);
    if (!n) throw new Error(`no node ${id} in the world`);
    return n;
  }

  /** The engines the `index`-th service of `node` started. */
  engines(node: string, index: number): readonly Driven[] {
    return this.started.get(`${node}#${index}`) ?? [];
  }

  /** Runs a workload action now; returns the engines it started. */
  run(action: Action): readonly Driven[] {
    const before = this.net.drivens.length;
    actionDefinition(action.type).run(this.context(action.node), action);
    return this.net.drivens.slice(before);
  }

  private context(nodeId: string): NodeContext {
    let ctx = this.contexts.get(nodeId);
    if (ctx) return ctx;
    const node = this.node(nodeId);
    const net = this.net;
    ctx = {
      nodeId,
      scenario: this.scenario,
      env: { socketId: () => node.socketId(), random32: () => ENGINE_RANDOM },
      slots: new HostSlots(),
      addressOf: (id) => this.node(id).addr,
      drive<Event, Command, M extends StateDataMap>(binding: EngineBinding<Event, Command, M>) {
        const d = net.attach(node, binding as unknown as EngineBinding<unknown, unknown, StateDataMap>);
        return { command: (c: Command) => net.command(d, c), onEvent: (listener: (event: Event) => void) => void d.listeners.push(listener as (event: unknown) => void) };
      },
      reporter: <M extends StateDataMap>(protocol: string) => new Reporter<M>(net.sink(node), protocol),
    };
    this.contexts.set(nodeId, ctx);
    return ctx;
  }
}
