import { describe, expect, it } from 'vitest';
import { freeAddress, freshId } from './doc';
import { lessonDocForTest } from './editor-doc.test-helper';

describe('editor documents', () => {
  it('makes fresh ids from a base, cleaned to the id rule', () => {
    expect(freshId(new Set(), 'dns-root')).toBe('dns-root');
    expect(freshId(new Set(['host', 'host2']), 'host')).toBe('host3');
    expect(freshId(new Set(), '1 web server!')).toBe('web-server-');
    expect(freshId(new Set(), '42')).toBe('node');
  });

  it('gives a new node a free address in the subnet of the last node of its kind', () => {
    const doc = lessonDocForTest('dns-iterative');
    const router = doc.nodes.filter((n) => n.kind === 'router').at(-1)!;
    const host = doc.nodes.filter((n) => n.kind === 'host').at(-1)!;
    const used = new Set(doc.nodes.map((n) => n.address));
    const forRouter = freeAddress(doc, 'router');
    const forHost = freeAddress(doc, 'host');
    expect(used.has(forRouter)).toBe(false);
    expect(used.has(forHost)).toBe(false);
    expect(forRouter.split('.').slice(0, 3)).toEqual(router.address.split('.').slice(0, 3));
    expect(forHost.split('.').slice(0, 3)).toEqual(host.address.split('.').slice(0, 3));
  });

  it('starts an empty network at 10.0.0.1 for a router and 10.0.0.10 for a host, and moves on when a /24 is full', () => {
    const empty = { ...lessonDocForTest('dns-iterative'), nodes: [] };
    expect(freeAddress(empty, 'router')).toBe('10.0.0.1');
    expect(freeAddress(empty, 'host')).toBe('10.0.0.10');
    const full = { ...empty, nodes: Array.from({ length: 245 }, (_, i) => ({ id: `h${i}`, kind: 'host' as const, address: `10.0.0.${i + 10}` })) };
    expect(freeAddress(full, 'host')).toBe('10.0.1.10');
  });
});
