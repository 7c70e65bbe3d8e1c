/**
 * Wires the main process together (index.ts calls it with the real
 * environment; tests call it with a fake `electron`):
 *
 * before ready  app scheme registered as privileged; sandbox for every
 *               renderer; every web contents hardened (security.ts);
 *               single instance (a second launch focuses the first window)
 * on ready      session hardened; app://l7 served from out/renderer; IPC
 *               handlers; native menu; the main window
 * runner        one RunnerHost (worker thread), its events sent to the window
 * lifetime      quit when every window is closed, except on macOS where the
 *               app stays in the dock and `activate` opens a new window
 */
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import { join } from 'node:path';
import { FileDialogs } from './files/dialogs';
import { registerIpcHandlers, sendMenuCommand, sendRunEvent } from './ipc/handlers';
import { lessonsDir, listLessons, openLesson, resourcesDir } from './lessons';
import { buildMenuTemplate } from './menu';
import { devServerUrl } from './origin';
import { installAppProtocol, registerAppScheme } from './protocol';
import { RunnerHost } from './runner/runner-host';
import { hardenSession, installSecurityDefaults } from './security';
import { guardUnsavedChanges } from './unsaved';
import { createMainWindow, preloadPath } from './window';

export interface MainProcessOptions {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The folder of the built main script (out/main). */
  readonly mainDir: string;
  /** Electron's process.resourcesPath (used when packaged). */
  readonly resourcesPath: string;
  /** The built runner worker (electron-vite `?modulePath`). */
  readonly runnerPath: string;
}

export interface MainProcess {
  /** The main window, if open. */
  window(): BrowserWindow | null;
  readonly runner: RunnerHost;
}

export function startMainProcess(options: MainProcessOptions): MainProcess | null {
  const devUrl = devServerUrl(app.isPackaged, options.env);
  registerAppScheme();
  installSecurityDefaults(app);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }

  let mainWindow: BrowserWindow | null = null;
  const getWindow = (): BrowserWindow | null => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null);
  const openWindow = (): void => {
    const window = createMainWindow({ preload: preloadPath(options.mainDir), devUrl });
    guardUnsavedChanges(window, (w, box) => dialog.showMessageBoxSync(w, box));
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    mainWindow = window;
  };

  const runner = new RunnerHost({ workerPath: options.runnerPath, onEvent: (event) => sendRunEvent(getWindow(), event) });
  const lessons = lessonsDir(resourcesDir(app, options.resourcesPath));
  const files = new FileDialogs(getWindow, () => {
    try {
      return app.getPath('documents');
    } catch {
      return app.getPath('home'); // no documents folder on this system
    }
  });

  app.on('second-instance', () => {
    const window = getWindow();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    if (options.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && !getWindow()) openWindow();
  });
  app.on('will-quit', () => {
    void runner.dispose();
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, devUrl);
    installAppProtocol(join(options.mainDir, '..', 'renderer'));
    registerIpcHandlers({
      getWindow,
      devUrl,
      services: {
        listLessons: () => listLessons(lessons),
        openLesson: (id) => openLesson(lessons, id),
        openFile: () => files.openFile(),
        saveFile: (request) => files.saveFile(request),
        exportFile: (request) => files.exportFile(request),
        startRun: (request) => runner.start(request),
        cancelRun: (runId) => runner.cancel(runId),
      },
    });
    const template = buildMenuTemplate({
      isMac: options.platform === 'darwin',
      appName: 'L7 Lab',
      isDev: !app.isPackaged,
      dispatch: (command) => sendMenuCommand(getWindow(), command),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
    openWindow();
  });

  return { window: getWindow, runner };
}
