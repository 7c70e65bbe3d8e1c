// The Plots tab end to end: after the access-link lesson (its link is busy,
// so the run has link samples), the utilisation plot is drawn by uPlot, its
// legend reads a value out on hover, a drag zooms in on x and Reset zoom
// undoes it, and PNG, SVG and CSV exports download real files of that plot.
// Screenshots at both window sizes and themes. Every test also checks that
// the page stays on its own origin and logs no console error (guard.ts).
import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { atEveryWindow, guardEveryTest, SHOTS } from './guard';

guardEveryTest();

const ACCESS_LINK = 'HTTP: the institutional access link, no cache';
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const LINK_PLOT = 'Utilisation and queueing delay: link access, isp → campus';

/** The page's globals these tests use (the root tsconfig has no DOM lib, so they are typed by hand). */
interface PageGlobals {
  DOMParser: new () => { parseFromString(text: string, type: string): { querySelector(s: string): { textContent: string | null } | null; documentElement: { nodeName: string }; querySelectorAll(s: string): { length: number } } };
}

const plots = (page: Page) => page.getByRole('region', { name: 'Plots' });
const toolbar = (page: Page) => plots(page).getByRole('toolbar', { name: 'Plot' });
const canvas = (page: Page) => plots(page).getByRole('img');
const legendValues = (page: Page) => plots(page).locator('.u-legend .u-value');

async function openPlots(page: Page): Promise<void> {
  await page.getByLabel('Lesson').selectOption({ label: ACCESS_LINK });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Finished');
  await page.getByRole('tab', { name: 'Plots', exact: true }).click();
  await plots(page).getByRole('combobox', { name: 'Show plot' }).selectOption({ label: LINK_PLOT });
  await expect(toolbar(page).getByRole('heading')).toHaveText(LINK_PLOT);
}

async function exportAs(page: Page, kind: 'PNG' | 'SVG' | 'CSV'): Promise<{ file: Download; bytes: Buffer }> {
  const download = page.waitForEvent('download');
  await toolbar(page).getByRole('button', { name: `as ${kind}` }).click();
  const file = await download;
  return { file, bytes: readFileSync((await file.path())!) };
}

test('draws the utilisation plot, reads values out on hover, zooms by dragging and resets', async ({ page }) => {
  await openPlots(page);
  // the lesson's formulas for this link's load (La/R, measured and nominal rate) are level lines on its plot
  await expect(canvas(page)).toHaveAttribute(
    'aria-label',
    /^Utilisation and queueing delay: link access, isp → campus\. utilisation: up to [\d.]+ %; queueing delay: up to [\d.]+ m?s; Formula: Utilisation of the access link[^;]*: up to [\d.]+ %; Formula: [^;]*La\/R with the nominal rate a: up to [\d.]+ %\./,
  );
  const box = (await canvas(page).boundingBox())!;
  expect(box.width).toBeGreaterThan(400);
  expect(box.height).toBeGreaterThan(200);
  // the canvas has ink: not one colour all over
  const colours = await canvas(page).evaluate((el) => {
    const c = el as unknown as { width: number; height: number; getContext(k: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } };
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 97) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return seen.size;
  });
  expect(colours).toBeGreaterThan(3);

  // hover: the legend says the time and each series' value with its unit
  const over = plots(page).locator('.u-over');
  const area = (await over.boundingBox())!;
  await page.mouse.move(area.x + area.width * 0.5, area.y + area.height * 0.5);
  await expect(legendValues(page).nth(0)).toHaveText(/^[\d.]+ m?s$/);
  await expect(legendValues(page).nth(1)).toHaveText(/^[\d.]+ %$/);
  await expect(legendValues(page).nth(2)).toHaveText(/^[\d.]+ m?s$/);

  // the keyboard: focus the plot, End and ← read the last points out, in the legend and in words
  const plot = plots(page).getByRole('group', { name: LINK_PLOT });
  await plot.focus();
  await expect(plot).toBeFocused();
  await page.keyboard.press('End');
  await expect(plots(page).getByTestId('plot-readout')).toHaveText(/^[\d.]+ s: utilisation [\d.]+ %, queueing delay [\d.]+ m?s, Formula: .+ [\d.]+ %, Formula: .+ [\d.]+ %$/);
  const atEnd = await plots(page).getByTestId('plot-readout').textContent();
  await page.keyboard.press('ArrowLeft');
  await expect(plots(page).getByTestId('plot-readout')).not.toHaveText(atEnd!);
  await expect(legendValues(page).nth(1)).toHaveText(/^[\d.]+ %$/);

  // zoom: drag across the middle; Reset zoom turns on, and undoes it
  const reset = toolbar(page).getByRole('button', { name: 'Reset zoom' });
  await expect(reset).toBeDisabled();
  await page.mouse.move(area.x + area.width * 0.3, area.y + area.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(area.x + area.width * 0.6, area.y + area.height * 0.5, { steps: 8 });
  await page.mouse.up();
  await expect(reset).toBeEnabled();
  await reset.focus();
  await expect(reset).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(reset).toBeDisabled();
  // double-click resets too
  await page.mouse.move(area.x + area.width * 0.2, area.y + area.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(area.x + area.width * 0.4, area.y + area.height * 0.5, { steps: 8 });
  await page.mouse.up();
  await expect(reset).toBeEnabled();
  await page.mouse.dblclick(area.x + area.width * 0.5, area.y + area.height * 0.5);
  await expect(reset).toBeDisabled();
});

test('exports the plot as PNG, SVG and CSV', async ({ page }) => {
  await openPlots(page);
  const png = await exportAs(page, 'PNG');
  expect(png.file.suggestedFilename()).toBe('http-access-link-link-access-isp-campus.png');
  expect(png.bytes.subarray(0, 8)).toEqual(PNG_MAGIC);
  // IHDR: width and height (big-endian) at bytes 16 and 20, drawn at 2× of an 880 px wide plot
  expect(png.bytes.readUInt32BE(16)).toBe(2 * 880);
  expect(png.bytes.readUInt32BE(20)).toBeGreaterThan(2 * 400);
  expect(png.bytes.length).toBeGreaterThan(20_000);
  await png.file.saveAs(`${SHOTS}/plot-export-light.png`);
  await expect(page.locator('footer')).toContainText('Exported the plot to http-access-link-link-access-isp-campus.png');

  const svg = await exportAs(page, 'SVG');
  expect(svg.file.suggestedFilename()).toBe('http-access-link-link-access-isp-campus.svg');
  const parsed = await page.evaluate((text) => {
    const { DOMParser } = globalThis as unknown as PageGlobals;
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.nodeName, paths: doc.querySelectorAll('path').length };
  }, svg.bytes.toString('utf8'));
  expect(parsed).toEqual({ error: null, root: 'svg', paths: 4 }); // the two series and the two formula lines
  for (const label of ['utilisation', 'queueing delay', LINK_PLOT]) expect(svg.bytes.toString('utf8')).toContain(`>${label}<`);

  const csv = await exportAs(page, 'CSV');
  expect(csv.file.suggestedFilename()).toBe('http-access-link-link-access-isp-campus.csv');
  const lines = csv.bytes.toString('utf8').split('\r\n');
  expect(lines.pop()).toBe('');
  expect(lines[0]).toMatch(/^Simulated time \(s\),utilisation \(ratio\),queueing delay \(s\),"?Formula: Utilisation of the access link[^,]*\(ratio\)"?,"?Formula: .*\(ratio\)"?$/);
  // a row per interval start and one for the end; every row has a value in every column
  expect(lines.length - 1).toBeGreaterThan(3);
  // every interval has a utilisation and a queueing delay; the formulas' lines have values at their ends
  for (const row of lines.slice(1)) expect(row).toMatch(/^[\d.e-]+,[\d.e-]+,[\d.e-]+,[\d.e-]*,[\d.e-]*$/);

  // zoomed in, the SVG shows the range on screen (its x ticks start past 0); the CSV keeps every value
  const area = (await plots(page).locator('.u-over').boundingBox())!;
  await page.mouse.move(area.x + area.width * 0.4, area.y + area.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(area.x + area.width * 0.7, area.y + area.height * 0.5, { steps: 8 });
  await page.mouse.up();
  await expect(toolbar(page).getByRole('button', { name: 'Reset zoom' })).toBeEnabled();
  const zoomed = (await exportAs(page, 'SVG')).bytes.toString('utf8');
  const xTicks = [...zoomed.matchAll(/<text x="[\d.]+" y="[\d.]+" text-anchor="middle">([\d.]+)<\/text>/g)].map((m) => Number(m[1]));
  expect(xTicks.length).toBeGreaterThan(1);
  expect(xTicks[0]).toBeGreaterThan(0);
  expect((await exportAs(page, 'CSV')).bytes.toString('utf8').split('\r\n')).toHaveLength(lines.length + 1);
});

test('screenshots of the plots tab', async ({ page }) => {
  await openPlots(page);
  await atEveryWindow(page, async (shot) => {
    await expect(canvas(page)).toBeVisible();
    await page.screenshot({ path: shot });
  }, 'plots-link');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await plots(page).getByRole('combobox', { name: 'Show plot' }).selectOption({ index: 1 });
  await page.screenshot({ path: `${SHOTS}/plots-second-1440x900-dark.png` });
  const dark = await exportAs(page, 'PNG');
  await dark.file.saveAs(`${SHOTS}/plot-export-dark.png`);
});

test('a DNS lesson plots its resolver’s cache and its messages, and no link', async ({ page }) => {
  await page.getByLabel('Lesson').selectOption({ label: 'DNS: stale cached answers until the TTL runs out' });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Finished');
  await page.getByRole('tab', { name: 'Plots', exact: true }).click();
  const picker = plots(page).getByRole('combobox', { name: 'Show plot' });
  await expect(picker.locator('option')).toHaveText(['Cache entries', /^Application messages sent, per \d+ m?s$/]);
  await expect(canvas(page)).toHaveAttribute('aria-label', /^Cache entries\. .+ \(DNS\): up to \d+/);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: `${SHOTS}/plots-dns-cache-1280x720-light.png` });
  await picker.selectOption({ index: 1 });
  await expect(toolbar(page).getByRole('heading')).toHaveText(/^Application messages sent/);
  await page.screenshot({ path: `${SHOTS}/plots-dns-messages-1280x720-light.png` });
});
