// A DNS lesson in the web build: the iterative resolution with its
// referrals, the resolver's cache as state events, and a DNS message
// inspected field by field.
import { expect, test, type Page } from '@playwright/test';
import { guardEveryTest, SHOTS } from './guard';

guardEveryTest();

const messages = (page: Page) => page.getByRole('listbox', { name: 'Messages' });
const row = (page: Page, text: string) => messages(page).getByRole('option').filter({ hasText: text }).first();
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

test('runs the iterative DNS lesson: root, TLD, authoritative, then the cache', async ({ page }) => {
  await page.getByLabel('Lesson').selectOption({ label: 'DNS: iterative resolution and caching' });
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
