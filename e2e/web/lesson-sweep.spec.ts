// A parameter sweep (issue 13): the iterative DNS lesson's root link delay
// over five values, run one by one through the runner with progress; five
// simulated points on the formula's line, the same plot exported as PNG and
// CSV, and a sweep of any parameter from the form, cancelled half-way.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { atEveryWindow, guardEveryTest } from './guard';

guardEveryTest();

const DNS_LESSON = 'DNS: iterative resolution and caching';
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const guide = (page: Page) => page.getByRole('region', { name: 'Guide', exact: true });
const pane = (page: Page) => page.getByTestId('sweep-pane');

async function exportAs(page: Page, kind: 'PNG' | 'CSV'): Promise<Buffer> {
  const download = page.waitForEvent('download');
  await pane(page).getByRole('toolbar', { name: 'Plot' }).getByRole('button', { name: `as ${kind}` }).click();
  return readFileSync((await (await download).path())!);
}

test('sweeps the root link\'s delay over five values: five simulated points on the formula\'s line', async ({ page }) => {
  await page.getByLabel('Lesson').selectOption({ label: DNS_LESSON });
  await guide(page).getByRole('button', { name: /^Sweep: First lookup against the root server's link delay/ }).click();
  await expect(page.getByRole('tab', { name: 'Sweep' })).toHaveAttribute('aria-selected', 'true');
  await expect(pane(page).getByTestId('sweep-status')).toHaveText('5 runs.');
  const rows = pane(page).getByTestId('sweep-table').locator('tbody tr');
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(0)).toHaveText(/^10\s*96\.000 ms\s*96\.085 ms\s*0\.085 ms$/);
  await expect(rows.nth(4)).toHaveText(/^160\s*396\.000 ms\s*396\.085 ms\s*0\.085 ms$/);
  await expect(pane(page).getByRole('img')).toHaveAttribute('aria-label', /Formula.*Simulated/);

  // the plot's data, exported: each of the five simulated points lies on the formula's line (within its 1 % tolerance)
  const csv = (await exportAs(page, 'CSV')).toString('utf8').trim().split('\r\n');
  const header = csv[0]!.split(',');
  const [x, formula, simulated] = [0, 1, 2].map((i) => header[i]!);
  expect(x).toMatch(/^"?link router-root: Delay \(s\)"?$/);
  expect(formula).toMatch(/^"?Formula \(s\)"?$/);
  expect(simulated).toMatch(/^"?Simulated \(s\)"?$/);
  const values = csv.slice(1).map((line) => line.split(',').map((v) => (v === '' ? null : Number(v))));
  const points = values.filter((v) => v[2] !== null);
  expect(points.map((v) => v[0])).toEqual([0.01, 0.02, 0.04, 0.08, 0.16]);
  for (const [, f, s] of points) expect(Math.abs(s! - f!)).toBeLessThan(0.01 * f!);
  expect(values.length).toBeGreaterThan(5); // the line has more values than the points

  const png = await exportAs(page, 'PNG');
  expect(png.subarray(0, 8).equals(PNG_MAGIC)).toBe(true);
  expect(png.length).toBeGreaterThan(5_000);
  await atEveryWindow(page, async (shot) => void (await page.screenshot({ path: shot })), 'lesson-sweep');
});

test('sweeps a parameter picked in the form, and a cancel keeps the points so far', async ({ page }) => {
  // the access-link lesson: 150 page requests a run, so 50 runs take long enough to cancel on any machine
  await page.getByLabel('Lesson').selectOption({ label: 'HTTP: the institutional access link, no cache' });
  await guide(page).getByTestId('sweep-parameter').selectOption({ label: 'link access: Delay (ms)' });
  await guide(page).getByTestId('sweep-values').fill('1..50:50');
  await guide(page).getByRole('button', { name: 'Run sweep' }).click();
  await expect(pane(page).getByTestId('sweep-status')).toContainText(/Run \d+ of 50/);
  await pane(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(pane(page).getByTestId('sweep-status')).toHaveText(/^Cancelled after \d+ of 50 runs\.$/);
  const done = Number(/after (\d+) of/.exec((await pane(page).getByTestId('sweep-status').textContent())!)![1]);
  expect(done).toBeLessThan(50);
  await expect(pane(page).getByTestId('sweep-table').locator('tbody tr')).toHaveCount(done);
  // a bad list is refused before anything runs
  await guide(page).getByTestId('sweep-values').fill('10, x');
  await expect(guide(page).getByRole('button', { name: 'Run sweep' })).toBeDisabled();
});
