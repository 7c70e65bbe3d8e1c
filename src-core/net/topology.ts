/**
 * The static network a run takes place on: nodes and point-to-point links.
 * Units: delay in ns, bandwidth in bit/s, queue capacity in packets.
 */
import type { SimTime } from '../sim/time';

export type NodeKind = 'host' | 'router';

export interface NodeSpec {
  readonly id: string;
  readonly kind: NodeKind;
  readonly name: string;
  /** IPv4 address as uint32. */
  readonly address: number;
}

export interface LinkSpec {
  readonly id: string;
  readonly a: string;
  readonly b: string;
  /** One-way propagation delay (ns). */
  readonly delay: SimTime;
  /** Transmission rate in each direction (bit/s). */
  readonly bandwidth: number;
  /** Packets that may wait behind the one being transmitted, per direction (drop-tail). */
  readonly queuePackets: number;
  /** Probability that a packet is lost on the wire, per direction. */
  readonly lossRate: number;
}

export interface Topology {
  readonly nodes: readonly NodeSpec[];
  readonly links: readonly LinkSpec[];
}
