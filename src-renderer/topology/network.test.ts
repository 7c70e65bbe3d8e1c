import { describe, expect, it } from 'vitest';
import type { EditorDoc } from '../../src-core/editor/doc';
import { drawableNetwork } from './network';

describe('the network drawn while the scenario has issues', () => {
  it('keeps whole nodes and the links between them, and leaves out what cannot be drawn', () => {
    const doc = {
      format: 'l7-scenario', version: 1, name: 'n', workload: [],
      nodes: [
        { id: 'a', kind: 'host', address: '10.0.0.1', services: [{ type: 'dns-resolver', mode: 'iterative', rootServers: [] }] },
        { id: 'b', kind: 'router', address: '10.0.0.2', position: { x: 1, y: 2 } },
        { id: '', kind: 'host', address: '10.0.0.3' },
      ],
      links: [
        { a: 'a', b: 'b', delayMs: 5, bandwidthMbps: 10 },
        { a: 'a', b: 'gone', delayMs: 5, bandwidthMbps: 10 },
        { a: 'b', b: 'a' } as unknown as EditorDoc['links'][number],
      ],
    } as unknown as EditorDoc;
    const net = drawableNetwork(doc);
    expect(net.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(net.nodes[0]!.services).toHaveLength(1);
    expect(net.nodes[1]!.position).toEqual({ x: 1, y: 2 });
    expect(net.links.map((l) => `${l.a}-${l.b}:${l.delayMs}`)).toEqual(['a-b:5', 'b-a:0']);
  });
});
