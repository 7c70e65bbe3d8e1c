/**
 * Every key the app answers, in one table: the F1 help dialog shows it, and
 * the README's `| key | action |` table is exactly `keyTableMarkdown()`
 * (key-table.test.ts fails when they drift). It is built from the tables
 * that handle the keys — SHORTCUTS (the app's commands), PLAYBACK_KEYS,
 * GUIDE_KEYS, CHART_KEYS, WATERFALL_KEYS, EDITOR_KEYS and MINIMAP_KEYS — so a key cannot be handled without being listed. Only the
 * message list's keys (a listbox's usual ones) are written out here.
 */
import type { MenuCommand } from '../../src-core/api/contract';
import { CHART_KEYS, type ChartKeyAction } from '../chart/keys';
import { EDITOR_KEYS, MINIMAP_KEYS, type EditorKey, type EditorKeyAction, type MinimapKeyAction } from '../editor/keys';
import { keyName, keysOf, PLAYBACK_KEYS, type PlaybackKeyAction } from '../playback/keys';
import { WATERFALL_KEYS, type WaterfallKeyAction } from '../waterfall/keys';
import { GUIDE_KEYS, type GuideKeyAction } from '../lessons/keys';
import { t, type MessageKey } from '../i18n/translate';
import { shortcutLabel } from './shortcuts';

export interface KeyRow {
  /** Alternatives, each one key or chord as written for people: "F5", "Ctrl+R", "→". */
  readonly keys: readonly string[];
  readonly action: string;
}

export interface KeyGroup {
  readonly title: string;
  /** When the keys apply, for the README's key column ("chart focused"); null: anywhere. */
  readonly where: string | null;
  /** Put before each action in the README, where the group's title is not shown ("playback: "). */
  readonly prefix?: string;
  readonly rows: readonly KeyRow[];
}

const COMMANDS: readonly { command: MenuCommand; action: MessageKey }[] = [
  { command: 'run.start', action: 'shortcuts.commands.runStart' },
  { command: 'run.cancel', action: 'shortcuts.commands.runCancel' },
  { command: 'file.new', action: 'shortcuts.commands.fileNew' },
  { command: 'file.open', action: 'shortcuts.commands.fileOpen' },
  { command: 'file.save', action: 'shortcuts.commands.fileSave' },
  { command: 'file.saveAs', action: 'shortcuts.commands.fileSaveAs' },
  { command: 'file.export', action: 'shortcuts.commands.fileExport' },
  { command: 'edit.undo', action: 'shortcuts.commands.editUndo' },
  { command: 'edit.redo', action: 'shortcuts.commands.editRedo' },
  { command: 'view.toggleTransport', action: 'shortcuts.commands.viewToggleTransport' },
  { command: 'view.zoomIn', action: 'shortcuts.commands.viewZoomIn' },
  { command: 'view.zoomOut', action: 'shortcuts.commands.viewZoomOut' },
  { command: 'view.fit', action: 'shortcuts.commands.viewFit' },
  { command: 'help.about', action: 'shortcuts.commands.helpAbout' },
];

const PLAYBACK: readonly { action: PlaybackKeyAction; text: MessageKey }[] = [
  { action: 'toggle', text: 'shortcuts.playback.toggle' },
  { action: 'next', text: 'shortcuts.playback.next' },
  { action: 'previous', text: 'shortcuts.playback.previous' },
  { action: 'first', text: 'shortcuts.playback.first' },
  { action: 'last', text: 'shortcuts.playback.last' },
];

const GUIDE: readonly { action: GuideKeyAction; text: MessageKey }[] = [
  { action: 'nextStep', text: 'shortcuts.guide.nextStep' },
  { action: 'previousStep', text: 'shortcuts.guide.previousStep' },
  { action: 'toggleGuide', text: 'shortcuts.guide.toggleGuide' },
];

/** The guide's keys as written for people: one per action ("G" for g and G). */
const guideKeys = (action: GuideKeyAction) => [...new Set(keysOf(GUIDE_KEYS, action).map((k) => k.toUpperCase()))];

const CHART: readonly { action: ChartKeyAction; text: MessageKey }[] = [
  { action: 'previous', text: 'shortcuts.chart.previous' },
  { action: 'next', text: 'shortcuts.chart.next' },
  { action: 'zoomIn', text: 'shortcuts.chart.zoomIn' },
  { action: 'zoomOut', text: 'shortcuts.chart.zoomOut' },
  { action: 'fit', text: 'shortcuts.chart.fit' },
  { action: 'toggle', text: 'shortcuts.chart.toggle' },
];

const WATERFALL: readonly { action: WaterfallKeyAction; text: MessageKey }[] = [
  { action: 'previous', text: 'shortcuts.waterfall.previous' },
  { action: 'next', text: 'shortcuts.waterfall.next' },
  { action: 'pageUp', text: 'shortcuts.waterfall.pageUp' },
  { action: 'pageDown', text: 'shortcuts.waterfall.pageDown' },
  { action: 'first', text: 'shortcuts.waterfall.first' },
  { action: 'last', text: 'shortcuts.waterfall.last' },
  { action: 'show', text: 'shortcuts.waterfall.show' },
];

const EDITOR: readonly { action: EditorKeyAction; text: MessageKey }[] = [
  { action: 'delete', text: 'shortcuts.editor.delete' },
  { action: 'selectAll', text: 'shortcuts.editor.selectAll' },
  { action: 'copy', text: 'shortcuts.editor.copy' },
  { action: 'paste', text: 'shortcuts.editor.paste' },
  { action: 'duplicate', text: 'shortcuts.editor.duplicate' },
  { action: 'nudgeLeft', text: 'shortcuts.editor.nudgeLeft' },
  { action: 'nudgeRight', text: 'shortcuts.editor.nudgeRight' },
  { action: 'nudgeUp', text: 'shortcuts.editor.nudgeUp' },
  { action: 'nudgeDown', text: 'shortcuts.editor.nudgeDown' },
  { action: 'linkMode', text: 'shortcuts.editor.linkMode' },
  { action: 'layout', text: 'shortcuts.editor.layout' },
  { action: 'fit', text: 'shortcuts.editor.fit' },
  { action: 'minimap', text: 'shortcuts.editor.minimap' },
  { action: 'escape', text: 'shortcuts.editor.escape' },
];

const MINIMAP: readonly { action: MinimapKeyAction; text: MessageKey }[] = [
  { action: 'panLeft', text: 'shortcuts.minimap.panLeft' },
  { action: 'panRight', text: 'shortcuts.minimap.panRight' },
  { action: 'panUp', text: 'shortcuts.minimap.panUp' },
  { action: 'panDown', text: 'shortcuts.minimap.panDown' },
  { action: 'minimap', text: 'shortcuts.minimap.minimap' },
];

/** A minimap key as written for people: "←", "M". */
const minimapKeyName = (key: string) => (key.length === 1 ? key.toUpperCase() : keyName(key));

/** An editor key as written for people: "Ctrl+D" ("⌘D" on a Mac), "Delete", "←". */
function editorKeyName(key: EditorKey, mac: boolean): string {
  const name = key.key.length === 1 ? key.key.toUpperCase() : keyName(key.key);
  return key.mod ? (mac ? `⌘${name}` : `${t('shortcuts.keys.ctrl')}+${name}`) : name;
}

const LIST: readonly { keys: readonly string[]; action: MessageKey }[] = [
  { keys: [['ArrowUp', 'ArrowDown'].map(keyName).join(' / ')], action: 'shortcuts.list.upDown' },
  { keys: [['PageUp', 'PageDown'].map(keyName).join(' / ')], action: 'shortcuts.list.page' },
  { keys: [['Home', 'End'].map(keyName).join(' / ')], action: 'shortcuts.list.homeEnd' },
];

/** The whole table; `mac` writes chords with ⌘ and ⇧. */
export function keyTable(mac: boolean): readonly KeyGroup[] {
  return [
    { title: t('shortcuts.groups.commands.title'), where: null, rows: COMMANDS.map((c) => ({ keys: shortcutLabel(c.command, mac).split(', '), action: t(c.action) })) },
    {
      title: t('shortcuts.groups.playback.title'),
      where: null,
      prefix: t('shortcuts.groups.playback.prefix'),
      rows: PLAYBACK.map((p) => ({ keys: keysOf(PLAYBACK_KEYS, p.action), action: t(p.text) })),
    },
    {
      title: t('shortcuts.groups.guide.title'),
      where: null,
      prefix: t('shortcuts.groups.guide.prefix'),
      rows: GUIDE.map((g) => ({ keys: guideKeys(g.action), action: t(g.text) })),
    },
    {
      title: t('shortcuts.groups.chart.title'),
      where: t('shortcuts.groups.chart.where'),
      rows: CHART.map((c) => ({ keys: keysOf(CHART_KEYS, c.action), action: t(c.text) })),
    },
    { title: t('shortcuts.groups.list.title'), where: t('shortcuts.groups.list.where'), rows: LIST.map((l) => ({ keys: l.keys, action: t(l.action) })) },
    {
      title: t('shortcuts.groups.waterfall.title'),
      where: t('shortcuts.groups.waterfall.where'),
      rows: WATERFALL.map((w) => ({ keys: keysOf(WATERFALL_KEYS, w.action), action: t(w.text) })),
    },
    {
      title: t('shortcuts.groups.editor.title'),
      where: t('shortcuts.groups.editor.where'),
      rows: EDITOR.map((e) => ({ keys: EDITOR_KEYS.filter((k) => k.action === e.action).map((k) => editorKeyName(k, mac)), action: t(e.text) })),
    },
    {
      title: t('shortcuts.groups.minimap.title'),
      where: t('shortcuts.groups.minimap.where'),
      rows: MINIMAP.map((m) => ({ keys: Object.keys(MINIMAP_KEYS).filter((k) => MINIMAP_KEYS[k] === m.action).map(minimapKeyName), action: t(m.text) })),
    },
  ];
}

/** The README's key table (PC key names), one row per action. */
export function keyTableMarkdown(): string {
  const rows = keyTable(false).flatMap((g) => g.rows.map((r) => `| ${r.keys.join(` ${t('shortcuts.or')} `)}${g.where ? ` (${g.where})` : ''} | ${g.prefix ?? ''}${r.action} |`));
  return ['| key | action |', '|---|---|', ...rows].join('\n');
}
