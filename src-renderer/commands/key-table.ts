/**
 * Every key the app answers, in one table: the F1 help dialog shows it, and
 * the README's `| key | action |` table is exactly `keyTableMarkdown()`
 * (key-table.test.ts fails when they drift). It is built from the tables
 * that handle the keys — SHORTCUTS (the app's commands), PLAYBACK_KEYS,
 * CHART_KEYS, WATERFALL_KEYS, EDITOR_KEYS and MINIMAP_KEYS — so a key cannot be handled without being listed. Only the
 * message list's keys (a listbox's usual ones) are written out here.
 */
import type { MenuCommand } from '../../src-core/api/contract';
import { CHART_KEYS, type ChartKeyAction } from '../chart/keys';
import { EDITOR_KEYS, MINIMAP_KEYS, type EditorKey, type EditorKeyAction, type MinimapKeyAction } from '../editor/keys';
import { keyName, keysOf, PLAYBACK_KEYS, type PlaybackKeyAction } from '../playback/keys';
import { WATERFALL_KEYS, type WaterfallKeyAction } from '../waterfall/keys';
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

const COMMANDS: readonly { command: MenuCommand; action: string }[] = [
  { command: 'run.start', action: 'run the scenario' },
  { command: 'run.cancel', action: 'cancel the run' },
  { command: 'file.new', action: 'new scenario' },
  { command: 'file.open', action: 'open a scenario file' },
  { command: 'file.save', action: 'save' },
  { command: 'file.saveAs', action: 'save as' },
  { command: 'file.export', action: 'export the trace' },
  { command: 'edit.undo', action: 'undo the last edit of the network (in a text field: its typing)' },
  { command: 'edit.redo', action: 'redo' },
  { command: 'view.toggleTransport', action: 'show or hide transport messages' },
  { command: 'view.zoomIn', action: 'zoom the chart’s time scale in' },
  { command: 'view.zoomOut', action: 'zoom the chart’s time scale out' },
  { command: 'view.fit', action: 'fit the whole run in the chart' },
  { command: 'help.about', action: 'help and keyboard shortcuts' },
];

const PLAYBACK: readonly { action: PlaybackKeyAction; text: string }[] = [
  { action: 'toggle', text: 'play or pause' },
  { action: 'next', text: 'next message' },
  { action: 'previous', text: 'previous message' },
  { action: 'first', text: 'first message' },
  { action: 'last', text: 'last message' },
];

const CHART: readonly { action: ChartKeyAction; text: string }[] = [
  { action: 'previous', text: 'previous message (like ←, without turning playback on)' },
  { action: 'next', text: 'next message (like →, without turning playback on)' },
  { action: 'zoomIn', text: 'zoom in' },
  { action: 'zoomOut', text: 'zoom out' },
  { action: 'fit', text: 'fit the whole run' },
  { action: 'toggle', text: 'expand or collapse the selected message’s segments' },
];

const WATERFALL: readonly { action: WaterfallKeyAction; text: string }[] = [
  { action: 'previous', text: 'previous object' },
  { action: 'next', text: 'next object' },
  { action: 'pageUp', text: 'a page up' },
  { action: 'pageDown', text: 'a page down' },
  { action: 'first', text: 'first object' },
  { action: 'last', text: 'last object' },
  { action: 'show', text: 'select the object’s HTTP response and show it in the chart' },
];

const EDITOR: readonly { action: EditorKeyAction; text: string }[] = [
  { action: 'delete', text: 'delete the selected nodes and links' },
  { action: 'selectAll', text: 'select every node and link' },
  { action: 'copy', text: 'copy the selected nodes' },
  { action: 'paste', text: 'paste them' },
  { action: 'duplicate', text: 'duplicate the selected nodes' },
  { action: 'nudgeLeft', text: 'move the selection one grid step left (with Alt: 1 px)' },
  { action: 'nudgeRight', text: 'one grid step right' },
  { action: 'nudgeUp', text: 'one grid step up' },
  { action: 'nudgeDown', text: 'one grid step down' },
  { action: 'linkMode', text: 'link mode: drag from a node to another to link them' },
  { action: 'layout', text: 'lay the network out automatically' },
  { action: 'fit', text: 'fit the network in view' },
  { action: 'minimap', text: 'show or hide the minimap' },
  { action: 'escape', text: 'leave link mode, else clear the selection' },
];

const MINIMAP: readonly { action: MinimapKeyAction; text: string }[] = [
  { action: 'panLeft', text: 'move the view a quarter of its width left' },
  { action: 'panRight', text: 'a quarter right' },
  { action: 'panUp', text: 'a quarter of its height up' },
  { action: 'panDown', text: 'a quarter down' },
  { action: 'minimap', text: 'hide the minimap (the canvas gets the focus)' },
];

/** A minimap key as written for people: "←", "M". */
const minimapKeyName = (key: string) => (key.length === 1 ? key.toUpperCase() : keyName(key));

/** An editor key as written for people: "Ctrl+D" ("⌘D" on a Mac), "Delete", "←". */
function editorKeyName(key: EditorKey, mac: boolean): string {
  const name = key.key.length === 1 ? key.key.toUpperCase() : keyName(key.key);
  return key.mod ? (mac ? `⌘${name}` : `Ctrl+${name}`) : name;
}

const LIST: readonly KeyRow[] = [
  { keys: [['ArrowUp', 'ArrowDown'].map(keyName).join(' / ')], action: 'previous / next row (a message or a state change)' },
  { keys: [['PageUp', 'PageDown'].map(keyName).join(' / ')], action: 'a page up / down' },
  { keys: ['Home / End'], action: 'first / last row' },
];

/** The whole table; `mac` writes chords with ⌘ and ⇧. */
export function keyTable(mac: boolean): readonly KeyGroup[] {
  return [
    { title: 'Run and files', where: null, rows: COMMANDS.map((c) => ({ keys: shortcutLabel(c.command, mac).split(', '), action: c.action })) },
    {
      title: 'Playback — moves the selection; not while typing in a field',
      where: null,
      prefix: 'playback: ',
      rows: PLAYBACK.map((p) => ({ keys: keysOf(PLAYBACK_KEYS, p.action), action: p.text })),
    },
    { title: 'Chart, when it has focus', where: 'chart focused', rows: CHART.map((c) => ({ keys: keysOf(CHART_KEYS, c.action), action: c.text })) },
    { title: 'Message list, when it has focus', where: 'list focused', rows: LIST },
    { title: 'Waterfall, when a row has focus', where: 'waterfall focused', rows: WATERFALL.map((w) => ({ keys: keysOf(WATERFALL_KEYS, w.action), action: w.text })) },
    {
      title: 'Topology editor, when its canvas has focus (Edit mode)',
      where: 'editor focused',
      rows: EDITOR.map((e) => ({ keys: EDITOR_KEYS.filter((k) => k.action === e.action).map((k) => editorKeyName(k, mac)), action: e.text })),
    },
    {
      title: 'Minimap, when it has focus (Edit mode; click or drag in it to move the view)',
      where: 'minimap focused',
      rows: MINIMAP.map((m) => ({ keys: Object.keys(MINIMAP_KEYS).filter((k) => MINIMAP_KEYS[k] === m.action).map(minimapKeyName), action: m.text })),
    },
  ];
}

/** The README's key table (PC key names), one row per action. */
export function keyTableMarkdown(): string {
  const rows = keyTable(false).flatMap((g) => g.rows.map((r) => `| ${r.keys.join(' or ')}${g.where ? ` (${g.where})` : ''} | ${g.prefix ?? ''}${r.action} |`));
  return ['| key | action |', '|---|---|', ...rows].join('\n');
}
