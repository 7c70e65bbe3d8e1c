// Lessons that teach (issue 13): the iterative DNS lesson's guide, clicked
// step by step (the chart's selection follows), its formula panel with the
// simulated value agreeing with the course's formula, a prediction, and a
// suggestion applied to the scenario.
import { expect, test, type Page } from '@playwright/test';
import { drawnArrows, drawnMarks, scroller } from './chart-data';
import { atEveryWindow, guardEveryTest, SHOTS } from './guard';

guardEveryTest();

const DNS_LESSON = 'DNS: iterative resolution and caching';
const guide = (page: Page) => page.getByRole('region', { name: 'Guide', exact: true });
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

async function openLesson(page: Page, title: string): Promise<void> {
  await page.getByLabel('Lesson').selectOption({ label: title });
  await expect(page.getByRole('tab', { name: 'Guide' })).toHaveAttribute('aria-selected', 'true');
}

async function run(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Finished');
}

test('follows the iterative DNS lesson\'s steps: each click selects its message in the chart', async ({ page }) => {
  await openLesson(page, DNS_LESSON);
  const steps = guide(page).getByTestId('guide-step');
  await expect(steps).toHaveCount(11);
  await run(page);

  const expectations: [number, RegExp][] = [
    [0, /Standard query 0x[0-9a-f]+ A www\.example\.com/],
    [1, /Standard query 0x[0-9a-f]+ A www\.example\.com/],
    [2, /NS a\.gtld-servers\.net/],
    [4, /NS dns\.example\.com/],
    [6, /A www\.example\.com A 192\.0\.2\.10/],
    [7, /cached www\.example\.com A/],
    [9, /cache hit: www\.example\.com A/],
    [10, /A mail\.example\.com/],
  ];
  for (const [i, text] of expectations) {
    await steps.nth(i).click();
    await expect(steps.nth(i)).toHaveAttribute('aria-current', 'step');
    await expect(inspector(page)).toContainText(text);
    // the chart selects it and has scrolled it into view (its arrow or mark is among those drawn)
    const selected = Number(await scroller(page).getAttribute('data-selected'));
    await expect.poll(async () => [...(await drawnArrows(page)), ...(await drawnMarks(page))].some((d) => d.id === selected)).toBe(true);
  }
  // step 2 is the query from the local server to the root: the inspector names both ends, playback stands on it
  await steps.nth(1).click();
  await expect(inspector(page)).toContainText('Root server');
  await expect(page.locator('#playback-where')).toHaveText(/^message 2 of \d+ · t = 1\.005 ms$/);
  await page.screenshot({ path: `${SHOTS}/lesson-guide-steps.png` });

  // the keyboard: ] and [ step through the guide, G hides it (back to the tab before) and shows it again
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press(']');
  await expect(steps.nth(2)).toHaveAttribute('aria-current', 'step');
  await expect(inspector(page)).toContainText(/NS a\.gtld-servers\.net/);
  await page.keyboard.press('[');
  await expect(steps.nth(1)).toHaveAttribute('aria-current', 'step');
  await page.keyboard.press('g');
  await expect(page.getByRole('tab', { name: 'Topology' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('g');
  await expect(page.getByRole('tab', { name: 'Guide' })).toHaveAttribute('aria-selected', 'true');
});

test('shows the course\'s formula with the run\'s numbers beside the simulated value, which agrees', async ({ page }) => {
  await openLesson(page, DNS_LESSON);
  const first = guide(page).getByTestId('formula-card').first();
  // before the run: the formula with the topology's numbers, nothing measured yet
  await expect(first.getByTestId('formula-substituted')).toHaveText('= 2 ms + 48 ms + 38 ms + 28 ms');
  await expect(first.getByTestId('formula-computed')).toHaveText('116.000 ms');
  await expect(first.getByTestId('formula-simulated')).toHaveText('—');
  await run(page);
  await expect(first.getByTestId('formula-simulated')).toHaveText('116.085 ms');
  await expect(first.getByTestId('formula-difference')).toHaveText('+0.085 ms (+0.07 %)');
  await expect(first.getByTestId('formula-verdict')).toHaveText('Agrees (within 1 %)');
  await expect(first.getByTestId('formula-assumption').first()).toContainText('negligible, as the formula assumes');
  await atEveryWindow(page, async (shot) => void (await page.screenshot({ path: shot })), 'lesson-guide-formula');
});

test('asks for a prediction first, then sets it beside the result', async ({ page }) => {
  await openLesson(page, DNS_LESSON);
  await page.getByTestId('prediction-input').fill('120');
  await page.getByTestId('prediction-input').press('Enter');
  await run(page);
  await expect(page.getByTestId('prediction-outcome')).toContainText('Your prediction: 120.000 ms');
  await expect(page.getByTestId('prediction-outcome')).toContainText('Simulated: 116.085 ms');
  await expect(page.getByTestId('prediction-outcome')).toContainText('off by 3.915 ms');
});

test('applies a suggestion to the scenario (undoable), and the formula follows the edit', async ({ page }) => {
  await openLesson(page, DNS_LESSON);
  await guide(page).getByRole('button', { name: 'Apply: set links[router-root].delayMs to 200' }).click();
  const first = guide(page).getByTestId('formula-card').first();
  await expect(first.getByTestId('formula-computed')).toHaveText('476.000 ms');
  await run(page);
  await expect(first.getByTestId('formula-simulated')).toHaveText('476.085 ms');
  // undone: the numbers stay the run's (a formula and its simulated value describe one network) until it runs again
  await page.keyboard.press('Control+z');
  await expect(guide(page).getByTestId('guide-stale')).toContainText('changed since this run');
  await expect(first.getByTestId('formula-computed')).toHaveText('476.000 ms');
  await run(page);
  await expect(first.getByTestId('formula-computed')).toHaveText('116.000 ms');
});

test('edits the guide: the summary, and a new step at the message selected in the chart', async ({ page }) => {
  await openLesson(page, DNS_LESSON);
  await run(page);
  await guide(page).getByTestId('edit-guide').click();
  const summary = guide(page).getByTestId('guide-summary-input');
  await summary.fill('Four round trips, then the cache.');
  await summary.blur();
  // select the authoritative server's answer in the list, then add a step there
  await page.getByRole('tab', { name: 'List' }).click();
  await page.getByRole('listbox', { name: 'Messages' }).getByRole('option').filter({ hasText: 'A www.example.com A 192.0.2.10' }).first().click();
  await guide(page).getByTestId('guide-add-step').click();
  // (step 7 points at the same answer already: the new one is a second step there)
  await expect(guide(page).getByText('Points at the first dns message from auth to local')).toHaveCount(2);
  await atEveryWindow(page, async (shot) => void (await page.screenshot({ path: shot })), 'lesson-guide-editor');
  await guide(page).getByTestId('edit-guide').click();
  await expect(guide(page).getByText('Four round trips, then the cache.')).toBeVisible();
  const steps = guide(page).getByTestId('guide-step');
  await expect(steps).toHaveCount(12);
  // the new step sits in the order of the run: after step 7 (the same answer), before the cache entry it leads to
  await expect(steps.nth(7)).toHaveText(/What to see here\./);
  // the file holds it: the Source tab shows the new step's query
  await page.getByRole('tab', { name: 'Source' }).click();
  await expect(page.getByLabel('Scenario source (JSON)')).toHaveValue(/"summary": "Four round trips, then the cache\."/);
});
