// The page-load waterfall (issue 11) in the web build: the two HTTP lessons
// run, their page-load times read in the Results, the Waterfall tab opened;
// the serial load's rows follow one another, the parallel ones overlap, the
// pipelined requests leave together; a bar shows its response in the chart
// and a selection made in the chart marks its row; the keyboard moves along
// the rows; the PNG export downloads a real PNG. Each row lists its times
// (ns since the load's start) and its response on data-* (WaterfallRow.vue).
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { PHASE_COLORS, ROW_BACKGROUNDS } from '../../src-renderer/waterfall/colors';
import { drawnArrows, scroller } from './chart-data';
import { atEveryWindow, guardEveryTest, SHOTS } from './guard';

guardEveryTest();

const NON_PERSISTENT = 'HTTP: non-persistent connections, serial and parallel';
const PERSISTENT = 'HTTP: persistent connections, with and without pipelining';
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
const waterfall = (page: Page) => page.getByTestId('waterfall');
const rows = (page: Page) => waterfall(page).getByRole('option');
const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });

async function runLesson(page: Page, title: string): Promise<void> {
  await page.getByLabel('Lesson').selectOption({ label: title });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Finished');
}

/** The Results' pageLoadTime values, ms. */
async function pageLoadTimes(page: Page): Promise<number[]> {
  const results = inspector(page).getByRole('region', { name: 'Results' });
  const measured = results.getByRole('row').filter({ hasText: 'pageLoadTime' });
  await expect(measured.first()).toBeVisible();
  return (await measured.allInnerTexts()).map((text) => Number(/([\d.]+) ms/.exec(text)![1]));
}

interface RowData {
  from: number;
  to: number;
  request: number;
  responseId: number;
  connection: number;
}

async function rowData(list: Locator): Promise<RowData[]> {
  return list.evaluateAll((elements) =>
    elements.map((el) => {
      const d = (el as unknown as { dataset: Record<string, string> }).dataset;
      return { from: Number(d['fromNs']), to: Number(d['toNs']), request: Number(d['requestNs']), responseId: Number(d['responseId']), connection: Number(d['connection']) };
    }),
  );
}

async function chooseLoad(page: Page, index: number): Promise<void> {
  await page.getByLabel('Page load').selectOption({ index });
}

test('the non-persistent lesson: serial rows one after another, parallel ones overlapping, a bar shows its response in the chart', async ({ page }) => {
  await expect(tab(page, 'Waterfall')).toHaveCount(0);
  await runLesson(page, NON_PERSISTENT);
  const [serialMs, parallelMs] = await pageLoadTimes(page);
  expect(serialMs).toBeGreaterThan(660);
  expect(parallelMs).toBeGreaterThan(180);
  await tab(page, 'Waterfall').click();
  await expect(tab(page, 'Waterfall')).toHaveAttribute('aria-selected', 'true');

  // the first load: 11 objects, each on a new connection, none overlapping the one before
  await expect(page.getByLabel('Page load')).toContainText('non-persistent, 1 connection · at 0 s');
  await expect(rows(page)).toHaveCount(11);
  await expect(page.getByTestId('waterfall-outcome')).toHaveText(`Loaded in ${serialMs!.toFixed(3)} ms: 11 objects over 11 connections`);
  await expect(rows(page).first()).toContainText('/index.html');
  await expect(rows(page).nth(10)).toContainText('/img10.jpg');
  const serial = await rowData(rows(page));
  expect(serial.map((r) => r.connection)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
  for (let i = 1; i < serial.length; i++) expect(serial[i]!.from, `row ${i + 1} starts after row ${i} ended`).toBeGreaterThanOrEqual(serial[i - 1]!.to);
  expect(serial[10]!.to / 1e6).toBeCloseTo(serialMs!, 2);

  // the second: 5 at a time
  await chooseLoad(page, 1);
  await expect(page.getByTestId('waterfall-outcome')).toContainText(`Loaded in ${parallelMs!.toFixed(3)} ms`);
  const parallel = await rowData(rows(page));
  expect(parallel).toHaveLength(11);
  const overlaps = parallel.slice(1).filter((r, i, images) => images.some((other, j) => j !== i && r.from < other.to && other.from < r.to));
  expect(overlaps.length).toBeGreaterThanOrEqual(5);

  // a bar selects its response and shows it in the chart
  const third = parallel[3]!;
  await rows(page).nth(3).getByTestId('waterfall-bar').click();
  await expect(tab(page, 'Chart')).toHaveAttribute('aria-selected', 'true');
  await expect(scroller(page)).toHaveAttribute('data-selected', String(third.responseId));
  await expect(scroller(page)).toBeFocused();
  await expect(inspector(page)).toContainText(`event #${third.responseId}`);
  await expect(inspector(page)).toContainText(/HTTP\/1\.[01] 200 OK \(image\/jpeg\)/);
  // in view: the segment the response arrived in (transport is shown) is among the arrows the chart drew
  const port = /tcp:10\.0\.0\.10:(\d+)-/.exec(await inspector(page).innerText())![1];
  await expect.poll(async () => (await drawnArrows(page)).some((a) => a.label.startsWith(`80 → ${port} `) && a.label.endsWith('200 OK (image/jpeg)'))).toBe(true);
  await page.screenshot({ path: `${SHOTS}/waterfall-to-chart.png` });

  // back in the waterfall, the load and row of the selection are shown and marked
  await tab(page, 'Waterfall').click();
  await expect(page.getByLabel('Page load')).toHaveValue('1');
  await expect(rows(page).nth(3)).toHaveAttribute('aria-selected', 'true');
  await expect(waterfall(page).getByRole('option', { selected: true })).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/waterfall-selected.png` });
});

test('a selection made elsewhere marks its row; the keyboard moves along the rows and Enter shows one', async ({ page }) => {
  await runLesson(page, NON_PERSISTENT);
  await tab(page, 'Waterfall').click();
  const first = (await rowData(rows(page)))[0]!;
  // select the request for the second image in the message list (application messages only: it is in view)
  await tab(page, 'List').click();
  await page.getByLabel('Show transport messages (TCP, UDP)').uncheck();
  await page.getByRole('option').filter({ hasText: 'GET /img2.jpg HTTP/1.0' }).first().click();
  await tab(page, 'Waterfall').click();
  await expect(page.getByLabel('Page load')).toHaveValue('0');
  await expect(rows(page).nth(2)).toHaveAttribute('aria-selected', 'true');
  await expect(rows(page).nth(2)).toHaveAttribute('tabindex', '0');

  // roving focus: one row in the tab order; ↑/↓, End, Home move it; Enter shows the row's response
  await rows(page).nth(2).focus();
  await page.keyboard.press('ArrowDown');
  await expect(rows(page).nth(3)).toBeFocused();
  await page.keyboard.press('End');
  await expect(rows(page).nth(10)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(rows(page).nth(0)).toBeFocused();
  await expect(waterfall(page).locator('[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await waterfall(page).screenshot({ path: `${SHOTS}/waterfall-focused.png` });
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(tab(page, 'Chart')).toHaveAttribute('aria-selected', 'true');
  await expect(scroller(page)).toHaveAttribute('data-selected', String(first.responseId));
});

test('the persistent lesson: one connection; pipelined, the image requests leave together', async ({ page }) => {
  await runLesson(page, PERSISTENT);
  const [persistentMs, pipelinedMs] = await pageLoadTimes(page);
  expect(pipelinedMs).toBeLessThan(persistentMs!);
  await tab(page, 'Waterfall').click();
  const persistent = await rowData(rows(page));
  expect(persistent.every((r) => r.connection === 1)).toBe(true);
  await expect(rows(page).first()).toContainText('1 (new)');
  await expect(rows(page).nth(1).locator('[data-phase="connect"]')).toHaveCount(0);
  for (let i = 2; i < persistent.length; i++) expect(persistent[i]!.request).toBe(persistent[i - 1]!.to);

  await chooseLoad(page, 1);
  await expect(page.getByLabel('Page load')).toContainText('pipelined, 1 connection · at 1 s');
  const pipelined = await rowData(rows(page));
  const images = pipelined.slice(1);
  expect(new Set(images.map((r) => r.request)).size).toBe(1);
  expect(images[0]!.request).toBe(pipelined[0]!.to);
  expect(images[9]!.to / 1e6).toBeCloseTo(pipelinedMs!, 2);
  await page.screenshot({ path: `${SHOTS}/waterfall-pipelined.png` });
});

test('exports the waterfall as a PNG', async ({ page }) => {
  await runLesson(page, NON_PERSISTENT);
  await tab(page, 'Waterfall').click();
  const download = page.waitForEvent('download');
  await page.getByRole('toolbar', { name: 'Waterfall' }).getByRole('button', { name: 'PNG' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('http-non-persistent-waterfall-1.png');
  const png = readFileSync((await file.path())!);
  expect(png.subarray(0, 8)).toEqual(PNG_MAGIC);
  await file.saveAs(`${SHOTS}/waterfall-export-light.png`);
  // IHDR: width and height (big-endian) at bytes 16 and 20, drawn at 2×
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect(width).toBeGreaterThanOrEqual(2 * 1000);
  expect(height).toBeGreaterThan(2 * (11 * 28 + 120));
  expect(png.length).toBeGreaterThan(20_000);
  await expect(page.locator('footer')).toContainText('Exported the waterfall to http-non-persistent-waterfall-1.png');
  // in the dark theme, of the parallel load
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByLabel('Page load').selectOption({ index: 1 });
  const dark = page.waitForEvent('download');
  await page.getByRole('toolbar', { name: 'Waterfall' }).getByRole('button', { name: 'PNG' }).click();
  const darkFile = await dark;
  expect(darkFile.suggestedFilename()).toBe('http-non-persistent-waterfall-2.png');
  await darkFile.saveAs(`${SHOTS}/waterfall-export-dark.png`);
  expect(readFileSync((await darkFile.path())!).subarray(0, 8)).toEqual(PNG_MAGIC);
});

test('a page of 100 objects: every row drawn, the keyboard reaches the last, the export holds them all', async ({ page }) => {
  // the non-persistent lesson with 99 images, loaded over 6 parallel persistent connections
  const scenario = JSON.parse(readFileSync('resources/lessons/http-non-persistent.l7.json', 'utf8')) as {
    name: string;
    nodes: { services?: { objects: { path: string; embeds?: string[]; size?: number }[] }[] }[];
    workload: Record<string, unknown>[];
  };
  const images = Array.from({ length: 99 }, (_, i) => `/photos/img${i + 1}.jpg`);
  scenario.name = 'A page of 100 objects';
  scenario.nodes.find((n) => n.services)!.services![0]!.objects = [{ path: '/index.html', embeds: images }, ...images.map((path) => ({ path, size: 2000 }))];
  scenario.workload = [{ ...scenario.workload[0]!, mode: 'persistent', maxConnections: 6 }];
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles({ name: 'hundred.l7.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Finished');
  await tab(page, 'Waterfall').click();
  await expect(rows(page)).toHaveCount(100);
  await expect(page.getByTestId('waterfall-outcome')).toContainText('100 objects over 6 connections');
  const data = await rowData(rows(page));
  expect(new Set(data.map((r) => r.connection))).toEqual(new Set([1, 2, 3, 4, 5, 6]));
  await rows(page).first().focus();
  await page.keyboard.press('End');
  await expect(rows(page).nth(99)).toBeFocused();
  await expect(rows(page).nth(99)).toBeInViewport();
  await expect(rows(page).nth(99)).toContainText('/photos/img99.jpg');
  await page.screenshot({ path: `${SHOTS}/waterfall-hundred.png` });
  const download = page.waitForEvent('download');
  await page.getByRole('toolbar', { name: 'Waterfall' }).getByRole('button', { name: 'PNG' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('hundred-waterfall.png');
  const png = readFileSync((await file.path())!);
  expect(png.subarray(0, 8)).toEqual(PNG_MAGIC);
  expect(png.readUInt32BE(20)).toBeGreaterThan(2 * 100 * 28);
  await file.saveAs(`${SHOTS}/waterfall-hundred-export.png`);
});

test('the phase colours are theme.css’s, and the waterfall reads at every window size, light and dark', async ({ page }) => {
  await runLesson(page, NON_PERSISTENT);
  await tab(page, 'Waterfall').click();
  await expect(rows(page)).toHaveCount(11);
  await atEveryWindow(
    page,
    async (shot) => {
      const theme = (await page.locator('html').getAttribute('data-theme')) === 'dark' ? 'dark' : 'light';
      const css = await page.evaluate((names) => {
        // (The root tsconfig has no DOM lib, so the page's globals are typed by hand.)
        const web = globalThis as unknown as { document: { documentElement: unknown }; getComputedStyle(el: unknown): { getPropertyValue(name: string): string } };
        const style = web.getComputedStyle(web.document.documentElement);
        return names.map((name) => style.getPropertyValue(name).trim());
      }, ['--phase-dns', '--phase-connect', '--phase-waiting', '--phase-receiving', '--bg', '--hover', '--selected']);
      const colors = PHASE_COLORS[theme];
      expect(css).toEqual([colors.dns, colors.connect, colors.waiting, colors.receiving, ...ROW_BACKGROUNDS[theme]]);
      // every row's text fits its cell (nothing cut with an ellipsis)
      const cut = await rows(page).evaluateAll((elements) =>
        elements.flatMap((row) => [...row.children].filter((cell) => cell.scrollWidth > cell.clientWidth + 1 && !cell.className.includes('timeline')).map((cell) => cell.textContent)),
      );
      expect(cut).toEqual([]);
      await page.screenshot({ path: shot });
    },
    'waterfall',
  );
});
