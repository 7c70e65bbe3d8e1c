/**
 * The servers a node served by `l7 serve` may connect to: the `--origin`
 * arguments (args.ts), e.g. the origin servers of a proxy cache, each on a
 * local port of 127.0.0.1 where another `l7 serve` or any real server
 * listens.
 *
 * Rules:
 * - Names are answered by this table alone, as the node's name service
 *   (NodeContext.nameService): neither the scenario's hosts file nor its DNS
 *   servers are asked — they are made-up addresses, and a resolver's queries
 *   would be refused anyway. A name that is not an origin has no address,
 *   and the reason says how to add it.
 * - A name is given a stand-in address of its own, 127.77.0.N for the Nth
 *   name origin (a loopback address, so it could never mean a machine
 *   elsewhere), so that two names behind one URL port (both :80) stay
 *   apart; an IPv4 origin keeps its address (and no
 *   stand-in takes it).
 * - A `connect` to (address, port) goes to 127.0.0.1:LOCAL only when an
 *   origin has exactly that address and port; anything else is refused
 *   (driver.ts: `serve.refused`). Nothing leaves the machine.
 */
import type { SocketAddr } from '../../src-core/engine/face';
import { formatIpv4, parseIpv4 } from '../../src-core/net/ipv4';
import type { OriginArg } from './args';

/** The first stand-in address: 127.77.0.1 (RFC 1122 §3.2.1.3: all of 127/8 is this host's loopback). */
const STAND_IN_BASE = (127 << 24) | (77 << 16);

/** Where a connect to an origin goes, and the name its lane gets in the trace. */
export interface OriginTarget {
  /** The port on 127.0.0.1. */
  readonly local: number;
  /** "www.example.com:80" */
  readonly label: string;
}

export const NOT_AN_ORIGIN = 'l7 serve reaches only the servers named by --origin HOST[:PORT]=LOCAL';
/** Why a name has no address under l7 serve (it follows "NAME has no address"). */
export const NO_SUCH_ORIGIN = 'not named by --origin HOST[:PORT]=LOCAL, and l7 serve reaches no other server';

export class OriginTable {
  private readonly addresses = new Map<string, number>();
  private readonly targets = new Map<string, OriginTarget>();

  constructor(readonly origins: readonly OriginArg[]) {
    const literals = new Set(origins.map((o) => parseIpv4(o.host)));
    let next = STAND_IN_BASE;
    const standIn = () => {
      do next++;
      while (literals.has(next));
      return next;
    };
    for (const o of origins) {
      let address = parseIpv4(o.host);
      if (address === null) {
        address = this.addresses.get(o.host) ?? standIn();
        this.addresses.set(o.host, address);
      }
      this.targets.set(key({ addr: address, port: o.port }), { local: o.local, label: `${o.host}:${o.port}` });
    }
  }

  get isEmpty(): boolean {
    return this.origins.length === 0;
  }

  /** The node's name service: the address of a name origin, or none and why. */
  lookup(name: string): { readonly address: number | null; readonly reason: string } {
    const address = this.addresses.get(name.toLowerCase());
    if (address !== undefined) return { address, reason: '' };
    return { address: null, reason: NO_SUCH_ORIGIN };
  }

  /** Where a connect to `to` goes, or null: not an origin. */
  target(to: SocketAddr): OriginTarget | null {
    return this.targets.get(key(to)) ?? null;
  }
}

function key(a: SocketAddr): string {
  return `${formatIpv4(a.addr)}:${a.port}`;
}
