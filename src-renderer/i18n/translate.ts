/**
 * The catalogue's messages with checked keys: `t('toolbar.run')` compiles
 * only if the English catalogue has that key (vue-i18n's own `t` accepts
 * any string). Components call `useT()`, plain modules import `t` from here.
 * A text that depends on a number passes it as `plural` and picks one of the
 * message's `|`-separated forms; `{n}` and `{count}` then hold the number
 * unless `named` gives them (e.g. already formatted: "1,024").
 */
import { useI18n } from 'vue-i18n';
import { i18n } from './index';
import type { MessageSchema } from './messages-en';

/** The dotted paths of a catalogue's messages: 'mainPane.tabs.chart'. */
export type MessageKeyOf<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${MessageKeyOf<T[K]>}`;
}[keyof T & string];

export type MessageKey = MessageKeyOf<MessageSchema>;

/** Values for a message's named placeholders: `{count}`. */
export type NamedValues = Readonly<Record<string, string | number>>;

export type Translate = (key: MessageKey, named?: NamedValues, plural?: number) => string;

/** vue-i18n's `t` in the one shape used here. */
type LooseTranslate = (key: string, named: NamedValues, plural?: number) => string;

function checked(loose: LooseTranslate): Translate {
  return (key, named = {}, plural) => (plural === undefined ? loose(key, named) : loose(key, named, plural));
}

/** A message for code outside components (formatters, commands, stores). */
export const t: Translate = checked(i18n.global.t as LooseTranslate);

/** A message for a component (in its setup): `const t = useT();`. */
export function useT(): Translate {
  return checked(useI18n().t as LooseTranslate);
}
