import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../scenario/schema';
import { loadLessonForTest } from './lesson-fixture.test-helper';
import { parameterChoices, parameterLabel } from './parameters';
import { readParameter } from './parameter-path';

describe('parameters to sweep or compare', () => {
  it('list the links\', services\' and actions\' numbers, flags and choices, by paths that resolve to them', () => {
    const { input, scenario } = loadLessonForTest('http-persistent');
    const choices = parameterChoices(input as ScenarioInput);
    expect(choices.length).toBeGreaterThan(5);
    const delays = choices.filter((c) => c.path.startsWith('links[') && c.path.endsWith('.delayMs'));
    expect(delays).toHaveLength((input as ScenarioInput).links.length);
    expect(delays[0]!.label).toMatch(/^link [\w-]+: Delay \(ms\)$/);
    for (const c of choices) {
      const read = readParameter(scenario, c.path);
      expect(read.ok, c.path).toBe(true);
    }
    expect(choices.some((c) => c.input === 'boolean')).toBe(true);
    expect(choices.every((c) => !c.path.endsWith('.port') && !c.path.endsWith('.type'))).toBe(true);
  });

  it('label a path as the list does, or give the path back when it names nothing', () => {
    const { input } = loadLessonForTest('dns-iterative');
    expect(parameterLabel(input as ScenarioInput, 'links[router-root].delayMs')).toBe('link router-root: Delay (ms)');
    expect(parameterLabel(input as ScenarioInput, 'links[nowhere].delayMs')).toBe('links[nowhere].delayMs');
  });
});
