/**
 * Applies the colour theme: follows prefers-color-scheme unless the user
 * chose one, and sets `data-theme` and `color-scheme` on <html> so that the
 * CSS variables (styles/theme.css) and native controls match.
 */
import { onUnmounted, watchEffect } from 'vue';
import { usePreferencesStore } from '../stores/preferences';

export function useTheme(): void {
  const preferences = usePreferencesStore();
  const query = window.matchMedia('(prefers-color-scheme: dark)');
  const follow = () => preferences.$patch({ systemDark: query.matches });
  follow();
  query.addEventListener('change', follow);

  const stop = watchEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = preferences.effectiveTheme;
    root.style.colorScheme = preferences.effectiveTheme;
  });

  onUnmounted(() => {
    query.removeEventListener('change', follow);
    stop();
  });
}
