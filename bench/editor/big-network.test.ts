import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src-core/scenario/load';
import { runScenario } from '../../src-core/scenario/runner';
import { MAX_NODES } from '../../src-core/scenario/schema';
import { bigNetwork, COLUMNS, ROWS } from './big-network';

type Point = { x: number; y: number };

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

describe('the editor benchmark’s network', () => {
  const { text } = bigNetwork();
  const loaded = parseScenarioText(text);

  it('passes the scenario loader, with 500 nodes and 1,000 links', () => {
    if (!loaded.ok) throw new Error(loaded.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
    expect(loaded.scenario.nodes).toHaveLength(MAX_NODES);
    expect(COLUMNS * ROWS).toBe(MAX_NODES);
    expect(loaded.scenario.links).toHaveLength(1_000);
  });

  it('places every node on the editor’s 20 px grid, each at its own point, with routers and servers among the hosts', () => {
    if (!loaded.ok) throw new Error('not loaded');
    const nodes = loaded.scenario.nodes;
    expect(nodes.every((n) => n.position && n.position.x % 20 === 0 && n.position.y % 20 === 0)).toBe(true);
    expect(new Set(nodes.map((n) => `${n.position!.x},${n.position!.y}`)).size).toBe(nodes.length);
    expect(nodes.filter((n) => n.kind === 'router').length).toBe(100);
    const services = new Set(nodes.flatMap((n) => n.services.map((s) => s.type)));
    expect([...services].sort()).toEqual(['dns-server', 'tcp-upper-server', 'udp-upper-server']);
  });

  it('draws no link through a node it does not end at (a clearance of 20 model px, a node’s half width)', () => {
    if (!loaded.ok) throw new Error('not loaded');
    const at = new Map(loaded.scenario.nodes.map((n) => [n.id, n.position!]));
    const through = loaded.scenario.links.flatMap((l) => {
      const a = at.get(l.a)!;
      const b = at.get(l.b)!;
      return loaded.scenario.nodes.filter((n) => n.id !== l.a && n.id !== l.b && distanceToSegment(n.position!, a, b) < 20).map((n) => `${l.id} over ${n.id}`);
    });
    expect(through).toEqual([]);
  });

  it('is the same text every time', () => {
    expect(bigNetwork().text).toBe(text);
  });

  it('runs: its clients get their replies', () => {
    if (!loaded.ok) throw new Error('not loaded');
    const run = runScenario(loaded.scenario);
    expect(run.stopReason).toBe('idle');
    const replies = run.sim.store.events.filter((e) => e.kind === 'message' && e.layer === 'application' && e.summary.startsWith('Reply'));
    expect(replies).toHaveLength(5);
  });
});
