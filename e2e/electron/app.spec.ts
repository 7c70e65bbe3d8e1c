// The desktop app end to end: the built main process, preload and renderer
// in a real Electron, driven by Playwright. Run after `electron-vite build`:
//   npx playwright test -c e2e/electron.playwright.config.ts
// Where the Electron binary is not installed, every test skips and the
// reason is printed.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { L7Host, RunEvent } from '../../src-core/api/contract';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NOT_INSTALLED = 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD): the desktop specs run where it exists';
const TCP_LESSON = 'Socket programming: TCP';

/**
 * Where the Electron executable is, found the way the electron package does
 * (path.txt names it inside dist/, or ELECTRON_OVERRIDE_DIST_PATH), without
 * requiring the package: its index.js downloads the binary when missing.
 */
function findElectron(): { path: string } | { skip: string } {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { skip: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { skip: NOT_INSTALLED };
  const name = readFileSync(pathFile, 'utf8').trim();
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const path = override ? join(override, name) : join(packageDir, 'dist', name);
  return existsSync(path) ? { path } : { skip: `${NOT_INSTALLED} (expected at ${path})` };
}

const found = findElectron();
if ('skip' in found) console.log(`e2e/electron: skipped: ${found.skip}`);

/** What the page's global scope offers (the root tsconfig has no DOM types). */
interface PageScope {
  l7: L7Host;
  require?: unknown;
  process?: unknown;
  location: { href: string };
  open(url: string): unknown;
  navigator: { permissions: { query(d: { name: string }): Promise<{ state: string }> } };
  fetch(url: string): Promise<{ status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>;
}

test.describe('desktop app', () => {
  // Skipped where no Electron binary is installed; the reason (found.skip) is printed above and given here.
  test.skip('skip' in found, 'skip' in found ? found.skip : 'the Electron binary is installed');

  let app: ElectronApplication;
  let page: Page;

  test.beforeAll(async () => {
    if (!('path' in found)) return;
    if (!existsSync(join(ROOT, 'out', 'main', 'index.js'))) throw new Error('Build the app first: npx electron-vite build');
    // "." (package.json main → out/main/index.js) rather than the script itself,
    // so that app.getAppPath() is the repository and resources/ is found.
    // Chromium refuses to start as root without --no-sandbox (containers).
    const rootUser = process.getuid?.() === 0;
    app = await electron.launch({ executablePath: found.path, args: [...(rootUser ? ['--no-sandbox'] : []), '.'], cwd: ROOT });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
  });

  test('opens one locked-down window served from app://l7', async () => {
    expect(page.url()).toBe('app://l7/index.html');
    await expect(page).toHaveTitle(/L7 Lab/);
    const scope = await page.evaluate(() => {
      const g = globalThis as unknown as PageScope;
      return { require: typeof g.require, process: typeof g.process, l7: Object.keys(g.l7).sort(), kind: g.l7.kind };
    });
    expect(scope).toEqual({
      require: 'undefined',
      process: 'undefined',
      l7: ['cancelRun', 'exportFile', 'kind', 'listLessons', 'onMenuCommand', 'onRunEvent', 'openFile', 'openLesson', 'saveFile', 'startRun'].sort(),
      kind: 'electron',
    });
    const windows = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.webContents.getURL()));
    expect(windows).toEqual(['app://l7/index.html']);
  });

  test('serves the page with its CSP and refuses paths outside the renderer', async () => {
    const result = await page.evaluate(async () => {
      const g = globalThis as unknown as PageScope;
      const index = await g.fetch('app://l7/index.html');
      const escape = await g.fetch('app://l7/%2E%2E%2F%2E%2E%2Fpackage.json');
      return { csp: index.headers.get('content-security-policy'), escape: escape.status };
    });
    expect(result.csp).toMatch(/^default-src 'self'; script-src 'self';/);
    expect(result.escape).toBe(404);
  });

  test('lists the built-in lessons', async () => {
    const lessons = await page.evaluate(() => (globalThis as unknown as PageScope).l7.listLessons());
    expect(lessons.map((l) => l.id)).toEqual(expect.arrayContaining(['sockets-tcp', 'sockets-udp']));
    expect(lessons.find((l) => l.id === 'sockets-tcp')?.title).toBe(TCP_LESSON);
    await expect(page.getByLabel('Lesson').locator('option', { hasText: TCP_LESSON })).toHaveCount(1);
  });

  test('runs a lesson through the worker thread and shows its messages', async () => {
    // Through the bridge: events stream from the runner thread.
    const events = await page.evaluate(async () => {
      const l7 = (globalThis as unknown as PageScope).l7;
      const lesson = await l7.openLesson('sockets-tcp');
      const seen: RunEvent['type'][] = [];
      let messages = 0;
      await new Promise<void>((done) => {
        const stop = l7.onRunEvent((event) => {
          if (event.runId !== 'e2e') return;
          seen.push(event.type);
          if (event.type === 'run.batch') messages += event.batch.events.filter((e) => e.kind === 'message').length;
          if (event.type === 'run.finished' || event.type === 'run.failed' || event.type === 'run.invalid') {
            stop();
            done();
          }
        });
        void l7.startRun({ runId: 'e2e', scenario: JSON.parse(lesson.text) as unknown });
      });
      return { first: seen[0], last: seen.at(-1), batches: seen.filter((t) => t === 'run.batch').length, messages };
    });
    expect(events).toMatchObject({ first: 'run.started', last: 'run.finished', messages: 26 });
    expect(events.batches).toBeGreaterThan(0);

    // Through the UI, as a user does.
    await page.getByLabel('Lesson').selectOption({ label: TCP_LESSON });
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('Finished');
    await expect(page.getByRole('listbox', { name: 'Messages' }).getByRole('option')).toHaveCount(26);
  });

  test('denies navigation, new windows and permissions', async () => {
    const opened = await page.evaluate(() => (globalThis as unknown as PageScope).open('https://example.com/') === null);
    expect(opened).toBe(true);
    await page.evaluate(() => {
      (globalThis as unknown as PageScope).location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('app://l7/index.html');
    expect(app.windows()).toHaveLength(1);
    const notifications = await page.evaluate(() => (globalThis as unknown as PageScope).navigator.permissions.query({ name: 'notifications' }).then((p) => p.state));
    expect(notifications).toBe('denied');
  });
});
