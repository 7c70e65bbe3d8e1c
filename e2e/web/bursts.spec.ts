// Bursts and discarded messages on the chart (issue 9): the cache-poisoning
// race's hundred forged answers are one bundle with a ×100 badge, opened
// into its members and bundled again; the amplified answers end on the
// victim's lane, discarded there (no socket listens on the port).
import { expect, test, type Page } from '@playwright/test';
import { drawnArrows, drawnLanes, drawnMarks, scroller } from './chart-data';
import { guardEveryTest, SHOTS } from './guard';

guardEveryTest();

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

async function runLesson(page: Page, name: string): Promise<void> {
  await page.getByLabel('Lesson').selectOption({ label: name });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Finished');
}

test('the cache-poisoning race is one bundle of 100 forged answers, opened and bundled again', async ({ page }) => {
  await runLesson(page, 'DNS security: cache poisoning');
  const bundle = async () => (await drawnArrows(page)).find((a) => a.count !== undefined);
  await expect.poll(async () => (await bundle())?.count).toBe(100);
  const b = (await bundle())!;
  expect(b.open).toBe(false);
  expect(b.label).toBe('×100 [forged] Standard query response, at 1 ms');
  // the notes of that moment: the forged answer cached stays a mark of its own, the 99 dropped ones are one
  const marks = await drawnMarks(page);
  expect(marks.some((m) => m.label.startsWith('cached www.example.com A'))).toBe(true);
  expect(marks.filter((m) => m.label.startsWith('×99 dropped a response'))).toHaveLength(1);
  await page.screenshot({ path: `${SHOTS}/bursts-poisoning.png` });

  // selecting the bundle selects its first member; Enter opens it
  const before = (await drawnArrows(page)).length;
  await scroller(page).click({ position: { x: b.x1 * 0.35 + b.x2 * 0.65, y: b.y1 * 0.35 + b.y2 * 0.65 } });
  await expect(inspector(page)).toContainText('[forged] Standard query response 0x0001');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await drawnArrows(page)).length).toBeGreaterThan(before + 50);
  const first = (await drawnArrows(page)).find((a) => a.count !== undefined)!;
  expect(first.open).toBe(true);
  expect((await drawnArrows(page)).filter((a) => a.label.startsWith('[forged] Standard query response')).length).toBeGreaterThan(50);
  await page.screenshot({ path: `${SHOTS}/bursts-poisoning-open.png` });
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await bundle())?.open).toBe(false);
});

test('an amplified answer ends at the victim lane, discarded there', async ({ page }) => {
  await runLesson(page, 'DNS security: amplification attack');
  await expect.poll(async () => (await drawnArrows(page)).length).toBeGreaterThan(0);
  const victim = (await drawnLanes(page)).find((l) => l.id === 'victim')!;
  const answers = (await drawnArrows(page)).filter((a) => a.state === 'discarded');
  expect(answers.length).toBeGreaterThan(0);
  for (const a of answers) expect(a.x2).toBe(victim.x);
  await page.screenshot({ path: `${SHOTS}/bursts-amplification.png` });
  // opened, every answer is its own arrow and still ends on the victim's lane
  const bundle = answers[0]!;
  await scroller(page).dblclick({ position: { x: (bundle.x1 + bundle.x2) / 2, y: (bundle.y1 + bundle.y2) / 2 } });
  await expect.poll(async () => (await drawnArrows(page)).filter((a) => a.state === 'discarded').length).toBeGreaterThan(10);
  for (const a of (await drawnArrows(page)).filter((x) => x.state === 'discarded')) expect(a.x2).toBe(victim.x);
  // the inspector says how it ended
  await expect(inspector(page)).toContainText('discarded at host (no socket on port');
  await page.screenshot({ path: `${SHOTS}/bursts-amplification-open.png` });
});
