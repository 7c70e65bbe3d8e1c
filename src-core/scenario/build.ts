/**
 * Scenario → simulation: the topology, loss rules, services started at time
 * zero and workload actions scheduled at their times. Expects a scenario
 * already validated by the loader (references resolved).
 */
import type { LossRule as NetLossRule } from '../net/faults';
import { parseIpv4 } from '../net/ipv4';
import type { LinkSpec, NodeSpec, Topology } from '../net/topology';
import { Simulation } from '../host/simulation';
import { ms } from '../sim/time';
import type { AppContext } from '../host/app-context';
import { runTcpUpperClient, runUdpUpperClient, startTcpUpperServer, startUdpUpperServer } from '../protocols/sockets/apps';
import type { Action, Scenario, Service } from './schema';
import { domainOf, qtypeCode, recordOf, resolverOptionsOf, zonesOf } from './build-dns';
import { runZoneEdit } from '../protocols/dns/zone-edit';
import { runDnsLookup, startDnsResolver, startDnsServer } from '../protocols/dns/apps';
import { runAmplification, runCachePoisoning } from '../protocols/dns/attacks';

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

/** Starts a service on a host; one entry per service type. */
const SERVICE_STARTERS: { [T in Service['type']]: (ctx: AppContext, s: Extract<Service, { type: T }>, scenario: Scenario) => void } = {
  'udp-upper-server': (ctx, s) => startUdpUpperServer(ctx, s.port),
  'tcp-upper-server': (ctx, s) => startTcpUpperServer(ctx, s.port),
  'dns-server': (ctx, s) => startDnsServer(ctx, zonesOf(s), s.recursive, ms(s.timeoutMs)),
  'dns-resolver': (ctx, s, scenario) => startDnsResolver(ctx, resolverOptionsOf(s, scenario)),
};

/** Performs a workload action at its time; one entry per action type. */
const ACTION_RUNNERS: { [T in Action['type']]: (ctx: AppContext, a: Extract<Action, { type: T }>, scenario: Scenario) => void } = {
  'udp-upper-client': (ctx, a) => runUdpUpperClient(ctx, a.server, a.port, a.line, ms(a.timeoutMs)),
  'tcp-upper-client': (ctx, a) => runTcpUpperClient(ctx, a.server, a.port, a.line),
  'dns-lookup': (ctx, a, scenario) =>
    runDnsLookup(ctx, a.resolver, a.name, qtypeCode(a.qtype), ms(a.timeoutMs), scenario.nodes.find((n) => n.id === a.node)?.hostsFile ?? []),
  'dns-poison': (ctx, a) =>
    runCachePoisoning(ctx, { resolver: a.resolver, spoofAs: a.spoofAs, name: a.name, forgedAddress: a.forgedAddress, guesses: a.guesses, delay: ms(a.delayMs), targetPort: a.targetPort, idGuess: a.idGuess, ttl: a.ttl }),
  'dns-amplify': (ctx, a) => runAmplification(ctx, { server: a.server, victim: a.victim, name: a.name, qtype: qtypeCode(a.qtype), count: a.count, interval: ms(a.intervalMs) }),
  'dns-zone-edit': (ctx, a) => runZoneEdit(ctx, { name: domainOf(a.name), type: qtypeCode(a.recordType), records: a.records.map(recordOf) }),
};

export function buildSimulation(scenario: Scenario, seed: number = scenario.run.seed): Simulation {
  const sim = new Simulation(topologyOf(scenario), seed, lossRulesOf(scenario));
  for (const node of scenario.nodes) {
    for (const service of node.services) {
      const start = SERVICE_STARTERS[service.type] as (ctx: AppContext, s: Service, scenario: Scenario) => void;
      start(sim.context(node.id), service, scenario);
    }
  }
  scenario.workload.forEach((action) => {
    const run = ACTION_RUNNERS[action.type] as (ctx: AppContext, a: Action, s: Scenario) => void;
    sim.scheduler.at(ms(action.atMs), () => run(sim.context(action.node), action, scenario));
  });
  return sim;
}
