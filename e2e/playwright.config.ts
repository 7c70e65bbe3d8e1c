// End-to-end tests of the web build (dist-web, built by `npm run build:web`)
// in Debian's Chromium, served by `vite preview` on localhost:4173.
// Electron's own tests live in e2e/electron/ with their own config.
import { defineConfig, devices } from '@playwright/test';

/** L7_E2E_PORT lets several checkouts run their e2e suites at once. */
const PORT = Number(process.env['L7_E2E_PORT'] ?? 4173);
const BASE_URL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: './web',
  outputDir: '../test-results/playwright',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env['CI'],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      },
    },
  ],
  webServer: {
    command: `npx vite preview -c src-renderer/vite.web.config.ts --port ${PORT} --strictPort`,
    cwd: '..',
    url: BASE_URL,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
