// Checks every web test makes: the page never requests anything outside its
// own origin (the app works offline) and logs no console error or uncaught
// exception. Each spec calls guardEveryTest() once at its top level.
import { expect, test, type Page } from '@playwright/test';
import { OPFS_PICKERS_SCRIPT } from './opfs-files';

export const SHOTS = 'test-results/screenshots';
export const TCP_LESSON = 'Socket programming: TCP';

/**
 * How the page's scenario files go (host/file-handles.ts):
 * - 'input': the browser has no File System Access pickers, so files open
 *   through a file input and save as downloads, which Playwright drives
 *   (its headless Chromium cannot answer the real pickers);
 * - 'opfs': the pickers hand out files of the page's origin-private file
 *   system (real FileSystemFileHandles, written through createWritable), named
 *   by OPFS_PICKERS_SCRIPT's queue; see opfs-files.ts.
 */
export type FilePickerMode = 'input' | 'opfs';

export interface GuardOptions {
  readonly files?: FilePickerMode;
}

const NO_PICKERS_SCRIPT = `for (const name of ['showOpenFilePicker', 'showSaveFilePicker']) Object.defineProperty(window, name, { value: undefined, configurable: true });`;

export function guardEveryTest(options: GuardOptions = {}): void {
  let foreignRequests: string[] = [];
  let consoleErrors: string[] = [];

  test.beforeEach(async ({ page, baseURL }) => {
    const origin = new URL(baseURL ?? 'http://localhost:4173').origin;
    foreignRequests = [];
    consoleErrors = [];
    page.context().on('request', (request) => {
      const url = request.url();
      if (url.startsWith('data:') || url.startsWith('blob:')) return; // inline or in-page: never leaves it
      if (new URL(url).origin !== origin) foreignRequests.push(url);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(`${error.name}: ${error.message}`));
    await page.addInitScript(options.files === 'opfs' ? OPFS_PICKERS_SCRIPT : NO_PICKERS_SCRIPT);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/');
    await expect(page.getByRole('status')).toHaveText('Ready');
  });

  test.afterEach(() => {
    expect(foreignRequests, 'requests outside the page origin').toEqual([]);
    expect(consoleErrors, 'console errors').toEqual([]);
  });
}

/** The window sizes every screenshot is taken at (a 1440×900 laptop, a 1280×720 projector). */
export const WINDOW_SIZES = [
  [1440, 900],
  [1280, 720],
] as const;

/**
 * Calls `look` at each of WINDOW_SIZES in the light theme then the dark
 * one, after a frame or two for the repaint; screenshots are named
 * `${name}-${width}x${height}-${theme}.png`.
 */
export async function atEveryWindow(page: Page, look: (shot: string) => Promise<void>, name: string): Promise<void> {
  for (const [width, height] of WINDOW_SIZES) {
    await page.setViewportSize({ width, height });
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await page.waitForTimeout(150);
      await look(`${SHOTS}/${name}-${width}x${height}-${theme}.png`);
    }
  }
}
