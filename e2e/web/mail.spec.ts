// The e-mail lesson in the web build (issue 12): Alice's message to Bob. The
// SMTP dialogue stepped through with the keyboard in the List tab (each
// command and reply in the inspector), the message's MIME tree opened, the
// chart exported as a PNG.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { guardEveryTest, SHOTS } from './guard';

guardEveryTest();

const messages = (page: Page) => page.getByRole('listbox', { name: 'Messages' });
const row = (page: Page, text: string) => messages(page).getByRole('option').filter({ hasText: text }).first();
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

test('steps through the SMTP dialogue, opens the message\'s MIME tree and exports the chart', async ({ page }) => {
  await page.getByLabel('Lesson').selectOption({ label: 'E-mail: Alice sends a message to Bob' });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Finished');
  await page.getByRole('tab', { name: 'List' }).click();
  // messages only: the keyboard then steps from one command or reply to the next
  await page.getByRole('checkbox', { name: 'State changes' }).uncheck();

  // Alice's submission: the greeting, then one command and one reply at a time
  await row(page, '220 mail.crepes.fr ESMTP').click();
  const details = inspector(page);
  await expect(details.getByRole('tree')).toContainText('Simple Mail Transfer Protocol');
  for (const expected of ['EHLO Alice', '250-mail.crepes.fr greets Alice', 'AUTH PLAIN ••••', '235 2.7.0 Authentication successful', 'MAIL FROM:<alice@crepes.fr>', '250 2.1.0 Sender <alice@crepes.fr> OK', 'RCPT TO:<bob@hamburger.edu>']) {
    await page.keyboard.press('ArrowDown');
    await expect(details.getByRole('tree')).toContainText(expected);
  }
  await page.screenshot({ path: `${SHOTS}/mail-dialogue.png` });

  // The message Alice's user agent sent: its MIME tree, field by field
  await row(page, '(message alice.0@crepes.fr').click();
  const tree = details.getByRole('tree');
  await expect(tree).toContainText('Internet Message Format');
  // open the message's node: its header fields and its body part
  await tree.getByRole('treeitem', { name: /Internet Message Format/ }).first().click();
  await page.keyboard.press('ArrowRight');
  await expect(tree).toContainText('Subject');
  await expect(tree).toContainText('Lunch');
  await expect(tree).toContainText('text/plain');
  await expect(tree).toContainText('End of data');
  await page.screenshot({ path: `${SHOTS}/mail-mime-tree.png` });

  await page.getByRole('tab', { name: 'Chart' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'PNG' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('mail-alice-to-bob-chart.png');
  const png = readFileSync((await file.path())!);
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  await file.saveAs(`${SHOTS}/mail-chart-export.png`);
});
