/**
 * The renderer's message catalogue (vue-i18n, Composition API mode). Components
 * call `useI18n().t(key)`; plain modules call `t` from here. Messages are
 * compiled by vue-i18n's JIT compiler, which builds no code at run time, so the
 * page's Content-Security-Policy (no 'unsafe-eval') holds.
 */
import { createI18n } from 'vue-i18n';
import { en, type MessageSchema } from './messages-en';

export type { MessageSchema } from './messages-en';

/** Every catalogue, by locale; English is the reference and the fallback. */
const catalogues: Record<'en', MessageSchema> = { en };

export const i18n = createI18n<[MessageSchema], 'en', false>({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: catalogues,
  missingWarn: false,
  fallbackWarn: false,
});

/** A message for code outside components (formatters, commands). */
export const t: typeof i18n.global.t = i18n.global.t;
