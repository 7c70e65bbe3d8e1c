// Readability of the sequence chart in the web build, with the browser's
// own text widths: arrow labels never overlap each other, an annotation or
// another arrow's end (the pane lists the labels it wrote on the scroller's
// data-labels and the boxes they keep clear of on data-notes, canvas CSS
// px); the hovered arrow's label always shows; and screenshots of the TCP
// lesson in both themes, for a person to judge. Like the other specs, every
// test checks that the page stays on its origin and logs no console error.
import { expect, test, type Page } from '@playwright/test';
import { boxesOverlap, rotatedBox, type Box } from '../../src-core/chart/label-boxes';
import { listed, scroller, type DrawnArrow } from './chart-data';
import { guardEveryTest, SHOTS, TCP_LESSON } from './guard';

guardEveryTest();

interface ListedBox {
  cx: number;
  cy: number;
  width: number;
  height: number;
  angle: number;
}
interface ListedLabel extends ListedBox {
  id: number;
  text: string;
}

/** A listed box, shrunk by the 0.1 px the list rounds to. */
const boxOf = (b: ListedBox): Box => rotatedBox(b.cx, b.cy, b.width - 0.2, b.height - 0.2, b.angle);

async function runTcpLesson(page: Page): Promise<void> {
  // tall enough for the whole lesson, handshakes to closes
  await page.setViewportSize({ width: 1280, height: 1200 });
  await page.getByLabel('Lesson').selectOption({ label: TCP_LESSON });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Finished');
  await expect(scroller(page)).toHaveAttribute('data-drawn', /^[1-9]\d*$/);
}

/** Distance from point p to the segment of arrow a, px. */
function distanceToLine(p: { x: number; y: number }, a: DrawnArrow): number {
  const dx = a.x2 - a.x1;
  const dy = a.y2 - a.y1;
  const t = Math.max(0, Math.min(1, ((p.x - a.x1) * dx + (p.y - a.y1) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(p.x - (a.x1 + t * dx), p.y - (a.y1 + t * dy));
}

function expectClear(labels: readonly ListedLabel[], notes: readonly ListedBox[]): void {
  for (const [i, a] of labels.entries()) {
    for (const b of labels.slice(i + 1)) expect(boxesOverlap(boxOf(a), boxOf(b)), `"${a.text}" over "${b.text}"`).toBe(false);
    for (const n of notes) expect(boxesOverlap(boxOf(a), boxOf(n)), `"${a.text}" over an annotation at ${n.cx}, ${n.cy}`).toBe(false);
  }
}

test('writes arrow labels clear of each other and of the annotations, in light and dark', async ({ page }) => {
  await runTcpLesson(page);
  await expect(page.getByLabel('Show transport', { exact: true })).toBeChecked();
  const labels = await listed<ListedLabel>(page, 'labels');
  const notes = await listed<ListedBox>(page, 'notes');
  const arrows = await listed<DrawnArrow>(page, 'arrows');
  expect(arrows.length).toBeGreaterThan(20);
  expect(labels.length).toBeGreaterThan(arrows.length / 2);
  expect(notes.length).toBeGreaterThan(8); // metric pills, RTT texts, group captions
  expect(labels.some((l) => l.text.startsWith('[SYN] Seq=0'))).toBe(true);
  expectClear(labels, notes);
  await scroller(page).screenshot({ path: `${SHOTS}/chart-readability-light.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.waitForTimeout(100);
  await scroller(page).screenshot({ path: `${SHOTS}/chart-readability-dark.png` });
});

test('always writes the hovered arrow’s label, first', async ({ page }) => {
  await runTcpLesson(page);
  const labels = await listed<ListedLabel>(page, 'labels');
  const arrows = await listed<DrawnArrow>(page, 'arrows');
  const whole = new Map(labels.map((l) => [l.id, !l.text.endsWith('…')]));
  // an arrow whose label is left out or shortened; hovering it may pick an arrow drawn over it (closer than
  // the hit test's tie distance, measured on the listed coordinates, which are rounded to whole px)
  const target = arrows.find((a) => Math.abs(a.x2 - a.x1) > 100 && whole.get(a.id) !== true)!;
  expect(target).toBeDefined();
  const at = { x: target.x1 + (target.x2 - target.x1) * 0.4, y: target.y1 + (target.y2 - target.y1) * 0.4 };
  const same = arrows.filter((a) => distanceToLine(at, a) <= 2.5).map((a) => a.id);
  await scroller(page).hover({ position: at });
  await expect.poll(async () => same.includes((await listed<ListedLabel>(page, 'labels'))[0]?.id ?? -1)).toBe(true);
  expectClear((await listed<ListedLabel>(page, 'labels')).slice(1), await listed<ListedBox>(page, 'notes'));
});
