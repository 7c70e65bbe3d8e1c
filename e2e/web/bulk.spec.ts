// The bulk-transfer lesson in the web build: a file of size L over TCP and
// over UDP, its throughput in the results, and the transfer header inspected
// field by field.
import { expect, test, type Page } from '@playwright/test';
import { guardEveryTest, SHOTS } from './guard';

guardEveryTest();

const messages = (page: Page) => page.getByRole('listbox', { name: 'Messages' });
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

test('moves a file of size L over TCP and UDP: throughput in the results, the header in the inspector', async ({ page }) => {
  await page.getByLabel('Lesson').selectOption({ label: 'Transport: moving a file of size L' });
  await page.getByRole('tab', { name: 'Topology' }).click(); // (a lesson opens on its guide)
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Finished', { timeout: 60_000 });
  await page.screenshot({ path: `${SHOTS}/bulk-chart.png` });
  await expect(inspector(page)).toContainText('throughput');
  await expect(page.getByRole('list', { name: 'Nodes' })).toContainText('Bulk-transfer sink on TCP 5001');
  await expect(page.getByRole('list', { name: 'Nodes' })).toContainText('Bulk-transfer sink on UDP 5001');
  await page.getByRole('tab', { name: 'List' }).click();
  await messages(page).getByRole('option').filter({ hasText: 'Transfer 1000000 bytes' }).first().click();
  const details = inspector(page);
  await expect(details).toContainText('Application · bulk');
  await expect(details.getByRole('tree')).toContainText('1000000');
  await page.screenshot({ path: `${SHOTS}/bulk-inspector.png` });
});
