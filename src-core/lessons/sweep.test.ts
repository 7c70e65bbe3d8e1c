import { describe, expect, it } from 'vitest';
import { runScenario } from '../scenario/runner';
import { loadLessonForTest } from './lesson-fixture.test-helper';
import { formulaLine, needsNoRun, runSweep, sweepVariant, valueRange, type RunOne } from './sweep';

const lesson = loadLessonForTest('dns-iterative');
const guide = lesson.scenario.guide!;
const formula = guide.formulas.find((f) => f.id === 'firstLookup')!;
const sweep = guide.sweeps[0]!;
const runOne: RunOne = (scenario) => Promise.resolve(runScenario(scenario).trace());

describe('parameter sweeps', () => {
  it('run once per value and set the simulated value beside the formula at each point', async () => {
    const progress: number[] = [];
    const result = await runSweep(lesson.input, sweep.parameter, sweep.values, formula, runOne, { onProgress: (done) => progress.push(done) });
    expect(result.cancelled).toBe(false);
    expect(progress).toEqual([1, 2, 3, 4, 5]);
    expect(result.points.map((p) => p.value)).toEqual([10, 20, 40, 80, 160]);
    // 2 × (4 + d) ms for the root's round trip, the rest fixed: 68 ms + 2 × (4 + d) ms
    result.points.forEach((p, i) => {
      expect(p.computed).toBeCloseTo(0.068 + 2 * (0.004 + sweep.values[i]! / 1000), 12);
      expect(p.error).toBeNull();
      expect(Math.abs(p.simulated! - p.computed!)).toBeLessThan(0.0001); // transmission times only
    });
  });

  it('are deterministic: the same sweep gives the same points', async () => {
    const a = await runSweep(lesson.input, sweep.parameter, sweep.values, formula, runOne);
    const b = await runSweep(lesson.input, sweep.parameter, sweep.values, formula, runOne);
    expect(b).toEqual(a);
  });

  it('stop before the next run when cancelled, keeping the points so far', async () => {
    let runs = 0;
    const counting: RunOne = (scenario, input, index) => {
      runs++;
      return runOne(scenario, input, index);
    };
    const result = await runSweep(lesson.input, sweep.parameter, sweep.values, formula, counting, { cancelled: () => runs >= 2 });
    expect(result).toMatchObject({ cancelled: true });
    expect(result.points).toHaveLength(2);
  });

  it('give a point an error, not an exception, when a value is refused or a run fails, and go on', async () => {
    const failing: RunOne = (scenario, input, index) => (index === 2 ? Promise.resolve({ error: 'the worker stopped' }) : runOne(scenario, input, index));
    const result = await runSweep(lesson.input, sweep.parameter, [10, -5, 30], formula, failing);
    expect(result.points[0]!.error).toBeNull();
    expect(result.points[1]!.error).toMatch(/^with links\[router-root\]\.delayMs = -5: links\[2\]\.delayMs: expected/);
    expect(result.points[2]).toMatchObject({ error: 'the worker stopped', simulated: null });
    expect(result.points[2]!.computed).toBeCloseTo(0.136, 12);
  });

  it('draw the formula line through more values when it needs only parameters', () => {
    expect(needsNoRun(formula)).toBe(true);
    const line = formulaLine(lesson.input, sweep.parameter, sweep.values, formula, 10);
    expect(line[0]).toEqual({ x: 10, y: expect.closeTo(0.096, 12) as number });
    expect(line[line.length - 1]).toEqual({ x: 160, y: expect.closeTo(0.396, 12) as number });
    expect(line.length).toBe(11 + 2); // 11 even samples (10, 25, 40 … 160), plus 20 and 80 that fall between them
    for (let i = 1; i < line.length; i++) expect(line[i]!.x).toBeGreaterThan(line[i - 1]!.x);
  });

  it('make variants that load like files, and ranges that print well', () => {
    const v = sweepVariant(lesson.input, 'links[router-root].delayMs', 55);
    expect(v.ok && v.scenario.links[2]!.delayMs).toBe(55);
    expect(sweepVariant(lesson.input, 'links[nowhere].delayMs', 1)).toEqual({ ok: false, error: 'links[nowhere].delayMs: "links" has no item with id, type or name "nowhere"' });
    expect(valueRange(0, 1, 11)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(valueRange(5, 5, 1)).toEqual([5]);
  });
});
