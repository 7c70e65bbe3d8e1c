// A DNS lesson in the web build: the iterative resolution with its
// referrals, the resolver's cache as state events, and a DNS message
// inspected field by field.
import { expect, test, type Page } from '@playwright/test';
import { drawnMarks, scroller } from './chart-data';
import { guardEveryTest, SHOTS, WINDOW_SIZES } from './guard';

guardEveryTest();

const messages = (page: Page) => page.getByRole('listbox', { name: 'Messages' });
const row = (page: Page, text: string) => messages(page).getByRole('option').filter({ hasText: text }).first();
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

test('runs the iterative DNS lesson: root, TLD, authoritative, then the cache', async ({ page }) => {
  await page.getByLabel('Lesson').selectOption({ label: 'DNS: iterative resolution and caching' });
  await page.getByRole('tab', { name: 'Topology' }).click(); // (a lesson opens on its guide)
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Finished');
  await page.screenshot({ path: `${SHOTS}/dns-chart.png` });
  await page.getByRole('tab', { name: 'List' }).click();
  await expect(row(page, 'NS a.gtld-servers.net A 192.5.6.30')).toContainText('Root server');
  await expect(row(page, 'NS dns.example.com A 192.0.2.53')).toContainText('TLD server');
  await expect(row(page, 'Standard query response 0x')).toBeVisible();

  // The root's referral, field by field: the NS record in the authority section.
  await row(page, 'NS a.gtld-servers.net A 192.5.6.30').click();
  const details = inspector(page);
  await expect(details).toContainText('Application · dns');
  await expect(details.getByRole('tree')).toContainText('Domain Name System');
  await expect(details.getByRole('tree')).toContainText('Authoritative nameservers');
  await page.screenshot({ path: `${SHOTS}/dns-inspector.png` });
});

test('marks state changes on the lanes; a stale cached answer, and the cache at its expiry', async ({ page }) => {
  await page.getByLabel('Lesson').selectOption({ label: 'DNS: stale cached answers until the TTL runs out' });
  await page.getByRole('tab', { name: 'Topology' }).click(); // (a lesson opens on its guide)
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Finished');
  const chart = scroller(page);
  // the lesson asks for compressed idle gaps; fit the run so every mark is in view
  await expect(page.getByLabel('Compress idle gaps')).toBeChecked();
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  const marks = () => drawnMarks(page);
  await expect.poll(async () => (await marks()).some((m) => m.label.startsWith('zone example.com edited'))).toBe(true);
  await page.screenshot({ path: `${SHOTS}/dns-stale-marks.png` });

  // The cache entry of www.example.com expires: select its mark, the inspector lists what is left.
  const expiry = (await marks()).find((m) => m.label === 'expired from cache: www.example.com A')!;
  await chart.click({ position: { x: expiry.x, y: expiry.y } });
  const details = inspector(page);
  await expect(details).toContainText('dns.cacheExpired');
  const cache = details.getByRole('region', { name: /Cache of Local DNS server/ });
  await expect(cache.getByRole('row')).toHaveCount(5); // header + 4 referral entries; www.example.com is gone
  await expect(cache).not.toContainText('www.example.com');
  await expect(cache).toContainText('a.gtld-servers.net');
  await page.screenshot({ path: `${SHOTS}/dns-cache-table.png` });

  // From the mark, the keyboard steps to the messages just after and just before it in time.
  await page.keyboard.press('ArrowDown');
  await expect(details).toContainText('40000.000 ms');
  await expect(details).toContainText('Standard query 0x');
  await page.keyboard.press('ArrowUp');
  await expect(details).toContainText('Standard query response 0x');
  await expect(details).toContainText('10001.005 ms');

  // The switch hides the marks.
  await page.getByLabel('State changes').uncheck();
  await expect.poll(async () => (await marks()).length).toBe(0);
});

test('a truncated UDP answer, then the same question over TCP', async ({ page }) => {
  await page.getByLabel('Lesson').selectOption({ label: 'DNS: a long answer, truncated over UDP, then over TCP' });
  await page.getByRole('tab', { name: 'Topology' }).click(); // (a lesson opens on its guide)
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Finished');
  await page.screenshot({ path: `${SHOTS}/dns-tcp-fallback.png` });
  await page.getByRole('tab', { name: 'List' }).click();
  await expect(row(page, '[truncated]')).toContainText('example.com server');
  // the full answer, over TCP: its 2-byte length field comes first in the inspector
  await row(page, 'TXT example.com TXT TXT').click();
  const tree = inspector(page).getByRole('tree');
  await expect(tree).toContainText('Length');
  await expect(tree).toContainText('Domain Name System');
});

test('labels each result by what it measures, names servers as servers, and shows cache times in seconds', async ({ page }) => {
  for (const [width, height] of WINDOW_SIZES) {
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByLabel('Lesson').selectOption({ label: 'DNS: iterative resolution and caching' });
    await page.getByRole('tab', { name: 'Topology' }).click(); // (a lesson opens on its guide)
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('Finished');
    const results = inspector(page).getByRole('region', { name: 'Results' });
    const rows = results.getByRole('row');
    await expect(rows).toHaveCount(4); // header + three lookups
    await expect(rows.nth(1)).toContainText('resolutionTime');
    await expect(rows.nth(1)).toContainText('www.example.com resolved in 0.116085 s');
    await expect(rows.nth(3)).toContainText('mail.example.com resolved in');
    // the list, the drawing's own list and the legend agree: a host running a service is a server
    const nodes = page.getByRole('list', { name: 'Nodes' });
    await expect(nodes.getByRole('listitem').filter({ hasText: 'Root server' })).toContainText(/Root server\s*server/);
    await expect(nodes.getByRole('listitem').filter({ hasText: 'Router' })).toContainText(/Router\s*router/);
    await expect(nodes.getByRole('listitem').filter({ hasText: /^\s*Host/ })).toContainText(/Host\s*host/);
    await expect(page.getByRole('list', { name: 'Network drawing' })).toContainText('Root server (server, 198.41.0.4)');
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await page.waitForTimeout(150); // the cytoscape drawing re-reads its colours
      await results.screenshot({ path: `${SHOTS}/results-${width}x${height}-${theme}.png` });
      await page.getByRole('region', { name: 'Scenario' }).screenshot({ path: `${SHOTS}/topology-${width}x${height}-${theme}.png` });
      await page.screenshot({ path: `${SHOTS}/dns-window-${width}x${height}-${theme}.png` });
    }
  }

  // A cache entry's expiry is a time in seconds, not a bare count of nanoseconds.
  await page.getByRole('tab', { name: 'List' }).click();
  await row(page, 'cached com NS').click();
  await expect(inspector(page)).toContainText(/"expiresAt": "172,800\.\d{3} s \(\d+ ns\)"/);
});
