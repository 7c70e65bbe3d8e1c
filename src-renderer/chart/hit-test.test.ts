import { describe, expect, it } from 'vitest';
import { burstBadge } from '../../src-core/chart/bursts';
import { chartAux, handlePoint } from './geometry';
import { hitTest } from './hit-test';
import { DEFAULT_LAYOUT, layoutChart } from '../../src-core/chart/layout';
import { distanceToSegment } from './geometry';
import { parseScenarioText } from '../../src-core/scenario/load';
import { runScenario } from '../../src-core/scenario/runner';
import { lessonText } from '../testing/lessons';
import { discardedAnswers, longLayout, NODES, tcpLayout } from './test-trace';

function lessonLayout(id: string, showTransport: boolean) {
  const loaded = parseScenarioText(lessonText(id));
  if (!loaded.ok) throw new Error('lesson does not load');
  const trace = runScenario(loaded.scenario).trace();
  return layoutChart(trace.nodes, trace.events, { ...DEFAULT_LAYOUT, showTransport, endTime: trace.header.endTime });
}

describe('hitTest', () => {
  it('finds the arrow under a point, within 5 px', () => {
    const layout = longLayout(100_000);
    const a = layout.arrows[70_000]!;
    const mid = { x: (a.x1 + a.x2) / 2, y: (a.y1 + a.y2) / 2 };
    expect(hitTest(layout, mid)).toEqual({ kind: 'arrow', id: a.id });
    expect(hitTest(layout, { x: mid.x, y: mid.y + 3 })?.kind).toBe('arrow');
    expect(hitTest(layout, { x: 20, y: mid.y })).toBeNull();
  });

  it('finds an expand handle before the arrow it sits on, and skips arrows not shown', () => {
    const layout = tcpLayout(false);
    const a = layout.arrows[0]!;
    expect(a.expandable).toBe(true);
    expect(hitTest(layout, handlePoint(a))).toEqual({ kind: 'handle', id: a.id, toggle: a.id });
    const mid = { x: (a.x1 + a.x2) / 2, y: (a.y1 + a.y2) / 2 };
    expect(hitTest(layout, mid, (id) => id !== a.id)).toBeNull();
  });

  it('gives a collapse handle to the first segment carrying an expanded message', () => {
    const layout = tcpLayout(true);
    const carrier = layout.arrows.find((x) => x.carries.length > 0)!;
    expect(chartAux(layout).collapseHandles.get(carrier.carries[0]!)).toBe(carrier.id);
    expect(hitTest(layout, handlePoint(carrier))).toEqual({ kind: 'handle', id: carrier.id, toggle: carrier.carries[0] });
  });

  it('gives arrows drawn over each other (under a pixel apart) to the one on top, wherever on them the pointer is', () => {
    const layout = tcpLayout(true);
    const data = layout.arrows.find((x) => x.carries.length > 0)!; // Client A's data segment, sent with the ACK ending the handshake
    const ack = layout.arrows.find((x) => x.id < data.id && x.x1 === data.x1 && x.y1 === data.y1)!;
    expect(ack).toBeDefined();
    for (const f of [0.3, 0.34, 0.4]) {
      const p = { x: data.x1 + (data.x2 - data.x1) * f, y: data.y1 + (data.y2 - data.y1) * f };
      for (const dy of [-0.5, 0, 0.5]) expect(hitTest(layout, { x: p.x, y: p.y + dy })).toEqual({ kind: 'arrow', id: data.id });
    }
  });

  it('hits nothing on empty space: every hit is within a few px of its arrow or diamond', () => {
    // the bulk lesson's 0 ms row: the "sending 1000000 bytes" mark sits 180 px to the left of this point
    const bulk = lessonLayout('transport-bulk', false);
    const start = bulk.marks[0]!;
    expect(start.label).toContain('sending 1000000 bytes');
    expect(hitTest(bulk, { x: start.x + 180, y: start.y + 2 })).toBeNull();
    expect(hitTest(bulk, { x: start.x + 3, y: start.y + 3 })).toEqual({ kind: 'mark', id: start.id });
    for (const [id, transport] of [['transport-bulk', false], ['sockets-tcp', true], ['dns-cache-poisoning', false]] as const) {
      const layout = lessonLayout(id, transport);
      for (let y = 0; y < Math.min(layout.height, 1500); y += 4) {
        for (let x = 0; x < layout.width; x += 7) {
          const hit = hitTest(layout, { x, y });
          if (hit === null) continue;
          const d = hit.kind === 'mark'
            ? (() => { const m = layout.marks.find((k) => k.id === hit.id)!; return Math.abs(x - m.x) + Math.abs(y - m.y); })()
            : (() => { const a = layout.arrows.find((k) => k.id === hit.id)!; return distanceToSegment({ x, y }, { x: a.x1, y: a.y1 }, { x: a.x2, y: a.y2 }); })();
          expect(d, `${id} (${x}, ${y}) → ${hit.kind} ${hit.id}`).toBeLessThanOrEqual(hit.kind === 'handle' ? 12 : 16);
        }
      }
    }
  });
});

describe('hitTest on bursts', () => {
  const nodes = NODES;
  const events = discardedAnswers(10);
  const layout = layoutChart(nodes, events, { ...DEFAULT_LAYOUT, showTransport: false, endTime: 10_000_000 });

  it('hits the badge of a bundle as a burst toggle, and the bundle line as its first member', () => {
    const bundle = layout.arrows[0]!;
    const badge = burstBadge(bundle)!;
    expect(hitTest(layout, { x: badge.x, y: badge.y })).toEqual({ kind: 'burst', id: 0, burst: 0 });
    const mid = { x: (bundle.x1 + bundle.x2) / 2, y: (bundle.y1 + bundle.y2) / 2 };
    expect(hitTest(layout, mid)).toEqual({ kind: 'arrow', id: 0 });
  });

  it('ends a discarded bundle at the receiver lane', () => {
    expect(layout.arrows[0]!.state).toBe('discarded');
    expect(layout.arrows[0]!.x2).toBe(layout.lanes[1]!.x);
  });
});
