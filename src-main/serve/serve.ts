/**
 * `l7 serve`: runs the services of one node of a scenario on real loopback
 * sockets, with the same engines as the simulation, so dig, curl, swaks or a
 * student's own socket program can talk to a simulated server.
 *
 * Reading order: port-plan.ts (which node, which ports), sockets.ts (the
 * listeners, opened first), host.ts (the NodeContext), driver.ts (the
 * loopback driver), trace.ts (what is recorded).
 *
 * Sequence: check the node and the --port arguments (usage errors: exit 2);
 * open every listener (an explicit port that cannot be bound: exit 1);
 * start each service through its protocol module; print one
 * `listening <udp|tcp> 127.0.0.1:<port> <service>` line per listener and an
 * `origin HOST:PORT at 127.0.0.1:LOCAL` line per --origin; serve
 * until the stop signal; then close everything and write the trace
 * atomically (exit 0). The workload of the scenario is not run: the clients
 * are real.
 */
import { join } from 'node:path';
import type { AnyServiceDefinition } from '../../src-core/protocols/module';
import { serviceDefinition } from '../../src-core/protocols/registry';
import { GENERATOR } from '../../src-core/scenario/runner';
import type { Scenario } from '../../src-core/scenario/schema';
import { traceToJson } from '../../src-core/trace/json';
import { writeFileAtomic } from '../files/atomic-write';
import type { ServeArgs } from './args';
import { ServeError, UsageError } from './errors';
import { LoopbackHost } from './host';
import { OriginTable } from './origins';
import { nodeToServe, planPorts, type PortPlan } from './port-plan';
import { ListenerPool, LOOPBACK, openListeners, type OpenedListener } from './sockets';
import { ServeTrace } from './trace';

export interface ServeIo {
  out(text: string): void;
  err(text: string): void;
}

export interface ServeOptions {
  /** Called once serving: resolves (with the signal's name) when it is to stop. The command line waits for SIGINT or SIGTERM. */
  readonly waitForStop: () => Promise<string>;
  /** The working folder, for the default trace file. */
  readonly cwd: string;
  /** The service definitions by type (default: the registry's; tests give fakes). */
  readonly definitionOf?: (type: string) => AnyServiceDefinition;
}

export function defaultTraceFile(cwd: string, nodeId: string): string {
  return join(cwd, `serve-${nodeId}.trace.json`);
}

/** Serves until `options.waitForStop()` resolves; returns the exit code (0, 1 or 2). */
export async function serve(args: ServeArgs, scenario: Scenario, io: ServeIo, options: ServeOptions): Promise<number> {
  const definitionOf = options.definitionOf ?? serviceDefinition;
  let plan: PortPlan;
  try {
    plan = planPorts(nodeToServe(scenario, args.node), args.ports, (s) => definitionOf(s.type).listeners(s));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`l7: ${error.message}`);
    return 2;
  }
  let opened: OpenedListener[];
  try {
    opened = await openListeners(plan);
  } catch (error) {
    if (!(error instanceof ServeError)) throw error;
    io.err(`l7: ${error.message}`);
    return 1;
  }

  const node = plan.node;
  const traceFile = args.trace ?? defaultTraceFile(options.cwd, node.id);
  const trace = new ServeTrace({ id: node.id, name: node.name ?? node.id, kind: 'host', address: LOOPBACK });
  const pool = new ListenerPool(opened);
  const host = new LoopbackHost(node.id, trace, pool, (p) => plan.localOf(p), scenario.run.seed, new OriginTable(args.origins));
  const ctx = host.context(scenario);
  for (const service of node.services) {
    try {
      definitionOf(service.type).start(ctx, service);
    } catch (error) {
      host.stop();
      pool.closeUnclaimed();
      io.err(`l7: cannot start the ${service.type} of node "${node.id}": ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
  }
  for (const o of pool.closeUnclaimed()) io.err(`l7: warning: the ${o.planned.service} declares ${o.planned.transport} port ${o.planned.scenarioPort} but did not open it`);
  for (const o of pool.claimed) {
    if (o.fallback) io.err(`l7: ${o.fallback}: scenario ${o.planned.transport} port ${o.planned.scenarioPort} is on ${o.port} instead`);
    io.out(`listening ${o.planned.transport} ${LOOPBACK}:${o.port} ${o.planned.service}`);
  }
  for (const o of args.origins) io.out(`origin ${o.host}:${o.port} at ${LOOPBACK}:${o.local}`);
  io.out(`serving node "${node.id}" of "${scenario.name}"; Ctrl+C stops and writes the trace to ${traceFile}`);

  await options.waitForStop();
  host.stop();
  const content = trace.content({ generator: GENERATOR, scenario: scenario.name, seed: scenario.run.seed, endTime: host.clock.now(), stopReason: 'cancelled' });
  try {
    await writeFileAtomic(traceFile, traceToJson(content));
  } catch (error) {
    io.err(`${traceFile}: cannot write the trace (${error instanceof Error ? error.message : String(error)})`);
    return 1;
  }
  io.out(`trace: ${traceFile} (${content.events.length} events)`);
  return 0;
}
