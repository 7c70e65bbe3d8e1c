// Screenshots of the chart's labels for a person to judge (issue 9): the DNS
// iterative and TCP socket lessons at 1440×900 and 1280×720, light and dark.
// Each also checks the labels the pane wrote: most say everything, whole or
// in their protocol's shorter form (chart/label-brief.ts), the rest are cut
// after a whole word (the tooltip, the inspector and the list have the
// text).
import { expect, test } from '@playwright/test';
import { listed, scroller } from './chart-data';
import { atEveryWindow, guardEveryTest, TCP_LESSON } from './guard';

guardEveryTest();

const LESSONS = [
  ['dns-iterative', 'DNS: iterative resolution and caching'],
  ['sockets-tcp', TCP_LESSON],
] as const;
for (const [file, lesson] of LESSONS) {
  test(`labels of ${file} at two window sizes, light and dark`, async ({ page }) => {
    await page.getByLabel('Lesson').selectOption({ label: lesson });
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('Finished');
    await expect(scroller(page)).toHaveAttribute('data-drawn', /^[1-9]\d*$/);
    await atEveryWindow(
      page,
      async (shot) => {
        const labels = await listed<{ text: string }>(page, 'labels');
        expect(labels.length).toBeGreaterThan(3);
        expect(labels.filter((l) => !l.text.endsWith('…')).length).toBeGreaterThanOrEqual(labels.length * 0.6);
        await page.screenshot({ path: shot });
      },
      `labels-${file}`,
    );
  });
}
