// File System Access pickers for tests, backed by the origin-private file
// system (OPFS): the handles are the browser's own FileSystemFileHandles, so
// the app's reads and writes (getFile, createWritable, close) are real. The
// test says which file the next picker returns (queuePickedFile) and reads
// and writes files there (readPrivateFile, writePrivateFile). A picker with
// nothing queued is cancelled (AbortError), as when the user presses Escape.
import type { Page } from '@playwright/test';

/** Installed before the page's own scripts (guard.ts, files: 'opfs'). */
export const OPFS_PICKERS_SCRIPT = `(() => {
  const queue = [];
  const calls = [];
  const dir = () => navigator.storage.getDirectory();
  const cancelled = () => new DOMException('The user aborted a request.', 'AbortError');
  window.__l7Pickers = { queue, calls };
  window.showOpenFilePicker = async (options) => {
    calls.push({ picker: 'open', types: options && options.types });
    const name = queue.shift();
    if (name === undefined) throw cancelled();
    return [await (await dir()).getFileHandle(name)];
  };
  window.showSaveFilePicker = async (options) => {
    calls.push({ picker: 'save', suggestedName: options && options.suggestedName });
    const name = queue.shift();
    if (name === undefined) throw cancelled();
    return (await dir()).getFileHandle(name, { create: true });
  };
})();`;

export interface PickerCall {
  readonly picker: 'open' | 'save';
  readonly suggestedName?: string;
}

/** The next picker (open or save) returns the private file `name`. */
export async function queuePickedFile(page: Page, name: string): Promise<void> {
  await page.evaluate(`window.__l7Pickers.queue.push(${JSON.stringify(name)})`);
}

/** The pickers shown so far, in order. */
export async function pickerCalls(page: Page): Promise<PickerCall[]> {
  return (await page.evaluate(`window.__l7Pickers.calls.map((c) => ({ picker: c.picker, suggestedName: c.suggestedName }))`)) as PickerCall[];
}

export async function writePrivateFile(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(`(async () => {
    const handle = await (await navigator.storage.getDirectory()).getFileHandle(${JSON.stringify(name)}, { create: true });
    const stream = await handle.createWritable();
    await stream.write(${JSON.stringify(text)});
    await stream.close();
  })()`);
}

export async function readPrivateFile(page: Page, name: string): Promise<string> {
  return (await page.evaluate(`(async () => (await (await (await navigator.storage.getDirectory()).getFileHandle(${JSON.stringify(name)})).getFile()).text())()`)) as string;
}
