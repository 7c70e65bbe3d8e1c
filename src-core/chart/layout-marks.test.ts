// State changes in the chart layout, on the trace of lesson dns-stale-cache:
// the zone edit at 5 s and the cache expiry at 30.1 s lie in idle stretches.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ms } from '../sim/time';
import { parseScenarioText } from '../scenario/load';
import { runScenario } from '../scenario/runner';
import type { StateEvent } from '../trace/types';
import { DEFAULT_LAYOUT, layoutChart, visibleMarks } from './layout';
import { findMark } from './marks';

const loaded = parseScenarioText(readFileSync(join(__dirname, '../../resources/lessons/dns-stale-cache.l7.json'), 'utf8'));
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
const trace = runScenario(loaded.scenario).trace();
const base = { ...DEFAULT_LAYOUT, endTime: trace.header.endTime, showTransport: false, laneOrder: loaded.scenario.view.laneOrder };
const stateOf = (type: string) => trace.events.find((e): e is StateEvent => e.kind === 'state' && e.type === type)!;

describe('state marks in the layout', () => {
  it('marks every application-level state change on its node\'s lane, at its time', () => {
    const l = layoutChart(trace.nodes, trace.events, base);
    const states = trace.events.filter((e) => e.kind === 'state');
    expect(l.marks).toHaveLength(states.length);
    const edit = findMark(l.marks, stateOf('dns.zoneEdited').id)!;
    expect(l.lanes[edit.lane]!.node.id).toBe('auth');
    expect(edit.y).toBeCloseTo(DEFAULT_LAYOUT.top + 5000 * DEFAULT_LAYOUT.pxPerMs, 6);
  });

  it('keeps state changes out of compressed gaps: the gaps split around them', () => {
    const l = layoutChart(trace.nodes, trace.events, { ...base, compressGapsOver: ms(200) });
    const at = (type: string) => stateOf(type).at;
    for (const t of [at('dns.zoneEdited'), at('dns.cacheExpired')]) expect(l.scale.gaps.some((g) => t > g.from && t < g.to)).toBe(false);
    expect(l.scale.gaps.length).toBeGreaterThanOrEqual(4);
    expect(l.height).toBeLessThan(layoutChart(trace.nodes, trace.events, base).height / 20);
  });

  it('stacks labels of simultaneous changes on one lane', () => {
    const l = layoutChart(trace.nodes, trace.events, base);
    const local = l.marks.filter((m) => l.lanes[m.lane]!.node.id === 'local' && m.y === l.marks.find((x) => x.label.startsWith('cached com NS'))!.y);
    expect(local.length).toBe(2); // cached com NS and a.gtld-servers.net A, at the same instant
    expect(local[1]!.labelY - local[0]!.labelY).toBeGreaterThan(0);
    expect(visibleMarks(l, local[1]!.labelY - 1, local[1]!.labelY + 1).map((m) => m.id)).toContain(local[1]!.id);
  });

  it('follows the filters and the switch, and leaves a hidden lane\'s changes out', () => {
    expect(layoutChart(trace.nodes, trace.events, { ...base, showStates: false }).marks).toEqual([]);
    const onlyHost = layoutChart(trace.nodes, trace.events, { ...base, includeState: (e) => e.node === 'host' });
    expect(onlyHost.marks.every((m) => onlyHost.lanes[m.lane]!.node.id === 'host')).toBe(true);
    const hidden = layoutChart(trace.nodes, trace.events, { ...base, hiddenLanes: new Set(['local']) });
    expect(hidden.marks.some((m) => hidden.lanes[m.lane]!.node.id === 'local')).toBe(false);
  });
});

describe('state marks of the transport layer', () => {
  it('show only with transport messages', () => {
    const tcp = runScenario((() => {
      const r = parseScenarioText(readFileSync(join(__dirname, '../../resources/lessons/sockets-tcp.l7.json'), 'utf8'));
      if (!r.ok) throw new Error('bad lesson');
      return r.scenario;
    })()).trace();
    const opts = { ...DEFAULT_LAYOUT, endTime: tcp.header.endTime };
    const collapsed = layoutChart(tcp.nodes, tcp.events, { ...opts, showTransport: false });
    const expanded = layoutChart(tcp.nodes, tcp.events, { ...opts, showTransport: true });
    expect(collapsed.marks.every((m) => m.protocol !== 'tcp')).toBe(true);
    expect(expanded.marks.some((m) => m.protocol === 'tcp')).toBe(true);
  });
});
