import { describe, expect, it } from 'vitest';
import { dissect } from '../../src-core/dissect';
import { field } from '../../src-core/dissect/field';
import { encodeTcp } from '../../src-core/transport/tcp/codec';
import { ancestorsOf, fieldAt, fieldAtByte, initiallyExpanded, visibleRows } from './field-rows';

const tree = [
  field('TCP', 'tcp', 'x', 0, 24, [
    field('Source Port', 'tcp.srcport', 1, 0, 2),
    field('Flags', 'tcp.flags', 'SYN', 13, 1, [field('Syn', 'tcp.flags.syn', 'Set', 13, 1)]),
    field('Payload', 'tcp.payload', '4 bytes', 20, 4),
  ]),
];

describe('field rows', () => {
  it('shows the children of expanded fields only, with levels and positions', () => {
    const collapsed = visibleRows(tree, new Set());
    expect(collapsed.map((r) => r.key)).toEqual(['0']);
    const open = visibleRows(tree, initiallyExpanded(tree));
    expect(open.map((r) => [r.key, r.level, r.position, r.siblings])).toEqual([
      ['0', 1, 1, 1],
      ['0.0', 2, 1, 3],
      ['0.1', 2, 2, 3],
      ['0.2', 2, 3, 3],
    ]);
    expect(open[2]!.expandable).toBe(true);
    expect(visibleRows(tree, new Set(['0', '0.1'])).map((r) => r.key)).toContain('0.1.0');
  });

  it('maps a byte to the innermost field holding it, and a key back to its field', () => {
    expect(fieldAtByte(tree, 1)).toBe('0.0');
    expect(fieldAtByte(tree, 13)).toBe('0.1.0');
    expect(fieldAtByte(tree, 5)).toBe('0');
    expect(fieldAtByte(tree, 99)).toBeNull();
    expect(fieldAt(tree, '0.1.0')?.name).toBe('Syn');
    expect(fieldAt(tree, '0.7')).toBeNull();
    expect(ancestorsOf('0.1.0')).toEqual(['0', '0.1']);
  });

  it('finds the TCP source port in the bytes of a real segment', () => {
    const bytes = encodeTcp({ srcPort: 49152, dstPort: 12000, seq: 1, ack: 0, flags: 0x02, window: 65535, urgentPointer: 0, options: [], payload: new Uint8Array() }, 0x0a000001, 0x0a000002);
    const tcp = dissect({
      kind: 'message', id: 0, layer: 'transport', protocol: 'tcp', from: 'a', to: 'b', src: { addr: '10.0.0.1', port: 49152 },
      dst: { addr: '10.0.0.2', port: 12000 }, sentAt: 0, receivedAt: null, summary: 'SYN', bytes, connection: null, causedBy: null,
      carries: [], retransmission: false, timing: null, lost: null,
    });
    const key = fieldAtByte(tcp, 0)!;
    const port = fieldAt(tcp, key)!;
    expect(port.name).toBe('Source Port');
    expect([...bytes.slice(port.offset, port.offset + port.length)]).toEqual([0xc0, 0x00]);
  });
});
