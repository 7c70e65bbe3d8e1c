/**
 * Closing or reloading the window with unsaved changes asks first. The
 * renderer's `beforeunload` handler refuses to unload while the scenario is
 * dirty; Electron then emits `will-prevent-unload`, and we ask with a native
 * dialog. Choosing to discard calls preventDefault(), which tells Electron to
 * ignore the renderer's refusal and close.
 */
import type { BrowserWindow, MessageBoxSyncOptions } from 'electron';

export const UNSAVED_DIALOG: MessageBoxSyncOptions = {
  type: 'warning',
  title: 'Unsaved changes',
  message: 'The scenario has changes that are not saved.',
  detail: 'If you close now, the changes are lost.',
  buttons: ['Close without saving', 'Keep editing'],
  defaultId: 1,
  cancelId: 1,
  noLink: true,
};

export type AskUser = (window: BrowserWindow, options: MessageBoxSyncOptions) => number;

export function guardUnsavedChanges(window: BrowserWindow, ask: AskUser): void {
  window.webContents.on('will-prevent-unload', (event) => {
    if (ask(window, UNSAVED_DIALOG) === 0) event.preventDefault();
  });
}
