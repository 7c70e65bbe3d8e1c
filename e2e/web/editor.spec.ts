// The topology editor (issue 10), in Chromium through the web host: presets
// dragged from the palette onto the canvas, a link drawn with the mouse from
// a node's handle, a field edited in the generated properties form, undo and
// redo, delete; the edited scenario runs. Screenshots in light and dark.
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { guardEveryTest, SHOTS } from './guard';

guardEveryTest();

const ITERATIVE = 'DNS: iterative resolution and caching';
const canvas = (page: Page) => page.locator('[data-editing="true"]');
type Places = Record<string, { x: number; y: number }>;
/** The text in the recovery slot (host/recovery-indexeddb.ts: database l7-lab, store recovery, key working-copy), or null; run in the page. */
const SLOT_TEXT = `new Promise((resolve) => {
  const open = indexedDB.open('l7-lab');
  open.onerror = () => resolve(null);
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('recovery')) return resolve(null);
    const get = db.transaction('recovery').objectStore('recovery').get('working-copy');
    get.onsuccess = () => resolve(get.result && typeof get.result.text === 'string' ? get.result.text : null);
    get.onerror = () => resolve(null);
  };
})`;
const places = async (page: Page): Promise<Places> => JSON.parse((await canvas(page).getAttribute('data-places')) ?? '{}') as Places;
const sourceText = async (page: Page) => {
  await page.getByRole('tab', { name: 'Source' }).click();
  const text = await page.getByLabel('Scenario source (JSON)').inputValue();
  await page.getByRole('tab', { name: 'Topology' }).click();
  return JSON.parse(text) as { nodes: { id: string; kind: string; address: string }[]; links: { a: string; b: string; delayMs: number }[] };
};

/** Drags with the mouse from a node's handle (shown at its corner on hover) to another node. */
async function drawLink(page: Page, box: Locator, from: string, to: string): Promise<void> {
  const at = await places(page);
  const origin = (await box.boundingBox())!;
  const a = { x: origin.x + at[from]!.x, y: origin.y + at[from]!.y };
  const b = { x: origin.x + at[to]!.x, y: origin.y + at[to]!.y };
  await page.mouse.move(a.x, a.y);
  await page.mouse.move(a.x + 1, a.y + 1);
  // the handle shows just past the node's top-right corner (the canvas lists where)
  await expect(box).toHaveAttribute('data-handle', /^-?\d+,-?\d+$/);
  const [hx, hy] = (await box.getAttribute('data-handle'))!.split(',').map(Number);
  const handle = { x: origin.x + hx!, y: origin.y + hy! };
  await page.mouse.move(handle.x, handle.y, { steps: 4 });
  await page.mouse.down();
  await page.mouse.move((handle.x + b.x) / 2, (handle.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.waitForTimeout(200); // the extension's hover delay (100 ms) before it takes the target
  await page.mouse.up();
}

/** A mouse drag from one node's centre to another's. */
async function dragBetween(page: Page, box: Locator, from: string, to: string): Promise<void> {
  const at = await places(page);
  const origin = (await box.boundingBox())!;
  await page.mouse.move(origin.x + at[from]!.x, origin.y + at[from]!.y);
  await page.mouse.down();
  await page.mouse.move(origin.x + at[to]!.x, origin.y + at[to]!.y, { steps: 8 });
  await page.waitForTimeout(200); // the extension's hover delay (100 ms) before it takes the target
  await page.mouse.up();
}

test('adds nodes from the palette, links them with the mouse, edits a link, undoes and redoes, and runs', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByLabel('Lesson').selectOption({ label: ITERATIVE });
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

test('offers the unsaved work back after the page is reloaded mid-edit', async ({ page }) => {
  await page.getByLabel('Lesson').selectOption({ label: ITERATIVE });
  await page.getByRole('radio', { name: 'Edit' }).check();
  await page.locator('[data-preset="router"]').dragTo(canvas(page), { targetPosition: { x: 60, y: 60 } });
  await expect(canvas(page)).toHaveAttribute('data-selected', 'router2');
  await page.getByRole('tab', { name: 'Source' }).click();
  const edited = await page.getByLabel('Scenario source (JSON)').inputValue();
  await page.getByRole('tab', { name: 'Topology' }).click();
  // the autosave writes the working copy a moment after the last change (useAutosave): wait for it in the slot
  await expect
    .poll(
      () =>
        page.evaluate<string | null>(SLOT_TEXT),
      { timeout: 15_000 },
    )
    .toContain('"router2"');
  await page.reload();
  const banner = page.getByRole('region', { name: 'Recovered work' });
  await expect(banner).toContainText('dns-iterative.l7.json');
  await page.screenshot({ path: `${SHOTS}/editor-recovered.png` });
  await banner.getByRole('button', { name: 'Restore it' }).click();
  await expect(banner).toHaveCount(0);
  await page.getByRole('tab', { name: 'Source' }).click();
  await expect(page.getByLabel('Scenario source (JSON)')).toHaveValue(edited);
  await expect(page.locator('header, .app-shell__toolbar').first()).toContainText('unsaved');
});

test('adds a lookup to the workload from the actions this network can run, and it runs', async ({ page }) => {
  await page.getByLabel('Lesson').selectOption({ label: ITERATIVE });
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

test('builds a network from an empty canvas through the UI, runs it, saves it and opens it again unchanged', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('button', { name: 'New' }).click();
  await page.getByRole('radio', { name: 'Edit' }).check();
  const box = canvas(page);
  // an empty canvas: everything the new document has, selected and deleted
  await box.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await expect.poll(async () => Object.keys(await places(page))).toEqual([]);

  // four presets dropped, three links drawn
  const drops: [string, number, number][] = [
    ['host', 60, 200],
    ['dns-resolver', 200, 200],
    ['router', 340, 200],
    ['dns-root', 480, 120],
  ];
  for (const [preset, x, y] of drops) await page.locator(`[data-preset="${preset}"]`).dragTo(box, { targetPosition: { x, y } });
  await expect.poll(async () => Object.keys(await places(page)).sort()).toEqual(['dns-resolver', 'dns-root', 'host', 'router']);
  // in link mode (L) a drag from any node draws a link
  await box.focus();
  await page.keyboard.press('l');
  await expect(page.getByRole('button', { name: 'Link', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await dragBetween(page, box, 'host', 'dns-resolver');
  await dragBetween(page, box, 'dns-resolver', 'router');
  await dragBetween(page, box, 'router', 'dns-root');
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await sourceText(page)).links.map((l) => `${l.a}-${l.b}`)).toEqual(['host-dns-resolver', 'dns-resolver-router', 'router-dns-root']);

  // the resolver starts from the root server: its form's list field
  const at = await places(page);
  const origin = (await box.boundingBox())!;
  await page.mouse.click(origin.x + at['dns-resolver']!.x, origin.y + at['dns-resolver']!.y);
  await expect(box).toHaveAttribute('data-selected', 'dns-resolver');
  const roots = page.getByLabel('Root servers', { exact: false }).first();
  await roots.fill('dns-root');
  await roots.press('Tab');
  await expect.poll(async () => JSON.stringify(await sourceText(page))).toContain('"rootServers":["dns-root"]');

  // a lookup, offered now that a host and a resolver exist
  await page.getByRole('button', { name: 'Add an action…' }).click();
  await page.locator('[data-action-type="dns-lookup"]').click();
  await expect(page.getByRole('list', { name: 'Actions in time order' }).getByRole('listitem')).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/editor-built.png` });

  // it runs: the resolver asks the root server
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Finished');
  await page.getByRole('tab', { name: 'List' }).click();
  await expect(page.getByRole('listbox', { name: 'Messages' })).toContainText('Root DNS server');
  await page.getByRole('tab', { name: 'Chart' }).click();

  // saved, then opened again: the same scenario
  const saved = await sourceText(page);
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  const file = await download;
  const text = readFileSync((await file.path())!, 'utf8');
  expect(JSON.parse(text)).toEqual(saved);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles({ name: 'built.l7.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect.poll(async () => sourceText(page)).toEqual(saved);
});
