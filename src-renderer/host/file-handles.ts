/**
 * Scenario files through the File System Access API (Chromium: the
 * `showOpenFilePicker` / `showSaveFilePicker` pickers), so that the web host
 * saves back to the file it opened, as a desktop app does, instead of
 * offering a new download each time.
 *
 * Rules:
 * - A file opened or saved here gets a key, `handle:<n>` (contract.ts
 *   FilePath), that the renderer keeps as the document's path; Save with a
 *   known key writes to that file without asking. A key this page does not
 *   know (one recovered after a reload: handles live in the page) asks, as
 *   Save As does.
 * - Writes go through `createWritable()`: the browser writes a swap file and
 *   replaces the file only on `close()`, so a failed write leaves the old
 *   file whole; on failure the stream is aborted and the error is raised.
 * - Writing to a file that was opened needs read-write permission; the
 *   handle is asked for it (the browser asks the user) and a refusal falls
 *   back to the save picker.
 * - Cancelling a picker (AbortError) is not an error: the result is null.
 * Browsers without the API use the file input and downloads (files.ts).
 */
import { HANDLE_PATH_PREFIX, type OpenedFile, type SavedFile, type SaveRequest } from '../../src-core/api/contract';
import { t } from '../i18n/translate';
import { readTextFile, type FileLike } from './files';

/** The part of a FileSystemWritableFileStream used here. */
export interface WritableLike {
  write(data: string): Promise<void>;
  close(): Promise<void>;
  abort(reason?: unknown): Promise<void>;
}

/** The part of a FileSystemFileHandle used here. */
export interface FileHandleLike {
  readonly name: string;
  getFile(): Promise<FileLike>;
  createWritable(): Promise<WritableLike>;
  queryPermission?(descriptor: { mode: 'read' | 'readwrite' }): Promise<PermissionState>;
  requestPermission?(descriptor: { mode: 'read' | 'readwrite' }): Promise<PermissionState>;
}

export interface PickerType {
  readonly description: string;
  readonly accept: Readonly<Record<string, readonly string[]>>;
}

/** The window's two pickers (WICG File System Access). */
export interface FilePickers {
  showOpenFilePicker(options: { types: readonly PickerType[]; multiple: false; id: string }): Promise<readonly FileHandleLike[]>;
  showSaveFilePicker(options: { types: readonly PickerType[]; suggestedName: string; id: string }): Promise<FileHandleLike>;
}

/** Scenario files in the pickers' type list (the name ends in .l7.json; .json is accepted too). */
export const SCENARIO_PICKER_TYPES: readonly PickerType[] = [
  { description: t('host.pickerType'), accept: { 'application/json': ['.json'] } },
];

/** The pickers remember the last folder under this id. */
const PICKER_ID = 'l7-scenarios';

/** The window's pickers when it has both; null otherwise (then files.ts's input and downloads are used). */
export function filePickersOf(scope: object): FilePickers | null {
  const candidate = scope as Partial<Record<keyof FilePickers, unknown>>;
  if (typeof candidate.showOpenFilePicker !== 'function' || typeof candidate.showSaveFilePicker !== 'function') return null;
  const open = candidate.showOpenFilePicker as FilePickers['showOpenFilePicker'];
  const save = candidate.showSaveFilePicker as FilePickers['showSaveFilePicker'];
  // called on the window, as the API requires
  return { showOpenFilePicker: (options) => open.call(scope, options), showSaveFilePicker: (options) => save.call(scope, options) };
}

const isAbort = (error: unknown) => error instanceof Error && error.name === 'AbortError';

export class HandleFiles {
  private readonly handles = new Map<string, FileHandleLike>();
  private count = 0;

  constructor(private readonly pickers: FilePickers) {}

  /** Asks for a scenario file; null when the user cancels. Rejects, saying why, for a file that is not text. */
  async open(): Promise<OpenedFile | null> {
    let picked: readonly FileHandleLike[];
    try {
      picked = await this.pickers.showOpenFilePicker({ types: SCENARIO_PICKER_TYPES, multiple: false, id: PICKER_ID });
    } catch (error) {
      if (isAbort(error)) return null;
      throw error;
    }
    const handle = picked[0];
    if (!handle) return null;
    const file = await readTextFile(await handle.getFile());
    return { path: this.keep(handle), name: handle.name, text: file.text };
  }

  /** Saves to the file the request's key names, else asks where; null when the user cancels. */
  async save(request: SaveRequest): Promise<SavedFile | null> {
    const known = request.path === null ? undefined : this.handles.get(request.path);
    if (known && (await mayWrite(known))) {
      await writeText(known, request.text);
      return { path: request.path, name: known.name };
    }
    let handle: FileHandleLike;
    try {
      handle = await this.pickers.showSaveFilePicker({ types: SCENARIO_PICKER_TYPES, suggestedName: request.suggestedName, id: PICKER_ID });
    } catch (error) {
      if (isAbort(error)) return null;
      throw error;
    }
    await writeText(handle, request.text);
    return { path: this.keep(handle), name: handle.name };
  }

  private keep(handle: FileHandleLike): string {
    const key = `${HANDLE_PATH_PREFIX}${++this.count}`;
    this.handles.set(key, handle);
    return key;
  }
}

/** True when the handle may be written (asking the user if it must). */
async function mayWrite(handle: FileHandleLike): Promise<boolean> {
  const mode = { mode: 'readwrite' } as const;
  if (!handle.queryPermission || !handle.requestPermission) return true;
  if ((await handle.queryPermission(mode)) === 'granted') return true;
  return (await handle.requestPermission(mode)) === 'granted';
}

async function writeText(handle: FileHandleLike, text: string): Promise<void> {
  const stream = await handle.createWritable();
  try {
    await stream.write(text);
  } catch (error) {
    await stream.abort(error).catch(() => undefined);
    throw new Error(t('host.writeFailed', { file: handle.name, message: error instanceof Error ? error.message : String(error) }));
  }
  await stream.close();
}
