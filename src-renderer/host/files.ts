/**
 * Files in a browser: open through a hidden file input, save and export as a
 * download of a Blob. Nothing leaves the page: the Blob URL is same-origin.
 * An opened file is read as bytes and decoded strictly (scenario/decode-text.ts):
 * invalid UTF-8 or a binary file is refused, never replaced by U+FFFD as
 * `File.text()` would.
 */
import type { ExportKind } from '../../src-core/api/contract';
import { decodeText } from '../../src-core/scenario/decode-text';
import { formatIssue } from '../../src-core/scenario/errors';
import { t } from '../i18n/translate';

/** Scenario files are small; a bigger file is surely not one, and reading it would stall the page. */
export const MAX_OPEN_BYTES = 20 * 1024 * 1024;

export interface PickedFile {
  readonly name: string;
  readonly text: string;
}

/** Shows the browser's file chooser; null when the user cancels. */
export function pickTextFile(accept: string): Promise<PickedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.hidden = true;
    input.dataset.l7 = 'open-file';
    const finish = () => input.remove();
    input.addEventListener(
      'change',
      () => {
        const file = input.files?.[0];
        finish();
        if (!file) return resolve(null);
        readTextFile(file).then(resolve, reject);
      },
      { once: true },
    );
    input.addEventListener('cancel', () => {
      finish();
      resolve(null);
    }, { once: true });
    document.body.append(input);
    input.click();
  });
}

/** What readTextFile needs of a File. */
export interface FileLike {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** A picked file's text: at most MAX_OPEN_BYTES, UTF-8 (a byte-order mark is dropped); otherwise rejects saying why. */
export async function readTextFile(file: FileLike): Promise<PickedFile> {
  if (file.size > MAX_OPEN_BYTES) {
    throw new Error(t('host.tooLarge', { file: file.name, size: formatSize(file.size), limit: formatSize(MAX_OPEN_BYTES) }));
  }
  const decoded = decodeText(new Uint8Array(await file.arrayBuffer()));
  if (!decoded.ok) throw new Error(formatIssue(decoded.issue, file.name));
  return { name: file.name, text: decoded.text };
}

/** The media type of each export's download (its Blob's type). */
export const EXPORT_MIME_TYPES: Readonly<Record<ExportKind, string>> = {
  png: 'image/png',
  svg: 'image/svg+xml',
  json: 'application/json',
  pcapng: 'application/octet-stream',
  /** RFC 4180 §3: text/csv, with the optional header parameter (the first line names the columns). */
  csv: 'text/csv;charset=utf-8;header=present',
};

/** Offers `blob` as a download named `name`. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; keep the URL a while for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return t('host.size.bytes', { count: bytes });
  if (bytes < 1024 * 1024) return t('host.size.kb', { count: (bytes / 1024).toFixed(1) });
  if (bytes < 1024 * 1024 * 1024) return t('host.size.mb', { count: (bytes / 1024 / 1024).toFixed(1) });
  return t('host.size.gb', { count: (bytes / 1024 / 1024 / 1024).toFixed(1) });
}
