import { describe, expect, it } from 'vitest';
import type { Topology } from '../../src-core/net/topology';
import { parseScenarioText } from '../../src-core/scenario/load';
import { topologyOf } from '../../src-core/scenario/build';
import { lessonText } from '../testing/lessons';
import { createRouter, hopsUntilLoss } from './path';

const link = (id: string, a: string, b: string, delayMs: number) => ({ id, a, b, delay: delayMs * 1e6, bandwidth: 1e7, queuePackets: 10, lossRate: 0 });

function lessonTopology(): Topology {
  const parsed = parseScenarioText(lessonText('sockets-tcp'));
  if (!parsed.ok) throw new Error('lesson does not load');
  return topologyOf(parsed.scenario);
}

describe('createRouter', () => {
  it('follows the lesson routes through the router', () => {
    const router = createRouter(lessonTopology());
    expect(router.path('clientA', 'server')).toEqual([
      { link: 'a-router', from: 'clientA', to: 'router' },
      { link: 'router-server', from: 'router', to: 'server' },
    ]);
    expect(router.path('server', 'clientB').map((h) => h.link)).toEqual(['router-server', 'b-router']);
    expect(router.path('server', 'server')).toEqual([]);
  });

  it('takes the shortest delay, not the fewest hops', () => {
    const topology: Topology = {
      nodes: [
        { id: 'a', kind: 'host', name: 'a', address: 1 },
        { id: 'r1', kind: 'router', name: 'r1', address: 2 },
        { id: 'r2', kind: 'router', name: 'r2', address: 3 },
        { id: 'b', kind: 'host', name: 'b', address: 4 },
      ],
      links: [link('slow', 'a', 'b', 50), link('a-r1', 'a', 'r1', 1), link('r1-r2', 'r1', 'r2', 1), link('r2-b', 'r2', 'b', 1)],
    };
    expect(createRouter(topology).path('a', 'b').map((h) => h.link)).toEqual(['a-r1', 'r1-r2', 'r2-b']);
  });

  it('never forwards through a host, and gives [] without a route', () => {
    const topology: Topology = {
      nodes: [
        { id: 'a', kind: 'host', name: 'a', address: 1 },
        { id: 'h', kind: 'host', name: 'h', address: 2 },
        { id: 'b', kind: 'host', name: 'b', address: 3 },
      ],
      links: [link('a-h', 'a', 'h', 1), link('h-b', 'h', 'b', 1)],
    };
    expect(createRouter(topology).path('a', 'b')).toEqual([]);
  });
});

describe('hopsUntilLoss', () => {
  const hops = [
    { link: 'a-router', from: 'clientA', to: 'router' },
    { link: 'router-server', from: 'router', to: 'server' },
  ];
  it('stops on the link the message was lost on', () => {
    expect(hopsUntilLoss(hops, { link: 'router-server', node: 'router' })).toEqual({ hops, onLink: true });
    expect(hopsUntilLoss(hops, { link: 'a-router', node: 'clientA' })).toEqual({ hops: hops.slice(0, 1), onLink: true });
  });
  it('stops at the node that dropped it when no link is known', () => {
    expect(hopsUntilLoss(hops, { link: null, node: 'router' })).toEqual({ hops: hops.slice(0, 1), onLink: false });
    expect(hopsUntilLoss(hops, { link: null, node: 'clientA' })).toEqual({ hops: [], onLink: false });
  });
});
