/**
 * The English message catalogue: every text the renderer shows, by key,
 * one section per view (en/<view>.ts). Other languages are catalogues of the
 * same shape (MessageSchema) added to `catalogues` in index.ts; no component
 * changes.
 *
 * vue-i18n's message syntax applies: `{name}` is a placeholder, `|` separates
 * plural forms, and `@`, `{`, `}`, `|`, `$` meant as themselves must be
 * written as literals: `{'@'}`.
 */
import { compare, guideEditor, lesson, sweep } from './en/lesson';
import { mainPane } from './en/main-pane';
import { plots } from './en/plots';
import { sidePane } from './en/side-pane';

export const en = {
  mainPane,
  sidePane,
  lesson,
  sweep,
  compare,
  guideEditor,
  plots,
};

export type MessageSchema = typeof en;
