import { createPinia, setActivePinia } from 'pinia';
import { nextTick } from 'vue';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MessageEvent } from '../../src-core/trace/types';
import { lessonText } from '../testing/lessons';
import { useChartViewStore } from './chart-view';
import { useRunStore } from './run';
import { useScenarioStore } from './scenario';

const NODES = ['clientA', 'clientB', 'router', 'server'].map((id, i) => ({ id, name: id, kind: 'host' as const, address: `10.0.0.${i + 1}` }));

/** server → clientB → clientA: first appearance would put the lanes in that order. */
function message(id: number, from: string, to: string): MessageEvent {
  return {
    kind: 'message', id, layer: 'application', protocol: 'sockets', from, to,
    src: { addr: '10.0.0.1', port: 1 }, dst: { addr: '10.0.0.2', port: 2 }, sentAt: id * 1e6, receivedAt: id * 1e6 + 5e5,
    summary: `m${id}`, bytes: new Uint8Array(), connection: null, causedBy: null, carries: [], retransmission: false, timing: null, lost: null,
  };
}

function setUp(laneOrder: readonly string[] | null) {
  const scenario = useScenarioStore();
  const doc = JSON.parse(lessonText('sockets-tcp')) as { view: { laneOrder?: readonly string[] } };
  if (laneOrder === null) delete doc.view.laneOrder;
  else doc.view.laneOrder = laneOrder;
  scenario.load({ path: null, name: 'lesson.l7.json', text: JSON.stringify(doc) }, 'sockets-tcp');
  const run = useRunStore();
  run.begin('r1', 'test');
  run.apply({ type: 'run.started', runId: 'r1', seed: 1, scenarioName: 'test', nodes: NODES });
  const events = [message(0, 'server', 'clientB'), message(1, 'clientB', 'clientA'), message(2, 'clientA', 'server')];
  run.apply({ type: 'run.batch', runId: 'r1', batch: { events, updates: [], metrics: [] } });
  const chart = useChartViewStore();
  const lanes = () => {
    chart.computeLayout();
    return chart.layout?.lanes.map((l) => l.node.id);
  };
  return { scenario, chart, lanes };
}

beforeEach(() => setActivePinia(createPinia()));

describe('chart view store: lane order', () => {
  it('defaults to the scenario’s view.laneOrder', () => {
    const { chart, lanes } = setUp(['clientA', 'server', 'clientB']);
    expect(chart.laneOrder).toEqual([]);
    expect(chart.effectiveLaneOrder).toEqual(['clientA', 'server', 'clientB']);
    expect(lanes()).toEqual(['clientA', 'server', 'clientB']);
  });

  it('follows first appearance when the scenario sets no order', () => {
    const { lanes } = setUp(null);
    expect(lanes()).toEqual(['server', 'clientB', 'clientA']);
  });

  it('keeps the user’s order over the scenario’s, and falls back to it when the user’s is cleared', () => {
    const { chart, lanes } = setUp(['clientA', 'server', 'clientB']);
    chart.setLaneOrder(['clientB', 'clientA', 'server']);
    expect(lanes()).toEqual(['clientB', 'clientA', 'server']);
    chart.setLaneOrder([]);
    expect(lanes()).toEqual(['clientA', 'server', 'clientB']);
  });

  it('keeps the same order object while edits leave the scenario’s order unchanged', async () => {
    const { scenario, chart } = setUp(['clientA', 'server', 'clientB']);
    const before = chart.effectiveLaneOrder;
    const parsed = scenario.scenario;
    scenario.setText(scenario.text.replace('"version"', ' "version"'));
    await nextTick();
    expect(scenario.scenario).not.toBe(parsed); // parsed again
    expect(chart.effectiveLaneOrder).toBe(before);
    scenario.setText(scenario.text.replace('["clientA","server","clientB"]', '["server","clientA"]'));
    await nextTick();
    expect(chart.effectiveLaneOrder).toEqual(['server', 'clientA']);
  });
});

describe('chart view store: the pane', () => {
  it('spreads the lanes over the pane’s width, and lays out again only when the spacing changes', async () => {
    vi.useFakeTimers(); // the store lays out again on a timer (a frame, in a browser)
    try {
      const { chart } = setUp(['clientA', 'clientB', 'server']);
      const settle = async () => {
        await nextTick();
        vi.runAllTimers();
      };
      chart.setPaneSize(1000, 600);
      await settle();
      const wide = chart.layout!;
      expect(wide.lanes[1]!.x - wide.lanes[0]!.x).toBeGreaterThan(190);
      expect(wide.width).toBeLessThanOrEqual(1000);
      // narrower, to below the readable minimum: the lanes keep 170 px and the chart is wider than the pane
      chart.setPaneSize(400, 600);
      await settle();
      const narrow = chart.layout!;
      expect(narrow.lanes[1]!.x - narrow.lanes[0]!.x).toBe(170);
      expect(narrow.width).toBeGreaterThan(400);
      chart.setPaneSize(401, 600); // still 170 px apart: nothing to lay out again
      await settle();
      expect(chart.layout).toBe(narrow);
      chart.setPaneSize(1000, 600); // wider lanes: laid out again
      await settle();
      expect(chart.layout).not.toBe(narrow);
      expect(chart.layout!.lanes[1]!.x - chart.layout!.lanes[0]!.x).toBe(wide.lanes[1]!.x - wide.lanes[0]!.x);
    } finally {
      vi.useRealTimers();
    }
  });
});
