// The export dialog end to end: Ctrl+E after the TCP lesson, each format
// downloaded and checked by its bytes; screenshots of the dialog in both
// themes. Every test also checks that the page stays on its own origin and
// logs no console error (afterEach).
import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { guardEveryTest, SHOTS, TCP_LESSON } from './guard';


guardEveryTest();

/** The page's globals these tests use (the root tsconfig has no DOM lib, so they are typed by hand). */
interface PageGlobals {
  DOMParser: new () => { parseFromString(text: string, type: string): { querySelector(s: string): { textContent: string | null } | null; documentElement: { nodeName: string; textContent: string | null } } };
  createImageBitmap(blob: unknown): Promise<{ width: number; height: number }>;
  OffscreenCanvas: new (w: number, h: number) => {
    getContext(kind: '2d'): { drawImage(image: unknown, x: number, y: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
  };
  Blob: new (parts: unknown[], options: { type: string }) => unknown;
  atob(text: string): string;
  document: { activeElement: unknown };
}

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Export' });

async function runTcpLesson(page: Page): Promise<void> {
  await page.getByLabel('Lesson').selectOption({ label: TCP_LESSON });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Finished');
}

/** Opens the dialog with Ctrl+E, picks `format`, exports, and returns the download. */
async function exportAs(page: Page, format: string): Promise<Download> {
  await page.keyboard.press('Control+e');
  await expect(dialog(page)).toBeVisible();
  await dialog(page).getByRole('radio', { name: format }).check();
  const download = page.waitForEvent('download');
  await dialog(page).getByRole('button', { name: 'Export', exact: true }).click();
  const file = await download;
  await expect(dialog(page)).toBeHidden();
  return file;
}

const bytesOf = async (file: Download) => readFileSync(await file.path());

test('exports the chart as SVG with escaped labels', async ({ page }) => {
  await runTcpLesson(page);
  const file = await exportAs(page, 'Chart as SVG');
  expect(file.suggestedFilename()).toBe('sockets-tcp.chart.svg');
  const text = (await bytesOf(file)).toString('utf8');
  expect(text.startsWith('<?xml') || text.startsWith('<svg')).toBe(true);
  expect(text).toContain('Line &quot;hello from client a&quot;');
  expect(text).not.toContain('Line "hello from client a"');
  // The browser parses it as XML and finds the label as text.
  const parsed = await page.evaluate((svg) => {
    const { DOMParser } = globalThis as unknown as PageGlobals;
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.nodeName, text: doc.documentElement.textContent ?? '' };
  }, text);
  expect(parsed.error).toBeNull();
  expect(parsed.root).toBe('svg');
  expect(parsed.text).toContain('Line "hello from client a"');
  await expect(page.getByText('Exported sockets-tcp.chart.svg')).toBeVisible();
});

test('exports the packets as pcapng and the trace as JSON', async ({ page }) => {
  await runTcpLesson(page);
  const pcap = await exportAs(page, 'Packets as pcapng');
  expect(pcap.suggestedFilename()).toBe('sockets-tcp.pcapng');
  expect([...(await bytesOf(pcap)).subarray(0, 4)]).toEqual([0x0a, 0x0d, 0x0d, 0x0a]);

  const json = await exportAs(page, 'Trace as JSON');
  expect(json.suggestedFilename()).toBe('sockets-tcp.trace.json');
  const trace = JSON.parse((await bytesOf(json)).toString('utf8')) as { format: string; events: unknown[] };
  expect(trace.format).toBe('l7-trace');
  expect(trace.events).toHaveLength(48);
});

test('exports the chart as PNG through the dialog', async ({ page }) => {
  await runTcpLesson(page);
  const file = await exportAs(page, 'Chart as PNG');
  expect(file.suggestedFilename()).toMatch(/^sockets-tcp-chart(-1)?\.png$/);
  const bytes = await bytesOf(file);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  expect(width).toBeGreaterThan(300);
  expect(height).toBeGreaterThan(300);
  // Not blank: decode it in the page and count the pixels that differ from the background.
  const inked = await page.evaluate(async (base64) => {
    const { createImageBitmap, OffscreenCanvas, Blob, atob } = globalThis as unknown as PageGlobals;
    const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const pixels = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let differ = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i] !== pixels[0] || pixels[i + 1] !== pixels[1] || pixels[i + 2] !== pixels[2]) differ++;
    return { width: bitmap.width, height: bitmap.height, share: differ / (pixels.length / 4) };
  }, bytes.toString('base64'));
  expect(inked.width).toBe(width);
  expect(inked.height).toBe(height);
  expect(inked.share).toBeGreaterThan(0.01);
  // No label is cut short: each is whole (maybe wrapped), or a marker [n] whose footnote n under the chart has the text.
  const pages = JSON.parse((await page.getByTestId('chart-scroller').getAttribute('data-export-labels')) ?? '[]') as string[][];
  expect(pages.length).toBeGreaterThan(0);
  for (const labels of pages) {
    expect(labels.length).toBeGreaterThan(10);
    expect(labels.filter((t) => t.trimEnd().endsWith('…'))).toEqual([]);
    for (const marker of labels.filter((t) => /^\[\d+\]$/.test(t))) expect(labels.some((t) => t.startsWith(`${marker} `))).toBe(true);
  }
  expect(pages.flat()).toContain('[SYN] Seq=0 Win=65535 Len=0 MSS=1460');
});

test('the dialog is keyboard accessible: focus inside, Escape closes and returns focus', async ({ page }) => {
  await runTcpLesson(page);
  const button = page.getByRole('button', { name: /Export/ });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).getByRole('radio', { checked: true }).first()).toBeFocused();
  // Tab cycles inside the dialog.
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog(page).evaluate((d) => d.contains((globalThis as unknown as PageGlobals).document.activeElement as never))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(button).toBeFocused();
  await expect(page.getByRole('status')).toContainText('Finished'); // Escape closed the dialog, nothing else
});

test('before a run only the scenario can be exported; screenshots in both themes', async ({ page }) => {
  await page.getByLabel('Lesson').selectOption({ label: TCP_LESSON });
  await page.keyboard.press('Control+e');
  await expect(dialog(page).getByRole('radio', { name: 'Chart as SVG' })).toBeDisabled();
  await expect(dialog(page)).toContainText('Run the scenario first');
  const copy = page.waitForEvent('download');
  await dialog(page).getByRole('button', { name: 'Export', exact: true }).click();
  expect((await copy).suggestedFilename()).toBe('sockets-tcp.l7.json');

  await runTcpLesson(page);
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.keyboard.press('Control+e');
    await expect(dialog(page)).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/export-${theme}.png` });
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();
  }
});
