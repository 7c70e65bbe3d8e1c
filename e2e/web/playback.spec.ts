// Playback, the inspector's field tree and hex dump, the topology view and
// the view filters, in the web build. Like app.spec.ts, every test checks
// that the page stays on its origin and logs no console error.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { guardEveryTest, SHOTS, TCP_LESSON } from './guard';


guardEveryTest();

const playbackBar = (page: Page) => page.getByRole('region', { name: 'Playback' });
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
const where = (page: Page) => playbackBar(page).locator('#playback-where');

async function runTcpLesson(page: Page): Promise<void> {
  await page.getByLabel('Lesson').selectOption({ label: TCP_LESSON });
  await page.getByRole('tab', { name: 'Topology' }).click(); // (a lesson opens on its guide)
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Finished');
}

test('steps through the messages with the keyboard and the buttons, and plays', async ({ page }) => {
  await runTcpLesson(page);
  await expect(where(page)).toHaveText(/^Playback off · \d+ messages shown$/);
  const total = Number((await where(page).textContent())!.match(/(\d+) messages/)![1]);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (let i = 0; i < 5; i++) await page.keyboard.press('.');
  await expect(where(page)).toHaveText(`message 5 of ${total} · t = 24.077 ms`);
  await expect(page.getByLabel('Playback position')).toHaveValue('4');
  await expect(inspector(page)).toContainText('[ACK] Seq=1 Ack=1 Win=65535 Len=0');
  await expect(inspector(page)).toContainText('Client A');

  // The topology shows the same message: Client A → Router → Server.
  const graph = page.locator('[data-node-count]');
  await expect(graph).toHaveAttribute('data-packet-links', 'a-router router-server');

  await page.keyboard.press('ArrowLeft');
  await expect(where(page)).toHaveText(new RegExp(`^message 4 of ${total} `));
  await playbackBar(page).getByRole('button', { name: 'Next message' }).click();
  await expect(where(page)).toHaveText(new RegExp(`^message 5 of ${total} `));
  await playbackBar(page).getByRole('button', { name: 'Last message' }).click();
  await expect(where(page)).toHaveText(new RegExp(`^message ${total} of ${total} `));
  await page.keyboard.press('Home');
  await expect(where(page)).toHaveText(new RegExp(`^message 1 of ${total} · t = 0.000 ms`));
  await page.screenshot({ path: `${SHOTS}/playback-light.png` });

  // Play at 8× runs to the end and stops there; pause stops it half-way.
  await playbackBar(page).getByLabel('Speed').selectOption('8');
  await playbackBar(page).getByRole('button', { name: 'Play', exact: true }).click();
  await expect(playbackBar(page).getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(where(page)).toHaveText(new RegExp(`^message ${total} of ${total} `), { timeout: 15_000 });
  await expect(playbackBar(page).getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await playbackBar(page).getByRole('button', { name: 'Play', exact: true }).click(); // from the start again
  await page.keyboard.press('Escape'); // (nothing to cancel)
  await playbackBar(page).getByRole('button', { name: 'Pause' }).click();
  const paused = await where(page).textContent();
  await page.waitForTimeout(400);
  await expect(where(page)).toHaveText(paused!);

  await playbackBar(page).getByRole('button', { name: 'Stop playback' }).click();
  await expect(where(page)).toHaveText(/^Playback off/);
  await expect(graph).not.toHaveAttribute('data-packet-message');
});

test('inspects a segment field by field, with its bytes highlighted', async ({ page }) => {
  await runTcpLesson(page);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('.'); // the first message: Client A's SYN
  const tree = inspector(page).getByRole('tree', { name: 'Fields' });
  await expect(tree.getByRole('treeitem').first()).toContainText('Transmission Control Protocol');
  await expect(tree.getByRole('treeitem').first()).toHaveAttribute('aria-expanded', 'true');
  const port = tree.getByRole('treeitem').filter({ hasText: 'Source Port' });
  await expect(port).toContainText(/Source Port: \d+/);
  const value = Number((await port.textContent())!.match(/Source Port: (\d+)/)![1]);
  await port.click();
  await expect(port).toHaveAttribute('aria-selected', 'true');
  const dump = inspector(page).getByLabel('Bytes as hex and ASCII');
  const on = dump.locator('.hex-dump__hex--on');
  await expect(on).toHaveCount(2);
  const hex = value.toString(16).padStart(4, '0');
  expect(await on.allTextContents()).toEqual([hex.slice(0, 2), hex.slice(2)]);

  // Keyboard: ↓ to the next field, → and ← open and close Flags.
  await port.press('ArrowDown');
  await expect(tree.getByRole('treeitem').filter({ hasText: 'Destination Port' })).toBeFocused();
  await expect(on).toHaveText(['2e', 'e0']); // port 12000
  const flags = tree.getByRole('treeitem').filter({ hasText: /Flags: 0x/ });
  await flags.click();
  await flags.press('ArrowRight');
  await expect(flags).toHaveAttribute('aria-expanded', 'true');
  await expect(tree.getByRole('treeitem').filter({ hasText: 'Syn: Set' })).toBeVisible();
  // Clicking a byte selects the innermost field holding it.
  await dump.locator('[data-offset="13"]').first().click();
  await expect(tree.locator('[aria-selected="true"]')).toContainText('Congestion Window Reduced');
  await expect(inspector(page)).toContainText('end-to-end over 2 hops');
  await expect(inspector(page).getByRole('region', { name: 'Timing' })).toContainText('propagation 12.000 ms');
  await expect(inspector(page)).toContainText('Caused');
  await page.screenshot({ path: `${SHOTS}/playback-inspector.png` });
});

test('filters messages and hides lanes from the View tab', async ({ page }) => {
  await runTcpLesson(page);
  await page.getByRole('tab', { name: 'View' }).click();
  const total = Number((await where(page).textContent())!.match(/(\d+) messages/)![1]);
  await page.getByLabel('Summary contains').fill('SYN');
  await expect(where(page)).toHaveText('Playback off · 4 messages shown');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(where(page)).toHaveText(`Playback off · ${total} messages shown`);
  await page.getByRole('group', { name: 'Messages to or from' }).getByLabel('Client B').check();
  await expect(where(page)).toHaveText(`Playback off · ${total / 2} messages shown`);
  await page.getByRole('group', { name: 'Protocols' }).getByLabel('tcp').check();
  await expect(where(page)).toHaveText(`Playback off · ${total / 2} messages shown`);
  await page.getByRole('button', { name: 'Clear filters' }).click();

  const lanes = page.getByRole('list', { name: 'Lanes' });
  const names = (await lanes.getByRole('listitem').allTextContents()).map((t) => t.replace(/[↑↓]/g, '').trim());
  expect([...names].sort()).toEqual(['Client A', 'Client B', 'Server']);
  await lanes.getByRole('checkbox', { name: 'Client B' }).uncheck();
  await expect(where(page)).toHaveText(`Playback off · ${total / 2} messages shown`);
  // The last lane moves to the top, one place at a time, by keyboard.
  const [x, y, z] = names as [string, string, string];
  await page.getByRole('button', { name: `Move ${z} up` }).click();
  await expect(lanes.getByRole('listitem')).toHaveText([new RegExp(x), new RegExp(z), new RegExp(y)]);
  await expect(page.getByRole('button', { name: `Move ${z} up` })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(lanes.getByRole('listitem')).toHaveText([new RegExp(z), new RegExp(x), new RegExp(y)]);
  await expect(page.getByRole('button', { name: `Move ${z} down` })).toBeFocused();
  await expect(lanes.getByRole('checkbox', { name: 'Client B' })).not.toBeChecked();
  await page.screenshot({ path: `${SHOTS}/playback-view-tab.png` });
});

test('draws the topology and animates a lost message in dark mode', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByLabel('Lesson').selectOption({ label: TCP_LESSON });
  await page.getByRole('tab', { name: 'Topology' }).click(); // (a lesson opens on its guide)
  const drawing = page.getByRole('figure', { name: 'Network: 4 nodes, 3 links' });
  await expect(drawing.getByRole('list', { name: 'Network drawing' }).getByRole('listitem')).toHaveText(['Client A (host, 10.0.1.10)', 'Client B (host, 10.0.2.20)', 'Router (router, 10.0.0.1)', 'Server (server, 192.0.2.10)']);
  await expect(drawing.locator('canvas').first()).toBeVisible();

  // The same lesson with Client A's first data segment lost between the router and the server.
  const lesson = JSON.parse(readFileSync('resources/lessons/sockets-tcp.l7.json', 'utf8')) as Record<string, unknown>;
  lesson['lossRules'] = [{ link: 'router-server', from: 'clientA', dataOnly: true, nth: [1] }];
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  await (await chooser).setFiles({ name: 'lossy.l7.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(lesson)) });
  await page.getByRole('tab', { name: 'Topology' }).click(); // (a file with a guide opens on it)
  await page.keyboard.press('F5');
  await expect(page.getByRole('status')).toContainText('Finished');

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  const canvas = drawing.locator('[data-node-count]');
  await expect(canvas).toHaveAttribute('data-packet-links', 'router-server a-router');
  await expect(canvas).toHaveAttribute('data-packet-arrived', 'true');
  await expect(canvas).toHaveAttribute('data-packet-lost', 'false');
  // Step on to the lost segment: its dot stops on the router–server link.
  // One step at a time: wait until the animation shows the next message before reading whether it was lost.
  for (let i = 0; i < 30 && (await canvas.getAttribute('data-packet-lost')) !== 'true'; i++) {
    const before = await canvas.getAttribute('data-packet-message');
    await page.keyboard.press('ArrowRight');
    await expect(canvas).not.toHaveAttribute('data-packet-message', before ?? '');
  }
  await expect(canvas).toHaveAttribute('data-packet-lost', 'true');
  await expect(canvas).toHaveAttribute('data-packet-links', 'a-router router-server');
  await expect(canvas).toHaveAttribute('data-packet-arrived', 'true');
  await expect(inspector(page)).toContainText('never: lost');
  await page.screenshot({ path: `${SHOTS}/playback-dark.png` });
});
