/**
 * Writes a trace's transport messages as pcapng (draft-ietf-opsawg-pcapng)
 * that Wireshark and tshark open directly.
 *
 * One interface of link type LINKTYPE_RAW (101: the packet starts with its
 * IPv4 header), timestamps in nanoseconds (if_tsresol = 9). Each transport
 * message becomes one IPv4 packet (RFC 791 header, 20 bytes, real checksum)
 * stamped with its send time; the packet is the trace's `bytes` behind that
 * header. Application messages are not packets of their own: they are inside
 * the TCP and UDP payloads. All multi-byte fields are little-endian, as the
 * byte-order magic 0x1A2B3C4D in the section header says.
 */
import { IP_PROTOCOL, IPV4_HEADER_BYTES, parseIpv4 } from '../net/ipv4';
import { DEFAULT_TTL } from '../net/packet';
import type { MessageEvent, TraceEvent } from './types';

const BLOCK_SHB = 0x0a0d0d0a;
const BLOCK_IDB = 0x00000001;
const BLOCK_EPB = 0x00000006;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;
const LINKTYPE_RAW = 101;
const OPT_END = 0;
const OPT_IF_TSRESOL = 9;

export function traceToPcapng(events: readonly TraceEvent[]): Uint8Array {
  const blocks: Uint8Array[] = [pcapngHead()];
  for (const e of events) {
    const b = pcapngPacketBlock(e);
    if (b) blocks.push(b);
  }
  const total = blocks.reduce((n, b) => n + b.length, 0);
  const out = new Uint8Array(total);
  let o = 0;
  for (const b of blocks) {
    out.set(b, o);
    o += b.length;
  }
  return out;
}

/*
 * The same file in pieces, for a host that writes it as the run goes: the
 * head, then one block per transport message in trace order. A block depends
 * only on what the message was when sent, so it can be written at once.
 */

/** The section header and the one interface description. */
export function pcapngHead(): Uint8Array {
  const shb = sectionHeader();
  const idb = interfaceDescription();
  const head = new Uint8Array(shb.length + idb.length);
  head.set(shb);
  head.set(idb, shb.length);
  return head;
}

/** The enhanced packet block of a transport message; null for any other event. */
export function pcapngPacketBlock(e: TraceEvent): Uint8Array | null {
  if (e.kind !== 'message' || e.layer !== 'transport') return null;
  const packet = ipv4Packet(e);
  return packet ? enhancedPacket(e.sentAt, packet) : null;
}

/** The IPv4 packet (RFC 791 §3.1) around a transport message; null for a protocol pcap cannot carry. */
export function ipv4Packet(e: MessageEvent): Uint8Array | null {
  const protocol = e.protocol === 'tcp' ? IP_PROTOCOL.TCP : e.protocol === 'udp' ? IP_PROTOCOL.UDP : null;
  const src = parseIpv4(e.src.addr);
  const dst = parseIpv4(e.dst.addr);
  if (protocol === null || src === null || dst === null) return null;
  const bytes = e.bytes; // read once: a compact segment rebuilds its bytes on each read
  const total = IPV4_HEADER_BYTES + bytes.length;
  const p = new Uint8Array(total);
  const v = new DataView(p.buffer);
  v.setUint8(0, 0x45); // version 4, IHL 5 words
  v.setUint8(1, 0); // DSCP/ECN
  v.setUint16(2, total);
  v.setUint16(4, e.id & 0xffff); // identification: the event id, for a stable file
  v.setUint16(6, 0x4000); // flags: don't fragment
  v.setUint8(8, DEFAULT_TTL);
  v.setUint8(9, protocol);
  v.setUint32(12, src);
  v.setUint32(16, dst);
  v.setUint16(10, headerChecksum(p));
  p.set(bytes, IPV4_HEADER_BYTES);
  return p;
}

function headerChecksum(p: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < IPV4_HEADER_BYTES; i += 2) sum += (p[i]! << 8) | p[i + 1]!;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

function block(type: number, body: Uint8Array): Uint8Array {
  const padded = (body.length + 3) & ~3;
  const length = 12 + padded;
  const b = new Uint8Array(length);
  const v = new DataView(b.buffer);
  v.setUint32(0, type, true);
  v.setUint32(4, length, true);
  b.set(body, 8);
  v.setUint32(length - 4, length, true);
  return b;
}

function sectionHeader(): Uint8Array {
  const body = new Uint8Array(16);
  const v = new DataView(body.buffer);
  v.setUint32(0, BYTE_ORDER_MAGIC, true);
  v.setUint16(4, 1, true); // major version
  v.setUint16(6, 0, true); // minor version
  v.setBigInt64(8, -1n, true); // section length unknown
  return block(BLOCK_SHB, body);
}

function interfaceDescription(): Uint8Array {
  const body = new Uint8Array(8 + 8 + 4);
  const v = new DataView(body.buffer);
  v.setUint16(0, LINKTYPE_RAW, true);
  v.setUint32(4, 0, true); // snaplen: no limit
  v.setUint16(8, OPT_IF_TSRESOL, true);
  v.setUint16(10, 1, true);
  v.setUint8(12, 9); // 10^-9 s
  v.setUint16(16, OPT_END, true);
  v.setUint16(18, 0, true);
  return block(BLOCK_IDB, body);
}

function enhancedPacket(timeNs: number, packet: Uint8Array): Uint8Array {
  const padded = (packet.length + 3) & ~3;
  const body = new Uint8Array(20 + padded);
  const v = new DataView(body.buffer);
  const t = BigInt(timeNs);
  v.setUint32(0, 0, true); // interface 0
  v.setUint32(4, Number(t >> 32n), true);
  v.setUint32(8, Number(t & 0xffffffffn), true);
  v.setUint32(12, packet.length, true); // captured length
  v.setUint32(16, packet.length, true); // original length
  body.set(packet, 20);
  return block(BLOCK_EPB, body);
}
