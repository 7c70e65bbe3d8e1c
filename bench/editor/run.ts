/**
 * `npm run bench:editor` (and part of `npm run bench`): the topology editor
 * of the real app with 500 nodes and 1,000 links (big-network.ts), issue 10.
 * Builds the web host (src-renderer/vite.web.config.ts) into
 * test-results/bench-editor, serves it with `vite preview` on a free
 * localhost port, drives /usr/bin/chromium through playwright-core in a
 * 1440×900 window, with probes (page/probes.ts) that only watch. Prints,
 * never asserts. Targets:
 * - opening the file ≤ 1 s: from the file chosen (the Open file input's
 *   'change') to the drawing of all 500 nodes painted with its labels
 *   planned (the app's last DRAWN_MARK, useTopologyLabels.ts); the first
 *   open after the page loaded, then again after New, in the Run view and
 *   in the Edit view;
 * - dragging a node in the Edit view with the mouse (many small moves): p95
 *   frame work ≤ 16 ms (from a frame's start to its script, style and
 *   layout done), and p95 frame interval within one 60 Hz frame (+20 %),
 *   i.e. no frame dropped, over the frames that drew a mouse move; the same
 *   for panning and zooming. The drop (mouse up → the next frame done: the
 *   move written to the document, parsed and drawn) is printed too, with no
 *   target.
 * BENCH_PROFILE=1 also prints where the time goes (an unminified build) and
 * keeps the CPU profiles (bench/chromium.ts).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type CDPSession, type Locator, type Page } from 'playwright-core';
import { build, preview, transformWithEsbuild } from 'vite';
import { CHROMIUM, CHROMIUM_ARGS, FRAME_60HZ_MS, mark, ms, out, percentile, profiled, PROFILE } from '../chromium';
import { bigNetwork, LINKS } from './big-network';
import type { FrameFigures, ProbeGlobal } from './figures';

const WEB_CONFIG = fileURLToPath(new URL('../../src-renderer/vite.web.config.ts', import.meta.url));
const OUT_DIR = fileURLToPath(new URL('../../test-results/bench-editor', import.meta.url));
const PROBES = fileURLToPath(new URL('./page/probes.ts', import.meta.url));
const VIEWPORT = { width: 1440, height: 900 };
const NODES = 500;
const FILE_NAME = 'big-network.l7.json';
/** Opens timed in the Run view (the first after the page loaded) and then in the Edit view. */
const OPENS = { run: 5, edit: 3 } as const;
/** Drags timed, and mouse moves per drag (a circle of CIRCLE_PX radius, then DROP_SHIFT_PX across to drop elsewhere). */
const DRAGS = 3;
const MOVES = 240;
const CIRCLE_PX = 60;
const DROP_SHIFT_PX = 40;
/** Wheel notches in, then as many out (100 px of deltaY each, at the canvas's middle). */
const WHEEL_NOTCHES = 30;
/** A quiet moment after each step, so the next one starts from an idle page. */
const SETTLE_MS = 500;

const probe = (page: Page) => ({
  startFrames: () => page.evaluate(() => (globalThis as unknown as ProbeGlobal).l7Bench.startFrames()),
  stopFrames: () => page.evaluate(() => (globalThis as unknown as ProbeGlobal).l7Bench.stopFrames()),
  now: () => page.evaluate(() => performance.now()),
});

const settle = (page: Page) => page.waitForTimeout(SETTLE_MS);

/**
 * Opens the benchmark's file through the toolbar's Open…; the ms from the file chosen to the last drawing
 * painted (the pane takes the new drawing's height a frame later, and the drawing is fitted and painted again).
 */
async function openBig(page: Page, text: string): Promise<number> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles({ name: FILE_NAME, mimeType: 'application/json', buffer: Buffer.from(text) });
  const sinceOpen = () => page.evaluate((nodes) => (globalThis as unknown as ProbeGlobal).l7Bench.drawnSinceOpen(nodes), NODES);
  await page.waitForFunction((nodes) => (globalThis as unknown as ProbeGlobal).l7Bench.drawnSinceOpen(nodes) !== null, NODES, { timeout: 60_000 });
  await settle(page);
  const elapsed = await sinceOpen();
  if (elapsed === null) throw new Error('the drawing was not painted with all its nodes');
  return elapsed;
}

/** New (the small starting network), drawn, so that the next open draws all of the big one again. */
async function newDocument(page: Page): Promise<void> {
  const since = await probe(page).now();
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await page.waitForFunction((t) => (globalThis as unknown as ProbeGlobal).l7Bench.drawnAfter(t) !== null, since, { timeout: 60_000 });
  await settle(page);
}

type Places = Record<string, { x: number; y: number }>;

async function canvasPlaces(canvas: Locator): Promise<{ origin: { x: number; y: number; width: number; height: number }; places: Places }> {
  await canvas.scrollIntoViewIfNeeded();
  const origin = await canvas.boundingBox();
  if (!origin) throw new Error('the editor canvas is not shown');
  return { origin, places: JSON.parse((await canvas.getAttribute('data-places')) ?? '{}') as Places };
}

/** Mouse moves from `start` round a circle back to it, then `shift` px across (client px); the button stays as it is. */
async function circleAndShift(page: Page, start: { x: number; y: number }, shift: number): Promise<void> {
  for (let i = 1; i <= MOVES; i++) {
    const a = (2 * Math.PI * i) / MOVES;
    await page.mouse.move(start.x + CIRCLE_PX * (Math.cos(a) - 1) * -1, start.y + CIRCLE_PX * Math.sin(a));
  }
  for (let i = 1; i <= 10 && shift !== 0; i++) await page.mouse.move(start.x + (shift * i) / 10, start.y);
}

interface Gesture {
  readonly figures: FrameFigures;
  /** Wall time of the gesture's moves, ms (for the rate of moves). */
  readonly ms: number;
}

/** A mouse drag from `start` round a circle and DROP_SHIFT_PX on, its frames measured in the page from press to settled release. */
async function measuredDrag(page: Page, start: { x: number; y: number }): Promise<Gesture> {
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await probe(page).startFrames();
  const t0 = Date.now();
  await circleAndShift(page, start, DROP_SHIFT_PX);
  const ms = Date.now() - t0;
  await page.mouse.up();
  await settle(page);
  return { figures: await probe(page).stopFrames(), ms };
}

/** Drags the `rank`-th node nearest the canvas's middle round a circle and drops it DROP_SHIFT_PX to the right. */
async function dragNode(page: Page, canvas: Locator, rank: number): Promise<Gesture & { node: string; moved: boolean }> {
  const { origin, places } = await canvasPlaces(canvas);
  const middle = { x: origin.width / 2, y: origin.height / 2 };
  const near = Object.entries(places).sort(([, a], [, b]) => Math.hypot(a.x - middle.x, a.y - middle.y) - Math.hypot(b.x - middle.x, b.y - middle.y));
  const [node, p] = near[rank * 3]!;
  const start = { x: origin.x + p.x, y: origin.y + p.y };
  const { figures, ms } = await measuredDrag(page, start);
  const after = (await canvasPlaces(canvas)).places[node];
  return { figures, ms, node, moved: after !== undefined && Math.abs(after.x - p.x) > DROP_SHIFT_PX / 2 };
}

/** Pans by dragging the background round a circle, from a point clear of every node and link. */
async function pan(page: Page, canvas: Locator, links: readonly { a: string; b: string }[]): Promise<Gesture & { panned: boolean }> {
  const { origin, places } = await canvasPlaces(canvas);
  const empty = emptyPoint(origin, places, links);
  const start = { x: origin.x + empty.x, y: origin.y + empty.y };
  const [someId, before] = Object.entries(places)[0]!;
  const { figures, ms } = await measuredDrag(page, start);
  const after = (await canvasPlaces(canvas)).places[someId];
  return { figures, ms, panned: after !== undefined && Math.abs(after.x - before.x - DROP_SHIFT_PX) <= 2 };
}

/** The point of the canvas nearest its middle that is at least 30 px from every node and 12 px from every link (canvas px). */
function emptyPoint(box: { width: number; height: number }, places: Places, links: readonly { a: string; b: string }[]): { x: number; y: number } {
  const segments = links.flatMap((l) => (places[l.a] && places[l.b] ? [[places[l.a]!, places[l.b]!] as const] : []));
  const candidates: { x: number; y: number }[] = [];
  for (let x = CIRCLE_PX * 2 + 10; x < box.width - 10; x += 4) for (let y = CIRCLE_PX + 10; y < box.height - CIRCLE_PX - 10; y += 4) candidates.push({ x, y });
  const clear = (q: { x: number; y: number }) =>
    Object.values(places).every((p) => Math.hypot(p.x - q.x, p.y - q.y) >= 30) && segments.every(([a, b]) => distanceToSegment(q, a, b) >= 12);
  const middle = { x: box.width / 2, y: box.height / 2 };
  const found = candidates.filter(clear).sort((a, b) => Math.hypot(a.x - middle.x, a.y - middle.y) - Math.hypot(b.x - middle.x, b.y - middle.y))[0];
  if (!found) throw new Error('no empty point on the canvas to pan from');
  return found;
}

function distanceToSegment(p: { x: number; y: number }, a: { x: number; y: number }, b: { x: number; y: number }): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** Wheel notches in at the canvas's middle, then as many out. */
async function zoom(page: Page, canvas: Locator): Promise<Gesture> {
  const { origin } = await canvasPlaces(canvas);
  await page.mouse.move(origin.x + origin.width / 2, origin.y + origin.height / 2);
  await probe(page).startFrames();
  const t0 = Date.now();
  for (let i = 0; i < WHEEL_NOTCHES; i++) await page.mouse.wheel(0, -100);
  for (let i = 0; i < WHEEL_NOTCHES; i++) await page.mouse.wheel(0, 100);
  const took = Date.now() - t0;
  await settle(page);
  return { figures: await probe(page).stopFrames(), ms: took };
}

/**
 * Frame figures of the gesture itself: the frames before the mouse went up (all of them for the wheel) that
 * drew a mouse move or a wheel turn (one came since the frame before: Chromium hands them to the page just
 * before a frame's callbacks), and the interval from the frame before to each.
 */
function gestureFrames(f: FrameFigures): { work: number[]; intervals: number[]; frames: number } {
  const during = f.frames.filter((fr) => f.mouseUpAt === null || fr.callback < f.mouseUpAt);
  const work: number[] = [];
  const intervals: number[] = [];
  during.forEach((fr, i) => {
    const before = during[i - 1];
    if (!before || !f.inputs.some((t) => t > before.callback && t <= fr.callback)) return;
    work.push(fr.done - fr.start);
    intervals.push(fr.start - before.start);
  });
  return { work, intervals, frames: during.length };
}

/** Mouse up → the first frame after it done, ms; null when the mouse did not go up. */
function dropMs(f: FrameFigures): number | null {
  if (f.mouseUpAt === null) return null;
  const up = f.mouseUpAt;
  const frame = f.frames.find((fr) => fr.callback > up);
  return frame ? frame.done - up : null;
}

const spread = (values: readonly number[]) => `median ${ms(percentile(values, 50))}, p95 ${ms(percentile(values, 95))}, max ${ms(Math.max(...values))}`;

function printGestures(title: string, gestures: readonly Gesture[], moves: number): void {
  const figures = gestures.map((g) => gestureFrames(g.figures));
  const work = figures.flatMap((f) => f.work);
  const intervals = figures.flatMap((f) => f.intervals);
  const long = gestures.flatMap((g) => g.figures.longFrames);
  const rate = (gestures.length * moves) / (gestures.reduce((s, g) => s + g.ms, 0) / 1000);
  out(`  ${title}: ${Math.round(rate)} mouse events/s; ${work.length} of ${figures.reduce((s, f) => s + f.frames, 0)} frames drew one`);
  out(`    frame work ${spread(work)}`);
  out(`    frame interval ${spread(intervals)}; long animation frames (≥ 50 ms): ${long.length}${long.length > 0 ? `, longest ${ms(Math.max(...long))}` : ''}`);
  out(`    ${mark(percentile(work, 95) <= 16)} p95 frame work ≤ 16 ms   ${mark(percentile(intervals, 95) <= FRAME_60HZ_MS * 1.2)} p95 frame interval ≤ one 60 Hz frame (+20 %)`);
}

function printOpens(title: string, times: readonly number[]): void {
  const [first, ...again] = times;
  const againText = again.length > 0 ? `; again after New (${again.length}×): min ${ms(Math.min(...again))}, median ${ms(percentile(again, 50))}, max ${ms(Math.max(...again))}` : '';
  out(`  open the file, ${title}: first ${ms(first!)}${againText}`);
  out(`    ${mark(Math.max(...times) <= 1000)} every open ≤ 1 s (max ${ms(Math.max(...times))})`);
}

export async function benchEditor(): Promise<void> {
  out(`\n== editor: the web app in Chromium, ${NODES} nodes and ${LINKS.toLocaleString('en-US')} links (${VIEWPORT.width}×${VIEWPORT.height} window)`);
  const network = bigNetwork();
  out(`  the file: ${(network.text.length / 1024).toFixed(0)} KB`);
  // (the app's own bundle is over Vite's 500 kB warning; that is `npm run build:web`'s to say, not the bench's)
  await build({ configFile: WEB_CONFIG, logLevel: 'warn', build: { outDir: OUT_DIR, emptyOutDir: true, chunkSizeWarningLimit: 100_000, ...(PROFILE ? { minify: false } : {}) } });
  const server = await preview({ configFile: WEB_CONFIG, logLevel: 'warn', build: { outDir: OUT_DIR }, preview: { port: 0, host: 'localhost', strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  const probes = (await transformWithEsbuild(readFileSync(PROBES, 'utf8'), PROBES, { loader: 'ts', format: 'iife', target: 'es2022' })).code;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    if (!url) throw new Error('vite preview did not report its address');
    const page = await browser.newPage({ viewport: VIEWPORT });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript({ content: probes });
    // Open… through the file input, which Playwright answers (headless Chromium cannot answer the File System Access pickers), as the e2e tests do
    await page.addInitScript({ content: "for (const name of ['showOpenFilePicker', 'showSaveFilePicker']) Object.defineProperty(window, name, { value: undefined, configurable: true });" });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(url);
    await page.getByRole('status').filter({ hasText: 'Ready' }).waitFor();
    const cdp: CDPSession = await page.context().newCDPSession(page);

    const runOpens = await profiled(cdp, `opening the file ${OPENS.run} times (Run view)`, async () => {
      const times: number[] = [];
      for (let i = 0; i < OPENS.run; i++) {
        if (i > 0) await newDocument(page);
        times.push(await openBig(page, network.text));
      }
      return times;
    });
    printOpens('Run view', runOpens);

    await page.getByRole('radio', { name: 'Edit' }).check();
    const canvas = page.locator('[data-editing="true"]');
    await canvas.waitFor();
    await settle(page);
    const editOpens: number[] = [];
    for (let i = 0; i < OPENS.edit; i++) {
      await newDocument(page);
      editOpens.push(await openBig(page, network.text));
    }
    printOpens('Edit view (after New)', editOpens);

    const drags = await profiled(cdp, `dragging a node ${DRAGS} times`, async () => {
      const done = [];
      for (let i = 0; i < DRAGS; i++) done.push(await dragNode(page, canvas, i));
      return done;
    });
    printGestures(`drag a node (Edit view, ${DRAGS} drags of ${MOVES + 10} mouse moves)`, drags, MOVES + 10);
    const drops = drags.map((d) => dropMs(d.figures));
    out(`    drop (mouse up → the next frame done: the move written, parsed and drawn): ${drops.map((d) => (d === null ? '?' : ms(d))).join(', ')}`);
    const stuck = drags.filter((d) => !d.moved).map((d) => d.node);
    if (stuck.length > 0) out(`    note: not moved by its drag: ${stuck.join(', ')}`);

    const pans = await profiled(cdp, 'panning', async () => [await pan(page, canvas, network.doc.links)]);
    printGestures(`pan (Edit view, a drag of ${MOVES + 10} mouse moves on the background)`, pans, MOVES + 10);
    if (!pans.every((p) => p.panned)) out('    note: the drawing did not pan as far as the mouse moved');
    const zooms = await profiled(cdp, 'zooming', async () => [await zoom(page, canvas)]);
    printGestures(`zoom (Edit view, ${WHEEL_NOTCHES} wheel notches in, then out)`, zooms, 2 * WHEEL_NOTCHES);
    if (errors.length > 0) out(`  page errors: ${errors.join(' | ')}`);
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchEditor().catch((error: unknown) => {
    process.stderr.write(`editor bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
