// Lane groups on the iterative DNS lesson: the root, TLD and example.com
// servers all run a dns-server, and collapse into one lane.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../scenario/load';
import { runScenario } from '../scenario/runner';
import type { TraceNode } from '../trace/types';
import { groupLanes, laneGroups } from './lane-groups';
import { DEFAULT_LAYOUT, layoutChart } from './layout';

const loaded = parseScenarioText(readFileSync(join(__dirname, '../../resources/lessons/dns-iterative.l7.json'), 'utf8'));
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
const trace = runScenario(loaded.scenario).trace();
const base = { ...DEFAULT_LAYOUT, endTime: trace.header.endTime, showTransport: false, laneOrder: loaded.scenario.view.laneOrder };
const host = (id: string, services: string[]): TraceNode => ({ id, name: id.toUpperCase(), kind: 'host', address: '10.0.0.1', services });

describe('lane groups', () => {
  it('groups hosts that run the same services, two or more of them', () => {
    const groups = laneGroups([host('a', ['dns-server']), host('c', []), host('b', ['dns-server']), host('r', ['dns-resolver']), { ...host('x', []), kind: 'router' }]);
    expect(groups).toEqual([{ id: 'group:dns-server', name: '2 × dns-server', members: ['a', 'b'] }]);
    expect(laneGroups([host('a', ['x', 'y']), host('b', ['y', 'x'])])[0]!.members).toEqual(['a', 'b']);
    expect(laneGroups([host('a', []), host('b', [])])).toEqual([]);
  });

  it('draws a collapsed group as one lane in place of its first member', () => {
    const nodes = [host('a', ['s']), host('c', []), host('b', ['s'])];
    const grouped = groupLanes(nodes, laneGroups(nodes), new Set(['group:s']));
    expect(grouped.nodes.map((n) => n.id)).toEqual(['group:s', 'c']);
    expect(grouped.nodes[0]!.name).toBe('A, B');
    expect(grouped.laneOf('b')).toBe('group:s');
    expect(grouped.laneOf('c')).toBe('c');
  });

  it('collapses the three DNS servers of the iterative lesson: every message to or from them on one lane, none between them', () => {
    const groups = laneGroups(trace.nodes);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.members).toHaveLength(3);
    const open = layoutChart(trace.nodes, trace.events, { ...base, laneGroups: groups });
    const shut = layoutChart(trace.nodes, trace.events, { ...base, laneGroups: groups, collapsedGroups: new Set([groups[0]!.id]) });
    expect(open.lanes).toHaveLength(5);
    expect(shut.lanes.map((l) => l.node.id)).toEqual([...open.lanes.slice(0, 2).map((l) => l.node.id), groups[0]!.id]);
    // the lesson's servers never talk to each other: every arrow stays, the servers' now end on one lane
    expect(shut.arrows.map((a) => a.id)).toEqual(open.arrows.map((a) => a.id));
    for (const a of shut.arrows) expect(a.from === 2 || a.to === 2 || (a.from < 2 && a.to < 2)).toBe(true);
    // and their state changes are marked there too
    expect(shut.marks.length).toBe(open.marks.length);
  });

  it('leaves out a message between two members of a collapsed group', () => {
    const [root, tld] = laneGroups(trace.nodes)[0]!.members;
    const first = trace.events.find((e) => e.kind === 'message')!;
    const between = { ...first, from: root!, to: tld! };
    const groups = laneGroups(trace.nodes);
    const shut = layoutChart(trace.nodes, [between], { ...base, laneGroups: groups, collapsedGroups: new Set([groups[0]!.id]) });
    expect(shut.arrows).toEqual([]);
    const open = layoutChart(trace.nodes, [between], { ...base, laneGroups: groups });
    expect(open.arrows).toHaveLength(1);
  });
});
