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
import { caches } from './en/caches';
import { chart } from './en/chart';
import { dialogs } from './en/dialogs';
import { editor } from './en/editor';
import { exportDialog } from './en/export-dialog';
import { host } from './en/host';
import { inspector } from './en/inspector';
import { issues } from './en/issues';
import { compare, guideEditor, lesson, sweep } from './en/lesson';
import { mainPane, splitters } from './en/main-pane';
import { messageList } from './en/message-list';
import { notices } from './en/notices';
import { playback } from './en/playback';
import { plots } from './en/plots';
import { shortcuts } from './en/shortcuts';
import { sidePane } from './en/side-pane';
import { sidePanels } from './en/side-panels';
import { status } from './en/status';
import { toolbar } from './en/toolbar';
import { topology } from './en/topology';
import { units } from './en/units';
import { waterfall } from './en/waterfall';

export const en = {
  mainPane,
  splitters,
  sidePane,
  toolbar,
  dialogs,
  status,
  units,
  shortcuts,
  chart,
  playback,
  messageList,
  inspector,
  editor,
  topology,
  issues,
  sidePanels,
  waterfall,
  exportDialog,
  caches,
  notices,
  host,
  lesson,
  sweep,
  compare,
  guideEditor,
  plots,
};

export type MessageSchema = typeof en;
