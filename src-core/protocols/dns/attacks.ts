/**
 * Attacks on DNS, for the security lesson (Kurose & Ross §2.4.4). They are
 * ordinary hosts sending forged packets; nothing in the resolver or the
 * network helps them.
 *
 * Cache poisoning (the Kaminsky race, RFC 5452): the attacker asks a
 * resolver for a name, then at once sends forged responses that claim to
 * come from the server the resolver is asking, each with a guessed query id,
 * to the port it guesses the resolver asks from. One that matches id, server,
 * port and question before the real answer arrives is believed and cached;
 * every host using the resolver then gets the attacker's address. Random ids
 * and random source ports make a guess succeed with odds of about
 * guesses / (65,536 × ports).
 *
 * Amplification (a reflection DDoS, RFC 5358): the attacker sends small
 * queries whose source address is forged to be the victim's; the server's
 * much larger answers all go to the victim. The factor is answer bytes /
 * query bytes, measured at the IP layer.
 */
import type { MessageEvent } from '../../trace/types';
import type { AppContext } from '../../host/app-context';
import type { SimTime } from '../../sim/time';
import { encodeDns } from './codec';
import { DNS_PORT, typeName } from './constants';
import { displayName } from './names';
import { summarizeDns } from './summary';
import type { DnsMessage } from './types';

const IP_UDP_HEADERS = 28;

export interface PoisonOptions {
  /** The resolver to poison. */
  readonly resolver: string;
  /** The server the resolver will be asking (its address is forged). */
  readonly spoofAs: string;
  readonly name: string;
  /** The address the attacker wants the name to resolve to. */
  readonly forgedAddress: string;
  readonly guesses: number;
  /** Wait after the triggering query before the forged answers (ns). */
  readonly delay: SimTime;
  /** The port the attacker aims at: a number, or 'random' to guess in the ephemeral range. */
  readonly targetPort: number | 'random';
  /** Ids guessed: counting up from 1 (what a resolver with sequential ids uses), or random. */
  readonly idGuess: 'sequential' | 'random';
  readonly ttl: number;
}

export function runCachePoisoning(ctx: AppContext, o: PoisonOptions): void {
  const socket = ctx.stack.udpSocket();
  const resolver = ctx.addressOf(o.resolver);
  const spoofed = ctx.addressOf(o.spoofAs);
  const query: DnsMessage = {
    header: { id: ctx.randomUint32() & 0xffff, qr: false, opcode: 0, aa: false, tc: false, rd: true, ra: false, z: 0, rcode: 0 },
    questions: [{ name: o.name, type: 1, class: 1 }],
    answers: [],
    authorities: [],
    additionals: [],
  };
  const trigger = socket.sendTo(encodeDns(query), resolver, DNS_PORT, { protocol: 'dns', summary: summarizeDns(query) });
  ctx.state({ protocol: 'dns', type: 'dns.attack', summary: `poisoning: asked for ${displayName(o.name)}, now racing ${o.guesses} forged answers "${o.forgedAddress}" as ${o.spoofAs}`, causedBy: trigger });
  ctx.after(o.delay, () => {
    for (let i = 0; i < o.guesses; i++) {
      const id = o.idGuess === 'sequential' ? (i + 1) & 0xffff : ctx.randomUint32() & 0xffff;
      const port = o.targetPort === 'random' ? 49152 + (ctx.randomUint32() % 16384) : o.targetPort;
      const forged: DnsMessage = {
        header: { id, qr: true, opcode: 0, aa: true, tc: false, rd: false, ra: false, z: 0, rcode: 0 },
        questions: [{ name: o.name, type: 1, class: 1 }],
        answers: [{ name: o.name, class: 1, ttl: o.ttl, data: { type: 'A', address: o.forgedAddress } }],
        authorities: [],
        additionals: [],
      };
      socket.sendSpoofed(encodeDns(forged), { addr: spoofed, port: DNS_PORT }, resolver, port, {
        protocol: 'dns',
        summary: `[forged] ${summarizeDns(forged)}`,
        causedBy: trigger,
      });
    }
  });
}

export interface AmplificationOptions {
  /** The DNS server used as the amplifier. */
  readonly server: string;
  readonly victim: string;
  readonly name: string;
  readonly qtype: number;
  readonly count: number;
  /** Between two queries (ns). */
  readonly interval: SimTime;
}

export function runAmplification(ctx: AppContext, o: AmplificationOptions): void {
  const socket = ctx.stack.udpSocket();
  const server = ctx.addressOf(o.server);
  const victim = ctx.addressOf(o.victim);
  const sent: number[] = [];
  let queryBytes = 0;
  let i = 0;
  const fire = (): void => {
    const query: DnsMessage = {
      header: { id: ctx.randomUint32() & 0xffff, qr: false, opcode: 0, aa: false, tc: false, rd: false, ra: false, z: 0, rcode: 0 },
      questions: [{ name: o.name, type: o.qtype, class: 1 }],
      answers: [],
      authorities: [],
      additionals: [],
    };
    const bytes = encodeDns(query);
    queryBytes += bytes.length + IP_UDP_HEADERS;
    // The source port is the victim's: any port; 53 makes the answers look like DNS traffic to it.
    const id = socket.sendSpoofed(bytes, { addr: victim, port: 5353 }, server, DNS_PORT, { protocol: 'dns', summary: `[spoofed as ${o.victim}] ${summarizeDns(query)}` });
    if (id !== null) sent.push(id);
    if (++i < o.count) ctx.after(o.interval, fire);
    else ctx.after(o.interval + 2_000_000_000, measure); // let the last answers arrive
  };
  // A network tap at the victim would see these bytes; here the trace is the tap: answers that reached the victim's host
  // (most are dropped there, no socket listens on the port), not those lost on the way.
  const measure = (): void => {
    const store = ctx.stack.env.tracer.store;
    const caused = new Set(sent);
    let answerBytes = 0;
    for (const e of store.events) {
      if (e.kind === 'message' && e.layer === 'application' && reachedHost(e) && e.causedBy !== null && caused.has(e.causedBy)) answerBytes += e.bytes.length + IP_UDP_HEADERS;
    }
    const factor = queryBytes > 0 ? answerBytes / queryBytes : 0;
    ctx.metric('amplificationFactor', Number(factor.toFixed(2)), 'factor', `${o.count} queries of ${typeName(o.qtype)} ${displayName(o.name)}: ${queryBytes} bytes sent, ${answerBytes} bytes reached ${o.victim} (×${factor.toFixed(1)})`);
  };
  fire();
}

/** Whether a message got to its destination host: delivered, or dropped there because no socket listens on its port. */
function reachedHost(m: MessageEvent): boolean {
  return m.receivedAt !== null || m.lost?.reason === 'port-unreachable';
}
