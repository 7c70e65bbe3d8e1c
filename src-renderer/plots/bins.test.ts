import { describe, expect, it } from 'vitest';
import { intervalIndex, intervalsOf, intervalSeconds, stepOfIntervals, sumPerInterval, widthText } from './bins';

const MS = 1e6;

describe('intervals of a run', () => {
  it('cuts the run into at most 60 intervals of a 1-2-5 width, the last one ending at the end', () => {
    const run = intervalsOf(1_230 * MS);
    expect(run).toEqual({ width: 50 * MS, end: 1_230 * MS, count: 25 });
    expect(intervalIndex(run, 0)).toBe(0);
    expect(intervalIndex(run, 50 * MS)).toBe(1);
    expect(intervalIndex(run, 1_230 * MS)).toBe(24);
    expect(intervalSeconds(run, 0)).toBe(0.05);
    expect(intervalSeconds(run, 24)).toBeCloseTo(0.03, 12);
    expect(widthText(run.width)).toBe('50 ms');
    expect(widthText(2e9)).toBe('2 s');
    expect(intervalsOf(0)).toEqual({ width: 0, end: 0, count: 0 });
  });

  it('sums weights per interval and draws them as steps', () => {
    const run = intervalsOf(25 * MS); // 10 ms wide: [0,10) [10,20) [20,25]
    const sums = sumPerInterval(run, [1 * MS, 9 * MS, 10 * MS, 25 * MS], [100, 200, 50, 7]);
    expect(sums).toEqual([300, 50, 7]);
    expect(sumPerInterval(run, [3 * MS, 4 * MS])).toEqual([2, 0, 0]);
    expect(stepOfIntervals(run, sums)).toEqual({ x: [0, 0.01, 0.02, 0.025], y: [300, 50, 7, 7] });
    expect(stepOfIntervals(run, [])).toEqual({ x: [], y: [] });
  });
});
