import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseIpv4 } from '../net/ipv4';
import { encodeTcp, TCP_FLAGS } from '../transport/tcp/codec';
import { encodeUdp } from '../transport/udp/codec';
import type { MessageEvent } from '../trace/types';
import { dissect, type FieldNode } from './index';

const A = '10.0.0.1';
const B = '10.0.1.1';

function message(protocol: string, bytes: Uint8Array, layer: 'application' | 'transport' = 'transport'): MessageEvent {
  return {
    kind: 'message', id: 0, layer, protocol, from: 'a', to: 'b',
    src: { addr: A, port: 49152 }, dst: { addr: B, port: 12000 },
    sentAt: 0, receivedAt: 1, summary: 's', bytes, connection: null, causedBy: null, carries: [], retransmission: false, timing: null, lost: null,
  };
}

function find(nodes: readonly FieldNode[], filter: string): FieldNode | undefined {
  for (const n of nodes) {
    if (n.filter === filter) return n;
    const inner = find(n.children, filter);
    if (inner) return inner;
  }
  return undefined;
}

describe('dissectors', () => {
  const syn = encodeTcp(
    { srcPort: 49152, dstPort: 12000, seq: 1000, ack: 0, flags: TCP_FLAGS.SYN, window: 65535, urgentPointer: 0, options: [{ kind: 'mss', value: 1460 }], payload: new Uint8Array() },
    parseIpv4(A)!,
    parseIpv4(B)!,
  );

  it('gives every TCP header field with its byte range', () => {
    const tree = dissect(message('tcp', syn));
    expect(find(tree, 'tcp.srcport')).toMatchObject({ value: '49152', offset: 0, length: 2 });
    expect(find(tree, 'tcp.seq_raw')).toMatchObject({ value: '1000', offset: 4, length: 4 });
    expect(find(tree, 'tcp.flags')).toMatchObject({ value: '0x02 (SYN)', offset: 13, length: 1 });
    expect(find(tree, 'tcp.flags.syn')!.value).toBe('Set');
    expect(find(tree, 'tcp.checksum')!.value).toMatch(/\[correct\]$/);
    expect(find(tree, 'tcp.options.mss_val')).toMatchObject({ value: '1460 bytes', offset: 20, length: 4 });
  });

  it('flags a corrupted checksum as an error', () => {
    const bad = syn.slice();
    bad[16] = bad[16]! ^ 0xff;
    expect(find(dissect(message('tcp', bad)), 'tcp.checksum')!.severity).toBe('error');
  });

  it('gives UDP fields and the payload range', () => {
    const bytes = encodeUdp({ srcPort: 5000, dstPort: 53, payload: new Uint8Array(5) }, parseIpv4(A)!, parseIpv4(B)!);
    const tree = dissect(message('udp', bytes));
    expect(find(tree, 'udp.length')!.value).toBe('13 bytes');
    expect(find(tree, 'udp.payload')).toMatchObject({ offset: 8, length: 5 });
    expect(find(tree, 'udp.checksum')!.value).toMatch(/correct/);
  });

  it('shows a line and its terminator', () => {
    const tree = dissect(message('sockets', new TextEncoder().encode('hi\n'), 'application'));
    expect(find(tree, 'sockets.line')).toMatchObject({ value: '"hi"', offset: 0, length: 2 });
    expect(find(tree, 'sockets.eol')).toMatchObject({ offset: 2, length: 1 });
  });

  it('never throws on random bytes, and every range lies inside the message', () => {
    fc.assert(
      fc.property(fc.constantFrom('tcp', 'udp', 'sockets', 'unknown'), fc.uint8Array({ maxLength: 80 }), (protocol, bytes) => {
        const check = (nodes: readonly FieldNode[]): void => {
          for (const n of nodes) {
            expect(n.offset).toBeGreaterThanOrEqual(0);
            expect(n.offset + n.length).toBeLessThanOrEqual(bytes.length);
            check(n.children);
          }
        };
        check(dissect(message(protocol, bytes)));
      }),
    );
  });
});
