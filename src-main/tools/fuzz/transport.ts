/**
 * Transport fuzz targets: the TCP codec (RFC 9293 §3.1, options §3.2) and
 * the UDP codec (RFC 768), each with its dissector.
 *
 * A checksum stops almost every mutated segment at the door, so `fixup`
 * writes the right checksum into half of the mutants: those reach the
 * option parser and the length rules.
 *
 * Checks: a decode error points inside the segment; a decoded TCP segment
 * encodes to a segment that decodes to the same fields; a decoded UDP
 * datagram with a checksum encodes to exactly its bytes.
 */
import { parseIpv4 } from '../../../src-core/net/ipv4';
import { dissectTcp } from '../../../src-core/dissect/tcp';
import { dissectUdp } from '../../../src-core/dissect/udp';
import { encodeLine } from '../../../src-core/protocols/sockets/line-codec';
import { IP_PROTOCOL_TCP, IP_PROTOCOL_UDP, transportChecksum } from '../../../src-core/transport/checksum';
import { decodeTcp, encodeTcp, TCP_FLAGS, type TcpSegment } from '../../../src-core/transport/tcp/codec';
import { decodeUdp, encodeUdp } from '../../../src-core/transport/udp/codec';
import { checkTree, DST_ADDR, messageEvent, SRC_ADDR } from './dissect-check';
import { dnsQueries } from './dns-seeds';
import { frameDnsMessage } from '../../../src-core/protocols/dns/tcp-framing';
import { check, equalBytes, type FuzzTarget } from './target';

const SRC = parseIpv4(SRC_ADDR)!;
const DST = parseIpv4(DST_ADDR)!;
const { SYN, ACK, FIN, RST, PSH, URG } = TCP_FLAGS;

export function tcpSeeds(): Uint8Array[] {
  const seg = (flags: number, extra: Partial<TcpSegment> = {}): Uint8Array =>
    encodeTcp({ srcPort: 49152, dstPort: 53, seq: 1000, ack: 0, flags, window: 65535, urgentPointer: 0, options: [], payload: new Uint8Array(0), ...extra }, SRC, DST);
  const query = frameDnsMessage(dnsQueries(0xbeef, true)[0]!);
  return [
    seg(SYN, { options: [{ kind: 'mss', value: 1460 }] }),
    seg(SYN | ACK, { ack: 5001, options: [{ kind: 'mss', value: 536 }] }),
    seg(ACK, { ack: 5001 }),
    seg(PSH | ACK, { ack: 5001, payload: query }),
    seg(PSH | ACK, { ack: 5001, payload: encodeLine('hello, world', true) }),
    seg(FIN | ACK, { seq: 0xfffffff0, ack: 0xffffffff }),
    seg(RST),
    seg(URG | ACK, { urgentPointer: 3, payload: new Uint8Array([1, 2, 3, 4]) }),
    seg(SYN, {
      options: [
        { kind: 'mss', value: 1460 },
        { kind: 'raw', type: 4, data: new Uint8Array(0) },
        { kind: 'raw', type: 8, data: new Uint8Array([0, 0, 0, 1, 0, 0, 0, 0]) },
        { kind: 'raw', type: 3, data: new Uint8Array([7]) },
      ],
    }),
  ];
}

export function udpSeeds(): Uint8Array[] {
  const dgram = (payload: Uint8Array) => encodeUdp({ srcPort: 49152, dstPort: 53, payload }, SRC, DST);
  const noChecksum = dgram(encodeLine('no checksum', false));
  noChecksum[6] = 0;
  noChecksum[7] = 0;
  return [...dnsQueries(0xbeef, true).slice(0, 4).map(dgram), dgram(encodeLine('hello, world', false)), dgram(new Uint8Array(0)), noChecksum];
}

const b = (...bytes: number[]) => new Uint8Array(bytes);
const tcpDictionary = () => [b(0x02, 0x04, 0x05, 0xb4), b(0x01), b(0x00), b(0x01, 0x01), b(0x08, 0x0a), b(0x03, 0x03, 0x07), b(0x04, 0x02), b(0x02, 0x03), b(0x50), b(0x60), b(0xf0), b(0x40), b(0xff, 0xff)];
const udpDictionary = () => [b(0x00, 0x08), b(0x00, 0x07), b(0x00, 0x00), b(0xff, 0xff), b(0x00, 0x35)];

/** The input with its TCP checksum set right. */
export function fixTcp(input: Uint8Array): Uint8Array {
  if (input.length < 20) return input;
  const out = input.slice();
  out[16] = 0;
  out[17] = 0;
  const sum = transportChecksum(SRC, DST, IP_PROTOCOL_TCP, out);
  out[16] = sum >>> 8;
  out[17] = sum & 0xff;
  return out;
}

/** The input with its UDP checksum set right for the length it declares (when that length is possible). */
export function fixUdp(input: Uint8Array): Uint8Array {
  if (input.length < 8) return input;
  const length = (input[4]! << 8) | input[5]!;
  if (length < 8 || length > input.length) return input;
  const out = input.slice();
  out[6] = 0;
  out[7] = 0;
  const sum = transportChecksum(SRC, DST, IP_PROTOCOL_UDP, out.subarray(0, length)) || 0xffff;
  out[6] = sum >>> 8;
  out[7] = sum & 0xff;
  return out;
}

function sameSegment(a: TcpSegment, c: TcpSegment): boolean {
  const text = (s: TcpSegment) => JSON.stringify({ ...s, checksum: 0, payload: [...s.payload], options: s.options.map((o) => (o.kind === 'raw' ? { ...o, data: [...o.data] } : o)) });
  return text(a) === text(c);
}

export function transportTargets(): FuzzTarget[] {
  return [
    {
      name: 'tcp.decode',
      seeds: tcpSeeds,
      dictionary: tcpDictionary,
      fixup: fixTcp,
      run(input) {
        const r = decodeTcp(input, SRC, DST);
        if (!r.ok) {
          check(r.error.offset >= 0 && r.error.offset <= input.length, () => `error offset ${r.error.offset} outside the ${input.length}-byte segment`);
          return 'rejected';
        }
        const again = decodeTcp(encodeTcp(r.value, SRC, DST), SRC, DST);
        check(again.ok && sameSegment(r.value, again.value), () => 'a decoded segment does not survive encode and decode');
        return 'ok';
      },
    },
    {
      name: 'tcp.dissect',
      seeds: tcpSeeds,
      dictionary: tcpDictionary,
      fixup: fixTcp,
      run: (input) => checkTree(dissectTcp(messageEvent('tcp', input)), input.length),
    },
    {
      name: 'udp.decode',
      seeds: udpSeeds,
      dictionary: udpDictionary,
      fixup: fixUdp,
      run(input) {
        const r = decodeUdp(input, SRC, DST);
        if (!r.ok) {
          check(r.error.offset >= 0 && r.error.offset <= input.length, () => `error offset ${r.error.offset} outside the ${input.length}-byte datagram`);
          return 'rejected';
        }
        const d = r.value;
        const encoded = encodeUdp({ srcPort: d.srcPort, dstPort: d.dstPort, payload: d.payload }, SRC, DST);
        const received = input.subarray(0, 8 + d.payload.length);
        check(d.checksum === 0 ? equalBytes(encoded.subarray(0, 6), received.subarray(0, 6)) && equalBytes(encoded.subarray(8), received.subarray(8)) : equalBytes(encoded, received), () => 'a decoded datagram does not encode to its bytes');
        return 'ok';
      },
    },
    {
      name: 'udp.dissect',
      seeds: udpSeeds,
      dictionary: udpDictionary,
      fixup: fixUdp,
      run: (input) => checkTree(dissectUdp(messageEvent('udp', input)), input.length),
    },
  ];
}
