/**
 * Keyboard shortcuts, one table for handling and for the hints in buttons'
 * titles. In Electron the native menu owns the accelerators and sends
 * MenuCommands (src-main/menu.ts has the same keys), so the renderer handles
 * only what the menu leaves to the page (`everywhere`: Escape, F1); in a
 * browser it handles all of them. "Mod" is Ctrl, or ⌘ on a Mac.
 * A browser tab keeps a few chords for itself (Chrome: Ctrl+N, Ctrl+T); they
 * work in Electron and in an installed web app.
 */
import type { MenuCommand } from '../../src-core/api/contract';
import { t } from '../i18n/translate';
import { keyName } from '../playback/keys';

export interface Shortcut {
  readonly command: MenuCommand;
  /** KeyboardEvent.key, lower case for letters: "F5", "Escape", "s". */
  readonly key: string;
  readonly mod?: boolean;
  readonly shift?: boolean;
  /** Handled by the renderer in Electron too (cancel is harmless to repeat). */
  readonly everywhere?: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { command: 'run.start', key: 'F5' },
  { command: 'run.start', key: 'r', mod: true },
  { command: 'run.cancel', key: 'Escape', everywhere: true },
  { command: 'run.cancel', key: '.', mod: true },
  { command: 'run.cancel', key: 'F5', shift: true },
  { command: 'file.new', key: 'n', mod: true },
  { command: 'file.open', key: 'o', mod: true },
  { command: 'file.save', key: 's', mod: true },
  { command: 'file.saveAs', key: 's', mod: true, shift: true },
  { command: 'file.export', key: 'e', mod: true },
  { command: 'edit.undo', key: 'z', mod: true },
  { command: 'edit.redo', key: 'z', mod: true, shift: true },
  { command: 'edit.redo', key: 'y', mod: true },
  { command: 'view.toggleTransport', key: 't', mod: true },
  { command: 'view.zoomIn', key: '=', mod: true },
  { command: 'view.zoomIn', key: '+', mod: true },
  { command: 'view.zoomOut', key: '-', mod: true },
  { command: 'view.fit', key: '0', mod: true },
  { command: 'help.about', key: 'F1', everywhere: true },
];

/** The parts of a KeyboardEvent that matter here. */
export interface KeyLike {
  readonly key: string;
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}

export interface ShortcutContext {
  readonly host: 'web' | 'electron';
  readonly mac: boolean;
}

/** The command a key press asks for in this host, or null. */
export function commandForKey(event: KeyLike, context: ShortcutContext): MenuCommand | null {
  const key = normalKey(event);
  const mod = context.mac ? event.metaKey : event.ctrlKey;
  const otherMod = context.mac ? event.ctrlKey : event.metaKey;
  if (event.altKey || otherMod) return null;
  for (const s of SHORTCUTS) {
    if (context.host === 'electron' && !s.everywhere) continue;
    if (s.key === key && (s.mod ?? false) === mod && (s.shift ?? false) === event.shiftKey) return s.command;
  }
  return null;
}

/** "Ctrl+S" / "⌘S", every shortcut of `command` joined with ", "; "" when it has none. */
export function shortcutLabel(command: MenuCommand, mac: boolean): string {
  return SHORTCUTS.filter((s) => s.command === command)
    .map((s) => {
      const key = s.key.length === 1 ? s.key.toUpperCase() : keyName(s.key);
      if (mac) return `${s.shift ? '⇧' : ''}${s.mod ? '⌘' : ''}${key}`;
      return [s.mod ? t('shortcuts.keys.ctrl') : '', s.shift ? t('shortcuts.keys.shift') : '', key].filter(Boolean).join('+');
    })
    .join(', ');
}

/** Letters by the layout's key, or by physical key on a non-Latin layout ("KeyS" → "s"). */
function normalKey(event: KeyLike): string {
  if (event.key.length === 1) {
    const lower = event.key.toLowerCase();
    if (lower >= 'a' && lower <= 'z') return lower;
    if (event.code.startsWith('Key')) return event.code.slice(3).toLowerCase();
    return lower;
  }
  return event.key;
}

/** A button's title with the shortcuts of its command: "Save the scenario (Ctrl+S)"; just the label when it has none. */
export function titleWithShortcut(label: string, command: MenuCommand, mac: boolean): string {
  const keys = shortcutLabel(command, mac);
  return keys ? t('shortcuts.titleWithKeys', { label, keys }) : label;
}
