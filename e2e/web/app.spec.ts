// The web build end to end, in Chromium: the app served by `vite preview`,
// its runner in a Web Worker. Every test also checks that the page stays on
// its own origin and logs no console error (afterEach).
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { drawnArrows } from './chart-data';
import { guardEveryTest, SHOTS, TCP_LESSON } from './guard';


guardEveryTest();

const messages = (page: Page) => page.getByRole('listbox', { name: 'Messages' });
const row = (page: Page, text: string) => messages(page).getByRole('option').filter({ hasText: text }).first();
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

/** The main area shows the chart by default; these tests read the message list, its second tab. */
async function showList(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'List' }).click();
}

/** The list header's count of rows (the rows themselves are rendered only in view). */
const shownCount = (page: Page) => page.locator('.message-list-header__count');

async function runTcpLesson(page: Page): Promise<void> {
  await page.getByLabel('Lesson').selectOption({ label: TCP_LESSON });
  await page.getByRole('tab', { name: 'Topology' }).click(); // (a lesson opens on its guide)
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Finished');
  await showList(page);
}

test('runs the TCP socket lesson and lists its messages', async ({ page }) => {
  await expect(page).toHaveTitle(/L7 Lab/);
  await runTcpLesson(page);
  await expect(page.getByRole('status')).toHaveText(/^Finished: nothing left to do at 95\.422 ms · 48 events, 26 messages$/);
  await expect(page.locator('footer')).toHaveAttribute('data-status', 'finished');
  // 26 messages and, among them, the 22 state changes (TCP states, replies received); rows are virtual: the header counts them
  await expect(shownCount(page)).toHaveText('48 shown');
  await expect(messages(page).getByRole('option').first()).toHaveAttribute('aria-setsize', '48');
  await expect(row(page, 'SYN_SENT → ESTABLISHED')).toContainText('Client A');
  await expect(row(page, '[SYN]')).toContainText('Client A → Server');
  await expect(row(page, '[SYN]')).toContainText('0.000');
  await expect(row(page, 'Line "hello from client a"')).toContainText('24.077');
  await expect(row(page, 'Reply "HELLO FROM CLIENT A"')).toContainText('Server → Client A');
  await expect(row(page, 'Line "hello from client a"')).toHaveAttribute('data-layer', 'application');
  await expect(row(page, '[SYN]')).toHaveAttribute('data-layer', 'transport');
  // The topology pane lists the lesson's network; the results show the metrics.
  await expect(page.getByRole('list', { name: 'Nodes' })).toContainText('192.0.2.10');
  await expect(inspector(page).getByRole('table')).toContainText('replyTime');
  await expect(page.getByRole('region', { name: 'Playback' })).toContainText('Playback off · 22 messages shown');
});

test('selects messages with the mouse and the keyboard and inspects them', async ({ page }) => {
  await runTcpLesson(page);
  await row(page, 'Line "hello from client a"').click();
  await expect(row(page, 'Line "hello from client a"')).toHaveAttribute('aria-selected', 'true');
  const details = inspector(page);
  await expect(details).toContainText('event #10');
  await expect(details).toContainText('Application · sockets');
  await expect(details).toContainText('Client A 10.0.1.10:');
  await expect(details).toContainText('Server 192.0.2.10:12000');
  await expect(details).toContainText('24.077 ms');
  await expect(details.getByLabel('Bytes as hex and ASCII')).toContainText('68 65 6c 6c 6f');
  await expect(details.getByLabel('Bytes as hex and ASCII')).toContainText('hello fr');

  await page.keyboard.press('ArrowDown');
  await expect(details).toContainText('event #11');
  await expect(details).toContainText('Transport · tcp');
  await expect(details).toContainText('propagation 12.000 ms');
  await details.getByRole('button', { name: /^#10 Line/ }).first().click(); // caused by (and carries) #10
  await expect(details).toContainText('event #10');
  await expect(row(page, 'Line "hello from client a"')).toHaveAttribute('aria-selected', 'true');

  await messages(page).focus();
  await page.keyboard.press('End');
  await expect(details).toContainText('event #47'); // the last state change: the server's side of B's connection closed
  await expect(details).toContainText('LAST_ACK → CLOSED');
  await page.keyboard.press('Home');
  await expect(details).toContainText('event #0');

  await page.screenshot({ path: `${SHOTS}/light.png` });
  await page.getByRole('switch', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: `${SHOTS}/dark-toggled.png` });
});

test('follows the system colour scheme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await runTcpLesson(page);
  await row(page, 'Reply "HELLO FROM CLIENT A"').click();
  await page.screenshot({ path: `${SHOTS}/dark.png` });
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('hides and shows transport messages', async ({ page }) => {
  await runTcpLesson(page);
  const toggle = page.getByLabel('Show transport messages (TCP, UDP)');
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  // the 4 application messages and the 2 application-level state changes (replies received)
  await expect(messages(page).getByRole('option')).toHaveCount(6);
  await expect(messages(page)).not.toContainText('[SYN]');
  await expect(messages(page)).not.toContainText('ESTABLISHED');
  await expect(messages(page)).toContainText('Reply "AND HELLO FROM CLIENT B"');
  await expect(messages(page)).toContainText('got "AND HELLO FROM CLIENT B"');
  await page.getByLabel('State changes').uncheck();
  await expect(messages(page).getByRole('option')).toHaveCount(4);
  await toggle.check();
  await expect(messages(page).getByRole('option')).toHaveCount(26);
  await page.getByLabel('State changes').check();
  await expect(shownCount(page)).toHaveText('48 shown');
});

test('opening a broken file keeps the chart of the current one', async ({ page }) => {
  await page.getByLabel('Lesson').selectOption({ label: TCP_LESSON });
  await page.getByRole('tab', { name: 'Topology' }).click(); // (a lesson opens on its guide)
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Finished');
  const chart = page.getByTestId('chart-scroller');
  await expect(chart).toHaveAttribute('data-drawn', /^[1-9]\d*$/);
  const height = await chart.getAttribute('data-chart-height');
  /** The messages the chart draws (ids and labels; how many are in view depends on the room the panels leave). */
  const drawnMessages = async () => (await drawnArrows(page)).map((a) => `${a.id} ${a.label}`);
  const drawn = await drawnMessages();
  const stillDrawn = async () => {
    await expect(chart).toHaveAttribute('data-chart-height', height!);
    const now = await drawnMessages();
    expect(now.length).toBeGreaterThan(5);
    expect(now).toEqual(drawn.slice(0, now.length));
  };

  // Valid JSON, the right size, but not a scenario: refused, its issues listed, the lesson and its chart kept.
  let chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles({ name: 'broken.l7.json', mimeType: 'application/json', buffer: Buffer.from('{ "format": "l7-scenario", "version": 1, "nodes": 3 }') });
  await expect(page.getByRole('region', { name: /Did not open broken\.l7\.json: \d+ issues? — sockets-tcp\.l7\.json is unchanged/ })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Issues in broken.l7.json' })).toContainText('nodes');
  await expect(page.getByText('sockets-tcp.l7.json').first()).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Did not open broken.l7.json');
  await stillDrawn();
  await page.screenshot({ path: `${SHOTS}/open-refused.png` });

  // A binary file renamed .l7.json is named as such; the chart stays.
  const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => [0x5b, 0x08, 0x7b, 0x0c, 0x1b, 0x0b][i % 6]!));
  chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles({ name: 'photo.l7.json', mimeType: 'application/json', buffer: binary });
  await expect(page.getByRole('alert')).toContainText('Could not open the file: photo.l7.json: not a text file');
  await stillDrawn();
  await page.getByRole('button', { name: 'Dismiss these issues' }).click();
  await expect(page.getByRole('list', { name: 'Issues in broken.l7.json' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
});

test('lists each issue of an invalid scenario opened from a file, with its path and line', async ({ page }) => {
  const lesson = readFileSync('resources/lessons/sockets-tcp.l7.json', 'utf8');
  const broken = lesson.replace('"address": "10.0.1.10"', '"address": "10.0.1.300"').replace('"delayMs": 2,', '"delayMs": -2,');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles({ name: 'broken.l7.json', mimeType: 'application/json', buffer: Buffer.from(broken) });

  // Refused first (the current document stays), with its issues; then opened anyway to be fixed here.
  await expect(page.getByRole('list', { name: 'Issues in broken.l7.json' }).getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'Open it anyway to fix it' }).click();
  const issues = page.getByRole('list', { name: 'Scenario issues' });
  await expect(issues.getByRole('listitem')).toHaveCount(2);
  await expect(issues.getByRole('listitem').nth(0)).toContainText('line 7');
  await expect(issues.getByRole('listitem').nth(0)).toContainText('nodes[0].address');
  await expect(issues.getByRole('listitem').nth(0)).toContainText('10.0.1.300');
  await expect(issues.getByRole('listitem').nth(1)).toContainText('line 20');
  await expect(issues.getByRole('listitem').nth(1)).toContainText('links[0].delayMs');
  await expect(page.getByRole('region', { name: /2 issues in broken\.l7\.json/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  await page.keyboard.press('F5');
  await expect(page.getByRole('status')).toHaveText('Cannot run: the scenario has 2 issues');
  await page.screenshot({ path: `${SHOTS}/issues.png` });

  // "line 20" puts the cursor on that line of the source.
  await issues.getByRole('button', { name: /line 20/ }).click();
  await expect(page.getByRole('tab', { name: 'Source' })).toHaveAttribute('aria-selected', 'true');
  const source = page.getByLabel('Scenario source (JSON)');
  await expect(source).toBeFocused();
  const caretLine = await source.evaluate((el) => {
    const area = el as unknown as { value: string; selectionStart: number };
    return area.value.slice(0, area.selectionStart).split('\n').length;
  });
  expect(caretLine).toBe(20);

  // Fixing the text clears the issues as you type.
  await source.fill(lesson);
  await expect(issues).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText('Ready');
});

test('asks before replacing unsaved changes', async ({ page }) => {
  await page.getByRole('tab', { name: 'Source' }).click();
  const source = page.getByLabel('Scenario source (JSON)');
  await source.press('Control+End');
  await source.pressSequentially(' ');
  await expect(page.getByText('● unsaved')).toBeVisible();
  await expect(page).toHaveTitle(/^● untitled\.l7\.json/);

  await page.getByLabel('Lesson').selectOption({ label: TCP_LESSON });
  const dialog = page.getByRole('dialog', { name: 'Save changes to untitled.l7.json?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Save', exact: true })).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/unsaved-dialog.png` });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('● unsaved')).toBeVisible();
  await expect(page.getByLabel('Lesson')).toHaveValue('');

  await page.getByLabel('Lesson').selectOption({ label: TCP_LESSON });
  await page.keyboard.press('Escape'); // Escape means Cancel too
  await expect(dialog).toBeHidden();
  await expect(page.getByText('● unsaved')).toBeVisible();

  await page.getByLabel('Lesson').selectOption({ label: TCP_LESSON });
  await dialog.getByRole('button', { name: "Don't save" }).click();
  await expect(page.getByText('● unsaved')).toBeHidden();
  await expect(page.getByText('sockets-tcp.l7.json')).toBeVisible();
});

test('keyboard shortcuts run, save, open and show help', async ({ page }) => {
  await page.getByLabel('Lesson').selectOption({ label: TCP_LESSON });
  await page.getByRole('tab', { name: 'Topology' }).click(); // (a lesson opens on its guide)
  await page.locator('body').click({ position: { x: 5, y: 790 } });
  await page.keyboard.press('F5');
  await expect(page.getByRole('status')).toContainText('Finished');
  await page.keyboard.press('Control+r');
  await expect(page.getByRole('status')).toContainText('Finished');
  await showList(page);
  await expect(shownCount(page)).toHaveText('48 shown');

  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  expect((await download).suggestedFilename()).toBe('sockets-tcp.l7.json');

  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  await (await chooser).setFiles([]);

  await page.keyboard.press('F1');
  const about = page.getByRole('dialog', { name: 'L7 Lab' });
  await expect(about).toBeVisible();
  await expect(about).toContainText('F5');
  await page.screenshot({ path: `${SHOTS}/about.png` });
  await page.keyboard.press('Escape');
  await expect(about).toBeHidden();

  await page.keyboard.press('Control+n');
  await expect(page.getByText('untitled.l7.json')).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Ready');

  await expect(page.getByRole('button', { name: 'Run', exact: true })).toHaveAttribute('title', 'Run the scenario (F5, Ctrl+R)');
  await expect(page.getByRole('button', { name: 'Open…' })).toHaveAttribute('title', 'Open a scenario file (Ctrl+O)');
});

// Exporting (chart, trace, packets, scenario) is covered by export.spec.ts.

test('fits a small laptop window without scrolling sideways', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 640 });
  await runTcpLesson(page);
  await row(page, '[SYN, ACK]').click();
  await page.screenshot({ path: `${SHOTS}/small-window.png` });
  // (The root tsconfig has no DOM lib, so the page's globals are typed by hand.)
  const overflow = await page.evaluate(() => {
    const page = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number } } };
    return page.document.documentElement.scrollWidth - page.innerWidth;
  });
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Help' })).toBeInViewport();
});

test('shows progress for a long run, and Escape cancels it', async ({ page }) => {
  // 30,000 clients one after another: a run of many seconds even on a fast machine, so Escape always
  // arrives while it goes on (with 6,000 a quiet machine could finish first).
  const scenario = JSON.parse(readFileSync('resources/lessons/sockets-tcp.l7.json', 'utf8')) as { name: string; workload: unknown[] };
  scenario.name = 'Many clients';
  scenario.workload = Array.from({ length: 30_000 }, (_, i) => ({
    type: 'tcp-upper-client',
    atMs: i * 0.5,
    node: i % 2 ? 'clientA' : 'clientB',
    server: 'server',
    port: 12000,
    line: `line ${i}`,
  }));
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  await (await chooser).setFiles({ name: 'many.l7.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
  await expect(page.getByText('many.l7.json')).toBeVisible();

  await showList(page);
  await page.keyboard.press('F5');
  await expect(page.getByRole('status')).toContainText('Running…');
  await expect(page.getByRole('progressbar', { name: 'Simulated time' })).toBeVisible();
  await expect(page.locator('footer')).toContainText('simulated of at most 600.000 s');
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeEnabled();
  await expect(messages(page).getByRole('option').first()).toBeVisible(); // the list fills while it runs
  await page.screenshot({ path: `${SHOTS}/running.png` });

  await page.keyboard.press('Escape');
  await expect(page.getByRole('status')).toContainText(/^Cancelled at /);
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeDisabled();
  // Only the rows in view are in the page.
  expect(await messages(page).getByRole('option').count()).toBeLessThan(60);
});
