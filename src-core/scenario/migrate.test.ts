import { describe, expect, it } from 'vitest';
import { migrateToCurrent, readHeader } from './migrate';

describe('readHeader', () => {
  it('accepts version 1 of an l7-scenario', () => {
    const result = readHeader({ format: 'l7-scenario', version: 1 });
    expect(result).toMatchObject({ ok: true, version: 1 });
  });

  it('refuses a root that is not an object', () => {
    for (const [value, found] of [
      [[], 'an empty array'],
      [null, 'null'],
      ['x', '"x"'],
      [3, '3'],
    ] as const) {
      expect(readHeader(value)).toEqual({ ok: false, issue: { path: [], message: `expected a scenario object, got ${found}` } });
    }
  });

  it('refuses other formats', () => {
    expect(readHeader({ version: 1 })).toEqual({
      ok: false,
      issue: { path: ['format'], message: 'not an L7 Lab scenario (expected "format": "l7-scenario")' },
    });
    expect(readHeader({ format: 'l7-trace', version: 1 })).toEqual({
      ok: false,
      issue: { path: ['format'], message: 'not an L7 Lab scenario (expected "format": "l7-scenario", got "l7-trace")' },
    });
  });

  it('explains that a newer version needs a newer L7 Lab', () => {
    expect(readHeader({ format: 'l7-scenario', version: 3 })).toEqual({
      ok: false,
      issue: {
        path: ['version'],
        message: 'this file was written by a newer L7 Lab (scenario format version 3); this version reads version 1',
      },
    });
  });

  it('refuses a missing, non-integer or non-positive version', () => {
    expect(readHeader({ format: 'l7-scenario' })).toMatchObject({
      ok: false,
      issue: { path: ['version'], message: 'missing property "version": expected the scenario format version, an integer from 1 to 1' },
    });
    for (const [version, found] of [
      [0, '0'],
      [-1, '-1'],
      [1.5, '1.5'],
      ['1', '"1"'],
      [null, 'null'],
    ] as const) {
      expect(readHeader({ format: 'l7-scenario', version })).toMatchObject({
        ok: false,
        issue: { path: ['version'], message: `expected the scenario format version, an integer from 1 to 1, got ${found}` },
      });
    }
  });
});

describe('migrateToCurrent', () => {
  it('returns a current document unchanged', () => {
    const doc = { format: 'l7-scenario', version: 1, name: 'x' };
    expect(migrateToCurrent(doc, 1)).toBe(doc);
  });

  it('applies each step in order and stamps the version', () => {
    const migrations = {
      1: (d: Record<string, unknown>) => ({ ...d, renamed: d['old'], old: undefined }),
      2: (d: Record<string, unknown>) => ({ ...d, steps: [...((d['steps'] as string[] | undefined) ?? []), 'to3'] }),
    };
    const out = migrateToCurrent({ format: 'l7-scenario', version: 1, old: 5 }, 1, migrations, 3);
    expect(out).toEqual({ format: 'l7-scenario', version: 3, renamed: 5, old: undefined, steps: ['to3'] });
    expect(migrateToCurrent({ version: 2 }, 2, migrations, 3)).toEqual({ version: 3, steps: ['to3'] });
  });
});
