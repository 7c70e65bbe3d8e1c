// The English catalogue and the sources agree: every key a file uses exists,
// every key exists because a file uses it, and every message compiles
// (vue-i18n's syntax: a stray `@`, `{` or `|` would throw when shown).
import { describe, expect, it } from 'vitest';
import { catalogueKeys, keyLiterals, keyUses, usesKey } from './catalogue-keys';
import { t } from './translate';
import type { MessageKey } from './translate';
import { en } from './messages-en';
import { lineAt, sourceFiles } from './source-files.test-helper';

const keys = catalogueKeys(en);
const literals = new Set(sourceFiles.flatMap((file) => [...keyLiterals(file.text)]));
const uses = sourceFiles.flatMap((file) => keyUses(file.text).map((use) => ({ ...use, where: `${file.path}:${lineAt(file.text, use.offset)}` })));

describe('keyUses', () => {
  it('finds t and $t calls with literal keys, and template literals as prefixes', () => {
    const found = keyUses("t('a.b') + $t(\"c\") + t(`d.${x}`) + t(`e`) + split('x') + x.t('no') + t(key)");
    expect(found.map((u) => [u.key, u.prefix])).toEqual([['a.b', false], ['c', false], ['d.', true], ['e', false]]);
  });

  it('finds keys kept as strings in tables', () => {
    expect([...keyLiterals("{ idle: 'status.stopped.idle', x: 'plain', y: 'file.new', z: 'a b.c' }")]).toEqual(['status.stopped.idle', 'file.new']);
  });
});

describe('the English catalogue', () => {
  it('reads the renderer\'s sources', () => {
    expect(sourceFiles.map((file) => file.path)).toContain('src-renderer/components/MainPane.vue');
  });

  it('checks keys when compiling: an unknown one is a type error (npm run typecheck)', () => {
    // @ts-expect-error — not a key of the catalogue; vue-i18n shows the key itself
    expect(t('mainPane.noSuchKey')).toBe('mainPane.noSuchKey');
  });

  it('has every key the renderer uses', () => {
    const missing = uses.filter((use) => !keys.some((key) => usesKey(use, key))).map((use) => `${use.where}: ${use.key}`);
    expect(missing).toEqual([]);
  });

  it('has no key that no file uses', () => {
    expect(keys.filter((key) => !literals.has(key) && !uses.some((use) => usesKey(use, key)))).toEqual([]);
  });

  it('compiles every message', () => {
    const broken = keys.filter((key) => {
      try {
        t(key as MessageKey, {}, 2);
        return false;
      } catch {
        return true;
      }
    });
    expect(broken).toEqual([]);
  });
});
