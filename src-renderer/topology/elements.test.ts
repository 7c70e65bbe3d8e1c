import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src-core/scenario/load';
import { lessonText } from '../testing/lessons';
import { diffElements, linkLabel, needsLayout, scenarioElements, type TopologyElement } from './elements';

function lesson() {
  const parsed = parseScenarioText(lessonText('sockets-tcp'));
  if (!parsed.ok) throw new Error('lesson does not load');
  return parsed.scenario;
}

describe('scenarioElements', () => {
  it('draws hosts, servers and routers with their names, addresses and positions', () => {
    const elements = scenarioElements(lesson());
    const server = elements.find((e) => e.data.id === 'server')!;
    expect(server.data).toMatchObject({ kind: 'server', label: 'Server\n192.0.2.10' });
    expect(server.position).toEqual({ x: 520, y: 180 });
    expect(elements.find((e) => e.data.id === 'router')!.data['kind']).toBe('router');
    expect(elements.find((e) => e.data.id === 'clientA')!.data['kind']).toBe('host');
    expect(elements.find((e) => e.data.id === 'a-router')!.data).toMatchObject({ source: 'clientA', target: 'router', label: '2 ms · 10 Mbit/s', short: '2 ms' });
    expect(needsLayout(elements)).toBe(false);
  });

  it('labels a lossy link with its loss rate', () => {
    expect(linkLabel({ delayMs: 5, bandwidthMbps: 1.5, lossRate: 0.1 })).toBe('5 ms · 1.5 Mbit/s · loss 10%');
  });
});

describe('diffElements', () => {
  const node = (id: string, label = id, position?: { x: number; y: number }): TopologyElement => ({ group: 'nodes', data: { id, label }, ...(position ? { position } : {}) });
  const edge = (id: string, source: string, target: string): TopologyElement => ({ group: 'edges', data: { id, source, target } });

  it('adds, removes and updates by id, and leaves equal elements alone', () => {
    const shown = [node('a'), node('b', 'b', { x: 1, y: 1 }), edge('ab', 'a', 'b'), node('__packet')];
    const next = [node('a'), node('b', 'B', { x: 1, y: 1 }), node('c'), edge('ab', 'a', 'c')];
    const patch = diffElements(shown, next);
    expect(patch.remove).toEqual(['ab']);
    expect(patch.add.map((e) => e.data.id)).toEqual(['c', 'ab']);
    expect(patch.update.map((e) => e.data.id)).toEqual(['b']);
    expect(diffElements(next, next)).toEqual({ remove: [], add: [], update: [] });
  });
});
