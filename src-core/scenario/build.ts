/**
 * Scenario → simulation: the topology, loss rules, services started at time
 * zero and workload actions scheduled at their times, each by the protocol
 * module that defines it (protocols/registry.ts). Expects a scenario
 * already validated by the loader (references resolved).
 */
import type { LossRule as NetLossRule } from '../net/faults';
import { parseIpv4 } from '../net/ipv4';
import type { LinkSpec, NodeSpec, Topology } from '../net/topology';
import { Simulation } from '../host/simulation';
import { ms } from '../sim/time';
import { EngineDriver, engineEnvOf } from '../host/driver';
import { Reporter } from '../host/reporter';
import type { HostStack } from '../host/stack';
import type { NodeContext } from '../protocols/module';
import { actionDefinition, serviceDefinition } from '../protocols/registry';
import type { Scenario } from './schema';

/** The id a link gets when the file gives none: "a-b". */
export function linkId(link: { id?: string | undefined; a: string; b: string }): string {
  return link.id ?? `${link.a}-${link.b}`;
}

export function topologyOf(scenario: Scenario): Topology {
  const nodes: NodeSpec[] = scenario.nodes.map((n) => ({
    id: n.id,
    kind: n.kind,
    name: n.name ?? n.id,
    address: parseIpv4(n.address) ?? 0,
  }));
  const links: LinkSpec[] = scenario.links.map((l) => ({
    id: linkId(l),
    a: l.a,
    b: l.b,
    delay: ms(l.delayMs),
    bandwidth: l.bandwidthMbps * 1_000_000,
    queuePackets: l.queuePackets,
    lossRate: l.lossRate,
  }));
  return { nodes, links };
}

function lossRulesOf(scenario: Scenario): NetLossRule[] {
  return scenario.lossRules.map((r) => ({
    link: r.link,
    from: r.from,
    to: r.to,
    protocol: r.protocol,
    dataOnly: r.dataOnly,
    nth: r.nth,
    fromTime: r.fromMs === undefined ? undefined : ms(r.fromMs),
    toTime: r.toMs === undefined ? undefined : ms(r.toMs),
  }));
}

export function buildSimulation(scenario: Scenario, seed: number = scenario.run.seed): Simulation {
  const sim = new Simulation(topologyOf(scenario), seed, lossRulesOf(scenario));
  const contexts = new Map<string, NodeContext>();
  const contextOf = (nodeId: string): NodeContext => {
    let ctx = contexts.get(nodeId);
    if (!ctx) contexts.set(nodeId, (ctx = simulatedNodeContext(sim.stack(nodeId), scenario)));
    return ctx;
  };
  for (const node of scenario.nodes) {
    for (const service of node.services) serviceDefinition(service.type).start(contextOf(node.id), service);
  }
  for (const action of scenario.workload) {
    sim.scheduler.at(ms(action.atMs), () => actionDefinition(action.type).run(contextOf(action.node), action));
  }
  return sim;
}

/** A node's context in the simulation: engines run on its simulated sockets (host/driver.ts). */
function simulatedNodeContext(stack: HostStack, scenario: Scenario): NodeContext {
  return {
    nodeId: stack.node.id,
    scenario,
    env: engineEnvOf(stack),
    slots: stack.slots,
    addressOf(nodeId) {
      const node = stack.env.network.node(nodeId);
      if (!node) throw new Error(`unknown node "${nodeId}"`);
      return node.address;
    },
    drive: (b) => new EngineDriver(stack, b.engine, b).start(),
    reporter: (protocol) => new Reporter(stack.reportSink, protocol),
  };
}
