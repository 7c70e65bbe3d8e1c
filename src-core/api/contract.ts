/**
 * The one typed contract between the renderer and its host.
 *
 * The renderer calls `L7Host` and nothing else. Two hosts implement it:
 * - Electron: the preload exposes exactly these functions as the global `l7`,
 *   each forwarded over IPC to the main process, which runs scenarios in a
 *   worker thread;
 * - the web host: the same functions in the page, with the runner in a Web
 *   Worker and files through the File System Access API where the browser
 *   has it (Chromium), else a file input and downloads.
 * Everything that crosses a process or thread boundary is plain structured-
 * clonable data typed here: no `any`, no class instances, errors as
 * `HostError` (name, message).
 *
 * Naming (VS Code's ipc.ts habit): requests are verbs returning promises;
 * event streams are `onSomething(listener) → unsubscribe`.
 */
import type { ScenarioIssue } from '../scenario/errors';
import type { TraceBatch, TraceNode } from '../trace/types';

/** A built-in lesson, listed from resources/lessons. */
export interface LessonInfo {
  /** File name without ".l7.json", e.g. "sockets-tcp". */
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

/**
 * Where a host keeps a file, for the host alone: an absolute path in Electron;
 * in the web host `handle:<n>`, the key of a File System Access file handle
 * (a page session's; unknown after a reload); null when there is none (a new
 * document, a lesson, a file opened or saved without that API). Shown to people
 * through fileLocation, never as it is.
 */
export type FilePath = string | null;

/** The prefix of the web host's file-handle keys (see FilePath). */
export const HANDLE_PATH_PREFIX = 'handle:';

/** What to show for where a file is: its path in Electron, else its name. */
export function fileLocation(file: { readonly path: FilePath; readonly name: string }): string {
  return file.path === null || file.path.startsWith(HANDLE_PATH_PREFIX) ? file.name : file.path;
}

/** A text file the user opened (or a lesson). */
export interface OpenedFile {
  readonly path: FilePath;
  /** Display name: "sockets-tcp.l7.json". */
  readonly name: string;
  readonly text: string;
}

export interface SaveRequest {
  /** Where to save without asking (Save); null asks (Save As, or a new file), as does a key the host no longer knows. */
  readonly path: FilePath;
  readonly suggestedName: string;
  readonly text: string;
}

export interface SavedFile {
  readonly path: FilePath;
  readonly name: string;
}

export type ExportKind = 'png' | 'svg' | 'json' | 'pcapng' | 'csv';

export interface ExportRequest {
  readonly kind: ExportKind;
  readonly suggestedName: string;
  /** PNG bytes or text (SVG, JSON, CSV). */
  readonly data: Uint8Array | string;
}

export interface RunRequest {
  /** Chosen by the renderer, unique per run; every RunEvent names it. */
  readonly runId: string;
  /** The scenario as plain JSON (the host validates it again: never trust the other side). */
  readonly scenario: unknown;
  /** Overrides the scenario's seed. */
  readonly seed?: number;
}

export interface RunProgressInfo {
  /** Simulated time reached, ns. */
  readonly simTime: number;
  /** The scenario's end time, ns. */
  readonly endTime: number;
  readonly kernelEvents: number;
  readonly traceEvents: number;
}

export interface RunSummary {
  readonly stopReason: 'idle' | 'end-time' | 'event-budget' | 'cancelled';
  /** Simulated time when the run stopped, ns. */
  readonly endTime: number;
  readonly traceEvents: number;
  readonly seed: number;
}

export interface HostError {
  readonly name: string;
  readonly message: string;
}

export type RunEvent =
  | { readonly type: 'run.started'; readonly runId: string; readonly nodes: readonly TraceNode[]; readonly seed: number; readonly scenarioName: string }
  | { readonly type: 'run.batch'; readonly runId: string; readonly batch: TraceBatch }
  | { readonly type: 'run.progress'; readonly runId: string; readonly progress: RunProgressInfo }
  | { readonly type: 'run.finished'; readonly runId: string; readonly summary: RunSummary }
  /** The scenario did not validate: nothing ran. */
  | { readonly type: 'run.invalid'; readonly runId: string; readonly issues: readonly ScenarioIssue[] }
  /** The runner failed (an internal error, or its worker crashed or hung); a fresh runner serves the next run. */
  | { readonly type: 'run.failed'; readonly runId: string; readonly error: HostError };

/** Commands from the native menu (and their keyboard accelerators). */
export type MenuCommand =
  | 'file.new'
  | 'file.open'
  | 'file.save'
  | 'file.saveAs'
  | 'file.export'
  | 'edit.undo'
  | 'edit.redo'
  | 'run.start'
  | 'run.cancel'
  | 'view.toggleTransport'
  | 'view.toggleStates'
  | 'view.toggleGaps'
  | 'view.zoomIn'
  | 'view.zoomOut'
  | 'view.fit'
  | 'help.about';

export const MENU_COMMANDS: readonly MenuCommand[] = [
  'file.new',
  'file.open',
  'file.save',
  'file.saveAs',
  'file.export',
  'edit.undo',
  'edit.redo',
  'run.start',
  'run.cancel',
  'view.toggleTransport',
  'view.toggleStates',
  'view.toggleGaps',
  'view.zoomIn',
  'view.zoomOut',
  'view.fit',
  'help.about',
];

export type Unsubscribe = () => void;

export interface L7Host {
  readonly kind: 'electron' | 'web';
  /** Built-in lessons, in display order. */
  listLessons(): Promise<LessonInfo[]>;
  openLesson(id: string): Promise<OpenedFile>;
  /** Asks the user for a scenario file; null when they cancel. */
  openFile(): Promise<OpenedFile | null>;
  /**
   * Writes atomically (the old file stays whole until the new text is all
   * written); null when the user cancels the dialog.
   */
  saveFile(request: SaveRequest): Promise<SavedFile | null>;
  exportFile(request: ExportRequest): Promise<SavedFile | null>;
  /** Starts a run; its events arrive through onRunEvent. Starting a run cancels the previous one. */
  startRun(request: RunRequest): Promise<void>;
  /** Asks the runner to stop; answered by run.finished with stopReason "cancelled" (within 100 ms). */
  cancelRun(runId: string): Promise<void>;
  onRunEvent(listener: (event: RunEvent) => void): Unsubscribe;
  onMenuCommand(listener: (command: MenuCommand) => void): Unsubscribe;
}

/** The IPC channel names, one per request and per event stream (Electron host). */
export const IPC = {
  listLessons: 'l7:listLessons',
  openLesson: 'l7:openLesson',
  openFile: 'l7:openFile',
  saveFile: 'l7:saveFile',
  exportFile: 'l7:exportFile',
  startRun: 'l7:startRun',
  cancelRun: 'l7:cancelRun',
  runEvent: 'l7:runEvent',
  menuCommand: 'l7:menuCommand',
} as const;
