// Two runs side by side (issue 13): a lesson's suggestion run beside the
// lesson as it is, charts on one time axis, metrics with their difference.
import { expect, test, type Page } from '@playwright/test';
import { atEveryWindow, guardEveryTest } from './guard';

guardEveryTest();

const guide = (page: Page) => page.getByRole('region', { name: 'Guide', exact: true });
const pane = (page: Page) => page.getByTestId('compare-pane');

test('compares the iterative DNS lesson with its root server ten times farther away', async ({ page }) => {
  await page.getByLabel('Lesson').selectOption({ label: 'DNS: iterative resolution and caching' });
  await guide(page).getByRole('button', { name: 'Run as it is and with links[router-root].delayMs = 200, side by side' }).click();
  await expect(page.getByRole('tab', { name: 'Compare' })).toHaveAttribute('aria-selected', 'true');
  await expect(pane(page).getByTestId('compare-chart')).toHaveCount(2);
  const table = pane(page).getByTestId('compare-metrics');
  await expect(table.getByRole('columnheader')).toHaveText(['Metric', 'As it is', 'With link router-root: Delay (ms) = 200', 'Difference']);
  const first = table.getByRole('row', { name: /host · resolutionTime/ }).first();
  await expect(first).toHaveText(/host · resolutionTime\s*116\.085 ms\s*476\.085 ms\s*\+360\.000 ms/);
  // both charts are drawn, side by side, their images loaded
  const images = pane(page).getByRole('img');
  await expect(images).toHaveCount(2);
  for (const img of await images.all()) await expect.poll(() => img.evaluate((e) => (e as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(300);
  await atEveryWindow(page, async (shot) => void (await page.screenshot({ path: shot })), 'lesson-compare-dns');
});
