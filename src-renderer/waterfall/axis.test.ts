import { describe, expect, it } from 'vitest';
import { NS_PER_MS } from '../../src-core/sim/time';
import { axisFraction, loadEnd, msLabel, tickAnchor, waterfallAxis } from './axis';
import type { PageLoad } from './page-loads';
import { lessonLoads } from './test-traces';

describe('the waterfall’s time axis', () => {
  const [serial, parallel] = lessonLoads('http-non-persistent').loads;

  it('runs from the start to the page-load time rounded up to a fifth of a step, ticks in ms', () => {
    // serial: 674.303 ms
    const axis = waterfallAxis(serial!, 8);
    expect(loadEnd(serial!)).toBe(674_302_560);
    expect(axis.step).toBe(100 * NS_PER_MS);
    expect(axis.end).toBe(680 * NS_PER_MS);
    expect(axis.ticks.map((t) => t.label)).toEqual(['0 ms', '100 ms', '200 ms', '300 ms', '400 ms', '500 ms', '600 ms']);
    // fewer ticks: longer steps, the same end
    const few = waterfallAxis(serial!, 4);
    expect(few.step).toBe(200 * NS_PER_MS);
    expect(few.end).toBe(680 * NS_PER_MS);
    expect(few.ticks.map((t) => t.label)).toEqual(['0 ms', '200 ms', '400 ms', '600 ms']);
    // parallel: 187.379 ms
    const narrow = waterfallAxis(parallel!, 4);
    expect(narrow.step).toBe(50 * NS_PER_MS);
    expect(narrow.end).toBe(190 * NS_PER_MS);
    expect(axisFraction(narrow, 95 * NS_PER_MS)).toBe(0.5);
    expect(axisFraction(narrow, 300 * NS_PER_MS)).toBe(1);
  });

  it('anchors the first tick label by its start, one in the last tenth by its end, the rest by their middle', () => {
    const axis = waterfallAxis(serial!, 8);
    expect(axis.ticks.map((_, i) => tickAnchor(axis, i))).toEqual(['start', 'middle', 'middle', 'middle', 'middle', 'middle', 'middle']);
    const narrow = waterfallAxis(parallel!, 4);
    // 150 ms of 190: middle; an axis ending on a tick ends with it
    expect(narrow.ticks.map((_, i) => tickAnchor(narrow, i))).toEqual(['start', 'middle', 'middle', 'middle']);
    const exact = { ...narrow, end: 150 * NS_PER_MS };
    expect(tickAnchor(exact, 3)).toBe('end');
  });

  it('labels ticks with as many decimals as the step needs', () => {
    expect(msLabel(0, 100 * NS_PER_MS)).toBe('0 ms');
    expect(msLabel(750_000, 50_000)).toBe('0.75 ms');
    expect(msLabel(1_500_000, 500_000)).toBe('1.5 ms');
  });

  it('a load with no object yet still has an axis (1 ms)', () => {
    const empty: PageLoad = { ...serial!, objects: [], outcome: { kind: 'unfinished' } };
    expect(loadEnd(empty)).toBe(0);
    expect(waterfallAxis(empty, 8).end).toBe(NS_PER_MS);
  });
});
