import type { BrowserWindow } from 'electron';
import { describe, expect, it } from 'vitest';
import { FakeBrowserWindow } from './test-support/fake-electron';
import { guardUnsavedChanges, UNSAVED_DIALOG } from './unsaved';

function attempt(answer: number): { prevented: boolean; asked: unknown[] } {
  const window = new FakeBrowserWindow() as unknown as BrowserWindow;
  const asked: unknown[] = [];
  guardUnsavedChanges(window, (_w, options) => {
    asked.push(options);
    return answer;
  });
  let prevented = false;
  (window.webContents as unknown as FakeBrowserWindow['webContents']).emit('will-prevent-unload', { preventDefault: () => (prevented = true) });
  return { prevented, asked };
}

describe('unsaved changes on close', () => {
  it('closes when the user chooses to discard', () => {
    const r = attempt(0);
    expect(r.asked).toEqual([UNSAVED_DIALOG]);
    expect(r.prevented).toBe(true); // preventDefault = ignore the renderer's refusal
  });

  it('keeps the window when the user keeps editing (the default and Escape)', () => {
    expect(attempt(1).prevented).toBe(false);
    expect(UNSAVED_DIALOG.cancelId).toBe(1);
    expect(UNSAVED_DIALOG.defaultId).toBe(1);
  });
});
