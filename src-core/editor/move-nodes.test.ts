import { describe, expect, it } from 'vitest';
import { frozenCopyForTest, lessonDocForTest } from './editor-doc.test-helper';
import { moveNodes } from './move-nodes';

describe('move nodes', () => {
  it('places the named nodes at whole px and leaves the others', () => {
    const doc = lessonDocForTest('dns-iterative');
    const before = frozenCopyForTest(doc);
    const [a, b] = doc.nodes;
    const moved = moveNodes(doc, new Map([[a!.id, { x: 10.6, y: -3.2 }]]));
    expect(doc).toEqual(before);
    expect(moved.nodes[0]!.position).toEqual({ x: 11, y: -3 });
    expect(moved.nodes[1]).toBe(b);
  });

  it('returns the same document when nothing moves (no undo step for a click)', () => {
    const doc = moveNodes(lessonDocForTest('dns-iterative'), new Map([['host', { x: 1, y: 2 }]]));
    expect(moveNodes(doc, new Map([['host', { x: 1, y: 2 }]]))).toBe(doc);
    expect(moveNodes(doc, new Map())).toBe(doc);
  });
});
