/**
 * The main window. Its renderer is locked down: context isolation, the
 * Chromium sandbox, no Node integration anywhere, web security on, no
 * <webview>; the only bridge is the preload (preload.ts → window.l7). It
 * loads app://l7/index.html, or the Vite dev server under `electron-vite dev`.
 */
import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { APP_ENTRY_URL } from './origin';

/** The built preload, relative to the built main (out/main → out/preload/preload.cjs). */
export function preloadPath(mainDir: string): string {
  return join(mainDir, '..', 'preload', 'preload.cjs');
}

export interface MainWindowOptions {
  readonly preload: string;
  /** The dev server's URL in development, else null (the app scheme). */
  readonly devUrl: string | null;
}

export function createMainWindow({ preload, devUrl }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    title: 'L7 Lab',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Electronegativity's AUXCLICK check asks for this (no middle-click
      // navigation). Whether current Chromium still has a switchable feature
      // of that name is doubtful (reZach/secure-electron-template#68); the
      // real protection is security.ts, which denies every new window and
      // navigation.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(devUrl ?? APP_ENTRY_URL).catch((error: unknown) => {
    console.error(`L7 Lab could not load its window: ${error instanceof Error ? error.message : String(error)}`);
  });
  return window;
}
