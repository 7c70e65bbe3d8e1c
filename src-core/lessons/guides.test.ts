// Every built-in lesson has a guide (issue 13), and the guide fits its run:
// each step's query finds its event, each formula has a value and a
// simulated value, and where the formula's assumptions hold the two agree
// within its tolerance. A formula whose assumption fails in the lesson's
// own run is one the lesson must not present as agreeing.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../scenario/runner';
import { evaluateGuideFormula } from './formula-result';
import { guideWarnings } from './guide-check';
import { LESSON_IDS_FOR_TEST, loadLessonForTest } from './lesson-fixture.test-helper';
import { describeQuery, findEvent } from './trace-query';

const lessonFiles = LESSON_IDS_FOR_TEST.map((id) => `${id}.l7.json`);
const load = (file: string) => loadLessonForTest(file.replace(/\.l7\.json$/, '')).scenario;

describe.each(lessonFiles)('the guide of %s', (file) => {
  const scenario = load(file);

  it('exists, with a summary, steps, what to look for and something to try', () => {
    expect(scenario.guide, `${file} has no "guide"`).toBeDefined();
    const guide = scenario.guide!;
    expect(guide.summary.length).toBeGreaterThan(40);
    expect(guide.steps.length).toBeGreaterThanOrEqual(3);
    expect(guide.lookFor.length).toBeGreaterThanOrEqual(1);
    expect(guide.tryThis.length).toBeGreaterThanOrEqual(1);
    expect(guideWarnings(scenario), 'every node and parameter it names exists').toEqual([]);
  });

  it('points every step at an event of the run, in the order of the run', () => {
    const guide = scenario.guide!;
    const { events, metrics } = runScenario(scenario).trace();
    void metrics;
    const found = guide.steps.map((step, i) => {
      const event = findEvent(events, step.at);
      expect(event, `steps[${i}] ("${step.text.slice(0, 40)}…"): no ${describeQuery(step.at)}`).not.toBeNull();
      return event!;
    });
    const times = found.map((e) => (e.kind === 'message' ? e.sentAt : e.at));
    expect(times, 'steps follow the run: each at or after the one before').toEqual([...times].sort((a, b) => a - b));
  });

  it('has formulas that work out for its own run, and agree with it where their assumptions hold', () => {
    const guide = scenario.guide!;
    const run = runScenario(scenario).trace();
    for (const formula of guide.formulas) {
      const result = evaluateGuideFormula(formula, scenario, run);
      expect(result.error, `${formula.id}: ${result.error}`).toBeNull();
      expect(result.computed, formula.id).not.toBeNull();
      expect(result.simulated, formula.id).not.toBeNull();
      if (result.assumptions.every((a) => a.holds)) {
        expect(result.agrees, `${formula.id}: formula ${result.computed}, simulated ${result.simulated}`).toBe(true);
      }
    }
  });
});
