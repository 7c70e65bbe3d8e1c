// The layer rule (eslint.config.js) holds in Vue components too: a .vue
// file in src-renderer may not import Electron, Node or src-main.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function ruleIds(script: string): Promise<string[]> {
  const code = `<script setup lang="ts">\n${script}\n</script>\n\n<template>\n  <p>{{ y }}</p>\n</template>\n`;
  const [result] = await eslint.lintText(code, { filePath: 'src-renderer/components/LayerProbe.vue' });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

/** An import line of `name` as a .vue file might write it (built here so this test file itself imports nothing forbidden). */
const importOf = (what: string, name: string) => `import { ${what} } from '${name}';\nconst y = ${what};`;

describe('layer rule in .vue files', () => {
  it('rejects electron, node:* and src-main', async () => {
    expect(await ruleIds(importOf('ipcRenderer', 'electron'))).toContain('no-restricted-imports');
    expect(await ruleIds("import { readFileSync } from 'node:fs';\nconst y = readFileSync;")).toContain('no-restricted-imports');
    expect(await ruleIds(importOf('x', ['..', '..', 'src-main', 'preload'].join('/')))).toContain('no-restricted-imports');
  });

  it('parses TypeScript in <script setup> and accepts the host contract', async () => {
    expect(await ruleIds("import type { L7Host } from '../../src-core/api/contract';\nconst y: L7Host['kind'] = 'web';")).toEqual([]);
    expect(await ruleIds('const y: any = 1;')).toContain('@typescript-eslint/no-explicit-any');
  });
});
