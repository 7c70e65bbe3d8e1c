/**
 * The catalogue's keys and the keys the sources use, for catalogue.test.ts:
 * a `t('a.b')` or `$t('a.b')` call names a key; a template literal
 * `t(\`a.${x}\`)` names every key that starts with "a.". A key may also be
 * written as a string on its own where code keeps keys in a table (typed
 * MessageKey, so the compiler checks it): `'status.stopped.idle'`.
 */

/** Every message's dotted key, in catalogue order. */
export function catalogueKeys(catalogue: object, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([name, value]: [string, unknown]) =>
    typeof value === 'string' ? [`${prefix}${name}`] : catalogueKeys(value as object, `${prefix}${name}.`),
  );
}

export interface KeyUse {
  /** The key, or for a template literal the text before its first `${`. */
  readonly key: string;
  /** True when `key` is only a prefix (a template literal's). */
  readonly prefix: boolean;
  /** Offset of the call in the text. */
  readonly offset: number;
}

/** `t(` or `$t(` not part of a longer name (`split(`, `x.t(`), then a string literal. */
const T_CALL = /(?<![\w$.])\$?t\(\s*(?:'([^'\n]*)'|"([^"\n]*)"|`([^`\n]*)`)/g;

export function keyUses(text: string): KeyUse[] {
  return [...text.matchAll(T_CALL)].map((m) => {
    const template = m[3];
    if (template !== undefined && template.includes('${')) return { key: template.slice(0, template.indexOf('${')), prefix: true, offset: m.index };
    return { key: m[1] ?? m[2] ?? template ?? '', prefix: false, offset: m.index };
  });
}

/** Every string literal shaped like a dotted key ('a.b'), as a key kept in a table would be written. */
export function keyLiterals(text: string): Set<string> {
  return new Set([...text.matchAll(/'([A-Za-z][\w-]*(?:\.[\w-]+)+)'/g)].map((m) => m[1]!));
}

/** Whether a key use names `key`. */
export function usesKey(use: KeyUse, key: string): boolean {
  return use.prefix ? key.startsWith(use.key) : key === use.key;
}
