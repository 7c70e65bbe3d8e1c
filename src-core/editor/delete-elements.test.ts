import { describe, expect, it } from 'vitest';
import { deleteElements } from './delete-elements';
import { frozenCopyForTest, lessonDocForTest } from './editor-doc.test-helper';

describe('delete nodes and links', () => {
  it('deletes a node with its links, the actions naming it and its place in id lists', () => {
    const doc = { ...lessonDocForTest('dns-iterative'), view: { laneOrder: ['host', 'local', 'root', 'tld', 'auth'] } };
    const before = frozenCopyForTest(doc);
    const next = deleteElements(doc, new Set(['root']));
    expect(doc).toEqual(before);
    expect(next.nodes.map((n) => n.id)).not.toContain('root');
    expect(next.links.some((l) => l.a === 'root' || l.b === 'root')).toBe(false);
    expect(next.view!.laneOrder).toEqual(['host', 'local', 'tld', 'auth']);
    const resolver = next.nodes.find((n) => n.id === 'local')!.services!.find((s) => s.type === 'dns-resolver') as { rootServers: string[] };
    expect(resolver.rootServers).not.toContain('root');
    // deleting the host that looks names up takes its lookups along
    const noHost = deleteElements(doc, new Set(['host']));
    expect(noHost.workload).toEqual([]);
  });

  it('deletes a link by id and leaves its nodes', () => {
    const doc = lessonDocForTest('dns-iterative');
    const next = deleteElements(doc, new Set(['host-local']));
    expect(next.nodes).toHaveLength(doc.nodes.length);
    expect(next.links.map((l) => l.id ?? `${l.a}-${l.b}`)).not.toContain('host-local');
  });

  it('returns the same document when nothing named exists', () => {
    const doc = lessonDocForTest('dns-iterative');
    expect(deleteElements(doc, new Set(['nobody']))).toBe(doc);
  });
});
