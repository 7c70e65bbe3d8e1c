/**
 * The English message catalogue: every text the renderer shows, by key,
 * grouped by the view that shows it. Other languages are files of the same
 * shape (MessageSchema) added to `catalogues` in index.ts; no component
 * changes.
 *
 * vue-i18n's message syntax applies: `{name}` is a placeholder, `|` separates
 * plural forms, and `@`, `{`, `}`, `|`, `$` written as themselves must be
 * quoted as a literal: `{'@'}`.
 */
export const en = {
  mainPane: {
    label: 'Sequence chart',
    tabsLabel: 'Messages view',
    tabs: { chart: 'Chart', list: 'List', waterfall: 'Waterfall' },
  },
};

export type MessageSchema = typeof en;
