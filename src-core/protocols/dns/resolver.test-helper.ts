/**
 * Test-only: the resolver against real server engines over a fake network
 * with an explicit clock. Each hop takes `delay` one way, so a lookup
 * through n servers takes n round trips; a server that is down loses every
 * query, and the resolver's timer asks again.
 */
import { formatIpv4, parseIpv4 } from '../../net/ipv4';
import { ms, type SimTime } from '../../sim/time';
import { decodeDns, encodeDns } from './codec';
import { DNS_CLASS, DNS_TYPE } from './constants';
import { Resolver, type ResolverConfig, type ResolverEvent } from './resolver';
import { AuthoritativeServer } from './server';
import type { DnsMessage } from './types';
import type { Zone } from './zone';
import { COM_ZONE, EXAMPLE_ZONE, ROOT_ZONE } from './zones.test-helper';

export const ip = (text: string): number => parseIpv4(text)!;

export const ROOT = { name: 'a.root-servers.net', address: ip('198.41.0.4') };
export const CLIENT = { addr: ip('10.0.0.2'), port: 5353 };

/** The course's three servers: the root, .com and example.com's. */
export const STANDARD_SERVERS: ReadonlyMap<string, readonly Zone[]> = new Map([
  ['198.41.0.4', [ROOT_ZONE]],
  ['192.5.6.30', [COM_ZONE]],
  ['192.0.2.53', [EXAMPLE_ZONE]],
]);

export function clientQuery(name: string, type: number = DNS_TYPE.A, cls: number = DNS_CLASS.IN, id = 99): Uint8Array {
  return encodeDns({ header: { id, qr: false, opcode: 0, aa: false, tc: false, rd: true, ra: false, z: 0, rcode: 0 }, questions: [{ name, type, class: cls }], answers: [], authorities: [], additionals: [] });
}

export class ResolverWorld {
  now: SimTime = 0;
  readonly servers: Map<number, AuthoritativeServer>;
  readonly down = new Set<number>();
  /** Servers that answer as these functions say, instead of a server engine (replies a real server would not give). */
  readonly fakes = new Map<number, (query: DnsMessage) => DnsMessage>();
  /** "address name" of every query the resolver sent. */
  readonly queries: string[] = [];
  readonly events: ResolverEvent[] = [];
  private seed = 7;
  readonly resolver: Resolver;

  constructor(config: Partial<ResolverConfig> = {}, readonly delay = ms(10), servers: ReadonlyMap<string, readonly Zone[]> = STANDARD_SERVERS) {
    this.servers = new Map([...servers].map(([address, zones]) => [ip(address), new AuthoritativeServer(zones)]));
    this.resolver = new Resolver(
      { mode: 'iterative', rootHints: [ROOT], forwarder: null, timeout: ms(800), attempts: 4, randomizeIds: true, ...config },
      () => (this.seed = (this.seed * 1103515245 + 12345) & 0x7fffffff) >> 8,
    );
  }

  /** A stub asks; returns the reply (as decoded from its bytes) and when it came. */
  lookup(name: string, type: number = DNS_TYPE.A, cls: number = DNS_CLASS.IN): { reply: DnsMessage; at: SimTime } {
    return this.ask(clientQuery(name, type, cls));
  }

  /** A stub sends these bytes; returns the reply and when it came. */
  ask(query: Uint8Array): { reply: DnsMessage; at: SimTime } {
    this.resolver.handleClientQuery(query, CLIENT, this.now, null);
    for (let guard = 0; guard < 1000; guard++) {
      const t = this.resolver.pollTransmit();
      for (let e = this.resolver.pollEvent(); e; e = this.resolver.pollEvent()) this.events.push(e);
      if (t?.kind === 'reply') {
        const decoded = decodeDns(t.bytes);
        if (!decoded.ok) throw new Error(`the resolver's reply does not decode: ${decoded.error.message}`);
        return { reply: decoded.value, at: this.now };
      }
      if (t?.kind === 'query') {
        this.queries.push(`${formatIpv4(t.to.address)} ${t.message.questions[0]!.name}`);
        const fake = this.fakes.get(t.to.address);
        const server = this.servers.get(t.to.address);
        if ((!server && !fake) || this.down.has(t.to.address)) continue; // lost: the timeout will fire
        const answer = fake ? encodeDns(fake(t.message)) : server!.handleQuery(t.bytes, t.transport)?.bytes;
        this.now += 2 * this.delay;
        if (answer) this.resolver.handleResponse(answer, t.to.address, this.now, null, t.transport);
        continue;
      }
      const deadline = this.resolver.pollTimeout();
      if (deadline === null) throw new Error('resolver is stuck');
      this.now = Math.max(this.now, deadline);
      this.resolver.handleTimeout(this.now);
    }
    throw new Error('no reply');
  }
}
