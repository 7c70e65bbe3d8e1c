import { describe, expect, it } from 'vitest';
import { duplicateNodes, PASTE_OFFSET } from './duplicate-nodes';
import { frozenCopyForTest, lessonDocForTest } from './editor-doc.test-helper';

describe('duplicate nodes', () => {
  it('copies nodes with fresh ids and addresses, offset, with the links among them only', () => {
    const doc = lessonDocForTest('dns-iterative');
    const before = frozenCopyForTest(doc);
    const picked = doc.nodes.filter((n) => n.id === 'local' || n.id === 'router');
    const { doc: next, ids } = duplicateNodes(doc, picked, doc.links);
    expect(doc).toEqual(before);
    expect(ids).toHaveLength(2);
    const copies = next.nodes.filter((n) => ids.includes(n.id));
    for (const [i, c] of copies.entries()) {
      expect(doc.nodes.some((n) => n.address === c.address)).toBe(false);
      expect(c.position).toEqual({ x: picked[i]!.position!.x + PASTE_OFFSET.x, y: picked[i]!.position!.y + PASTE_OFFSET.y });
      expect(c.name).toBe(`${picked[i]!.name} (copy)`);
    }
    const added = next.links.slice(doc.links.length);
    expect(added).toEqual([{ a: ids[0] === 'local2' ? 'local2' : ids[1], b: expect.any(String), delayMs: expect.any(Number), bandwidthMbps: expect.any(Number) }].slice(0, added.length));
    expect(added).toHaveLength(1);
    expect(new Set([added[0]!.a, added[0]!.b])).toEqual(new Set(ids));
  });
});
