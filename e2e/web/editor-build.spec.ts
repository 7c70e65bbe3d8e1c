// Issue 10's whole flow, in Chromium through the web host and purely through
// the UI: from an empty canvas, the iterative DNS network of Kurose & Ross
// §2.4.2 (a client, its local resolver, a router, the root, .com TLD and
// example.com servers) built by dragging presets, drawing links with the
// mouse and filling forms (addresses, link delays, each zone's delegation
// and glue records, the resolver's root hint, one lookup). It runs and the
// chart has the queries to all three servers, in that order, and the
// answer; undo and redo; Save writes through the File System Access API
// (here backed by the origin-private file system, opfs-files.ts) and a
// second Save goes to the same file without asking; a broken file is
// refused with its located issue and the work stays; the saved file opens
// equal; a reload mid-edit offers the recovered work.
import { expect, test, type Page } from '@playwright/test';
import { canvas, drawLink, places, SLOT_TEXT, sourceText } from './editor-helpers';
import { guardEveryTest, SHOTS } from './guard';
import { pickerCalls, queuePickedFile, readPrivateFile, writePrivateFile } from './opfs-files';

guardEveryTest({ files: 'opfs' });

/** Clicks a node, or a link half-way along it, where the canvas draws it. */
async function clickOn(page: Page, a: string, b?: string): Promise<void> {
  const box = canvas(page);
  await box.scrollIntoViewIfNeeded();
  const at = await places(page);
  const origin = (await box.boundingBox())!;
  const p = b === undefined ? at[a]! : { x: (at[a]!.x + at[b]!.x) / 2, y: (at[a]!.y + at[b]!.y) / 2 };
  await page.mouse.click(origin.x + p.x, origin.y + p.y);
  await expect(box).toHaveAttribute('data-selected', b === undefined ? a : `${a}-${b}`);
}

/** Types into a form input and leaves it, which commits the edit. */
async function enter(page: Page, label: RegExp | string, value: string, scope = page.getByRole('region', { name: 'Properties' })): Promise<void> {
  const input = scope.getByLabel(label).first();
  await input.fill(value);
  await input.press('Tab');
}

type Row = Record<string, string>;

/** Adds rows to a zone's records table: the type first (it decides the data cells), then the cells. */
async function addRecords(page: Page, origin: string, rows: readonly Row[]): Promise<void> {
  const table = page.getByRole('table', { name: `Records of ${origin}` });
  for (const [i, row] of rows.entries()) {
    await page.getByRole('button', { name: `Add a row to Records of ${origin}` }).click();
    const n = i + 1;
    await table.getByLabel(`Type, row ${n}`).selectOption(row['type']!);
    for (const [key, value] of Object.entries(row)) {
      if (key === 'type') continue;
      const cell = table.getByLabel(new RegExp(`^${key}( \\(.*\\))?, row ${n}$`, 'i'));
      await cell.fill(value);
      await cell.press('Tab');
    }
  }
}

interface Doc {
  nodes: { id: string; name?: string; address: string; services?: { type: string; zones?: { origin: string; records: Row[] }[]; rootServers?: string[] }[] }[];
  links: { a: string; b: string; delayMs: number }[];
  workload: { type: string; name?: string }[];
}
const docOf = async (page: Page) => (await sourceText(page)) as unknown as Doc;

test('builds the iterative DNS network from an empty canvas, runs it, saves, reopens, refuses a broken file, recovers after a reload', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('button', { name: 'New' }).click();
  await page.getByRole('radio', { name: 'Edit' }).check();
  const box = canvas(page);
  await box.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await expect.poll(async () => Object.keys(await places(page))).toEqual([]);

  // six presets dragged from the palette
  const drops: [string, number, number][] = [
    ['host', 60, 200],
    ['dns-resolver', 160, 200],
    ['router', 280, 200],
    ['dns-root', 420, 80],
    ['dns-tld', 440, 200],
    ['dns-authoritative', 420, 330],
  ];
  for (const [preset, x, y] of drops) await page.locator(`[data-preset="${preset}"]`).dragTo(box, { targetPosition: { x, y } });
  await expect.poll(async () => Object.keys(await places(page)).sort()).toEqual(['dns-authoritative', 'dns-resolver', 'dns-root', 'dns-tld', 'host', 'router']);

  // five links, each drawn from a node's handle
  const links: [string, string][] = [
    ['host', 'dns-resolver'],
    ['dns-resolver', 'router'],
    ['router', 'dns-root'],
    ['router', 'dns-tld'],
    ['router', 'dns-authoritative'],
  ];
  for (const [a, b] of links) await drawLink(page, box, a, b);
  await expect.poll(async () => (await docOf(page)).links.map((l) => `${l.a}-${l.b}`)).toEqual(links.map(([a, b]) => `${a}-${b}`));

  // link delays (one-way, ms) in each link's form
  const delays: [string, string, number][] = [
    ['host', 'dns-resolver', 1],
    ['dns-resolver', 'router', 1],
    ['router', 'dns-root', 30],
    ['router', 'dns-tld', 20],
  ];
  for (const [a, b, ms] of delays) {
    await clickOn(page, a, b);
    await enter(page, /^Delay/, String(ms));
  }
  await expect.poll(async () => (await docOf(page)).links.map((l) => l.delayMs)).toEqual([1, 1, 30, 20, 10]);

  // the servers' addresses, as their glue records will give them
  const addresses: [string, string][] = [
    ['dns-root', '198.41.0.4'],
    ['dns-tld', '192.5.6.30'],
    ['dns-authoritative', '192.0.2.53'],
  ];
  for (const [id, address] of addresses) {
    await clickOn(page, id);
    await enter(page, /^Address/, address);
  }

  // each zone: the root delegates com, the TLD delegates example.com, the authoritative server has www
  await clickOn(page, 'dns-root');
  await addRecords(page, '.', [
    { type: 'NS', name: 'com', host: 'a.gtld-servers.net' },
    { type: 'A', name: 'a.gtld-servers.net', address: '192.5.6.30' },
  ]);
  await clickOn(page, 'dns-tld');
  await addRecords(page, 'com', [
    { type: 'NS', name: 'example.com', host: 'dns.example.com' },
    { type: 'A', name: 'dns.example.com', address: '192.0.2.53' },
  ]);
  await clickOn(page, 'dns-authoritative');
  await addRecords(page, 'example.com', [{ type: 'A', name: 'www.example.com', address: '192.0.2.80' }]);
  await page.screenshot({ path: `${SHOTS}/editor-build-records.png` });

  // until the resolver has a root hint the Run button says what blocks a run
  const run = page.getByRole('button', { name: 'Run', exact: true });
  await expect(run).toHaveAccessibleDescription('⚠ 1 issue to fix');
  await expect(run).toHaveAttribute('title', /^Cannot run yet: fix 1 issue first\. untitled\.l7\.json:\d+:\d+: nodes\[1\]\.services\[0\]\.rootServers/);

  // the resolver starts from the root server
  await clickOn(page, 'dns-resolver');
  await enter(page, /^Root servers/, 'dns-root');

  let doc = await docOf(page);
  const zone = (id: string) => doc.nodes.find((n) => n.id === id)!.services![0]!.zones![0]!.records;
  expect(zone('dns-root').map((r) => `${r['type']} ${r['name']}`)).toEqual(['NS com', 'A a.gtld-servers.net']);
  expect(zone('dns-tld').map((r) => `${r['type']} ${r['name']}`)).toEqual(['NS example.com', 'A dns.example.com']);
  expect(zone('dns-authoritative')).toEqual([expect.objectContaining({ type: 'A', name: 'www.example.com', address: '192.0.2.80' })]);
  expect(doc.nodes.find((n) => n.id === 'dns-resolver')!.services![0]!.rootServers).toEqual(['dns-root']);
  await expect(page.getByRole('region', { name: /issue/i })).toHaveCount(0);
  await expect(run).toHaveAttribute('title', /^Run the scenario/);

  // one lookup of www.example.com
  await box.focus();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Add an action…' }).click();
  await page.locator('[data-action-type="dns-lookup"]').click();
  const workload = page.getByRole('list', { name: 'Actions in time order' });
  await expect(workload.getByRole('listitem')).toHaveCount(1);
  await enter(page, /^Name/, 'www.example.com', workload);
  await expect.poll(async () => (await docOf(page)).workload.map((a) => a.name)).toEqual(['www.example.com']);
  await page.screenshot({ path: `${SHOTS}/editor-build-done.png` });

  // it runs: the resolver asks the root, then the TLD, then the authoritative server, and the host gets the answer
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Finished');
  await page.getByRole('tab', { name: 'List' }).click();
  const messages = page.getByRole('listbox', { name: 'Messages' }).getByRole('option');
  const texts = (await messages.allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
  const asked = (server: string) => texts.findIndex((t) => t.includes(`→ ${server}`) && /Standard query 0x/.test(t));
  const order = [asked('Root DNS server'), asked('TLD DNS server'), asked('Authoritative DNS server')];
  expect(order.every((i) => i >= 0), texts.join('\n')).toBe(true);
  expect([...order].sort((x, y) => x - y)).toEqual(order);
  expect(texts.some((t) => t.includes('192.0.2.80')), texts.join('\n')).toBe(true);
  // the resolution time is the sum of the round trips (2 × (1 + 31 + 21 + 11) ms = 128 ms) and a few µs of transmission
  const results = page.getByRole('complementary', { name: 'Inspector' }).getByRole('region', { name: 'Results' });
  await expect(results).toContainText(/128\.\d+ ms/);
  await page.getByRole('tab', { name: 'Chart' }).click();
  await page.screenshot({ path: `${SHOTS}/editor-build-run.png` });

  // undo and redo the last edit (the lookup's name)
  await box.focus();
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await docOf(page)).workload.map((a) => a.name)).not.toEqual(['www.example.com']);
  await box.focus();
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await docOf(page)).workload.map((a) => a.name)).toEqual(['www.example.com']);

  // Save asks where (the save picker, with the document's name), writes the file, and the title loses its marker
  const built = await docOf(page);
  await queuePickedFile(page, 'iterative.l7.json');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('Saved iterative.l7.json')).toBeVisible();
  expect(JSON.parse(await readPrivateFile(page, 'iterative.l7.json'))).toEqual(built);
  await expect(page).not.toHaveTitle(/●/);
  expect(await pickerCalls(page)).toEqual([{ picker: 'save', suggestedName: 'untitled.l7.json' }]);

  // an edit, and Save again writes to the same file without asking
  await clickOn(page, 'router', 'dns-authoritative');
  await enter(page, /^Delay/, '12');
  await expect(page).toHaveTitle(/●/);
  await page.keyboard.press('Control+s');
  await expect.poll(async () => JSON.parse(await readPrivateFile(page, 'iterative.l7.json')) as Doc).toEqual(await docOf(page));
  expect(await pickerCalls(page)).toHaveLength(1);
  const saved = await docOf(page);
  const savedText = await readPrivateFile(page, 'iterative.l7.json');

  // a broken file is refused, its issue located, and the work stays as it was
  const broken = savedText.replace('"delayMs": 12', '"delayMs": -12');
  expect(broken).not.toBe(savedText);
  await writePrivateFile(page, 'broken.l7.json', broken);
  await queuePickedFile(page, 'broken.l7.json');
  await page.getByRole('button', { name: 'Open…' }).click();
  await expect(page.getByText(/Did not open broken\.l7\.json: it has 1 issue; iterative\.l7\.json is unchanged/)).toBeVisible();
  const line = broken.split('\n').findIndex((l) => l.includes('"delayMs": -12')) + 1;
  await expect(page.getByText(new RegExp(`line ${line}, column \\d+`)).first()).toBeVisible();
  await expect(page.getByText('links[4].delayMs').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/editor-build-refused.png` });
  expect(await docOf(page)).toEqual(saved);
  await expect(page).not.toHaveTitle(/●/);

  // the saved file opens again equal
  await page.getByRole('button', { name: 'New' }).click();
  await queuePickedFile(page, 'iterative.l7.json');
  await page.getByRole('button', { name: 'Open…' }).click();
  await expect.poll(async () => docOf(page)).toEqual(saved);

  // an edit, the page reloaded before saving: the work is offered back
  await page.getByRole('radio', { name: 'Edit' }).check();
  await page.locator('[data-preset="host"]').dragTo(box, { targetPosition: { x: 60, y: 330 } });
  await expect(box).toHaveAttribute('data-selected', 'host2');
  await expect.poll(() => page.evaluate<string | null>(SLOT_TEXT), { timeout: 15_000 }).toContain('"host2"');
  doc = await docOf(page);
  await page.reload();
  const banner = page.getByRole('region', { name: 'Recovered work' });
  await expect(banner).toContainText('iterative.l7.json');
  await banner.getByRole('button', { name: 'Restore it' }).click();
  await expect.poll(async () => docOf(page)).toEqual(doc);
  await expect(page).toHaveTitle(/●/);
});
