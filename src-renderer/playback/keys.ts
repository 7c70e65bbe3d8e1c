/**
 * Playback's keys (global, as a media player's): `.` or → next, `,` or ←
 * previous, Space play/pause, Home/End first/last. Not while the user types
 * in a field, not with a modifier (those are the app's shortcuts), and not
 * for a key something else already handled (the chart pane's own keys win
 * when it has focus). Space on a button presses the button instead.
 */
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

const KEYS: Readonly<Record<string, PlaybackKeyAction>> = {
  '.': 'next',
  ArrowRight: 'next',
  ',': 'previous',
  ArrowLeft: 'previous',
  ' ': 'toggle',
  Home: 'first',
  End: 'last',
};

/** Hints for buttons' titles. */
export const PLAYBACK_KEY_HINTS: Readonly<Record<PlaybackKeyAction, string>> = {
  next: '. or →',
  previous: ', or ←',
  toggle: 'Space',
  first: 'Home',
  last: 'End',
};

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

export function playbackKeyAction(event: PlaybackKeyEvent): PlaybackKeyAction | null {
  if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return null;
  if (TYPING.has(event.targetTag) || event.targetEditable) return null;
  const action = KEYS[event.key] ?? null;
  if (action === 'toggle' && event.targetTag === 'BUTTON') return null;
  return action;
}
