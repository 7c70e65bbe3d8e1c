// Lanes that fit (issue 9): the lanes fill the pane, and when they need more
// room than it has the chart scrolls sideways under its sticky header; the
// playback cursor's arrow is always brought into view on both axes; a lane
// group (the lesson's three DNS servers) can be drawn as one lane.
import { expect, test, type Page } from '@playwright/test';
import { drawnArrows, drawnLanes, scroller } from './chart-data';
import { guardEveryTest, SHOTS, WINDOW_SIZES } from './guard';

guardEveryTest();

const ITERATIVE = 'DNS: iterative resolution and caching';
/** The sticky time axis on the chart's left (src-renderer/chart/geometry.ts AXIS_WIDTH). */
const AXIS_WIDTH = 70;

async function runIterative(page: Page): Promise<void> {
  await page.getByLabel('Lesson').selectOption({ label: ITERATIVE });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Finished');
  await expect(scroller(page)).toHaveAttribute('data-drawn', /^[1-9]\d*$/);
}

for (const [width, height] of WINDOW_SIZES) {
  test(`every lane of the iterative lesson is in view or reachable by scrolling, and playback keeps its arrow in view, at ${width}×${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await runIterative(page);
    const box = scroller(page);
    const size = await box.evaluate((el) => ({ client: el.clientWidth, scroll: el.scrollWidth }));
    const lanes = await drawnLanes(page);
    expect(lanes).toHaveLength(5);
    for (const lane of lanes) expect(lane.x, lane.id).toBeLessThan(size.scroll);
    // lanes never closer than the readable minimum (layout.ts MIN_LANE_WIDTH)
    expect(lanes[1]!.x - lanes[0]!.x).toBeGreaterThanOrEqual(170);

    // step through every message: the current one is drawn, between the time axis and the pane's right edge
    await box.focus();
    await page.keyboard.press('Home');
    let steps = 0;
    let last = '';
    for (;;) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(async () => await box.getAttribute('data-selected')).not.toBe(last);
      const selected = (await box.getAttribute('data-selected'))!;
      const current = async () => (await drawnArrows(page)).find((a) => String(a.id) === selected);
      await expect.poll(current, `message ${selected} is drawn`).toBeDefined();
      const arrow = (await current())!;
      expect(Math.min(arrow.x1, arrow.x2), arrow.label).toBeGreaterThanOrEqual(AXIS_WIDTH);
      expect(Math.max(arrow.x1, arrow.x2), arrow.label).toBeLessThanOrEqual(size.client);
      last = selected;
      steps++;
      if (steps === 14 || (await page.getByRole('button', { name: /^Next/ }).isDisabled())) break;
    }
    expect(steps).toBeGreaterThan(6);
    await page.screenshot({ path: `${SHOTS}/lanes-iterative-${width}x${height}.png` });
  });
}

test('draws the three DNS servers as one lane, and as three again', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await runIterative(page);
  await page.getByRole('tab', { name: 'View' }).click();
  const one = page.getByLabel('One lane for Root server, TLD server (.com), example.com server');
  await one.check();
  await expect.poll(async () => (await drawnLanes(page)).length).toBe(3);
  const lanes = await drawnLanes(page);
  expect(lanes[2]!.id).toBe('group:dns-server');
  // three lanes fit the pane: no sideways scrolling
  await expect.poll(async () => scroller(page).evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  // every message to a server now ends on the group's lane
  const arrows = await drawnArrows(page);
  expect(arrows.some((a) => a.x2 === lanes[2]!.x)).toBe(true);
  await page.screenshot({ path: `${SHOTS}/lanes-group-collapsed.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(150);
  await page.screenshot({ path: `${SHOTS}/lanes-group-collapsed-dark.png` });
  await one.uncheck();
  await expect.poll(async () => (await drawnLanes(page)).length).toBe(5);
});
