/**
 * Which node `l7 serve` runs and on which local ports: the node's listeners
 * (every service's `listeners()`, from its protocol module) and the
 * `--port` arguments, checked against each other.
 *
 * Rules:
 * - Only a host that runs at least one service can be served.
 * - `--port N` moves the node's one scenario port number to N, on every
 *   transport it listens on (DNS: UDP and TCP 53). A node listening on
 *   several numbers needs `--port SCENARIO:LOCAL` for each one it moves.
 * - A port given explicitly must be bound or serving fails; a port taken
 *   from the scenario falls back to a free one (port 0) when it cannot be.
 */
import type { TransportName } from '../../src-core/engine/face';
import type { ListenerSpec } from '../../src-core/protocols/module';
import type { Scenario, ScenarioNode, Service } from '../../src-core/scenario/schema';
import type { PortArg } from './args';
import { UsageError } from './errors';

export interface PlannedListener {
  /** The service type that listens here ('dns-server'). */
  readonly service: string;
  readonly transport: TransportName;
  readonly scenarioPort: number;
}

/** Where a scenario port goes: a local port number (0: any free one), and whether the user chose it. */
export interface LocalPort {
  readonly port: number;
  readonly explicit: boolean;
}

export interface PortPlan {
  readonly node: ScenarioNode;
  readonly listeners: readonly PlannedListener[];
  /** The local port for a scenario port (a port no listener declares keeps its number). */
  localOf(scenarioPort: number): LocalPort;
}

/** The node to serve, or a UsageError saying why it cannot be. */
export function nodeToServe(scenario: Scenario, id: string): ScenarioNode {
  const node = scenario.nodes.find((n) => n.id === id);
  const servable = scenario.nodes.filter((n) => n.kind === 'host' && n.services.length > 0).map((n) => `"${n.id}"`);
  const choices = servable.length ? ` (nodes with services: ${servable.join(', ')})` : ' (no node of this scenario runs a service)';
  if (!node) throw new UsageError(`--node "${id}": no such node in the scenario${choices}`);
  if (node.kind !== 'host') throw new UsageError(`--node "${id}" is a ${node.kind}, which runs no servers${choices}`);
  if (node.services.length === 0) throw new UsageError(`--node "${id}" runs no service${choices}`);
  return node;
}

export function planPorts(node: ScenarioNode, ports: PortArg, listenersOf: (service: Service) => readonly ListenerSpec[]): PortPlan {
  const listeners: PlannedListener[] = node.services.flatMap((s) => listenersOf(s).map((l) => ({ service: s.type, transport: l.transport, scenarioPort: l.port })));
  const numbers = [...new Set(listeners.map((l) => l.scenarioPort))];
  const listed = numbers.join(', ');
  const chosen = new Map<number, number>();
  if (ports.kind === 'one') {
    if (numbers.length !== 1) {
      const which = numbers.length === 0 ? 'no port' : `ports ${listed}`;
      throw new UsageError(`--port ${ports.local}: node "${node.id}" listens on ${which}; say which with --port SCENARIO:LOCAL`);
    }
    chosen.set(numbers[0]!, ports.local);
  } else if (ports.kind === 'map') {
    for (const [scenarioPort, local] of ports.map) {
      if (!numbers.includes(scenarioPort)) throw new UsageError(`--port ${scenarioPort}:${local}: node "${node.id}" does not listen on port ${scenarioPort} (it listens on ${listed || 'no port'})`);
      chosen.set(scenarioPort, local);
    }
  }
  return {
    node,
    listeners,
    localOf(scenarioPort) {
      const local = chosen.get(scenarioPort);
      // Port 0 is "any free port": nothing to insist on.
      return local === undefined ? { port: scenarioPort, explicit: false } : { port: local, explicit: local !== 0 };
    },
  };
}
