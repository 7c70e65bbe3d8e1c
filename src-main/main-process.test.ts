import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC } from '../src-core/api/contract';
import { startMainProcess, type MainProcessOptions } from './main-process';
import { FakeBrowserWindow, Menu, app, fakeInvokeEvent, ipcMain, protocol, resetFakeElectron, session } from './test-support/fake-electron';

vi.mock('electron', () => import('./test-support/fake-electron'));

const REPO = join(__dirname, '..');
const MAIN_DIR = join('/opt', 'l7', 'out', 'main');

function start(overrides: Partial<MainProcessOptions> = {}) {
  return startMainProcess({ platform: 'linux', env: {}, mainDir: MAIN_DIR, resourcesPath: '/opt/l7/resources', runnerPath: '/opt/l7/out/main/runner.js', ...overrides });
}

async function ready(): Promise<void> {
  app.becomeReady();
  await new Promise((resolve) => setImmediate(resolve));
}

beforeEach(() => {
  resetFakeElectron();
  app.appPath = REPO;
});

describe('main process wiring', () => {
  it('registers the app scheme and security defaults before ready', () => {
    start();
    expect(protocol.privileged).toHaveLength(1);
    expect(app.sandboxEnabled).toBe(true);
    expect(app.listenerCount('web-contents-created')).toBe(1);
    expect(FakeBrowserWindow.all).toHaveLength(0);
  });

  it('quits at once when another instance is running', () => {
    app.hasSingleInstanceLock = false;
    expect(start()).toBeNull();
    expect(app.quitCount).toBe(1);
  });

  it('on ready: serves app://, hardens the session, handles IPC, sets the menu and opens the window', async () => {
    const main = start();
    await ready();
    expect(protocol.handlers.has('app')).toBe(true);
    expect(session.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(ipcMain.handlers.size).toBe(7);
    expect(Menu.applicationMenu).not.toBeNull();
    const window = FakeBrowserWindow.all[0]!;
    expect(window.loadedUrl).toBe('app://l7/index.html');
    expect(window.options.webPreferences?.['preload']).toBe(join('/opt', 'l7', 'out', 'preload', 'preload.cjs'));
    expect(main?.window()).toBe(window);
  });

  it('answers IPC from its window with the repository’s lessons', async () => {
    start();
    await ready();
    const window = FakeBrowserWindow.all[0]!;
    const lessons = await ipcMain.invoke(IPC.listLessons, fakeInvokeEvent(window.webContents, 'app://l7/index.html'));
    expect(lessons).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'sockets-tcp', title: 'Socket programming: TCP' })]));
  });

  it('sends menu commands to the window', async () => {
    start();
    await ready();
    const template = Menu.applicationMenu!.template as { submenu?: { id?: string; click?: () => void }[] }[];
    const save = template.flatMap((m) => m.submenu ?? []).find((i) => i.id === 'file.save');
    save!.click!();
    expect(FakeBrowserWindow.all[0]!.webContents.sent).toEqual([{ channel: IPC.menuCommand, args: ['file.save'] }]);
  });

  it('loads the dev server only when unpackaged', async () => {
    start({ env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' } });
    await ready();
    expect(FakeBrowserWindow.all[0]!.loadedUrl).toBe('http://localhost:5173');
    resetFakeElectron();
    app.isPackaged = true;
    start({ env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' } });
    await ready();
    expect(FakeBrowserWindow.all[0]!.loadedUrl).toBe('app://l7/index.html');
  });

  it('quits when the last window closes, except on macOS', async () => {
    start({ platform: 'linux' });
    await ready();
    app.emit('window-all-closed');
    expect(app.quitCount).toBe(1);

    resetFakeElectron();
    start({ platform: 'darwin' });
    await ready();
    FakeBrowserWindow.all[0]!.destroy();
    app.emit('window-all-closed');
    expect(app.quitCount).toBe(0);
    app.emit('activate');
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(1);
  });

  it('focuses the window when a second instance starts', async () => {
    start();
    await ready();
    app.emit('second-instance');
    expect(FakeBrowserWindow.all[0]!.focusCount).toBe(1);
  });
});
