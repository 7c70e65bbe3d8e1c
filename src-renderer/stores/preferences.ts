/**
 * How the user likes the app: the colour theme (follows the system unless
 * chosen; the choice is remembered), whether transport-layer messages are
 * shown (set from each scenario's `view.showTransport` when it is opened),
 * and the widths of the side pane and the inspector (remembered). The side
 * pane has two widths, each remembered: one for the Run view and a wider one
 * for the Edit view (a network drawn in 240 px is too small to drag and link
 * in); `editingLayout` says which one is in use and the side pane's
 * splitter sets that one.
 *
 * Remembered preferences live in localStorage under STORAGE_KEY as one JSON
 * object; anything missing, malformed or out of range there reads as the
 * default (or the nearest allowed width), never as an error.
 */
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';

export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';
export type Pane = 'side' | 'inspector';
/** A remembered width: the panes', the side pane's in the Edit view apart. */
type PaneWidthKey = Pane | 'editSide';

export const STORAGE_KEY = 'l7.preferences';

/** Pane widths in CSS px. The window may squeeze a pane below its default, never below `min` (usePaneLayout). */
export const PANE_LIMITS: Readonly<Record<PaneWidthKey, { readonly min: number; readonly max: number; readonly initial: number }>> = {
  side: { min: 180, max: 720, initial: 240 },
  /** The side pane in the Edit view. */
  editSide: { min: 180, max: 720, initial: 560 },
  inspector: { min: 240, max: 720, initial: 320 },
};

/** A width rounded to whole px and kept within the pane's limits; the default for anything not a finite number. */
export function clampPaneWidth(pane: PaneWidthKey, width: unknown): number {
  const { min, max, initial } = PANE_LIMITS[pane];
  if (typeof width !== 'number' || !Number.isFinite(width)) return initial;
  return Math.min(max, Math.max(min, Math.round(width)));
}

interface Saved {
  readonly theme: ThemeChoice;
  readonly sidePaneWidth: number;
  readonly editSidePaneWidth: number;
  readonly inspectorWidth: number;
}

export const usePreferencesStore = defineStore('preferences', () => {
  const saved = readSaved();
  const theme = ref<ThemeChoice>(saved.theme);
  /** What prefers-color-scheme says; kept up to date by useTheme(). */
  const systemDark = ref(false);
  const showTransport = ref(true);
  /** The side pane's width in the Run view. */
  const sidePaneWidth = ref(saved.sidePaneWidth);
  const editSidePaneWidth = ref(saved.editSidePaneWidth);
  const inspectorWidth = ref(saved.inspectorWidth);
  /** The Edit view is shown: the side pane has its editing width. */
  const editingLayout = ref(false);
  /** The side pane's width now. */
  const currentSideWidth = computed(() => (editingLayout.value ? editSidePaneWidth.value : sidePaneWidth.value));
  const keyOf = (pane: Pane): PaneWidthKey => (pane === 'side' && editingLayout.value ? 'editSide' : pane);
  const widthRefs = { side: sidePaneWidth, editSide: editSidePaneWidth, inspector: inspectorWidth } as const;

  const effectiveTheme = computed<Theme>(() =>
    theme.value === 'system' ? (systemDark.value ? 'dark' : 'light') : theme.value,
  );

  /** Switches light ↔ dark; choosing what the system shows anyway means "follow the system" again. */
  function toggleTheme(): void {
    const next: Theme = effectiveTheme.value === 'dark' ? 'light' : 'dark';
    theme.value = next === (systemDark.value ? 'dark' : 'light') ? 'system' : next;
  }

  function setShowTransport(show: boolean): void {
    showTransport.value = show;
  }

  function toggleTransport(): void {
    showTransport.value = !showTransport.value;
  }

  /** Sets a pane's width; the side pane's for the view shown (Run or Edit). */
  function setPaneWidth(pane: Pane, width: number): void {
    const key = keyOf(pane);
    widthRefs[key].value = clampPaneWidth(key, width);
  }

  function resetPaneWidth(pane: Pane): void {
    setPaneWidth(pane, PANE_LIMITS[keyOf(pane)].initial);
  }

  function setEditingLayout(on: boolean): void {
    editingLayout.value = on;
  }

  watch([theme, sidePaneWidth, editSidePaneWidth, inspectorWidth], ([t, side, editSide, inspector]) =>
    writeSaved({ theme: t, sidePaneWidth: side, editSidePaneWidth: editSide, inspectorWidth: inspector }),
  );

  return {
    theme, systemDark, showTransport, sidePaneWidth, editSidePaneWidth, inspectorWidth, editingLayout, currentSideWidth, effectiveTheme,
    toggleTheme, setShowTransport, toggleTransport, setPaneWidth, resetPaneWidth, setEditingLayout,
  };
});

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled by the browser's settings
  }
}

function readSaved(): Saved {
  let saved: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(STORAGE_KEY) ?? 'null');
    if (typeof parsed === 'object' && parsed !== null) saved = parsed as Record<string, unknown>;
  } catch {
    // Unreadable: every preference has its default.
  }
  const choice = saved['theme'];
  return {
    theme: choice === 'light' || choice === 'dark' ? choice : 'system',
    sidePaneWidth: clampPaneWidth('side', saved['sidePaneWidth']),
    editSidePaneWidth: clampPaneWidth('editSide', saved['editSidePaneWidth']),
    inspectorWidth: clampPaneWidth('inspector', saved['inspectorWidth']),
  };
}

function writeSaved(value: Saved): void {
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(value));
  } catch {
    // Not remembered; the app works the same.
  }
}
