// The proxy cache lesson in the web build: a hit on the proxy's lane,
// selected in the List tab, shows the proxy's cache at that moment in the
// inspector (rebuilt from the trace), every copy fresh; screenshots at every
// window size, light and dark.
import { expect, test, type Page } from '@playwright/test';
import { atEveryWindow, guardEveryTest } from './guard';

guardEveryTest();

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

test('the inspector shows the proxy\'s cache at its first miss, and Bob\'s browser cache at the end: copies, ages, freshness', async ({ page }) => {
  await page.getByLabel('Lesson').selectOption({ label: 'HTTP: a proxy cache in the institutional network' });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Finished');
  await page.getByRole('tab', { name: 'List' }).click();
  const list = page.getByRole('listbox', { name: 'Messages' });
  // the proxy's first miss: it has just stored the page
  await list.getByRole('option').filter({ hasText: 'proxy: GET http://www.example.com/index.html → 200, a miss' }).first().click();
  const proxyCache = inspector(page).getByRole('region', { name: /Cache of Proxy cache/ });
  await expect(proxyCache.getByRole('row')).toHaveCount(2); // a header and the page
  await expect(proxyCache).toContainText('/index.html');
  await expect(proxyCache).toContainText('fresh, 3599 s left'); // max-age=3600, and already 0.11 s old: its Date is the run's first second
  // the last event of the run (Bob's page loaded): his browser kept the page and its five photos, all fresh
  await page.keyboard.press('End');
  const cache = inspector(page).getByRole('region', { name: /Cache of Bob/ });
  await expect(cache.getByRole('row')).toHaveCount(7);
  await expect(cache).toContainText('/photo5.jpg');
  await expect(cache).not.toContainText('stale');
  await atEveryWindow(page, async (shot) => {
    await cache.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot });
  }, 'http-proxy-cache-table');
});

/** The Results' rows that say "busiest link": [utilisation %, mean queueing delay ms]. */
async function bottleneck(page: Page): Promise<[number, number]> {
  const rows = inspector(page).getByRole('region', { name: 'Results' }).getByRole('row').filter({ hasText: 'busiest link' });
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('linkUtilisation');
  await expect(rows.nth(0)).toContainText('link access, isp → campus');
  await expect(rows.nth(1)).toContainText('queueingDelay');
  const [utilisation, queueing] = await rows.allInnerTexts();
  return [Number(/([\d.]+) %\s*$/.exec(utilisation!)![1]), Number(/([\d.]+) ms\s*$/.exec(queueing!)![1])];
}

test('the access-link lessons list the access link\'s utilisation and queueing with their results: lower with the proxy cache', async ({ page }) => {
  await page.getByLabel('Lesson').selectOption({ label: 'HTTP: the institutional access link, no cache' });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Finished');
  const [busyWithout, queueWithout] = await bottleneck(page);
  await page.getByLabel('Lesson').selectOption({ label: 'HTTP: the access link with a proxy cache' });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Finished');
  const [busyWith, queueWith] = await bottleneck(page);
  // the numbers of the golden traces (src-core/scenario/golden): 79.33 % (shown 79.3 %) and 150.608 ms without, 53.89 % and 81.095 ms with
  expect([busyWithout, queueWithout, busyWith, queueWith]).toEqual([79.3, 150.608, 53.9, 81.095]);
  await atEveryWindow(page, async (shot) => {
    await page.screenshot({ path: shot });
  }, 'http-access-link-results');
});
