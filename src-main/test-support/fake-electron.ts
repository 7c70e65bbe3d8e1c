/**
 * A fake `electron` module for unit tests of main-process code, which run in
 * plain Node (the Electron binary is not needed, and importing the real
 * package would try to download it). Use it with
 *
 *   vi.mock('electron', () => import('../test-support/fake-electron'));
 *
 * and import the same objects from this file to drive and inspect them. Each
 * fake records what the code under test did (handlers registered, messages
 * sent, dialogs shown) and lets the test answer (dialog responses, events).
 * Only the members the main process uses exist; call `resetFakeElectron()` in
 * `beforeEach`.
 */
type Listener = (...args: never[]) => unknown;

class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapper = (...args: never[]): unknown => {
      this.removeListener(event, wrapper);
      return listener(...args);
    };
    return this.on(event, wrapper);
  }

  removeListener(event: string, listener: Listener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== listener),
    );
    return this;
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }

  /** Calls every listener of `event` with `args`; returns their results. */
  emit(event: string, ...args: unknown[]): unknown[] {
    return [...(this.listeners.get(event) ?? [])].map((l) => (l as (...a: unknown[]) => unknown)(...args));
  }

  removeAllListeners(): void {
    this.listeners.clear();
  }
}

/** An Electron-style event with preventDefault. */
export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export type PermissionRequestHandler = (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
export type PermissionCheckHandler = (webContents: unknown, permission: string, requestingOrigin: string, details: unknown) => boolean;
export type BeforeRequestListener = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;
  beforeRequest: BeforeRequestListener | null = null;
  readonly webRequest = {
    onBeforeRequest: (listener: BeforeRequestListener): void => {
      this.beforeRequest = listener;
    },
  };

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }

  setDevicePermissionHandler(handler: ((details: unknown) => boolean) | null): void {
    this.devicePermissionHandler = handler;
  }
}

export const session = { defaultSession: new FakeSession() };

export class FakeWebFrame {
  constructor(
    public url: string,
    readonly parent: FakeWebFrame | null = null,
  ) {}
}

let nextWebContentsId = 1;

export class FakeWebContents extends FakeEmitter {
  readonly id = nextWebContentsId++;
  readonly mainFrame = new FakeWebFrame('');
  readonly sent: { channel: string; args: unknown[] }[] = [];
  readonly session = session.defaultSession;
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  destroyed = false;

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  getURL(): string {
    return this.mainFrame.url;
  }
}

export interface FakeWindowOptions {
  readonly webPreferences?: Readonly<Record<string, unknown>>;
  readonly [key: string]: unknown;
}

export class FakeBrowserWindow extends FakeEmitter {
  static all: FakeBrowserWindow[] = [];
  static focused: FakeBrowserWindow | null = null;

  static getFocusedWindow(): FakeBrowserWindow | null {
    return FakeBrowserWindow.focused;
  }

  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.all.filter((w) => !w.destroyed);
  }

  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  destroyed = false;
  shown = false;
  focusCount = 0;

  constructor(readonly options: FakeWindowOptions = {}) {
    super();
    FakeBrowserWindow.all.push(this);
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }

  show(): void {
    this.shown = true;
  }

  focus(): void {
    this.focusCount++;
  }

  isMinimized(): boolean {
    return false;
  }

  restore(): void {}
}

export const BrowserWindow = FakeBrowserWindow;

export type FakeHandler = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, FakeHandler>(),
  handle(channel: string, handler: FakeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
  /** Test helper: calls a handler as Electron does for ipcRenderer.invoke (always a promise). */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  },
};

/** An IPC event as ipcMain.handle's handlers receive it. */
export function fakeInvokeEvent(sender: FakeWebContents, frameUrl: string | null, subframe = false): { sender: FakeWebContents; senderFrame: FakeWebFrame | null } {
  if (frameUrl === null) return { sender, senderFrame: null };
  return { sender, senderFrame: subframe ? new FakeWebFrame(frameUrl, sender.mainFrame) : Object.assign(sender.mainFrame, { url: frameUrl }) };
}

class FakeIpcRenderer extends FakeEmitter {
  readonly invocations: { channel: string; args: unknown[] }[] = [];
  /** What invoke answers; default: resolves undefined. */
  respond: (channel: string, args: unknown[]) => Promise<unknown> = () => Promise.resolve(undefined);

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    return this.respond(channel, args);
  }
}

export const ipcRenderer = new FakeIpcRenderer();

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    this.exposed.set(key, api);
  },
};

export interface FakeDialogCall {
  readonly kind: 'open' | 'save' | 'message';
  readonly window: unknown;
  readonly options: Readonly<Record<string, unknown>>;
}

export const dialog = {
  calls: [] as FakeDialogCall[],
  openResponses: [] as { canceled: boolean; filePaths: string[] }[],
  saveResponses: [] as { canceled: boolean; filePath?: string }[],
  showOpenDialog(window: unknown, options?: Record<string, unknown>): Promise<{ canceled: boolean; filePaths: string[] }> {
    this.calls.push(options === undefined ? { kind: 'open', window: null, options: window as Record<string, unknown> } : { kind: 'open', window, options });
    return Promise.resolve(this.openResponses.shift() ?? { canceled: true, filePaths: [] });
  },
  messageBoxResponses: [] as number[],
  showMessageBoxSync(_window: unknown, options: Record<string, unknown>): number {
    this.calls.push({ kind: 'message', window: _window, options });
    return this.messageBoxResponses.shift() ?? Number(options['cancelId'] ?? 0);
  },
  showSaveDialog(window: unknown, options?: Record<string, unknown>): Promise<{ canceled: boolean; filePath?: string }> {
    this.calls.push(options === undefined ? { kind: 'save', window: null, options: window as Record<string, unknown> } : { kind: 'save', window, options });
    return Promise.resolve(this.saveResponses.shift() ?? { canceled: true, filePath: '' });
  },
};

export type FakeProtocolHandler = (request: Request) => Response | Promise<Response>;

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, FakeProtocolHandler>(),
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: FakeProtocolHandler): void {
    this.handlers.set(scheme, handler);
  },
  unhandle(scheme: string): void {
    this.handlers.delete(scheme);
  },
};

class FakeApp extends FakeEmitter {
  isPackaged = false;
  appPath = '/fake/app';
  name = 'L7 Lab';
  hasSingleInstanceLock = true;
  sandboxEnabled = false;
  quitCount = 0;
  ready = false;
  private resolveReady: () => void = () => {};
  private readyPromise = new Promise<void>((resolve) => (this.resolveReady = resolve));

  getAppPath(): string {
    return this.appPath;
  }

  getPath(name: string): string {
    return `/fake/${name}`;
  }

  isReady(): boolean {
    return this.ready;
  }

  getName(): string {
    return this.name;
  }

  requestSingleInstanceLock(): boolean {
    return this.hasSingleInstanceLock;
  }

  enableSandbox(): void {
    this.sandboxEnabled = true;
  }

  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  /** Test helper: makes whenReady() resolve and emits 'ready'. */
  becomeReady(): void {
    this.ready = true;
    this.resolveReady();
    this.emit('ready');
  }

  quit(): void {
    this.quitCount++;
  }

  reset(): void {
    this.removeAllListeners();
    this.isPackaged = false;
    this.appPath = '/fake/app';
    this.hasSingleInstanceLock = true;
    this.sandboxEnabled = false;
    this.quitCount = 0;
    this.ready = false;
    this.readyPromise = new Promise<void>((resolve) => (this.resolveReady = resolve));
  }
}

export const app = new FakeApp();

export const Menu = {
  applicationMenu: null as { template: unknown } | null,
  buildFromTemplate(template: unknown): { template: unknown } {
    return { template };
  },
  setApplicationMenu(menu: { template: unknown } | null): void {
    this.applicationMenu = menu;
  },
};

export function resetFakeElectron(): void {
  app.reset();
  FakeBrowserWindow.all = [];
  FakeBrowserWindow.focused = null;
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invocations.length = 0;
  ipcRenderer.respond = () => Promise.resolve(undefined);
  contextBridge.exposed.clear();
  dialog.calls.length = 0;
  dialog.openResponses.length = 0;
  dialog.saveResponses.length = 0;
  protocol.privileged.length = 0;
  protocol.handlers.clear();
  Menu.applicationMenu = null;
  session.defaultSession = new FakeSession();
}
