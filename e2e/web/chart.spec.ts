// The sequence chart in the web build: it draws, selects on click, follows
// the transport toggle, zooms with the keyboard and exports PNG. Like
// app.spec.ts, every test checks that the page stays on its origin and logs
// no console error. The pane lists the arrows it drew (canvas px) on its
// scroller's data-arrows, so a test knows where to click.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { drawnArrows, scroller } from './chart-data';
import { guardEveryTest, SHOTS, TCP_LESSON } from './guard';


guardEveryTest();

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

async function runTcpLesson(page: Page): Promise<void> {
  await page.getByLabel('Lesson').selectOption({ label: TCP_LESSON });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Finished');
  // data-drawn is '0' until the first frame with arrows is painted
  await expect(scroller(page)).toHaveAttribute('data-drawn', /^[1-9]\d*$/);
}


/** Share of a PNG's pixels that differ clearly from its most common colour (decoded in the page). */
async function inkShare(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (base64) => {
    // (The root tsconfig has no DOM lib, so the page's globals are typed by hand.)
    type Bitmap = { width: number; height: number };
    const web = globalThis as unknown as {
      createImageBitmap(blob: Blob): Promise<Bitmap>;
      OffscreenCanvas: new (w: number, h: number) => {
        getContext(kind: '2d'): { drawImage(b: Bitmap, x: number, y: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
      };
    };
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await web.createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new web.OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const counts = new Map<number, number>();
    for (let i = 0; i < data.length; i += 4) {
      const key = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const bg = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) {
      const d = Math.abs(data[i]! - ((bg >> 16) & 255)) + Math.abs(data[i + 1]! - ((bg >> 8) & 255)) + Math.abs(data[i + 2]! - (bg & 255));
      if (d > 60) ink++;
    }
    return ink / (data.length / 4);
  }, png.toString('base64'));
}

test('draws the TCP lesson as a sequence chart, in light and dark', async ({ page }) => {
  await runTcpLesson(page);
  await expect(page.getByRole('tab', { name: 'Chart' })).toHaveAttribute('aria-selected', 'true');
  const canvas = scroller(page).locator('canvas');
  await expect(canvas).toBeVisible();
  expect(await inkShare(page, await canvas.screenshot())).toBeGreaterThan(0.02);
  const arrows = await drawnArrows(page);
  expect(arrows.length).toBeGreaterThan(10);
  expect(arrows[0]!.label).toContain('[SYN]');
  await expect(page.getByRole('list', { name: 'Protocol colours' })).toContainText('tcp');
  await page.screenshot({ path: `${SHOTS}/chart-light.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.waitForTimeout(100);
  expect(await inkShare(page, await canvas.screenshot())).toBeGreaterThan(0.02);
  await page.screenshot({ path: `${SHOTS}/chart-dark.png` });
});

test('selects a message by clicking its arrow, and with the keyboard', async ({ page }) => {
  await runTcpLesson(page);
  const arrow = (await drawnArrows(page)).find((a) => a.label.includes('Line "hello from client a"'))!;
  expect(arrow).toBeDefined();
  // a point on the arrow, a third of the way along (clear of the handle and the label)
  await scroller(page).click({ position: { x: arrow.x1 + (arrow.x2 - arrow.x1) / 3, y: arrow.y1 + (arrow.y2 - arrow.y1) / 3 } });
  await expect(inspector(page)).toContainText(`event #${arrow.id}`);
  await expect(inspector(page)).toContainText('hello from client a');
  await expect(scroller(page)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(inspector(page)).not.toContainText(`event #${arrow.id}`);
  await page.keyboard.press('k');
  await expect(inspector(page)).toContainText(`event #${arrow.id}`);
  await page.screenshot({ path: `${SHOTS}/chart-selected.png` });
});

test('hides the transport segments and expands a message again', async ({ page }) => {
  await runTcpLesson(page);
  const all = Number(await scroller(page).getAttribute('data-drawn'));
  const toggle = page.getByLabel('Show transport', { exact: true });
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await expect(scroller(page)).toHaveAttribute('data-drawn', '4');
  expect(all).toBeGreaterThan(4);
  const [first] = await drawnArrows(page);
  expect(first!.label).toBe('Line "hello from client a"');
  // double-click the application message: its segments (and the handshake) show
  await scroller(page).dblclick({ position: { x: (first!.x1 + first!.x2) / 2, y: (first!.y1 + first!.y2) / 2 } });
  await expect(scroller(page)).toHaveAttribute('data-drawn', '4');
  await expect.poll(async () => (await drawnArrows(page)).some((a) => a.label.includes('[PSH, ACK]'))).toBe(true);
  await page.screenshot({ path: `${SHOTS}/chart-collapsed.png` });
  await toggle.check();
  await expect(scroller(page)).toHaveAttribute('data-drawn', String(all));
});

test('zooms with the keyboard and the toolbar, and fits the run in the pane', async ({ page }) => {
  await runTcpLesson(page);
  const box = scroller(page);
  await box.focus();
  const bodyHeight = await box.evaluate((el) => el.clientHeight - 50);
  // the first view fits the 95 ms run in the pane (chart/first-view.ts)
  await expect.poll(async () => Math.abs(Number(await box.getAttribute('data-chart-height')) - bodyHeight)).toBeLessThan(3);
  await expect(page.getByTestId('chart-more-below')).toHaveCount(0);
  const first = Number(await box.getAttribute('data-px-per-ms'));
  await page.keyboard.press('+');
  await expect.poll(async () => Number(await box.getAttribute('data-px-per-ms'))).toBeCloseTo(first * 1.25, 6);
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await expect.poll(async () => Number(await box.getAttribute('data-px-per-ms'))).toBeCloseTo(first / 1.25, 6);
  await page.keyboard.press('0');
  // fits the pane as it is now (on a busy machine a panel may have settled since the first view, changing its height)
  const fitted = () => box.evaluate((el) => Math.abs(Number(el.getAttribute('data-chart-height')) - (el.clientHeight - 50)));
  await expect.poll(fitted).toBeLessThan(3);
  await page.screenshot({ path: `${SHOTS}/chart-fit.png` });
  // zoom in from the fitted height as it is now, not the first view's: the pane may have shrunk since
  const fittedHeight = Number(await box.getAttribute('data-chart-height'));
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(async () => Number(await box.getAttribute('data-chart-height'))).toBeGreaterThan(fittedHeight + 20);
});

test('exports the chart as a PNG twice its size', async ({ page }) => {
  await runTcpLesson(page);
  const width = Number(await scroller(page).getAttribute('data-chart-width'));
  const height = Number(await scroller(page).getAttribute('data-chart-height'));
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'PNG' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('sockets-tcp-chart.png');
  const png = readFileSync((await file.path())!);
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  expect(png.readUInt32BE(16)).toBe(Math.round(width * 2));
  // title band (40) and lanes header (50) above the chart, and under it the footnotes of labels with no room in full (export-png.ts)
  // (none, or lines of 16 px between 10 px pads)
  const footnotes = png.readUInt32BE(20) / 2 - (height + 90);
  expect(footnotes === 0 || (footnotes > 20 && (footnotes - 20) % 16 === 0), `footnotes band ${footnotes} px`).toBe(true);
  expect(await inkShare(page, png)).toBeGreaterThan(0.02);
  await file.saveAs(`${SHOTS}/chart-export.png`);
  await expect(page.locator('footer')).toContainText('Exported the chart');
});

test('ends a lost segment in a cross, and compresses idle gaps', async ({ page }) => {
  // The lesson with Client A's first data segment lost between the router and the server: a retransmission follows.
  const lesson = JSON.parse(readFileSync('resources/lessons/sockets-tcp.l7.json', 'utf8')) as Record<string, unknown>;
  lesson['lossRules'] = [{ link: 'router-server', from: 'clientA', dataOnly: true, nth: [1] }];
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  await (await chooser).setFiles({ name: 'lossy.l7.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(lesson)) });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Finished');
  const box = scroller(page);
  await expect(box).toHaveAttribute('data-drawn', /^[1-9]\d*$/);
  // the retransmission timeout leaves an idle second: the first view compresses it to fit the run in the pane
  const compress = page.getByLabel('Compress idle gaps');
  await expect(compress).toBeChecked();
  const before = Number(await box.getAttribute('data-chart-height'));
  await compress.uncheck();
  await expect.poll(async () => Number(await box.getAttribute('data-chart-height'))).toBeGreaterThan(before);
  await compress.check();
  await expect.poll(async () => Number(await box.getAttribute('data-chart-height'))).toBe(before);
  await box.focus();
  await page.keyboard.press('0');
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${SHOTS}/chart-lost.png` });
});
