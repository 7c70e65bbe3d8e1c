// Every built-in lesson's chart at 1440×900 and 1280×720, light and dark
// (issue 9), saved for a person to look at: test-results/screenshots/
// lesson-<id>-<size>-<theme>.png. Each also checks what a person would
// first notice: every lane is in view or reachable by scrolling sideways,
// and no two labels the pane wrote overlap.
import { expect, test, type Page } from '@playwright/test';
import { boxesOverlap, rotatedBox } from '../../src-core/chart/label-boxes';
import { drawnLanes, listed, scroller } from './chart-data';
import { atEveryWindow, guardEveryTest } from './guard';

guardEveryTest();

interface ListedLabel {
  text: string;
  cx: number;
  cy: number;
  width: number;
  height: number;
  angle: number;
}

async function lessonOptions(page: Page): Promise<{ value: string; label: string }[]> {
  return page
    .getByLabel('Lesson')
    .locator('option')
    .evaluateAll((options) => options.map((o) => ({ value: o.getAttribute('value') ?? '', label: o.textContent?.trim() ?? '' })).filter((o) => o.value !== ''));
}

test('screenshots of every lesson: no lane out of reach, no label over another', async ({ page }) => {
  test.setTimeout(240_000);
  const lessons = await lessonOptions(page);
  expect(lessons.length).toBeGreaterThanOrEqual(14);
  for (const lesson of lessons) {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByLabel('Lesson').selectOption(lesson.value);
    const discard = page.getByRole('button', { name: /Discard|Don.t save/ });
    if (await discard.isVisible()) await discard.click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('Finished', { timeout: 60_000 });
    await expect(scroller(page)).toHaveAttribute('data-drawn', /^[1-9]\d*$/);
    await atEveryWindow(
      page,
      async (shot) => {
        const scrollWidth = await scroller(page).evaluate((el) => el.scrollWidth);
        for (const lane of await drawnLanes(page)) expect(lane.x, `${lesson.label}: lane ${lane.id}`).toBeLessThan(scrollWidth);
        const labels = await listed<ListedLabel>(page, 'labels');
        const boxes = labels.map((l) => rotatedBox(l.cx, l.cy, l.width - 0.2, l.height - 0.2, l.angle));
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) expect(boxesOverlap(boxes[i]!, boxes[j]!), `${lesson.label}: "${labels[i]!.text}" over "${labels[j]!.text}"`).toBe(false);
        await page.screenshot({ path: shot });
      },
      `lesson-${lesson.value}`,
    );
  }
});
