// End-to-end tests of the desktop app: Playwright drives the built Electron
// app (out/, built by `electron-vite build`). They need the Electron binary;
// where it is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD) every spec skips
// and says why. The web build's tests are in playwright.config.ts.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './electron',
  outputDir: '../test-results/playwright-electron',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env['CI'],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
});
