/**
 * The network: nodes joined by links, packets routed hop by hop.
 * Hosts hand packets to `send`; the network calls the destination host's
 * sink when the last bit arrives. Routers forward by the routing table and
 * decrement the TTL (RFC 791 §3.2). Observers see every delivery and drop,
 * which is how the trace learns receive times without engines knowing.
 */
import type { Prng } from '../sim/prng';
import type { Scheduler } from '../sim/scheduler';
import type { SimTime } from '../sim/time';
import { Channel, type ChannelStats, type ChannelEnv } from './channel';
import type { LinkTimeline } from './link-timeline';
import { RandomLoss, RuleSet, type DropReason, type LossRule } from './faults';
import type { IpPacket } from './packet';
import { computeRoutes, type RoutingTable } from './routing';
import type { NodeSpec, Topology } from './topology';

export interface PacketSink {
  receive(packet: IpPacket): void;
}

export interface NetworkObserver {
  delivered(packet: IpPacket, at: SimTime, node: string): void;
  dropped(packet: IpPacket, at: SimTime, reason: DropReason, link: string | null, node: string): void;
}

export class Network implements ChannelEnv {
  readonly rules: RuleSet;
  private readonly nodes = new Map<string, NodeSpec>();
  private readonly byAddress = new Map<number, string>();
  private readonly routes: Map<string, RoutingTable>;
  /** Channels keyed by `${linkId}>${fromNode}`. */
  private readonly channels = new Map<string, Channel>();
  /** The channel a packet at a node leaves on toward a destination node, looked up once (routes are static). */
  private readonly forward = new Map<string, Map<string, Channel | null>>();
  private readonly sinks = new Map<string, PacketSink>();
  private readonly observers: NetworkObserver[] = [];
  private nextPacketId = 0;

  constructor(
    readonly topology: Topology,
    readonly scheduler: Scheduler,
    prng: Prng,
    lossRules: readonly LossRule[] = [],
  ) {
    for (const n of topology.nodes) {
      this.nodes.set(n.id, n);
      this.byAddress.set(n.address, n.id);
    }
    this.routes = computeRoutes(topology);
    this.rules = new RuleSet(lossRules);
    for (const l of topology.links) {
      for (const [from, to] of [
        [l.a, l.b],
        [l.b, l.a],
      ] as const) {
        const loss = new RandomLoss(l.lossRate, prng.fork(`loss:${l.id}>${from}`));
        this.channels.set(`${l.id}>${from}`, new Channel(l, from, to, loss, this));
      }
    }
  }

  /** Every direction of every link, in the topology's link order (a then b first), with what it carried. */
  channelStatistics(): readonly { readonly link: string; readonly from: string; readonly to: string; readonly stats: Readonly<ChannelStats>; readonly timeline: LinkTimeline }[] {
    return [...this.channels.values()].map((c) => ({ link: c.link.id, from: c.from, to: c.to, stats: c.stats, timeline: c.timeline }));
  }

  node(id: string): NodeSpec | undefined {
    return this.nodes.get(id);
  }

  nodeIdByAddress(addr: number): string | null {
    return this.byAddress.get(addr) ?? null;
  }

  /** Registers the host stack that receives packets addressed to `nodeId`. */
  attach(nodeId: string, sink: PacketSink): void {
    this.sinks.set(nodeId, sink);
  }

  observe(observer: NetworkObserver): void {
    this.observers.push(observer);
  }

  /** A fresh packet id, unique within the run. */
  allocatePacketId(): number {
    return this.nextPacketId++;
  }

  /** The link a packet from `from` to `to` leaves on first, or null when unreachable. */
  nextHop(from: string, to: string): string | null {
    return this.routes.get(from)?.get(to) ?? null;
  }

  /** Puts a packet on the network at its origin node. */
  send(packet: IpPacket): void {
    this.route(packet, packet.origin, true);
  }

  destinationOf(packet: IpPacket): string | null {
    return this.nodeIdByAddress(packet.dst);
  }

  arrive(packet: IpPacket, atNode: string): void {
    const here = this.nodes.get(atNode);
    if (here && here.address === packet.dst) {
      this.deliver(packet, atNode);
      return;
    }
    if (!here || here.kind !== 'router') {
      this.drop(packet, 'no-route', null, atNode);
      return;
    }
    packet.ttl -= 1;
    if (packet.ttl <= 0) {
      this.drop(packet, 'ttl-expired', null, atNode);
      return;
    }
    this.route(packet, atNode, false);
  }

  drop(packet: IpPacket, reason: DropReason, link: string | null, atNode: string): void {
    const now = this.scheduler.now;
    for (const o of this.observers) o.dropped(packet, now, reason, link, atNode);
  }

  private route(packet: IpPacket, atNode: string, firstHop: boolean): void {
    const destination = this.destinationOf(packet);
    if (destination === atNode) {
      // Loopback: a host sending to itself; nothing crosses a link.
      this.scheduler.after(0, () => this.deliver(packet, atNode));
      return;
    }
    const channel = destination === null ? null : this.channelToward(atNode, destination);
    if (!channel) {
      this.drop(packet, 'no-route', null, atNode);
      return;
    }
    channel.send(packet, firstHop);
  }

  private channelToward(atNode: string, destination: string): Channel | null {
    let table = this.forward.get(atNode);
    if (!table) {
      table = new Map();
      this.forward.set(atNode, table);
    }
    let channel = table.get(destination);
    if (channel === undefined) {
      const link = this.nextHop(atNode, destination);
      channel = (link === null ? undefined : this.channels.get(`${link}>${atNode}`)) ?? null;
      table.set(destination, channel);
    }
    return channel;
  }

  private deliver(packet: IpPacket, atNode: string): void {
    const now = this.scheduler.now;
    for (const o of this.observers) o.delivered(packet, now, atNode);
    this.sinks.get(atNode)?.receive(packet);
  }
}
