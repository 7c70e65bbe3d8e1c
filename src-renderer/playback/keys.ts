/**
 * Playback's keys (global, as a media player's, the chart pane included):
 * Space play/pause, `.` or → next, `,` or ← previous, Home/End first/last
 * message. They move the one cursor (the selection, stores/playback.ts).
 * Not while the user types in a field, not with a modifier (those are the
 * app's shortcuts), and not for a key something else already handled (a
 * focused list or splitter keeps its own arrows, Home and End). Space on a
 * button presses the button instead.
 */
import { t, type MessageKey } from '../i18n/translate';

export type PlaybackKeyAction = 'next' | 'previous' | 'toggle' | 'first' | 'last';

export interface PlaybackKeyEvent {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly defaultPrevented: boolean;
  readonly isComposing?: boolean;
  /** The focused element's tag name ("INPUT", "BUTTON" …) and whether it is editable text. */
  readonly targetTag: string;
  readonly targetEditable: boolean;
}

/** KeyboardEvent.key → action, in the order the help lists them (commands/key-table.ts). */
export const PLAYBACK_KEYS: Readonly<Record<string, PlaybackKeyAction>> = {
  ' ': 'toggle',
  '.': 'next',
  ArrowRight: 'next',
  ',': 'previous',
  ArrowLeft: 'previous',
  Home: 'first',
  End: 'last',
};

/** Keys whose names are words (the catalogue's), and keys written as symbols, by KeyboardEvent.key. */
const KEY_WORDS: Readonly<Record<string, MessageKey>> = {
  ' ': 'shortcuts.keys.space',
  Escape: 'shortcuts.keys.esc',
  PageUp: 'shortcuts.keys.pageUp',
  PageDown: 'shortcuts.keys.pageDown',
  Home: 'shortcuts.keys.home',
  End: 'shortcuts.keys.end',
  Enter: 'shortcuts.keys.enter',
  Delete: 'shortcuts.keys.delete',
  Backspace: 'shortcuts.keys.backspace',
};
const KEY_SYMBOLS: Readonly<Record<string, string>> = { ArrowRight: '→', ArrowLeft: '←', ArrowUp: '↑', ArrowDown: '↓' };

/** How a key is written for people: "→", "Space", "Esc"; any other key as it is ("F5", "."). */
export function keyName(key: string): string {
  const word = KEY_WORDS[key];
  return word ? t(word) : (KEY_SYMBOLS[key] ?? key);
}

/** The keys of each action, as written for people ("." and "→"). */
export function keysOf<A extends string>(table: Readonly<Record<string, A>>, action: A): string[] {
  return Object.entries(table).filter(([, a]) => a === action).map(([k]) => keyName(k));
}

/** A hint for a button's title: ". or →". */
export function playbackKeyHint(action: PlaybackKeyAction): string {
  return keysOf(PLAYBACK_KEYS, action).reduce((first, second) => t('shortcuts.alternatives', { first, second }));
}

/** For aria-keyshortcuts: the keys by their KeyboardEvent.key names (not translated), space-separated (". ArrowRight"). */
export function playbackKeyShortcuts(action: PlaybackKeyAction): string {
  return Object.entries(PLAYBACK_KEYS)
    .filter(([, a]) => a === action)
    .map(([key]) => (key === ' ' ? 'Space' : key))
    .join(' ');
}

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** Whether a key may be a global one (playback's, the guide's): not handled yet, no modifier, not typed into a field. */
export function globalKeyFree(event: PlaybackKeyEvent): boolean {
  if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return false;
  return !(TYPING.has(event.targetTag) || event.targetEditable);
}

/** What the global key handlers read of a DOM key event. */
export function keyEventOf(event: KeyboardEvent): PlaybackKeyEvent {
  const target = event.target instanceof HTMLElement ? event.target : null;
  return {
    key: event.key,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
    altKey: event.altKey,
    defaultPrevented: event.defaultPrevented,
    isComposing: event.isComposing,
    targetTag: target?.tagName ?? '',
    targetEditable: target?.isContentEditable ?? false,
  };
}

export function playbackKeyAction(event: PlaybackKeyEvent): PlaybackKeyAction | null {
  if (!globalKeyFree(event)) return null;
  const action = PLAYBACK_KEYS[event.key] ?? null;
  if (action === 'toggle' && event.targetTag === 'BUTTON') return null;
  return action;
}
