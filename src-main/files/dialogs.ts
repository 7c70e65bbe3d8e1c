/**
 * Opening, saving and exporting the user's files through native dialogs.
 *
 * Rules:
 * - Opening reads at most MAX_SCENARIO_BYTES (20 MB), as UTF-8 text; a larger
 *   file is refused with a message saying so, before it is read. Bytes that
 *   are not UTF-8 (a binary file, UTF-16, a stray Latin-1 byte) are refused
 *   with what and where (scenario/decode-text.ts), never replaced by U+FFFD.
 * - Every write is atomic (files/atomic-write.ts): the file is wholly the old
 *   or wholly the new content.
 * - The renderer may name a path to save to without a dialog (Save) only if
 *   the user chose that path in a dialog during this session (opened it or
 *   saved it). Any other path gets a Save dialog: a compromised renderer
 *   cannot write anywhere on its own.
 * - A name typed without an extension gets the filter's extension, unless a
 *   file by the typed name already exists (the dialog already asked the user
 *   to replace that one).
 * - Cancelling a dialog gives null.
 */
import { BrowserWindow, dialog, type FileFilter, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { ExportKind, ExportRequest, OpenedFile, SavedFile, SaveRequest } from '../../src-core/api/contract';
import { decodeText } from '../../src-core/scenario/decode-text';
import { formatIssue } from '../../src-core/scenario/errors';
import { writeFileAtomic } from './atomic-write';

export const MAX_SCENARIO_BYTES = 20 * 1024 * 1024;

export const SCENARIO_SUFFIX = '.l7.json';

/**
 * Filters name single extensions: macOS and Windows match only the last one,
 * so "l7.json" would hide every scenario there. The label says what we mean.
 */
export const SCENARIO_FILTERS: FileFilter[] = [
  { name: 'L7 scenario (*.l7.json)', extensions: ['json'] },
  { name: 'All files', extensions: ['*'] },
];

export const EXPORT_FILTERS: { readonly [K in ExportKind]: FileFilter } = {
  png: { name: 'PNG image', extensions: ['png'] },
  svg: { name: 'SVG image', extensions: ['svg'] },
  json: { name: 'L7 trace (JSON)', extensions: ['json'] },
  pcapng: { name: 'Packets for Wireshark (pcapng)', extensions: ['pcapng'] },
  csv: { name: 'Comma-separated values (CSV)', extensions: ['csv'] },
};

export class FileTooLargeError extends Error {
  override readonly name = 'FileTooLargeError';
}

/** The file is not UTF-8 text; the message names the file and says what and where, e.g. "lab.l7.json:3:9: byte 40: invalid UTF-8 (0xE9 0x22); …". */
export class NotUtf8TextError extends Error {
  override readonly name = 'NotUtf8TextError';
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Reads a scenario file the user chose, refusing anything over 20 MB and anything that is not UTF-8 text. */
export async function readScenarioFile(path: string): Promise<OpenedFile> {
  const name = basename(path);
  const info = await stat(path);
  if (!info.isFile()) throw new Error(`"${name}" is not a file.`);
  if (info.size > MAX_SCENARIO_BYTES) {
    throw new FileTooLargeError(`"${name}" is ${megabytes(info.size)}: L7 Lab opens scenario files of up to ${megabytes(MAX_SCENARIO_BYTES)}.`);
  }
  const decoded = decodeText(await readFile(path));
  if (!decoded.ok) throw new NotUtf8TextError(formatIssue(decoded.issue, name));
  return { path, name, text: decoded.text };
}

/** A plain file name from a name the renderer suggests: no folders, no characters that Windows forbids. */
export function safeFileName(suggested: string, fallback: string): string {
  const name = basename(suggested.replace(/\\/g, '/'))
    .replace(/[<>:"|?*\u0000-\u001f]/g, '_')
    .trim();
  return name === '' || name === '.' || name === '..' ? fallback : name;
}

function withExtension(path: string, extension: string): string {
  return extname(path) === '' && !existsSync(path) ? path + extension : path;
}

export class FileDialogs {
  /** Paths the user chose in a dialog this session: Save may write them without asking. */
  private readonly granted = new Set<string>();

  constructor(
    private readonly getWindow: () => BrowserWindow | null,
    /** Where Save dialogs start (the user's documents folder). */
    private readonly defaultDir: () => string,
  ) {}

  async openFile(): Promise<OpenedFile | null> {
    const options: OpenDialogOptions = { title: 'Open Scenario', properties: ['openFile'], filters: SCENARIO_FILTERS };
    const window = this.getWindow();
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    const path = result.filePaths[0];
    if (result.canceled || path === undefined) return null;
    const opened = await readScenarioFile(path);
    this.granted.add(path);
    return opened;
  }

  async saveFile(request: SaveRequest): Promise<SavedFile | null> {
    let path = request.path !== null && this.granted.has(request.path) ? request.path : null;
    if (path === null) {
      const suggested = request.path ?? join(this.defaultDir(), safeFileName(request.suggestedName, `untitled${SCENARIO_SUFFIX}`));
      const chosen = await this.askSavePath({ title: 'Save Scenario', defaultPath: suggested, filters: SCENARIO_FILTERS });
      if (chosen === null) return null;
      path = withExtension(chosen, SCENARIO_SUFFIX);
    }
    await writeFileAtomic(path, request.text);
    this.granted.add(path);
    return { path, name: basename(path) };
  }

  async exportFile(request: ExportRequest): Promise<SavedFile | null> {
    const extension = `.${request.kind}`;
    const name = safeFileName(request.suggestedName, `trace${extension}`);
    const chosen = await this.askSavePath({
      title: 'Export',
      defaultPath: join(this.defaultDir(), extname(name) === '' ? name + extension : name),
      filters: [EXPORT_FILTERS[request.kind]],
    });
    if (chosen === null) return null;
    const path = withExtension(chosen, extension);
    await writeFileAtomic(path, request.data);
    return { path, name: basename(path) };
  }

  private async askSavePath(options: SaveDialogOptions): Promise<string | null> {
    const window = this.getWindow();
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  }
}
