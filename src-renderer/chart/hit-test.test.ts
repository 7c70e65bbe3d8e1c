import { describe, expect, it } from 'vitest';
import { chartAux, handlePoint } from './geometry';
import { hitTest } from './hit-test';
import { longLayout, tcpLayout } from './test-trace';

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
});
