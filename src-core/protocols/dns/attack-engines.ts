/**
 * Attacks on DNS, for the security lesson (Kurose & Ross §2.4.4), as engines
 * (engine/face.ts). They are ordinary hosts sending forged packets; nothing
 * in the resolver or the network helps them.
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
 * query bytes at the IP layer; the trace is the tap that measures it
 * (module.ts reads it when the engine reports it is done).
 */
import type { CauseRef, Deadline, EngineEnv, EngineTransmit, SocketAddr, SocketId } from '../../engine/face';
import { EngineBase } from '../../engine/base';
import type { SimTime } from '../../sim/time';
import { encodeDns } from './codec';
import { DNS_PORT } from './constants';
import { PROTOCOL, type DnsEvent } from './events';
import { summarizeDns } from './summary';
import type { DnsMessage } from './types';

/** IPv4 (20) + UDP (8) header bytes around every DNS message here. */
export const IP_UDP_HEADERS = 28;

export interface PoisonCommand {
  /** The resolver to poison (32-bit address). */
  readonly resolver: number;
  /** The server the resolver will be asking: its address is forged. */
  readonly spoofAs: number;
  /** Its name, for the state event. */
  readonly spoofAsName: string;
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

const TRIGGER = 1;

export class CachePoisoner extends EngineBase<DnsEvent, PoisonCommand> {
  private readonly socket: SocketId;
  private attack: PoisonCommand | null = null;
  private raceAt: SimTime | null = null;
  /** Told once the trigger query has been handed out, so the event can name it as its cause. */
  private started: DnsEvent | null = null;
  private triggerOut = false;

  constructor(private readonly env: EngineEnv) {
    super(PROTOCOL);
    this.socket = env.socketId();
  }

  override handleCommand(c: PoisonCommand, now: SimTime): void {
    if (this.attack) return;
    this.attack = c;
    this.out.bind(this.socket, 'ephemeral');
    const query: DnsMessage = {
      header: { id: this.env.random32() & 0xffff, qr: false, opcode: 0, aa: false, tc: false, rd: true, ra: false, z: 0, rcode: 0 },
      questions: [{ name: c.name, type: 1, class: 1 }],
      answers: [],
      authorities: [],
      additionals: [],
    };
    this.out.send(this.socket, { addr: c.resolver, port: DNS_PORT }, encodeDns(query), this.out.label(summarizeDns(query), null, TRIGGER));
    this.started = { type: 'dns.attackStarted', name: c.name, guesses: c.guesses, forgedAddress: c.forgedAddress, spoofAs: c.spoofAsName, trigger: { sent: TRIGGER } };
    this.raceAt = now + c.delay;
  }

  override handleTimeout(now: SimTime): void {
    const c = this.attack;
    if (!c || this.raceAt === null || this.raceAt > now) return;
    this.raceAt = null;
    const from: SocketAddr = { addr: c.spoofAs, port: DNS_PORT };
    for (let i = 0; i < c.guesses; i++) {
      const id = c.idGuess === 'sequential' ? (i + 1) & 0xffff : this.env.random32() & 0xffff;
      const port = c.targetPort === 'random' ? 49152 + (this.env.random32() % 16384) : c.targetPort;
      const forged: DnsMessage = {
        header: { id, qr: true, opcode: 0, aa: true, tc: false, rd: false, ra: false, z: 0, rcode: 0 },
        questions: [{ name: c.name, type: 1, class: 1 }],
        answers: [{ name: c.name, class: 1, ttl: c.ttl, data: { type: 'A', address: c.forgedAddress } }],
        authorities: [],
        additionals: [],
      };
      this.out.send(this.socket, { addr: c.resolver, port }, encodeDns(forged), this.out.label(`[forged] ${summarizeDns(forged)}`, { sent: TRIGGER }), from);
    }
  }

  override pollTransmit(): EngineTransmit | null {
    const t = this.out.pollTransmit();
    if (t?.kind === 'send' && t.label?.ref === TRIGGER) this.triggerOut = true;
    return t;
  }

  override pollEvent(): DnsEvent | null {
    const e = this.out.pollEvent();
    if (e) return e;
    // The trigger has been handed out: report the attack now, caused by it.
    if (this.started && this.triggerOut) {
      const s = this.started;
      this.started = null;
      return s;
    }
    return null;
  }

  override pollTimeout(): Deadline | null {
    return this.raceAt === null ? null : { at: this.raceAt, weak: false };
  }

}

export interface AmplifyCommand {
  /** The DNS server used as the amplifier (32-bit address). */
  readonly server: number;
  /** The victim's address (forged as the source) and name. */
  readonly victim: number;
  readonly victimName: string;
  readonly name: string;
  readonly qtype: number;
  readonly count: number;
  /** Between two queries (ns). */
  readonly interval: SimTime;
}

/** How long after the last query the answers are counted: they have all arrived by then in any lesson topology. */
const SETTLE: SimTime = 2_000_000_000;

export class Amplifier extends EngineBase<DnsEvent, AmplifyCommand> {
  private readonly socket: SocketId;
  private attack: AmplifyCommand | null = null;
  private sent = 0;
  private queryBytes = 0;
  private nextAt: SimTime | null = null;
  private measureAt: SimTime | null = null;

  constructor(private readonly env: EngineEnv) {
    super(PROTOCOL);
    this.socket = env.socketId();
  }

  override handleCommand(c: AmplifyCommand, now: SimTime): void {
    if (this.attack) return;
    this.attack = c;
    this.out.bind(this.socket, 'ephemeral');
    this.fire(now);
  }

  override handleTimeout(now: SimTime): void {
    const c = this.attack;
    if (!c) return;
    if (this.nextAt !== null && this.nextAt <= now) {
      this.nextAt = null;
      this.fire(now);
    }
    if (this.measureAt !== null && this.measureAt <= now) {
      this.measureAt = null;
      const queries: CauseRef[] = [];
      for (let i = 1; i <= this.sent; i++) queries.push({ sent: i });
      this.out.event({ type: 'dns.amplificationMeasured', name: c.name, qtype: c.qtype, count: c.count, victim: c.victimName, queryBytes: this.queryBytes, queries });
    }
  }

  override pollTimeout(): Deadline | null {
    const at = this.nextAt ?? this.measureAt;
    return at === null ? null : { at, weak: false };
  }


  private fire(now: SimTime): void {
    const c = this.attack!;
    const query: DnsMessage = {
      header: { id: this.env.random32() & 0xffff, qr: false, opcode: 0, aa: false, tc: false, rd: false, ra: false, z: 0, rcode: 0 },
      questions: [{ name: c.name, type: c.qtype, class: 1 }],
      answers: [],
      authorities: [],
      additionals: [],
    };
    const bytes = encodeDns(query);
    this.queryBytes += bytes.length + IP_UDP_HEADERS;
    this.sent++;
    // The source port is the victim's: any port; its answers look like DNS traffic to it.
    this.out.send(this.socket, { addr: c.server, port: DNS_PORT }, bytes, this.out.label(`[spoofed as ${c.victimName}] ${summarizeDns(query)}`, null, this.sent), { addr: c.victim, port: 5353 });
    if (this.sent < c.count) this.nextAt = now + c.interval;
    else this.measureAt = now + c.interval + SETTLE;
  }
}
