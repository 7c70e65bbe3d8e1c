import { describe, expect, it } from 'vitest';
import { UDP_UPPER_TEXT } from '../scenario/fixtures';
import { validateScenario } from '../scenario/load';
import type { ScenarioInput } from '../scenario/schema';
import { isAtOrBelow, validateEdit } from './validate-edit';

const doc = (): ScenarioInput => JSON.parse(UDP_UPPER_TEXT) as ScenarioInput;

describe('validateEdit', () => {
  it('gives nothing for a valid edit', () => {
    expect(validateEdit(doc(), ['links', 0, 'delayMs'], 5)).toEqual([]);
  });

  it('gives the loader\'s own issue, message and path, for a value out of bounds', () => {
    const bad = validateEdit(doc(), ['links', 0, 'bandwidthMbps'], 1e-320);
    expect(bad).toEqual([
      { path: 'links[0].bandwidthMbps', message: 'expected a number from 0.000001 to 1000000 (megabits per second: 1 bit/s to 1 Tb/s), got 1e-320' },
    ]);
    const edited = doc();
    edited.links[0]!.bandwidthMbps = 1e-320;
    const loader = validateScenario(edited);
    expect(loader.ok ? [] : loader.issues).toEqual(bad);
  });

  it('removing a required field (undefined) reports it missing at its path', () => {
    const issues = validateEdit(doc(), ['links', 1, 'delayMs'], undefined);
    expect(issues.map((i) => i.path)).toEqual(['links[1].delayMs']);
    expect(issues[0]!.message).toMatch(/^missing property "delayMs"/);
  });

  it('reports cross-reference problems at the edited path', () => {
    const issues = validateEdit(doc(), ['links', 0, 'b'], 'nowhere');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('links[0].b');
    expect(issues[0]!.message).toContain('unknown node "nowhere"');
  });

  it('covers issues below the edited path (a whole list set at once), and none elsewhere', () => {
    const rows = [{ name: 'x.example.com', address: 'nope' }];
    const issues = validateEdit(doc(), ['nodes', 0, 'hostsFile'], rows);
    expect(issues.map((i) => i.path)).toEqual(['nodes[0].hostsFile[0].address']);
    const broken = doc();
    broken.links[1]!.delayMs = -1;
    expect(validateEdit(broken, ['links', 0, 'delayMs'], 3)).toEqual([]);
  });

  it('never mutates the document it is given', () => {
    const original = doc();
    validateEdit(original, ['run', 'seed'], 3);
    expect(original).toEqual(doc());
  });
});

describe('isAtOrBelow', () => {
  it('matches the path itself and what lies inside it, not a longer name', () => {
    expect(isAtOrBelow('links[0].delayMs', 'links[0]')).toBe(true);
    expect(isAtOrBelow('links[0]', 'links[0]')).toBe(true);
    expect(isAtOrBelow('links[01]', 'links[0]')).toBe(false);
    expect(isAtOrBelow('links[10]', 'links[1]')).toBe(false);
    expect(isAtOrBelow('runner.seed', 'run')).toBe(false);
    expect(isAtOrBelow('anything', '')).toBe(true);
  });
});
