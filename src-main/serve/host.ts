/**
 * The served node as a host: what its engines share under `l7 serve` — the
 * clock, the listener pool, socket ids, seeded random numbers, host slots
 * and the trace — and its NodeContext (protocols/module.ts), the loopback
 * twin of the simulation's (scenario/build.ts). A service's `start` runs
 * unchanged on either.
 */
import type { EngineEnv, SocketId } from '../../src-core/engine/face';
import { HostSlots } from '../../src-core/host/host-slot';
import { Reporter, type ReportSink } from '../../src-core/host/reporter';
import { parseIpv4 } from '../../src-core/net/ipv4';
import type { NodeContext } from '../../src-core/protocols/module';
import type { Scenario } from '../../src-core/scenario/schema';
import { Prng } from '../../src-core/sim/prng';
import { ServeClock } from './clock';
import { LoopbackDriver } from './driver';
import { OriginTable } from './origins';
import type { LocalPort } from './port-plan';
import type { ListenerPool } from './sockets';
import type { ServeTrace } from './trace';

export class LoopbackHost {
  readonly clock = new ServeClock();
  readonly reportSink: ReportSink;
  readonly slots = new HostSlots();
  readonly env: EngineEnv;
  private nextId = 1;
  private readonly drivers: { stop(): void }[] = [];

  constructor(
    readonly nodeId: string,
    readonly trace: ServeTrace,
    readonly pool: ListenerPool,
    readonly localOf: (scenarioPort: number) => LocalPort,
    seed: number,
    /** The servers the node may connect to (--origin); empty: nobody but its clients. */
    readonly origins: OriginTable = new OriginTable([]),
  ) {
    const clock = this.clock;
    this.reportSink = {
      get now() {
        return clock.now();
      },
      nodeId,
      store: trace.store,
    };
    const prng = new Prng(seed);
    this.env = { socketId: () => this.nextSocketId(), random32: () => prng.nextUint32() };
  }

  /** Socket ids are unique on the host, so every driver here can share them (as in host/driver.ts). */
  nextSocketId(): SocketId {
    return this.nextId++;
  }

  context(scenario: Scenario): NodeContext {
    return {
      nodeId: this.nodeId,
      scenario,
      env: this.env,
      slots: this.slots,
      addressOf(nodeId) {
        const node = scenario.nodes.find((n) => n.id === nodeId);
        const addr = node ? parseIpv4(node.address) : null;
        if (addr === null) throw new Error(`unknown node "${nodeId}"`);
        return addr;
      },
      drive: (binding) => {
        const driver = new LoopbackDriver(this, binding);
        this.drivers.push(driver);
        return driver.start();
      },
      reporter: (protocol) => new Reporter(this.reportSink, protocol),
      // The scenario's addresses are made up: under l7 serve a name means an --origin or nothing.
      nameService: (name) => this.origins.lookup(name),
    };
  }

  /** Stops every engine: timers cancelled, sockets closed. */
  stop(): void {
    for (const d of this.drivers) d.stop();
  }
}
