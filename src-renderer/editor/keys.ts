/**
 * The topology editor's keys, when its canvas has focus in Edit mode
 * (TopologyGraph handles them; commands/key-table.ts shows them in the help
 * and the README). Undo and redo are the app's commands (Ctrl+Z, Ctrl+Y):
 * they work from anywhere but a text field. The minimap (EditorMinimap) has
 * its own few keys while it has focus, MINIMAP_KEYS.
 */
export type EditorKeyAction =
  | 'delete'
  | 'selectAll'
  | 'copy'
  | 'paste'
  | 'duplicate'
  | 'nudgeLeft'
  | 'nudgeRight'
  | 'nudgeUp'
  | 'nudgeDown'
  | 'linkMode'
  | 'layout'
  | 'fit'
  | 'minimap'
  | 'escape';

export interface EditorKey {
  /** KeyboardEvent.key, lower case for letters. */
  readonly key: string;
  /** Ctrl (⌘ on a Mac) held. */
  readonly mod?: boolean;
  readonly action: EditorKeyAction;
}

/** In the order the help lists them. */
export const EDITOR_KEYS: readonly EditorKey[] = [
  { key: 'Delete', action: 'delete' },
  { key: 'Backspace', action: 'delete' },
  { key: 'a', mod: true, action: 'selectAll' },
  { key: 'c', mod: true, action: 'copy' },
  { key: 'v', mod: true, action: 'paste' },
  { key: 'd', mod: true, action: 'duplicate' },
  { key: 'ArrowLeft', action: 'nudgeLeft' },
  { key: 'ArrowRight', action: 'nudgeRight' },
  { key: 'ArrowUp', action: 'nudgeUp' },
  { key: 'ArrowDown', action: 'nudgeDown' },
  { key: 'l', action: 'linkMode' },
  { key: 'l', mod: true, action: 'layout' },
  { key: 'f', action: 'fit' },
  { key: 'm', action: 'minimap' },
  { key: 'Escape', action: 'escape' },
];

/** The action a key press asks for on the canvas, or null (Alt is the nudge's fine step, so it never blocks). */
export function editorKeyAction(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey'>, mac: boolean): EditorKeyAction | null {
  const mod = mac ? event.metaKey : event.ctrlKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return EDITOR_KEYS.find((k) => k.key === key && (k.mod === true) === mod)?.action ?? null;
}

export type MinimapKeyAction = 'panLeft' | 'panRight' | 'panUp' | 'panDown' | 'minimap';

/** The focused minimap's keys, KeyboardEvent.key → action, in the order the help lists them: arrows pan the view, M hides the minimap. */
export const MINIMAP_KEYS: Readonly<Record<string, MinimapKeyAction>> = {
  ArrowLeft: 'panLeft',
  ArrowRight: 'panRight',
  ArrowUp: 'panUp',
  ArrowDown: 'panDown',
  m: 'minimap',
};

/** The action a key press asks for on the focused minimap, or null (never with Ctrl, ⌘ or Alt: those are other commands'). */
export function minimapKeyAction(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): MinimapKeyAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return MINIMAP_KEYS[key] ?? null;
}
