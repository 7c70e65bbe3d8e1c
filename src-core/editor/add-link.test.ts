import { describe, expect, it } from 'vitest';
import { validateScenario } from '../scenario/load';
import { addLink, DEFAULT_LINK } from './add-link';
import { addNode, BASIC_PRESETS } from './add-node';
import { frozenCopyForTest, lessonDocForTest } from './editor-doc.test-helper';

describe('add a link', () => {
  it('joins two nodes with the default delay and bandwidth', () => {
    const base = lessonDocForTest('sockets-udp');
    const { doc, id } = addNode(base, BASIC_PRESETS[0]!, { x: 0, y: 0 });
    const before = frozenCopyForTest(doc);
    const router = doc.nodes.find((n) => n.kind === 'router')!.id;
    const linked = addLink(doc, id, router)!;
    expect(doc).toEqual(before);
    expect(linked.id).toBe(`${id}-${router}`);
    expect(linked.doc.links.at(-1)).toEqual({ a: id, b: router, ...DEFAULT_LINK });
    expect(validateScenario(linked.doc).ok).toBe(true);
  });

  it('refuses a link to itself, to a node that does not exist, or a second link between the same two nodes', () => {
    const doc = lessonDocForTest('sockets-udp');
    const [l] = doc.links;
    expect(addLink(doc, l!.a, l!.a)).toBeNull();
    expect(addLink(doc, l!.a, 'nobody')).toBeNull();
    expect(addLink(doc, l!.a, l!.b)).toBeNull();
    expect(addLink(doc, l!.b, l!.a)).toBeNull();
  });
});
