// The window's layout: splitters that resize the side pane (mouse) and the
// inspector (keyboard), widths remembered across a reload, the topology and
// the chart following their panes, and a small window that squeezes the
// panes instead of scrolling sideways.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { guardEveryTest, SHOTS } from './guard';

guardEveryTest();

const DNS_LESSON = 'DNS: iterative resolution and caching';
const sidePane = (page: Page) => page.getByRole('region', { name: 'Scenario' });
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
const sideSplitter = (page: Page) => page.getByRole('separator', { name: 'Resize side pane' });
const inspectorSplitter = (page: Page) => page.getByRole('separator', { name: 'Resize inspector' });
const topology = (page: Page) => page.locator('[data-node-count]');
const chartCanvas = (page: Page) => page.getByTestId('chart-scroller').locator('canvas');

async function width(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not shown');
  return box.width;
}

async function runDnsLesson(page: Page): Promise<void> {
  await page.getByLabel('Lesson').selectOption({ label: DNS_LESSON });
  await page.getByRole('tab', { name: 'Topology' }).click(); // (a lesson opens on its guide)
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Finished');
  await expect(page.getByTestId('chart-scroller')).toHaveAttribute('data-drawn', /^[1-9]\d*$/);
}

/** How far the page scrolls sideways (0 when it fits). (The root tsconfig has no DOM lib: the page's globals are typed by hand.) */
function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const web = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number } } };
    return web.document.documentElement.scrollWidth - web.innerWidth;
  });
}

test('drags the side pane wider, moves the inspector with the keyboard, and remembers both', async ({ page }) => {
  await runDnsLesson(page);
  const splitter = sideSplitter(page);
  await expect(splitter).toHaveAttribute('aria-orientation', 'vertical');
  await expect(splitter).toHaveAttribute('aria-valuenow', '240');
  await expect(splitter).toHaveAttribute('aria-valuemin', '180');
  expect(await width(sidePane(page))).toBeCloseTo(240, 0);
  const topologyBefore = await width(topology(page));
  const chartBefore = await width(chartCanvas(page));

  // Drag 120 px to the right: the side pane, its drawing and the chart follow.
  const box = (await splitter.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + 200, { steps: 4 });
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + 300, { steps: 4 });
  await page.mouse.up();
  await expect(splitter).toHaveAttribute('aria-valuenow', '360');
  expect(await width(sidePane(page))).toBeCloseTo(360, 0);
  await expect.poll(() => width(topology(page))).toBeGreaterThan(topologyBefore + 100);
  await expect.poll(() => width(chartCanvas(page))).toBeLessThan(chartBefore - 100); // the chart measured its pane again
  await expect(page.getByTestId('chart-scroller')).toHaveAttribute('data-drawn', /^[1-9]\d*$/);
  // At this width the router's links are labelled, with no overlap (topology/labels.ts).
  await expect(topology(page)).toHaveAttribute('data-link-labels', /router-root:(full|short)/);
  await expect(topology(page)).toHaveAttribute('data-link-labels', /router-tld:(full|short)/);
  await expect(topology(page)).toHaveAttribute('data-link-labels', /router-auth:(full|short)/);
  await page.screenshot({ path: `${SHOTS}/layout-wide-topology.png` });

  // The inspector's splitter with the keyboard: ← widens it (the splitter moves left), End/Home, Enter resets.
  const keys = inspectorSplitter(page);
  await keys.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(keys).toHaveAttribute('aria-valuenow', '352');
  await expect(keys).toHaveCSS('outline-style', 'solid'); // the focus ring
  await page.keyboard.press('Home');
  await expect(keys).toHaveAttribute('aria-valuenow', '240');
  await page.keyboard.press('End');
  const max = Number(await keys.getAttribute('aria-valuemax'));
  expect(max).toBe(1280 - 360 - 320 - 12); // the chart keeps 320 px
  await expect(keys).toHaveAttribute('aria-valuenow', String(max));
  await page.keyboard.press('Enter');
  await expect(keys).toHaveAttribute('aria-valuenow', '320');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await expect(keys).toHaveAttribute('aria-valuenow', '336');
  expect(await width(inspector(page))).toBeCloseTo(336, 0);
  // The keys moved the splitter, not playback.
  await expect(page.getByRole('region', { name: 'Playback' })).toContainText('Playback off');

  await page.reload();
  await expect(page.getByRole('status')).toHaveText('Ready');
  await expect(sideSplitter(page)).toHaveAttribute('aria-valuenow', '360');
  await expect(inspectorSplitter(page)).toHaveAttribute('aria-valuenow', '336');
  expect(await width(sidePane(page))).toBeCloseTo(360, 0);
  expect(await width(inspector(page))).toBeCloseTo(336, 0);

  // A double click gives the default width back.
  await sideSplitter(page).dblclick();
  await expect(sideSplitter(page)).toHaveAttribute('aria-valuenow', '240');
});

test('squeezes the panes in a 1024×700 window instead of scrolling sideways, and gives the room back', async ({ page }) => {
  await page.getByLabel('Lesson').selectOption({ label: DNS_LESSON });
  await page.getByRole('tab', { name: 'Topology' }).click(); // (a lesson opens on its guide)
  await sideSplitter(page).focus();
  await page.keyboard.press('End');
  await inspectorSplitter(page).focus();
  await page.keyboard.press('End');
  const wide = { side: await width(sidePane(page)), inspector: await width(inspector(page)) };
  expect(wide.side + wide.inspector).toBeCloseTo(1280 - 320 - 12, 0);

  await page.setViewportSize({ width: 1024, height: 700 });
  await expect.poll(() => width(page.getByRole('main', { name: 'Sequence chart' }))).toBeGreaterThanOrEqual(320);
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  expect(await width(sidePane(page))).toBeGreaterThanOrEqual(180);
  expect(await width(inspector(page))).toBeGreaterThanOrEqual(240);
  await expect(page.getByRole('button', { name: 'Help' })).toBeInViewport();
  await expect(topology(page)).toBeInViewport();

  await page.setViewportSize({ width: 1280, height: 800 });
  await expect.poll(() => width(sidePane(page))).toBeCloseTo(wide.side, 0);
  expect(await width(inspector(page))).toBeCloseTo(wide.inspector, 0);
});

test('draws the DNS network readably in a wide side pane, in dark mode', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await sideSplitter(page).focus();
  for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight'); // 240 + 7 × 16 = 352
  await expect(sideSplitter(page)).toHaveAttribute('aria-valuenow', '352');
  await runDnsLesson(page);
  await expect(topology(page)).toHaveAttribute('data-link-labels', /router-tld:(full|short)/);
  await page.getByRole('main', { name: 'Sequence chart' }).click({ position: { x: 5, y: 5 } }); // focus away from the splitter
  await page.screenshot({ path: `${SHOTS}/layout-dark.png` });
});
