import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { usePreferencesStore } from './preferences';

beforeEach(() => setActivePinia(createPinia()));

describe('preferences store', () => {
  it('follows the system theme by default', () => {
    const p = usePreferencesStore();
    expect(p.theme).toBe('system');
    expect(p.effectiveTheme).toBe('light');
    p.systemDark = true;
    expect(p.effectiveTheme).toBe('dark');
  });

  it('toggles to the other theme, and back to following the system', () => {
    const p = usePreferencesStore();
    p.toggleTheme();
    expect(p.theme).toBe('dark');
    expect(p.effectiveTheme).toBe('dark');
    p.toggleTheme();
    expect(p.theme).toBe('system');
    expect(p.effectiveTheme).toBe('light');
  });

  it('keeps an explicit choice when the system changes', () => {
    const p = usePreferencesStore();
    p.toggleTheme();
    p.systemDark = true;
    expect(p.theme).toBe('dark');
    p.toggleTheme();
    expect(p.theme).toBe('light');
  });

  it('shows and hides transport messages', () => {
    const p = usePreferencesStore();
    expect(p.showTransport).toBe(true);
    p.toggleTransport();
    expect(p.showTransport).toBe(false);
    p.setShowTransport(true);
    expect(p.showTransport).toBe(true);
  });
});
