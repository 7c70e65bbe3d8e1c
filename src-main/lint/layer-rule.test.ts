// The layer rule must actually fail the lint step: lint a few offending
// snippets as if they lived in src-core and src-renderer.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layer rule', () => {
  it('rejects node:* and Node built-ins in src-core', async () => {
    expect(await ruleIds("import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'src-core/sim/bad.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import path from 'path';\nexport const x = path;\n", 'src-core/sim/bad.ts')).toContain('no-restricted-imports');
  });

  it('rejects electron in src-core and src-renderer', async () => {
    expect(await ruleIds("import { app } from 'electron';\nexport const x = app;\n", 'src-core/net/bad.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import { app } from 'electron';\nexport const x = app;\n", 'src-renderer/bad.ts')).toContain('no-restricted-imports');
  });

  it('rejects DOM globals, the wall clock and Math.random in src-core', async () => {
    expect(await ruleIds('export const x = document.title;\n', 'src-core/trace/bad.ts')).toContain('no-restricted-globals');
    expect(await ruleIds('export const t = Date.now();\n', 'src-core/trace/bad.ts')).toContain('no-restricted-globals');
    expect(await ruleIds('export const r = Math.random();\n', 'src-core/trace/bad.ts')).toContain('no-restricted-properties');
  });

  it('rejects imports of upper layers', async () => {
    expect(await ruleIds("import { x } from '../../src-main/cli/main';\nexport const y = x;\n", 'src-core/sim/bad.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import { x } from '../src-main/preload';\nexport const y = x;\n", 'src-renderer/bad.ts')).toContain('no-restricted-imports');
  });

  it('accepts pure code in src-core', async () => {
    expect(await ruleIds("import type { SimTime } from './time';\nexport const f = (t: SimTime): SimTime => t + 1;\n", 'src-core/sim/good.ts')).toEqual([]);
  });
});
