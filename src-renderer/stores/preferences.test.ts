import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { clampPaneWidth, PANE_LIMITS, STORAGE_KEY, usePreferencesStore } from './preferences';

/** localStorage as a page has it (the tests run in Node, which has none). */
function fakeStorage(initial: Record<string, string> = {}): Map<string, string> {
  const items = new Map(Object.entries(initial));
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  });
  return items;
}

beforeEach(() => setActivePinia(createPinia()));
afterEach(() => vi.unstubAllGlobals());

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

describe('pane widths', () => {
  it('start at their defaults', () => {
    const p = usePreferencesStore();
    expect(p.sidePaneWidth).toBe(PANE_LIMITS.side.initial);
    expect(p.inspectorWidth).toBe(PANE_LIMITS.inspector.initial);
  });

  it('are clamped to their limits and rounded when set, and reset to the default', () => {
    const p = usePreferencesStore();
    p.setPaneWidth('side', 12);
    expect(p.sidePaneWidth).toBe(180);
    p.setPaneWidth('side', 100_000);
    expect(p.sidePaneWidth).toBe(PANE_LIMITS.side.max);
    p.setPaneWidth('inspector', 300.6);
    expect(p.inspectorWidth).toBe(301);
    p.setPaneWidth('inspector', Number.NaN);
    expect(p.inspectorWidth).toBe(PANE_LIMITS.inspector.initial);
    p.setPaneWidth('inspector', 500);
    p.resetPaneWidth('inspector');
    expect(p.inspectorWidth).toBe(PANE_LIMITS.inspector.initial);
  });

  it('clamps anything that is not a finite number to the default', () => {
    for (const bad of [null, undefined, '300', Infinity, -Infinity, Number.NaN, {}, [360]]) {
      expect(clampPaneWidth('side', bad)).toBe(PANE_LIMITS.side.initial);
    }
    expect(clampPaneWidth('inspector', -5)).toBe(PANE_LIMITS.inspector.min);
  });
});

describe('remembered preferences', () => {
  it('are written together and read back by the next window', async () => {
    const items = fakeStorage();
    const p = usePreferencesStore();
    p.setPaneWidth('side', 360);
    p.setPaneWidth('inspector', 280);
    p.toggleTheme();
    await nextTick();
    expect(JSON.parse(items.get(STORAGE_KEY)!)).toEqual({ theme: 'dark', sidePaneWidth: 360, editSidePaneWidth: PANE_LIMITS.editSide.initial, inspectorWidth: 280 });

    setActivePinia(createPinia());
    const next = usePreferencesStore();
    expect([next.theme, next.sidePaneWidth, next.inspectorWidth]).toEqual(['dark', 360, 280]);
  });

  it('read out-of-range widths as the nearest allowed one and bad values as the default', () => {
    fakeStorage({ [STORAGE_KEY]: JSON.stringify({ theme: 'purple', sidePaneWidth: 20, inspectorWidth: '400' }) });
    const p = usePreferencesStore();
    expect([p.theme, p.sidePaneWidth, p.inspectorWidth]).toEqual(['system', 180, PANE_LIMITS.inspector.initial]);
    setActivePinia(createPinia());
    fakeStorage({ [STORAGE_KEY]: JSON.stringify({ sidePaneWidth: 1e9, inspectorWidth: 250 }) });
    const q = usePreferencesStore();
    expect([q.sidePaneWidth, q.inspectorWidth]).toEqual([PANE_LIMITS.side.max, 250]);
  });

  it('fall back to the defaults for unreadable storage', () => {
    for (const text of ['{not json', 'null', '42', '"dark"', '[1,2]']) {
      setActivePinia(createPinia());
      fakeStorage({ [STORAGE_KEY]: text });
      const p = usePreferencesStore();
      expect([p.theme, p.sidePaneWidth, p.inspectorWidth]).toEqual(['system', PANE_LIMITS.side.initial, PANE_LIMITS.inspector.initial]);
    }
  });

  it('keep the side pane\'s Edit-view width apart: the splitter sets the width of the view shown, and the Run view gets its own back', async () => {
    const items = fakeStorage();
    const p = usePreferencesStore();
    p.setPaneWidth('side', 300);
    p.setEditingLayout(true);
    expect(p.currentSideWidth).toBe(560);
    p.setPaneWidth('side', 640);
    expect([p.currentSideWidth, p.sidePaneWidth]).toEqual([640, 300]);
    p.resetPaneWidth('side');
    expect(p.currentSideWidth).toBe(PANE_LIMITS.editSide.initial);
    p.setPaneWidth('side', 600);
    p.setEditingLayout(false);
    expect(p.currentSideWidth).toBe(300);
    await nextTick();
    // a window opened later starts in the Run view with the Run width, and edits at the width last used for editing
    expect(JSON.parse(items.get(STORAGE_KEY)!)).toMatchObject({ sidePaneWidth: 300, editSidePaneWidth: 600 });
    setActivePinia(createPinia());
    const next = usePreferencesStore();
    expect(next.currentSideWidth).toBe(300);
    next.setEditingLayout(true);
    expect(next.currentSideWidth).toBe(600);
  });

  it('work without storage at all (the browser may refuse it)', async () => {
    vi.stubGlobal('localStorage', {
      getItem: () => { throw new Error('SecurityError'); },
      setItem: () => { throw new Error('QuotaExceededError'); },
    });
    const p = usePreferencesStore();
    p.setPaneWidth('side', 400);
    await nextTick();
    expect(p.sidePaneWidth).toBe(400);
  });
});
