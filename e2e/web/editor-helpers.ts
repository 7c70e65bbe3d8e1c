// What the editor's end-to-end tests share: the canvas, where its nodes are
// drawn, the document as the Source tab shows it, the recovery slot, and
// link drawing with the mouse (from a node's handle, or in link mode).
import { expect, type Locator, type Page } from '@playwright/test';

export const ITERATIVE = 'DNS: iterative resolution and caching';

export const canvas = (page: Page) => page.locator('[data-editing="true"]');
export type Places = Record<string, { x: number; y: number }>;
/** The text in the recovery slot (host/recovery-indexeddb.ts: database l7-lab, store recovery, key working-copy), or null; run in the page. */
export const SLOT_TEXT = `new Promise((resolve) => {
  const open = indexedDB.open('l7-lab');
  open.onerror = () => resolve(null);
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('recovery')) return resolve(null);
    const get = db.transaction('recovery').objectStore('recovery').get('working-copy');
    get.onsuccess = () => resolve(get.result && typeof get.result.text === 'string' ? get.result.text : null);
    get.onerror = () => resolve(null);
  };
})`;
export const places = async (page: Page): Promise<Places> => JSON.parse((await canvas(page).getAttribute('data-places')) ?? '{}') as Places;
export const sourceText = async (page: Page) => {
  await page.getByRole('tab', { name: 'Source' }).click();
  const text = await page.getByLabel('Scenario source (JSON)').inputValue();
  await page.getByRole('tab', { name: 'Topology' }).click();
  return JSON.parse(text) as { nodes: { id: string; kind: string; address: string }[]; links: { a: string; b: string; delayMs: number }[] };
};

/** Drags with the mouse from a node's handle (shown at its corner on hover) to another node. */
export async function drawLink(page: Page, box: Locator, from: string, to: string): Promise<void> {
  const at = await places(page);
  const origin = (await box.boundingBox())!;
  const a = { x: origin.x + at[from]!.x, y: origin.y + at[from]!.y };
  const b = { x: origin.x + at[to]!.x, y: origin.y + at[to]!.y };
  await page.mouse.move(a.x, a.y);
  await page.mouse.move(a.x + 1, a.y + 1);
  // the handle shows just past the node's top-right corner (the canvas lists where)
  await expect(box).toHaveAttribute('data-handle', /^-?\d+,-?\d+$/);
  const [hx, hy] = (await box.getAttribute('data-handle'))!.split(',').map(Number);
  const handle = { x: origin.x + hx!, y: origin.y + hy! };
  await page.mouse.move(handle.x, handle.y, { steps: 4 });
  await page.mouse.down();
  await page.mouse.move((handle.x + b.x) / 2, (handle.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.waitForTimeout(200); // the extension's hover delay (100 ms) before it takes the target
  await page.mouse.up();
}

/** A mouse drag from one node's centre to another's. */
export async function dragBetween(page: Page, box: Locator, from: string, to: string): Promise<void> {
  const at = await places(page);
  const origin = (await box.boundingBox())!;
  await page.mouse.move(origin.x + at[from]!.x, origin.y + at[from]!.y);
  await page.mouse.down();
  await page.mouse.move(origin.x + at[to]!.x, origin.y + at[to]!.y, { steps: 8 });
  await page.waitForTimeout(200); // the extension's hover delay (100 ms) before it takes the target
  await page.mouse.up();
}
