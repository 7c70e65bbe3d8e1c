/**
 * The addresses an HTTP client engine (the browser, browser.ts; the proxy
 * towards its origins, proxy-origins.ts) has for the host names it
 * connects to.
 *
 * Rules:
 * - An IPv4 address in the URL is used as it is, nothing asked.
 * - Any other name is asked once per engine: `ask` emits http.resolveNeeded
 *   and the module's glue (module.ts: the host's own name service under
 *   l7 serve, else the node's hosts file, else its stub resolver) answers with a `resolved` command, which `learn` keeps: an
 *   address, or the reason there is none, for the engine's life (the
 *   answer's TTL is not looked at).
 */
import { parseIpv4 } from '../../net/ipv4';
import type { SimTime } from '../../sim/time';

/** What is known of a host: its 32-bit address, or null with the reason it has none; `at`: when the answer came (null: a literal, known from the start). */
export interface HostAddress {
  readonly address: number | null;
  readonly reason: string;
  readonly at: SimTime | null;
}

export class HostAddresses {
  private readonly known = new Map<string, HostAddress>();
  private readonly asking = new Set<string>();

  /** `ask`: emits the engine's http.resolveNeeded for a name. */
  constructor(private readonly ask: (host: string) => void) {}

  /** The answer for `host` (a `resolved` command) at `at`. */
  learn(host: string, address: number | null, reason: string, at: SimTime): void {
    this.asking.delete(host);
    this.known.set(host, { address, reason, at });
  }

  /** The address of `host`: a literal, known, or asked for now (undefined while the answer is awaited). */
  of(host: string): HostAddress | undefined {
    const literal = parseIpv4(host);
    if (literal !== null) return { address: literal, reason: '', at: null };
    const known = this.known.get(host);
    if (known) return known;
    if (!this.asking.has(host)) {
      this.asking.add(host);
      this.ask(host);
    }
    return undefined;
  }
}
