import { describe, expect, it } from 'vitest';
import { setAt } from '../editor/json-path';
import { validateScenario } from '../scenario/load';
import { runScenario } from '../scenario/runner';
import type { GuideFormula } from './guide-schema';
import { evaluateGuideFormula } from './formula-result';
import { loadLessonForTest } from './lesson-fixture.test-helper';

const lesson = loadLessonForTest('dns-iterative');
const first = lesson.scenario.guide!.formulas.find((f) => f.id === 'firstLookup')!;

describe('a guide formula worked out for a run (the iterative DNS lesson)', () => {
  it('substitutes the scenario\'s numbers, computes the sum of the round trips and sets the simulated time beside it', () => {
    const result = evaluateGuideFormula(first, lesson.scenario, lesson.run());
    expect(result.error).toBeNull();
    expect(result.names.find((n) => n.name === 'dRoot')).toMatchObject({ kind: 'parameter', value: 0.02, unit: 's' });
    expect(result.names.find((n) => n.name === 'rttRoot')).toMatchObject({ kind: 'expression', unit: 's', substituted: '2 × (4 ms + 20 ms)' });
    expect(result.substituted).toBe('2 ms + 48 ms + 38 ms + 28 ms');
    expect(result.computed).toBeCloseTo(0.116, 12);
    // the simulator adds the transmission time of each datagram on each hop (100 Mbit/s links): 85.28 µs in all
    expect(result.simulated).toBe(0.11608528);
    expect(result.difference).toBeCloseTo(0.00008528, 12);
    expect(result.agrees).toBe(true);
    expect(result.assumptions.map((a) => a.holds)).toEqual([true, true]);
    expect(result.assumptions[0]!.text).toMatch(/^Transmission and queueing add 0\.\d+ ms to the \d+(\.\d+)? ms the packets spent propagating \(0\.\d+ %\): negligible/);
  });

  it('before a run, computes what needs only parameters and leaves the simulated value empty', () => {
    const result = evaluateGuideFormula(first, lesson.scenario, null);
    expect(result.computed).toBeCloseTo(0.116, 12);
    expect(result.simulated).toBeNull();
    expect(result.agrees).toBeNull();
    expect(result.assumptions).toEqual([]);
    expect(result.error).toBeNull();
  });

  it('follows an edit of the scenario: a root server ten times farther away adds 2 × 180 ms, in formula and run alike', () => {
    const edited = validateScenario(setAt(lesson.input, ['links', 2, 'delayMs'], 200));
    if (!edited.ok) throw new Error('edit refused');
    const result = evaluateGuideFormula(first, edited.scenario, runScenario(edited.scenario).trace());
    expect(result.computed).toBeCloseTo(0.476, 12);
    expect(result.simulated! - 0.11608528).toBeCloseTo(0.36, 9);
    expect(result.agrees).toBe(true);
  });

  it('says when its assumptions fail: a slow link makes transmission time matter, and the values part', () => {
    // 10 kbit/s everywhere: a 56-byte datagram takes 44.8 ms to send on each hop
    let input = lesson.input;
    for (let i = 0; i < 5; i++) input = setAt(input, ['links', i, 'bandwidthMbps'], 0.01);
    const slow = validateScenario(input);
    if (!slow.ok) throw new Error('edit refused');
    const result = evaluateGuideFormula(first, slow.scenario, runScenario(slow.scenario).trace());
    expect(result.agrees).toBe(false);
    expect(result.assumptions[0]).toMatchObject({ holds: false });
    expect(result.assumptions[0]!.text).toMatch(/not negligible \(more than 1 %\), and the formula leaves them out\.$/);
  });

  it('says when a loss happened, and why a name has no value', () => {
    const withLoss = validateScenario({ ...(lesson.input as object), lossRules: [{ from: 'local', to: 'root', nth: [1] }] });
    if (!withLoss.ok) throw new Error(JSON.stringify(withLoss.issues));
    const result = evaluateGuideFormula(first, withLoss.scenario, runScenario(withLoss.scenario).trace());
    expect(result.assumptions[1]).toMatchObject({ holds: false, text: '1 packet was lost; the formula counts no loss and no retransmission.' });

    const broken: GuideFormula = { ...first, simulated: { metric: 'resolutionTime', node: 'host', nth: 9 } };
    expect(evaluateGuideFormula(broken, lesson.scenario, lesson.run()).error).toBe('simulated: the run has only 3 resolutionTime metrics at host');
    const unknownPath: GuideFormula = { ...first, names: { ...first.names, dRoot: { parameter: 'links[nowhere].delayMs' } } };
    expect(evaluateGuideFormula(unknownPath, lesson.scenario, lesson.run()).error).toBe('dRoot: "links" has no item with id, type or name "nowhere"');
  });

  it('measures elapsed times and counts from trace queries', () => {
    const formula: GuideFormula = {
      ...first,
      id: 'queries',
      expression: 'elapsed / queries',
      names: {
        elapsed: { measured: { elapsed: { from: { event: { kind: 'message', protocol: 'dns', from: 'local', to: 'root', nth: 1 } }, to: { event: { kind: 'message', protocol: 'dns', from: 'auth', to: 'local', nth: 1 } } } } },
        queries: { measured: { count: { kind: 'message', protocol: 'dns', from: 'local', nth: 1, summary: '^Standard query 0x' } } },
      },
    };
    const result = evaluateGuideFormula(formula, lesson.scenario, lesson.run());
    // local → root sent at 1.00488 ms; auth → local received at 115.07912 ms
    expect(result.names[0]!.value).toBeCloseTo(0.11407424, 12);
    expect(result.names[1]!.value).toBe(4); // three for www, one for mail
  });
});
