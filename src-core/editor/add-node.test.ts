import { describe, expect, it } from 'vitest';
import { PROTOCOL_MODULES } from '../protocols/registry';
import { validateScenario } from '../scenario/load';
import { addNode, BASIC_PRESETS } from './add-node';
import { frozenCopyForTest, lessonDocForTest } from './editor-doc.test-helper';

const preset = (id: string) => [...BASIC_PRESETS, ...PROTOCOL_MODULES.flatMap((m) => m.presets)].find((p) => p.id === id)!;

describe('add a node', () => {
  it('drops a preset at a point with a fresh id, a numbered name, a free address and its own copy of the services', () => {
    const doc = lessonDocForTest('dns-iterative');
    const before = frozenCopyForTest(doc);
    const first = addNode(doc, preset('dns-root'), { x: 100.4, y: 50.6 });
    expect(doc).toEqual(before);
    const node = first.doc.nodes.at(-1)!;
    expect(node).toMatchObject({ id: first.id, kind: 'host', position: { x: 100, y: 51 }, services: [{ type: 'dns-server' }] });
    expect(doc.nodes.some((n) => n.address === node.address)).toBe(false);
    const second = addNode(first.doc, preset('dns-root'), { x: 0, y: 0 });
    expect(second.id).not.toBe(first.id);
    expect(second.doc.nodes.at(-1)!.name).toBe('Root DNS server 2');
    (second.doc.nodes.at(-1)!.services as { zones: unknown[] }[])[0]!.zones.push('edited');
    expect((first.doc.nodes.at(-1)!.services as { zones: unknown[] }[])[0]!.zones).toHaveLength(1);
  });

  it('gives every preset of every module fields the loader accepts; only references to other nodes are left to fill in', () => {
    const base = lessonDocForTest('sockets-tcp');
    let doc = base;
    for (const p of [...BASIC_PRESETS, ...PROTOCOL_MODULES.flatMap((m) => m.presets)]) doc = addNode(doc, p, { x: 0, y: 0 }).doc;
    const loaded = validateScenario(doc);
    const issues = loaded.ok ? [] : loaded.issues;
    // e.g. a new local DNS server's root servers: nodes[k].services[0].rootServers
    for (const issue of issues) {
      const k = Number(/^nodes\[(\d+)\]\.services\[\d+\]\.\w+/.exec(issue.path)?.[1] ?? -1);
      expect(k, `${issue.path}: ${issue.message}`).toBeGreaterThanOrEqual(base.nodes.length);
    }
  });
});
