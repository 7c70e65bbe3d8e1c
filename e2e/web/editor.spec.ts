// The topology editor (issue 10), in Chromium through the web host: presets
// dragged from the palette onto the canvas, a link drawn with the mouse from
// a node's handle, a field edited in the generated properties form, undo and
// redo, delete; the edited scenario runs; a lookup added to the workload; a
// zone's records edited in a table. Screenshots in light and dark. The whole
// iterative DNS network built from an empty canvas: editor-build.spec.ts.
import { expect, test } from '@playwright/test';
import { canvas, drawLink, ITERATIVE, places, sourceText } from './editor-helpers';
import { atEveryWindow, guardEveryTest, SHOTS } from './guard';

guardEveryTest();

test('adds nodes from the palette, links them with the mouse, edits a link, undoes and redoes, and runs', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByLabel('Lesson').selectOption({ label: ITERATIVE });
  await page.getByRole('tab', { name: 'Topology' }).click(); // (a lesson opens on its guide)
  await page.getByRole('radio', { name: 'Edit' }).check();
  const box = canvas(page);
  await expect(box).toBeVisible();
  const before = await sourceText(page);

  // a second client, dropped at a point of the canvas
  await page.locator('[data-preset="host"]').dragTo(box, { targetPosition: { x: 80, y: 60 } });
  await expect(box).toHaveAttribute('data-selected', 'host2');
  let doc = await sourceText(page);
  expect(doc.nodes.map((n) => n.id)).toEqual([...before.nodes.map((n) => n.id), 'host2']);
  const added = doc.nodes.at(-1)!;
  expect(before.nodes.some((n) => n.address === added.address)).toBe(false);

  // a link from the new client to the resolver, drawn from its handle
  await expect.poll(async () => Object.keys(await places(page))).toContain('host2');
  await drawLink(page, box, 'host2', 'local');
  await expect.poll(async () => (await sourceText(page)).links.some((l) => l.a === 'host2' && l.b === 'local')).toBe(true);

  // the link's delay, in the generated form
  await box.click({ position: { x: 5, y: 5 } }); // empty canvas: nothing selected
  await page.locator('[data-editing="true"]').focus();
  doc = await sourceText(page);
  const linkIndex = doc.links.findIndex((l) => l.a === 'host2');
  expect(linkIndex).toBeGreaterThanOrEqual(0);
  // select the link through the store's selection: click half-way along it
  const at = await places(page);
  const origin = (await box.boundingBox())!;
  await page.mouse.click(origin.x + (at['host2']!.x + at['local']!.x) / 2, origin.y + (at['host2']!.y + at['local']!.y) / 2);
  await expect(box).toHaveAttribute('data-selected', 'host2-local');
  const delay = page.getByRole('region', { name: /Link host2 ↔ local/ }).getByLabel('Delay', { exact: false }).first();
  await delay.fill('25');
  await delay.press('Tab');
  await expect.poll(async () => (await sourceText(page)).links[linkIndex]!.delayMs).toBe(25);
  await page.screenshot({ path: `${SHOTS}/editor-light.png` });

  // undo the delay, then the link, then redo both
  await box.focus();
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await sourceText(page)).links[linkIndex]!.delayMs).toBe(10);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await sourceText(page)).links.some((l) => l.a === 'host2')).toBe(false);
  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+y');
  await expect.poll(async () => (await sourceText(page)).links[linkIndex]?.delayMs).toBe(25);

  // delete the new client: its link goes with it
  await box.focus();
  await box.scrollIntoViewIfNeeded();
  const p2 = await places(page);
  const o2 = (await box.boundingBox())!; // the side pane may have scrolled to the form
  await page.mouse.click(o2.x + p2['host2']!.x, o2.y + p2['host2']!.y);
  await expect(box).toHaveAttribute('data-selected', 'host2');
  await page.keyboard.press('Delete');
  await expect.poll(async () => (await sourceText(page)).nodes.some((n) => n.id === 'host2')).toBe(false);
  expect((await sourceText(page)).links.some((l) => l.a === 'host2' || l.b === 'host2')).toBe(false);

  // the edited lesson runs
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Finished');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(150);
  await page.screenshot({ path: `${SHOTS}/editor-dark.png` });
});

test('adds a lookup to the workload from the actions this network can run, and it runs', async ({ page }) => {
  await page.getByLabel('Lesson').selectOption({ label: ITERATIVE });
  await page.getByRole('tab', { name: 'Topology' }).click(); // (a lesson opens on its guide)
  await page.getByRole('radio', { name: 'Edit' }).check();
  const workload = page.getByRole('list', { name: 'Actions in time order' });
  const before = await workload.getByRole('listitem').count();
  await page.getByRole('button', { name: 'Add an action…' }).click();
  // a lookup is offered (a host, a resolver and names to ask for exist); a socket client is not (no upper-case server)
  await expect(page.locator('[data-action-type="dns-lookup"]')).toBeVisible();
  await expect(page.locator('[data-action-type="tcp-upper-client"]')).toHaveCount(0);
  await page.locator('[data-action-type="dns-lookup"]').click();
  await expect(workload.getByRole('listitem')).toHaveCount(before + 1);
  await expect(workload.getByRole('listitem').last()).toContainText('Look up a name · host');
  await page.screenshot({ path: `${SHOTS}/editor-workload.png` });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Finished');
  const results = page.getByRole('complementary', { name: 'Inspector' }).getByRole('region', { name: 'Results' });
  await expect(results.getByRole('row')).toHaveCount(1 + before + 1); // a header, and a resolution time per lookup
});

test('edits a zone’s records in the table of a DNS server’s form, and shows the loader’s message at a bad value', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByLabel('Lesson').selectOption({ label: ITERATIVE });
  await page.getByRole('tab', { name: 'Topology' }).click(); // (a lesson opens on its guide)
  await page.getByRole('radio', { name: 'Edit' }).check();
  const box = canvas(page);
  await expect.poll(async () => Object.keys(await places(page))).toContain('auth');
  const at = await places(page);
  const origin = (await box.boundingBox())!;
  await page.mouse.click(origin.x + at['auth']!.x, origin.y + at['auth']!.y);
  await expect(box).toHaveAttribute('data-selected', 'auth');
  const table = page.getByRole('table', { name: /example\.com/ }).first();
  await expect(table).toBeVisible();
  const ttl = table.getByRole('spinbutton', { name: /TTL.*row 1/ }).or(table.getByRole('textbox', { name: /TTL.*row 1/ })).first();
  await ttl.fill('120');
  await ttl.press('Tab');
  await expect.poll(async () => JSON.stringify(await sourceText(page))).toContain('"ttl":120');
  // a TTL the loader refuses: its message at the cell, the cell marked invalid
  await ttl.fill('-5');
  await ttl.press('Tab');
  await expect(ttl).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: `${SHOTS}/editor-zone-table.png` });
});

test('the editor at every window size, light and dark: the whole canvas in view, nothing selected', async ({ page }) => {
  await page.getByLabel('Lesson').selectOption({ label: ITERATIVE });
  await page.getByRole('tab', { name: 'Topology' }).click(); // (a lesson opens on its guide)
  await page.getByRole('radio', { name: 'Edit' }).check();
  const box = canvas(page);
  await atEveryWindow(page, async (shot) => {
    const rect = (await box.boundingBox())!;
    const viewport = page.viewportSize()!;
    // the playback bar and the status line are below the side pane; the canvas ends above them
    await page.screenshot({ path: shot });
    expect(rect.y + rect.height, shot).toBeLessThanOrEqual(viewport.height - 60);
  }, 'editor');
});
