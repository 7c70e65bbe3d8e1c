/**
 * The main process's half of the contract: one `ipcMain.handle` per request
 * channel of IPC, and the two event streams sent to the window.
 *
 * Every request is checked before anything else:
 * 1. the sender is our window's web contents, and the sending frame is its
 *    top frame showing the app's own origin (app://l7, or the dev server in
 *    development): a frame or window that navigated elsewhere, or any other
 *    web contents, is refused with ForbiddenSenderError;
 * 2. every argument has the contract's shape (validate.ts), else
 *    ArgumentError naming it.
 * Handlers are typed against L7Host, so a change to the contract breaks the
 * build here rather than at run time.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC, type L7Host, type MenuCommand, type RunEvent } from '../../src-core/api/contract';
import { isAppUrl } from '../origin';
import { expectRunId, expectString, parseExportRequest, parseRunRequest, parseSaveRequest } from './validate';

/** What the handlers do once a request is checked; index.ts wires the real modules. */
export interface HostServices {
  listLessons: L7Host['listLessons'];
  openLesson: L7Host['openLesson'];
  openFile: L7Host['openFile'];
  saveFile: L7Host['saveFile'];
  exportFile: L7Host['exportFile'];
  startRun(request: Parameters<L7Host['startRun']>[0]): void;
  cancelRun(runId: string): void;
}

export interface IpcOptions {
  readonly getWindow: () => BrowserWindow | null;
  readonly devUrl: string | null;
  readonly services: HostServices;
}

export class ForbiddenSenderError extends Error {
  override readonly name = 'ForbiddenSenderError';
}

/** The request channels: every IPC entry except the two event streams. */
export type RequestName = Exclude<keyof typeof IPC, 'runEvent' | 'menuCommand'>;

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, window: BrowserWindow | null, devUrl: string | null): boolean {
  if (!window || window.isDestroyed() || event.sender.id !== window.webContents.id) return false;
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url, devUrl);
}

/** Registers every request handler; returns a function that removes them. */
export function registerIpcHandlers({ getWindow, devUrl, services }: IpcOptions): () => void {
  const handlers: { [K in RequestName]: (args: readonly unknown[]) => ReturnType<L7Host[K]> } = {
    listLessons: () => services.listLessons(),
    openLesson: ([id]) => services.openLesson(expectString('openLesson', 'id', id)),
    openFile: () => services.openFile(),
    saveFile: ([request]) => services.saveFile(parseSaveRequest(request)),
    exportFile: ([request]) => services.exportFile(parseExportRequest(request)),
    startRun: async ([request]) => services.startRun(parseRunRequest(request)),
    cancelRun: async ([runId]) => services.cancelRun(expectRunId('cancelRun', runId)),
  };
  const names = Object.keys(handlers) as RequestName[];
  for (const name of names) {
    const handle = handlers[name];
    ipcMain.handle(IPC[name], async (event, ...args: unknown[]) => {
      if (!isTrustedSender(event, getWindow(), devUrl)) {
        throw new ForbiddenSenderError(`${name}: refused, the request did not come from L7 Lab's own page`);
      }
      return handle(args);
    });
  }
  return () => names.forEach((name) => ipcMain.removeHandler(IPC[name]));
}

function send(window: BrowserWindow | null, channel: string, payload: RunEvent | MenuCommand): void {
  if (!window || window.isDestroyed() || window.webContents.isDestroyed()) return;
  window.webContents.send(channel, payload);
}

export function sendRunEvent(window: BrowserWindow | null, event: RunEvent): void {
  send(window, IPC.runEvent, event);
}

export function sendMenuCommand(window: BrowserWindow | null, command: MenuCommand): void {
  send(window, IPC.menuCommand, command);
}
