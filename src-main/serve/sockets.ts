/**
 * Real loopback sockets for `l7 serve` (Node's dgram and net), bound to
 * 127.0.0.1 only: a simulated server answers this machine and nobody else.
 *
 * The node's listeners are opened before any engine starts (openListeners),
 * so ports are known — and a port the user asked for that cannot be had is
 * an error — before the first "listening" line. An engine's `bind`/`listen`
 * of a scenario port then takes its socket from the pool at once.
 */
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, Socket, type Server } from 'node:net';
import type { SocketErrorCode, TransportName } from '../../src-core/engine/face';
import { ServeError } from './errors';
import type { PlannedListener, PortPlan } from './port-plan';

export const LOOPBACK = '127.0.0.1';

export function newUdpSocket(): UdpSocket {
  return createSocket({ type: 'udp4' });
}

/** A TCP welcoming socket; half-open connections stay open, so the engine decides when to close (as a simulated one does). */
export function newTcpServer(): Server {
  return createServer({ allowHalfOpen: true });
}

/** A TCP socket to connect out (to an --origin); half-open allowed, as for accepted ones. */
export function newTcpSocket(): Socket {
  return new Socket({ allowHalfOpen: true });
}

export function bindUdp(socket: UdpSocket, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    socket.once('error', failed);
    socket.bind(port, LOOPBACK, () => {
      socket.off('error', failed);
      resolve(socket.address().port);
    });
  });
}

export function listenTcp(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    server.once('error', failed);
    server.listen({ port, host: LOOPBACK, exclusive: true }, () => {
      server.off('error', failed);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** A socket error in words: "address in use", "permission denied". */
export function describeSocketError(error: unknown): string {
  switch ((error as { code?: string }).code) {
    case 'EADDRINUSE':
      return 'address in use';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EADDRNOTAVAIL':
      return 'address not available';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** The engine's word for a socket that could not be opened on `port`. */
export function socketErrorCode(error: unknown, port: number): SocketErrorCode {
  switch ((error as { code?: string }).code) {
    case 'EACCES':
    case 'EPERM':
      return 'not-permitted';
    case 'EADDRINUSE':
      return port === 0 ? 'no-free-port' : 'port-in-use';
    default:
      return port === 0 ? 'no-free-port' : 'port-in-use';
  }
}

export type OpenSocket = { readonly kind: 'udp'; readonly socket: UdpSocket } | { readonly kind: 'tcp'; readonly server: Server };

export interface OpenedListener {
  readonly planned: PlannedListener;
  /** The local port it is bound to. */
  readonly port: number;
  /** Why it is not on the port it wanted (then it is on a free one), or null. */
  readonly fallback: string | null;
  readonly open: OpenSocket;
}

export function closeOpenSocket(s: OpenSocket): void {
  try {
    if (s.kind === 'udp') s.socket.close();
    else s.server.close();
  } catch {
    // Already closed.
  }
}

/**
 * Opens every listener of the plan, in order. A scenario port keeps one
 * local number across transports where it can: when UDP 53 has to fall back
 * to a free port P, TCP 53 tries P too, so `dig -p P` and `dig -p P +tcp`
 * reach the same server.
 */
export async function openListeners(plan: PortPlan): Promise<OpenedListener[]> {
  const opened: OpenedListener[] = [];
  const bound = new Map<number, number>();
  try {
    for (const l of plan.listeners) {
      const wanted = plan.localOf(l.scenarioPort);
      const first = wanted.explicit ? wanted.port : (bound.get(l.scenarioPort) ?? wanted.port);
      let fallback: string | null = null;
      let result = await tryOpen(l.transport, first);
      if (!result.ok) {
        const where = `${l.transport} ${LOOPBACK}:${first}`;
        if (wanted.explicit) throw new ServeError(`cannot listen on ${where} (scenario port ${l.scenarioPort}, ${l.service}): ${describeSocketError(result.error)}`);
        if (first === 0) throw new ServeError(`cannot listen on ${l.transport} ${LOOPBACK}: no free port (${describeSocketError(result.error)})`);
        fallback = `${where} could not be bound (${describeSocketError(result.error)})`;
        result = await tryOpen(l.transport, 0);
        if (!result.ok) throw new ServeError(`cannot listen on ${l.transport} ${LOOPBACK}: no free port (${describeSocketError(result.error)})`);
      }
      if (!bound.has(l.scenarioPort)) bound.set(l.scenarioPort, result.port);
      opened.push({ planned: l, port: result.port, fallback, open: result.open });
    }
  } catch (error) {
    for (const o of opened) closeOpenSocket(o.open);
    throw error;
  }
  return opened;
}

type OpenResult = { readonly ok: true; readonly port: number; readonly open: OpenSocket } | { readonly ok: false; readonly error: unknown };

async function tryOpen(transport: TransportName, port: number): Promise<OpenResult> {
  if (transport === 'udp') {
    const socket = newUdpSocket();
    try {
      return { ok: true, port: await bindUdp(socket, port), open: { kind: 'udp', socket } };
    } catch (error) {
      closeOpenSocket({ kind: 'udp', socket });
      return { ok: false, error };
    }
  }
  const server = newTcpServer();
  try {
    return { ok: true, port: await listenTcp(server, port), open: { kind: 'tcp', server } };
  } catch (error) {
    return { ok: false, error };
  }
}

/** The listeners opened before the engines start, handed out once each to the engine that binds its scenario port. */
export class ListenerPool {
  private readonly taken = new Set<OpenedListener>();
  private closed = false;

  constructor(private readonly opened: readonly OpenedListener[]) {}

  take(transport: TransportName, scenarioPort: number): OpenedListener | null {
    if (this.closed) return null;
    const o = this.opened.find((x) => !this.taken.has(x) && x.planned.transport === transport && x.planned.scenarioPort === scenarioPort);
    if (!o) return null;
    this.taken.add(o);
    return o;
  }

  /** Those an engine took, in the plan's order. */
  get claimed(): readonly OpenedListener[] {
    return this.opened.filter((o) => this.taken.has(o));
  }

  /** Closes those no engine took (a module declared a listener its engine never opened); later binds open sockets of their own. */
  closeUnclaimed(): readonly OpenedListener[] {
    this.closed = true;
    const left = this.opened.filter((o) => !this.taken.has(o));
    for (const o of left) closeOpenSocket(o.open);
    return left;
  }
}
