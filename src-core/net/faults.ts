/**
 * Faults wrap links; engines never see them (smoltcp's FaultInjector idea).
 *
 * A packet can be lost on the wire at random (the link's loss rate, drawn
 * from the link's own seeded PRNG) or by a deterministic rule a lesson states:
 * "drop the 2nd segment from A to B", "drop everything from t1 to t2".
 * A rule without a link is checked once per packet, on the first link the
 * packet leaves its origin on, so each packet is counted once.
 */
import type { Prng } from '../sim/prng';
import type { SimTime } from '../sim/time';
import { IP_PROTOCOL } from './ipv4';
import type { IpPacket } from './packet';

export type DropReason = 'random' | 'rule' | 'queue-full' | 'no-route' | 'ttl-expired';

export interface LossRule {
  /** Only on this link (either direction); otherwise on the packet's first link. */
  readonly link?: string;
  /** Origin node id. */
  readonly from?: string;
  /** Destination node id. */
  readonly to?: string;
  readonly protocol?: 'tcp' | 'udp';
  /** Only packets that carry application data (TCP with payload, any UDP). */
  readonly dataOnly?: boolean;
  /** Drop the n-th matching packets (1-based). */
  readonly nth?: readonly number[];
  /** Drop every matching packet sent in [fromTime, toTime). */
  readonly fromTime?: SimTime;
  readonly toTime?: SimTime;
}

export interface PacketContext {
  readonly packet: IpPacket;
  readonly link: string;
  readonly firstHop: boolean;
  readonly now: SimTime;
  /** Node id of the packet's destination address, if known. */
  readonly destination: string | null;
}

export class RuleSet {
  private readonly counts: number[];

  constructor(private readonly rules: readonly LossRule[]) {
    this.counts = rules.map(() => 0);
  }

  /** No rules at all: callers skip building a PacketContext per hop. */
  get empty(): boolean {
    return this.rules.length === 0;
  }

  /** True when a rule says this packet is dropped. Counting has side effects: call once per hop. */
  drops(ctx: PacketContext): boolean {
    let dropped = false;
    this.rules.forEach((rule, i) => {
      if (!matches(rule, ctx)) return;
      const n = ++this.counts[i]!;
      if (rule.nth?.includes(n)) dropped = true;
      if (rule.fromTime !== undefined || rule.toTime !== undefined) {
        const from = rule.fromTime ?? 0;
        const to = rule.toTime ?? Number.MAX_SAFE_INTEGER;
        if (ctx.now >= from && ctx.now < to) dropped = true;
      }
    });
    return dropped;
  }
}

function matches(rule: LossRule, ctx: PacketContext): boolean {
  if (rule.link !== undefined ? rule.link !== ctx.link : !ctx.firstHop) return false;
  if (rule.from !== undefined && rule.from !== ctx.packet.origin) return false;
  if (rule.to !== undefined && rule.to !== ctx.destination) return false;
  if (rule.protocol !== undefined && protocolName(ctx.packet) !== rule.protocol) return false;
  if (rule.dataOnly && !carriesData(ctx.packet)) return false;
  return true;
}

function protocolName(p: IpPacket): 'tcp' | 'udp' {
  return p.protocol === IP_PROTOCOL.TCP ? 'tcp' : 'udp';
}

/** TCP: payload beyond the header (data offset in the high nibble of byte 12, RFC 9293 §3.1). */
export function carriesData(p: IpPacket): boolean {
  if (p.protocol === IP_PROTOCOL.UDP) return true;
  const dataOffsetBytes = ((p.payload[12] ?? 0) >> 4) * 4;
  return p.payload.length > dataOffsetBytes;
}

/** Random loss on one direction of a link. */
export class RandomLoss {
  constructor(
    private readonly rate: number,
    private readonly prng: Prng,
  ) {}

  drops(): boolean {
    return this.rate > 0 && this.prng.chance(this.rate);
  }
}
