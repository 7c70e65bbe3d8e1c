/**
 * The renderer's view of the Electron host: an L7Host whose functions
 * forward over IPC. preload.ts exposes exactly this object as `window.l7`.
 *
 * Rules (ARCHITECTURE.md "Security"):
 * - only the contract's functions: never ipcRenderer or a generic send;
 * - listeners receive the payload only, never the IpcRendererEvent (whose
 *   `sender` is ipcRenderer itself);
 * - every subscription returns its own unsubscribe;
 * - a rejected request arrives as an Error with the main process's error
 *   name and message (Electron flattens it to "Error invoking remote method
 *   'l7:x': Name: message"; we undo that).
 *
 * This file is bundled into the sandboxed preload: it imports nothing from
 * Node or Electron (the ipcRenderer-like object is passed in).
 */
import { IPC, type L7Host, type MenuCommand, type RunEvent, type Unsubscribe } from '../src-core/api/contract';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

/** The part of Electron's ipcRenderer the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

/** Every member of L7Host, in the contract's order; the type checks below keep it complete. */
export const HOST_MEMBERS = [
  'kind',
  'listLessons',
  'openLesson',
  'openFile',
  'saveFile',
  'exportFile',
  'startRun',
  'cancelRun',
  'onRunEvent',
  'onMenuCommand',
] as const satisfies readonly (keyof L7Host)[];
type Missing = Exclude<keyof L7Host, (typeof HOST_MEMBERS)[number]>;
const complete: [Missing] extends [never] ? true : Missing = true;
void complete;

const REMOTE_ERROR = /^Error invoking remote method '[^']*': (?:([A-Za-z_$][\w$]*): )?([\s\S]*)$/;

/** Turns Electron's flattened IPC error back into an Error with the original name and message. */
export function fromRemoteError(error: unknown): Error {
  if (!(error instanceof Error)) return new Error(String(error));
  const match = REMOTE_ERROR.exec(error.message);
  if (!match) return error;
  const restored = new Error(match[2]);
  restored.name = match[1] ?? 'Error';
  return restored;
}

export function createBridge(ipc: IpcRendererLike): L7Host {
  // The main process's answers are typed by the contract; it is the trusted side.
  const invoke = <T>(channel: string, ...args: unknown[]): Promise<T> =>
    ipc.invoke(channel, ...args).then(
      (result) => result as T,
      (error: unknown) => Promise.reject(fromRemoteError(error)),
    );
  const subscribe = <T>(channel: string, listener: (payload: T) => void): Unsubscribe => {
    const forward: IpcListener = (_event, payload) => listener(payload as T);
    ipc.on(channel, forward);
    return () => {
      ipc.removeListener(channel, forward);
    };
  };
  return {
    kind: 'electron',
    listLessons: () => invoke(IPC.listLessons),
    openLesson: (id) => invoke(IPC.openLesson, id),
    openFile: () => invoke(IPC.openFile),
    saveFile: (request) => invoke(IPC.saveFile, request),
    exportFile: (request) => invoke(IPC.exportFile, request),
    startRun: (request) => invoke(IPC.startRun, request),
    cancelRun: (runId) => invoke(IPC.cancelRun, runId),
    onRunEvent: (listener) => subscribe<RunEvent>(IPC.runEvent, listener),
    onMenuCommand: (listener) => subscribe<MenuCommand>(IPC.menuCommand, listener),
  };
}
