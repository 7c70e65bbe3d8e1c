/**
 * An IPv4 packet in flight. The transport bytes (`payload`) are wire-exact
 * (a TCP segment or a UDP datagram with a real checksum); the IP header is
 * kept as fields and counted in `size` (20 bytes, no options), which is what
 * transmission delay is computed from.
 */
import type { SimTime } from '../sim/time';
import { IPV4_HEADER_BYTES, type IpProtocolNumber } from './ipv4';

export interface PacketTiming {
  /** Time spent waiting in link queues, summed over hops (ns). */
  queueing: SimTime;
  /** Time spent pushing bits onto links, L/R summed over hops (ns). */
  transmission: SimTime;
  /** Time spent propagating along links, summed over hops (ns). */
  propagation: SimTime;
}

export interface IpPacket {
  /** Unique within a run, in order of creation. */
  readonly id: number;
  readonly src: number;
  readonly dst: number;
  readonly protocol: IpProtocolNumber;
  ttl: number;
  readonly payload: Uint8Array;
  /** Bytes on the wire: IP header plus payload. */
  readonly size: number;
  /** The trace event that describes this packet's transport message, if traced. */
  readonly traceId: number | null;
  /** The node that put the packet on the network. */
  readonly origin: string;
  readonly timing: PacketTiming;
}

export const DEFAULT_TTL = 64;

export function makePacket(fields: {
  id: number;
  src: number;
  dst: number;
  protocol: IpProtocolNumber;
  payload: Uint8Array;
  traceId: number | null;
  origin: string;
}): IpPacket {
  // An explicit literal (not a spread) keeps every packet the same hidden class: this is a hot path.
  return {
    id: fields.id,
    src: fields.src,
    dst: fields.dst,
    protocol: fields.protocol,
    payload: fields.payload,
    traceId: fields.traceId,
    origin: fields.origin,
    ttl: DEFAULT_TTL,
    size: IPV4_HEADER_BYTES + fields.payload.length,
    timing: { queueing: 0, transmission: 0, propagation: 0 },
  };
}
