import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldNode } from '../../dissect/field';
import type { MessageEvent } from '../../trace/types';
import { encodeDatagram, encodeStreamHeader } from './codec';
import { dissectBulk } from './dissect';

function message(bytes: Uint8Array, transport: 'tcp' | 'udp'): MessageEvent {
  return {
    kind: 'message', id: 0, layer: 'application', protocol: 'bulk', from: 'a', to: 'b',
    src: { addr: '10.0.0.1', port: 49152 }, dst: { addr: '10.0.0.2', port: 5001 },
    sentAt: 0, receivedAt: null, summary: 'Transfer', bytes, connection: `${transport}:10.0.0.1:49152-10.0.0.2:5001`,
    causedBy: null, carries: [], retransmission: false, timing: null, lost: null,
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

describe('bulk dissector', () => {
  it('TCP: the length field that opens the stream', () => {
    const tree = dissectBulk(message(encodeStreamHeader(1_000_000), 'tcp'));
    expect(tree[0]).toMatchObject({ name: 'Bulk transfer', filter: 'bulk', offset: 0, length: 8 });
    expect(find(tree, 'bulk.length')).toMatchObject({ value: '1000000 bytes follow', offset: 0, length: 8 });
  });

  it('UDP: each header field and the data, with where it goes in the file', () => {
    const bytes = encodeDatagram(3, 5000, 1016);
    const tree = dissectBulk(message(bytes, 'udp'));
    expect(find(tree, 'bulk.seq')).toMatchObject({ value: '3', offset: 0, length: 4 });
    expect(find(tree, 'bulk.count')).toMatchObject({ value: '5', offset: 4, length: 4 });
    expect(find(tree, 'bulk.total')).toMatchObject({ value: '5000 bytes', offset: 8, length: 8 });
    expect(find(tree, 'bulk.data')).toMatchObject({ value: '1000 bytes: file bytes 2000–2999', offset: 16, length: 1000 });
  });

  it('malformed bytes give a problem node over the field at fault, never a throw', () => {
    const bad = encodeDatagram(1, 100, 116);
    bad[3] = 9; // seq 9 of 1
    expect(find(dissectBulk(message(bad, 'udp')), '_ws.malformed')).toMatchObject({ severity: 'error', offset: 0, length: 4 });
    expect(find(dissectBulk(message(new Uint8Array(3), 'tcp')), 'bulk.length')).toMatchObject({ severity: 'error', length: 3 });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), fc.constantFrom('tcp' as const, 'udp' as const), (b, t) => {
        const [root] = dissectBulk(message(b, t));
        for (const child of root!.children) expect(child.offset + child.length).toBeLessThanOrEqual(b.length);
      }),
    );
  });
});
