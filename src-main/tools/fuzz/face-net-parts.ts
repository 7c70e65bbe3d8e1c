/**
 * The parts of the fuzzer's network (face-net.ts): its hosts (NetNode),
 * the engines on them (Driven) with their sockets, TCP connections between
 * two ends, what a held engine sent (Held), and the fault an engine's
 * exception becomes (EngineFault).
 */
import type { Engine, SocketAddr, SocketId } from '../../../src-core/engine/face';
import type { Reporter, StateDataMap } from '../../../src-core/host/reporter';
import type { EngineBinding } from '../../../src-core/protocols/module';
import type { SimTime } from '../../../src-core/sim/time';
import type { Checker, Oracle } from './oracle';

/** The fuzzer's own address (TEST-NET-3, RFC 5737), never a node of a lesson. */
export const FUZZER_ADDR = 0xcb0071fe;
export const FIRST_EPHEMERAL = 49152;
export const LAST_PORT = 65535;
/** Inputs handled in one flush (or deadlines fired in one advance) beyond which the engines are taken to loop. */
export const MAX_STEPS = 100_000;
/** handleTimeout calls in a row at one time after which an engine's deadline is taken never to stop being due. */
export const MAX_SAME_DEADLINE = 1000;

export type AnyBinding = EngineBinding<unknown, unknown, StateDataMap>;

/** An exception from an engine, with the engine and the call named, and the engine's own stack. */
export class EngineFault extends Error {
  constructor(who: string, where: string, error: unknown) {
    const original = error instanceof Error ? error : null;
    super(`${who}, ${where}: ${original ? original.message : `thrown ${typeof error}: ${String(error)}`}`, { cause: error });
    this.name = original?.name ?? 'Thrown';
    const frames = original?.stack?.split('\n').filter((l) => /^\s+at /.test(l)) ?? [];
    this.stack = [`${this.name}: ${this.message}`, ...frames].join('\n');
  }
}

/** One end of a TCP connection: an engine's socket, or the fuzzer's (driven null). */
export interface End {
  readonly driven: Driven | null;
  readonly socket: SocketId;
  /** This end closed its direction (FIN). */
  finSent: boolean;
  /** This end has been told `closed` (or is the fuzzer's and the connection is over). */
  closed: boolean;
  /** Bytes written from this end not yet read as whole messages by the oracle. */
  unread: Uint8Array;
  /** Bytes written from this end (its stream offset). */
  written: number;
}

export interface Connection {
  /** Its trace id: "tcp:client-server". */
  readonly id: string;
  /** [client, server]. */
  readonly ends: readonly [End, End];
}

export type Socket = { readonly kind: 'udp'; readonly port: number } | { readonly kind: 'listener'; readonly port: number } | { readonly kind: 'tcp'; readonly conn: Connection; readonly side: 0 | 1 };

/** What a held engine sent instead of to its peer: the fuzzer answers it. */
export type Held = { readonly kind: 'datagram'; readonly driven: Driven; readonly socket: SocketId; readonly to: SocketAddr; readonly data: Uint8Array } | { readonly kind: 'stream'; readonly driven: Driven; readonly conn: Connection };

export class NetNode {
  readonly udp = new Map<number, { readonly driven: Driven; readonly socket: SocketId }>();
  readonly tcp = new Map<number, { readonly driven: Driven; readonly socket: SocketId }>();
  private lastSocket = 0;
  private nextEphemeral = FIRST_EPHEMERAL;

  constructor(
    readonly id: string,
    readonly addr: number,
  ) {}

  /** Socket ids are unique per host, shared by its engines (as host/driver.ts engineEnvOf). */
  socketId(): SocketId {
    return ++this.lastSocket;
  }

  /** The next free port of the ephemeral range (UDP and TCP share it), or null. */
  ephemeralPort(taken: ReadonlyMap<number, unknown>): number | null {
    for (let i = 0; i <= LAST_PORT - FIRST_EPHEMERAL; i++) {
      const port = this.nextEphemeral;
      this.nextEphemeral = port === LAST_PORT ? FIRST_EPHEMERAL : port + 1;
      if (!taken.has(port)) return port;
    }
    return null;
  }
}

/** An engine on a node: its sockets, and counts of what it gave out since `mark()`. */
export class Driven {
  readonly sockets = new Map<SocketId, Socket>();
  readonly failed = new Set<SocketId>();
  /** Datagrams sent, writes and events since mark(). */
  outputs = 0;
  /** Of those, refusals by the oracle's reading (a FORMERR, an unmatched response). */
  refusals = 0;
  held = false;
  /** Who watches its events (protocols/module.ts DrivenEngine.onEvent): applications of the same node. */
  readonly listeners: ((event: unknown) => void)[] = [];
  /** Consecutive timeouts fired at one time (the stuck-deadline guard). */
  sameDeadline = 0;
  lastFired: SimTime = -1;

  constructor(
    readonly node: NetNode,
    readonly binding: AnyBinding,
    readonly reporter: Reporter<StateDataMap>,
    readonly checker: Checker | null,
    readonly oracle: Oracle | null,
  ) {}

  get engine(): Engine<unknown, unknown> {
    return this.binding.engine;
  }

  /** "DNS resolver on local". */
  get label(): string {
    return `${this.binding.name} on ${this.node.id}`;
  }

  mark(): void {
    this.outputs = 0;
    this.refusals = 0;
  }
}
