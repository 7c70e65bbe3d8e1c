// The topology editor's minimap (issue 10), in Chromium through the web
// host: hidden while the whole network is in view; shown once the user zooms
// in; a click in it, a drag of its rectangle and its arrow keys pan the view
// (the nodes' drawn places move the expected way), and no edit is made; M on
// the canvas, M on the minimap and the toolbar's toggle hide and show it. A
// large network shows it from the start. Screenshots at both window sizes,
// light and dark.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { atEveryWindow, guardEveryTest, SHOTS } from './guard';

guardEveryTest();

const ITERATIVE = 'DNS: iterative resolution and caching';
const canvas = (page: Page) => page.locator('[data-editing="true"]');
const minimap = (page: Page) => page.locator('[data-minimap]');
const toggle = (page: Page) => page.locator('[data-minimap-toggle]');
/** EditorMinimap's width, px (topology/minimap-geometry.ts MINIMAP_SIZE). */
const MINIMAP_WIDTH = 160;
type Places = Record<string, { x: number; y: number }>;
const places = async (page: Page): Promise<Places> => JSON.parse((await canvas(page).getAttribute('data-places')) ?? '{}') as Places;
/** The view's rectangle in the minimap, minimap px. */
async function viewport(map: Locator): Promise<{ x1: number; y1: number; x2: number; y2: number }> {
  const [x1, y1, x2, y2] = ((await map.getAttribute('data-minimap-viewport')) ?? '0,0,0,0').split(',').map(Number);
  return { x1: x1!, y1: y1!, x2: x2!, y2: y2! };
}
/** How far every node moved between two readings of the drawn places, across and down (they all move alike when the view pans). */
function shift(before: Places, after: Places): { dx: number; dy: number } {
  const ids = Object.keys(before);
  const dx = ids.map((id) => after[id]!.x - before[id]!.x);
  const dy = ids.map((id) => after[id]!.y - before[id]!.y);
  expect(Math.max(...dx) - Math.min(...dx), 'every node moved alike').toBeLessThanOrEqual(1);
  return { dx: dx[0]!, dy: dy[0]! };
}

/** Opens the iterative-DNS lesson in the editor and zooms in on the canvas's centre until the network no longer fits. */
async function zoomedIn(page: Page): Promise<void> {
  await page.getByLabel('Lesson').selectOption({ label: ITERATIVE });
  await page.getByRole('tab', { name: 'Topology' }).click(); // (a lesson opens on its guide)
  await page.getByRole('radio', { name: 'Edit' }).check();
  const box = canvas(page);
  await expect.poll(async () => Object.keys(await places(page))).toContain('auth');
  // fitted on entering the editor: everything in view, no minimap
  await expect(box).toHaveAttribute('data-minimap-shown', 'false');
  await expect(minimap(page)).toBeHidden();
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
  await zoomIn(page);
  await expect(box).toHaveAttribute('data-minimap-shown', 'true');
  await expect(minimap(page)).toBeVisible();
}

/**
 * The mouse wheel over the canvas's centre, a notch at a time, until the view's rectangle is at most half the
 * minimap across (cytoscape zooms a few per cent a notch; it ignores notches just after the page scrolled).
 */
async function zoomIn(page: Page): Promise<void> {
  const o = (await canvas(page).boundingBox())!;
  await page.mouse.move(o.x + o.width / 2, o.y + o.height / 2);
  for (let notch = 0; notch < 100; notch++) {
    await page.mouse.wheel(0, -100);
    if ((await canvas(page).getAttribute('data-minimap-shown')) !== 'true') continue;
    const r = await viewport(minimap(page));
    if (r.x2 - r.x1 <= MINIMAP_WIDTH / 2) return;
  }
  throw new Error('the wheel did not zoom the canvas in');
}

test('shows the minimap once the network does not fit, pans the view from it, and hides it with M', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await zoomedIn(page);
  const box = canvas(page);
  const map = minimap(page);
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  const o = (await box.boundingBox())!;
  const m = (await map.boundingBox())!;

  // a click left of the view's rectangle: the view's centre goes there, so the nodes are drawn further right
  let r = await viewport(map);
  expect(r.x1, 'the zoomed view is a part of the network').toBeGreaterThan(12);
  const before = await places(page);
  const centre = { x: (r.x1 + r.x2) / 2, y: (r.y1 + r.y2) / 2 };
  await page.mouse.click(m.x + r.x1 - 10, m.y + centre.y);
  await expect.poll(async () => (await places(page))['host']!.x).toBeGreaterThan(before['host']!.x);
  let moved = shift(before, await places(page));
  // the rectangle is the canvas's width: so many canvas px per minimap px
  const pxPerMinimapPx = o.width / (r.x2 - r.x1);
  const expected = (centre.x - (r.x1 - 10)) * pxPerMinimapPx;
  expect(moved.dx).toBeGreaterThan(expected * 0.8);
  expect(moved.dx).toBeLessThan(expected * 1.2);
  expect(Math.abs(moved.dy)).toBeLessThanOrEqual(pxPerMinimapPx + 1);

  // a drag of the rectangle 20 px right: it keeps the grabbed point under the pointer, the nodes go left
  r = await viewport(map);
  const grab = { x: m.x + (r.x1 + r.x2) / 2 + 3, y: m.y + (r.y1 + r.y2) / 2 };
  const beforeDrag = await places(page);
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x + 10, grab.y, { steps: 3 });
  await page.mouse.move(grab.x + 20, grab.y, { steps: 3 });
  await page.mouse.up();
  await expect.poll(async () => (await places(page))['host']!.x).toBeLessThan(beforeDrag['host']!.x);
  moved = shift(beforeDrag, await places(page));
  expect(moved.dx).toBeLessThan(-20 * pxPerMinimapPx * 0.8);
  expect(moved.dx).toBeGreaterThan(-20 * pxPerMinimapPx * 1.2);

  // the focused minimap's arrows: a quarter of the view at a time
  await expect(map).toBeFocused(); // a press in it gave it the keyboard
  const beforeKey = await places(page);
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => shift(beforeKey, await places(page)).dx).toBe(-Math.round(o.width / 4));
  const beforeDown = await places(page);
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => shift(beforeDown, await places(page)).dy).toBe(-Math.round(o.height / 4));

  // panning is view state: nothing to undo, nothing unsaved
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
  await expect(page.locator('header, .app-shell__toolbar').first()).not.toContainText('unsaved');

  // M on the canvas hides it; the toolbar's toggle shows it again; M on the minimap hides it and the canvas takes the keyboard
  await box.focus();
  await page.keyboard.press('m');
  await expect(map).toBeHidden();
  await expect(box).toHaveAttribute('data-minimap-shown', 'false');
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
  await toggle(page).click();
  await expect(map).toBeVisible();
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  await map.focus();
  await page.keyboard.press('m');
  await expect(map).toBeHidden();
  await expect(box).toBeFocused();
  // the user's choice holds: fitting the network and zooming in again leaves it hidden
  await page.keyboard.press('f');
  await expect(box).toHaveAttribute('data-minimap-fits', 'true');
  await page.mouse.move(o.x + o.width / 2, o.y + o.height / 2);
  for (let notch = 0; notch < 100 && (await box.getAttribute('data-minimap-fits')) === 'true'; notch++) await page.mouse.wheel(0, -100);
  await expect(box).toHaveAttribute('data-minimap-fits', 'false');
  await expect(map).toBeHidden();
  await page.keyboard.press('m');
  await expect(map).toBeVisible();
});

test('leaves the focus order alone: Tab goes from the canvas to the minimap and on', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await zoomedIn(page);
  await canvas(page).focus();
  await page.keyboard.press('Tab');
  await expect(minimap(page)).toBeFocused();
  await canvas(page).screenshot({ path: `${SHOTS}/editor-minimap-focused.png` }); // its focus ring
  await page.keyboard.press('Tab');
  await expect(minimap(page)).not.toBeFocused();
  await expect(canvas(page)).not.toBeFocused();
});

/** A network of `columns` × `rows` nodes on a grid (every fifth a router), each linked to its right and lower neighbours. */
function gridScenario(columns: number, rows: number): string {
  const id = (c: number, r: number) => `n${r}-${c}`;
  const nodes = [];
  const links = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const router = (r * columns + c) % 5 === 0;
      nodes.push({ id: id(c, r), kind: router ? 'router' : 'host', address: `10.${r}.${c}.1`, position: { x: c * 120, y: r * 100 } });
      if (c + 1 < columns) links.push({ a: id(c, r), b: id(c + 1, r), delayMs: 1, bandwidthMbps: 10 });
      if (r + 1 < rows) links.push({ a: id(c, r), b: id(c, r + 1), delayMs: 1, bandwidthMbps: 10 });
    }
  }
  return JSON.stringify({ format: 'l7-scenario', version: 1, name: 'A large network', nodes, links, workload: [] });
}

test('shows a large network’s minimap from the start, and pans it', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  // 500 nodes, 955 links
  await (await chooser).setFiles({ name: 'large.l7.json', mimeType: 'application/json', buffer: Buffer.from(gridScenario(25, 20)) });
  await page.getByRole('radio', { name: 'Edit' }).check();
  const box = canvas(page);
  await expect(box).toHaveAttribute('data-node-count', '500');
  await expect(minimap(page)).toBeVisible();
  await expect(minimap(page)).toHaveAttribute('data-minimap-viewport', /^\d+,\d+,\d+,\d+$/);
  const map = minimap(page);
  const m = (await map.boundingBox())!;
  const before = await places(page);
  // the bottom-right corner of the network: the view goes there, the nodes up and left
  await page.mouse.click(m.x + m.width - 8, m.y + m.height - 8);
  await expect.poll(async () => (await places(page))['n0-0']!.x).toBeLessThan(before['n0-0']!.x);
  expect((await places(page))['n0-0']!.y).toBeLessThan(before['n0-0']!.y);
  await page.screenshot({ path: `${SHOTS}/editor-minimap-large.png` });
});

test('screenshots: the minimap over a zoomed-in network', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await zoomedIn(page);
  await atEveryWindow(
    page,
    async (shot) => {
      await expect(minimap(page)).toBeVisible();
      await page.screenshot({ path: shot });
      await canvas(page).screenshot({ path: shot.replace('.png', '-canvas.png') });
    },
    'editor-minimap',
  );
});
