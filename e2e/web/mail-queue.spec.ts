// The mail-server-down lesson in the web build (issue 12): hamburger.edu is
// off for 60 s; the List tab shows the lost SYNs, the queue's deferred state
// with its retry time, the second attempt and the delivery into Bob's INBOX.
import { expect, test, type Page } from '@playwright/test';
import { guardEveryTest, SHOTS } from './guard';

guardEveryTest();

const messages = (page: Page) => page.getByRole('listbox', { name: 'Messages' });
const row = (page: Page, text: string) => messages(page).getByRole('option').filter({ hasText: text }).first();

/** The list draws only the rows in view: page down through it until the row is drawn. */
async function pageTo(page: Page, text: string) {
  await messages(page).focus();
  for (let i = 0; i < 40 && (await row(page, text).count()) === 0; i++) await page.keyboard.press('PageDown');
  await expect(row(page, text)).toBeVisible();
}

test('shows the message deferred in the queue, the retry retryMs later and the delivery', async ({ page }) => {
  await page.getByLabel('Lesson').selectOption({ label: 'E-mail: the receiving server is down, the message waits in the queue' });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Finished');
  await page.getByRole('tab', { name: 'List' }).click();

  // the first attempt's SYN is retransmitted, unanswered
  await pageTo(page, '[TCP Retransmission] 64199 → 25 [SYN]');
  // the queue gives the attempt up after the connect timeout and names the retry time: 30.12 s + 60 s
  const deferred = row(page, 'deferred (no connection to hamburger.edu within 30 s); attempt 2 at 90.12');
  await pageTo(page, 'deferred (no connection to hamburger.edu within 30 s); attempt 2 at 90.12');
  await deferred.click();
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toContainText('retryAt');
  await page.screenshot({ path: `${SHOTS}/mail-deferred.png` });
  // the retry, and the delivery into Bob's mailbox
  await pageTo(page, 'attempt 2: connecting to hamburger.edu');
  await pageTo(page, "message 000001 put in bob's INBOX");
  await pageTo(page, 'relayed to hamburger.edu for bob@hamburger.edu');
});
