import { describe, expect, it } from 'vitest';
import { validateScenario } from '../scenario/load';
import { guideWarnings } from './guide-check';
import { loadLessonForTest } from './lesson-fixture.test-helper';

const base = loadLessonForTest('dns-iterative').input as Record<string, unknown>;
const guide = base['guide'] as Record<string, unknown>;

function issuesWith(change: Record<string, unknown>): string[] {
  const result = validateScenario({ ...base, guide: { ...guide, ...change } });
  return result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`);
}

/** The warnings of a guide that loads: its references to what the scenario does not have. */
function warningsWith(change: Record<string, unknown>): string[] {
  const result = validateScenario({ ...base, guide: { ...guide, ...change } });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return guideWarnings(result.scenario).map((w) => `${w.path}: ${w.message}`);
}

describe('a guide is checked against its scenario when the file loads', () => {
  it('the lesson\'s own guide is clean', () => {
    expect(issuesWith({})).toEqual([]);
    expect(warningsWith({})).toEqual([]);
  });

  it('queries must have patterns that are regular expressions; an unknown node is a warning, not an error', () => {
    expect(issuesWith({ steps: [{ text: 'x', at: { from: 'hots', summary: '(' } }] })).toEqual([
      expect.stringMatching(/^guide\.steps\[0\]\.at\.summary: not a regular expression: /) as string,
    ]);
    expect(warningsWith({ steps: [{ text: 'x', at: { from: 'hots' } }] })).toEqual(['guide.steps[0].at.from: unknown node "hots"']);
    expect(issuesWith({ steps: [{ text: 'x', at: { nth: 0 } }] })).toEqual(['guide.steps[0].at.nth: expected a match number other than 0: 1 is the first, -1 the last']);
  });

  it('warns of parameters that do not resolve to numbers (or true/false; an edit may also set a text), and the file still loads', () => {
    expect(issuesWith({ tryThis: [{ text: 'x', edit: { parameter: 'links[nowhere].delayMs', value: 3 } }] })).toEqual([]);
    expect(warningsWith({ tryThis: [{ text: 'x', edit: { parameter: 'links[nowhere].delayMs', value: 3 } }] })).toEqual([
      'guide.tryThis[0].edit.parameter: "links" has no item with id, type or name "nowhere"',
    ]);
    expect(warningsWith({ tryThis: [{ text: 'x', edit: { parameter: 'nodes[local].services[dns-resolver].mode', value: 'recursive' } }] })).toEqual([]);
    expect(warningsWith({ sweeps: [{ title: 't', parameter: 'nodes[local].services[dns-resolver].mode', values: [1, 2], formula: 'firstLookup' }] })).toEqual([
      'guide.sweeps[0].parameter: nodes[local].services[dns-resolver].mode is "iterative"; expected a number or true or false',
    ]);
  });

  it('lets a scenario whose guide points at a deleted link still load: an edit elsewhere never stops a run', () => {
    const links = (base['links'] as { id: string }[]).filter((l) => l.id !== 'router-root');
    const without = validateScenario({ ...base, links });
    expect(without.ok).toBe(true);
    if (!without.ok) return;
    expect(guideWarnings(without.scenario)).toContainEqual({ path: 'guide.formulas[0].names.dRoot.parameter', message: '"links" has no item with id, type or name "router-root"' });
  });

  it('formulas must parse, use only their names, and expressions only the names above them', () => {
    const formulas = guide['formulas'] as Record<string, unknown>[];
    const f = formulas[0]!;
    const names = f['names'] as Record<string, unknown>;
    expect(issuesWith({ formulas: [{ ...f, expression: 'rttHost + eval("1")' }] })).toEqual([
      'guide.formulas[0].expression: only the functions min, max, ceil, floor, abs, sqrt, log2, pow may be called (at character 11)',
    ]);
    expect(issuesWith({ formulas: [{ ...f, names: { early: { expression: 'dHost * 2' }, ...names } }] })).toEqual([
      'guide.formulas[0].names.early.expression: unknown name "dHost" (known: none) (at character 1; an expression may use the names above it)',
    ]);
    expect(issuesWith({ formulas: [f, f] })).toEqual(['guide.formulas[1].id: duplicate formula id "firstLookup" (formulas[0] has it already)']);
  });

  it('sweeps and the prediction must name a formula of the guide', () => {
    expect(issuesWith({ predict: { question: 'q', formula: 'nope' } })).toEqual(['guide.predict.formula: unknown formula "nope" (the guide\'s formulas: "firstLookup", "cachedReferral")']);
  });

  it('a guide with a wrong shape is refused with its path', () => {
    expect(issuesWith({ steps: [{ text: 'x' }] })).toEqual(['guide.steps[0].at: missing property "at": expected a trace query object']);
    expect(issuesWith({ formulas: [{ id: '1x' }] })).toContainEqual(expect.stringMatching(/^guide\.formulas\[0\]\.id: expected a name/));
  });
});
