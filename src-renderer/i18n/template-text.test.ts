// No .vue template shows text of its own: every text node and text
// attribute with letters comes from the catalogue (t()), apart from the few
// things below that are not language.
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './source-files.test-helper';
import { templateTexts } from './template-text';

/**
 * Template texts allowed to stay, by file. Symbols alone ("×", "→", "▾")
 * have no letters and need no entry; units and words do belong in the
 * catalogue, so the list is empty.
 */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {};

describe('templateTexts', () => {
  it('finds text nodes, text attributes and literals in bound text attributes and interpolations', () => {
    const sfc = [
      '<template>',
      '  <button title="Save it" :aria-label="t(\'a.b\')" class="x">Save</button>',
      "  <p :title=\"on ? 'On' : t('c')\">{{ n }} {{ n > 1 ? 'items' : t('d') }} ×</p>",
      "  <p>{{ kind === 'error' ? t('e') : t('f') }} {{ 'warn' !== kind ? x : y }}</p>",
      '  <Pane empty-text="None" :label="label" />',
      '</template>',
    ].join('\n');
    expect(templateTexts(sfc)).toEqual([
      { line: 2, text: 'title="Save it"' },
      { line: 2, text: 'Save' },
      { line: 3, text: ":title: 'On'" },
      { line: 3, text: "'items'" },
      { line: 5, text: 'empty-text="None"' },
    ]);
  });
});

describe('the .vue templates', () => {
  it('take every text from the catalogue', () => {
    const stray = sourceFiles
      .filter((file) => file.path.endsWith('.vue'))
      .flatMap((file) => templateTexts(file.text).filter((found) => !(ALLOWED[file.path] ?? []).includes(found.text)).map((found) => `${file.path}:${found.line}: ${found.text}`));
    expect(stray).toEqual([]);
  });
});
