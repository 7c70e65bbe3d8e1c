import { describe, expect, it } from 'vitest';
import { ms } from '../sim/time';
import type { StateEvent, TraceEvent } from '../trace/types';
import { rectBox } from './label-boxes';
import { layoutMarks, markedStates, MARK_LABEL_STEP, placeMarkLabels } from './marks';
import { TimeScale } from './time-scale';

let nextId = 0;
function state(node: string, atMs: number, protocol = 'dns', summary = `change ${nextId}`): StateEvent {
  return { kind: 'state', id: nextId++, at: ms(atMs), node, protocol, type: `${protocol}.x`, summary, connection: null, causedBy: null, data: {} };
}

const lanes = new Map([
  ['a', 0],
  ['b', 1],
]);
const scale = new TimeScale([0, ms(100)], { top: 16, pxPerMs: 2, compressGapsOver: null, compressedGapPx: 28 });

describe('markedStates', () => {
  it('keeps application changes on nodes with a lane; transport ones only when transport shows', () => {
    nextId = 0;
    const events: TraceEvent[] = [state('a', 1), state('b', 2, 'tcp'), state('c', 3), state('b', 4)];
    expect(markedStates(events, lanes, { showTransport: false }).map((e) => e.id)).toEqual([0, 3]);
    expect(markedStates(events, lanes, { showTransport: true }).map((e) => e.id)).toEqual([0, 1, 3]);
    expect(markedStates(events, lanes, { showTransport: true, include: (e) => e.node === 'b' }).map((e) => e.id)).toEqual([1, 3]);
  });
});

describe('layoutMarks', () => {
  it('puts each mark on its lane at the time of the change', () => {
    nextId = 0;
    const marks = layoutMarks([state('a', 0), state('b', 10)], lanes, [100, 300], scale);
    expect(marks.map((m) => [m.x, m.y, m.labelY])).toEqual([
      [100, 16, 16],
      [300, 36, 36],
    ]);
  });

  it('stacks the labels of changes close together on one lane, and only on that lane', () => {
    nextId = 0;
    const marks = layoutMarks([state('a', 10), state('a', 10), state('b', 10), state('a', 11), state('a', 30)], lanes, [100, 300], scale);
    expect(marks.map((m) => m.labelY)).toEqual([36, 36 + MARK_LABEL_STEP, 36, 36 + 2 * MARK_LABEL_STEP, 76]);
    expect(marks.map((m) => m.y)).toEqual([36, 36, 36, 38, 76]);
  });
});

describe('placeMarkLabels', () => {
  const fit = (text: string, width: number) => {
    const cut = text.slice(0, Math.floor(width / 6));
    return { text: cut, width: cut.length * 6 };
  };
  const mark = (id: number, y: number) => ({ id, lane: 0, x: 100, y, labelY: y, protocol: 'dns', label: 'x'.repeat(40) });

  it('gives way to what is placed already: full width, else half, else no label', () => {
    const marks = [mark(1, 50), mark(2, 100), mark(3, 150)];
    const avoid = [rectBox(200, 95, 50, 10), rectBox(110, 145, 10, 10)]; // beyond half the room at 100; at the start at 150
    const placed = placeMarkLabels(marks, avoid, 180, fit, null);
    expect(placed.get(1)?.width).toBe(180);
    expect(placed.get(2)?.width).toBe(90);
    expect(placed.has(3)).toBe(false);
  });

  it('always writes the selected mark\'s label, and others give way to it', () => {
    const marks = [mark(1, 50), mark(2, 52)];
    const placed = placeMarkLabels(marks, [rectBox(110, 45, 10, 10)], 180, fit, 1);
    expect(placed.get(1)?.width).toBe(180);
    expect(placed.has(2)).toBe(false);
  });
});
