/**
 * How the user likes the app: the colour theme (follows the system unless
 * chosen; the choice is remembered) and whether transport-layer messages are
 * shown (set from each scenario's `view.showTransport` when it is opened).
 */
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';

export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

export const STORAGE_KEY = 'l7.preferences';

export const usePreferencesStore = defineStore('preferences', () => {
  const theme = ref<ThemeChoice>(readSavedTheme());
  /** What prefers-color-scheme says; kept up to date by useTheme(). */
  const systemDark = ref(false);
  const showTransport = ref(true);

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

  watch(theme, (choice) => writeSaved({ theme: choice }));

  return { theme, systemDark, showTransport, effectiveTheme, toggleTheme, setShowTransport, toggleTransport };
});

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled by the browser's settings
  }
}

function readSavedTheme(): ThemeChoice {
  try {
    const saved: unknown = JSON.parse(storage()?.getItem(STORAGE_KEY) ?? 'null');
    const choice = (saved as { theme?: unknown } | null)?.theme;
    return choice === 'light' || choice === 'dark' ? choice : 'system';
  } catch {
    return 'system';
  }
}

function writeSaved(value: { theme: ThemeChoice }): void {
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(value));
  } catch {
    // Not remembered; the app works the same.
  }
}
