import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMainWindow, preloadPath } from './window';
import { FakeBrowserWindow, resetFakeElectron } from './test-support/fake-electron';

vi.mock('electron', () => import('./test-support/fake-electron'));

beforeEach(resetFakeElectron);

describe('main window', () => {
  it('is isolated, sandboxed, without Node, and loads the app scheme', () => {
    createMainWindow({ preload: '/app/out/preload/preload.cjs', devUrl: null });
    const window = FakeBrowserWindow.all[0]!;
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(window.loadedUrl).toBe('app://l7/index.html');
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('loads the dev server in development', () => {
    createMainWindow({ preload: '/p.cjs', devUrl: 'http://localhost:5173' });
    expect(FakeBrowserWindow.all[0]!.loadedUrl).toBe('http://localhost:5173');
  });

  it('finds the built preload beside the built main', () => {
    expect(preloadPath(join('/app', 'out', 'main'))).toBe(join('/app', 'out', 'preload', 'preload.cjs'));
  });
});
