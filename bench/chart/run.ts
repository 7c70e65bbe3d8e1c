/**
 * `npm run bench:chart` (and the end of `npm run bench`): the sequence chart
 * in Chromium. Builds bench/chart/page with Vite, serves it with `vite
 * preview` on a free localhost port, drives /usr/bin/chromium through
 * playwright-core and prints the figures next to their targets. Prints,
 * never asserts. Targets:
 * - data arrived → first painted frame ≤ 500 ms (100,000 messages);
 * - 95th percentile frame ≤ 16 ms, stepping the selection and scrolling;
 * - heap per message roughly constant from 25k to 100k messages.
 */
import { fileURLToPath } from 'node:url';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM, CHROMIUM_ARGS, mark, mib, ms, out, percentile, printProfile, PROFILE } from '../chromium';
import type { FrameFigures, LoadFigures } from './figures';

const CONFIG = fileURLToPath(new URL('./vite.config.ts', import.meta.url));
const VIEWPORT = { width: 1280, height: 800 };

async function heapUsed(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
}

function frames(title: string, f: FrameFigures): void {
  const p95Paint = percentile(f.paintMs, 95);
  const p95Frame = percentile(f.frameMs, 95);
  out(`  ${title}: paint median ${ms(percentile(f.paintMs, 50))}, p95 ${ms(p95Paint)}, max ${ms(Math.max(...f.paintMs))}; ` +
    `change → next frame p95 ${ms(p95Frame)}; arrows drawn per frame median ${percentile(f.arrowsDrawn, 50)}, max ${Math.max(...f.arrowsDrawn)}`);
  out(`    ${mark(p95Paint <= 16)} p95 paint ≤ 16 ms   ${mark(p95Frame <= 16.7 * 1.2)} p95 frame ≤ one 60 Hz frame (±20 %)`);
}

export async function benchChart(): Promise<void> {
  out('\n== chart: layout + canvas painter in Chromium (1280×800 canvas, 20 lanes, transport expanded)');
  await build({ configFile: CONFIG, logLevel: 'warn' });
  const server = await preview({ configFile: CONFIG, preview: { port: 0, host: 'localhost', strictPort: false }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    if (!url) throw new Error('vite preview did not report its address');
    const page: Page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(url);
    await page.waitForFunction(() => (globalThis as unknown as { chartBench?: { ready: boolean } }).chartBench?.ready === true);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const call = <T>(fn: string, ...args: unknown[]) =>
      page.evaluate(([name, params]) => (globalThis as unknown as Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>>)['chartBench']![name as string]!(...(params as unknown[])), [fn, args] as const) as Promise<T>;

    await call('load', 5_000); // warm-up: JIT, fonts
    await call('clear');
    const base = await heapUsed(cdp);
    out(`  heap with no trace: ${mib(base)}`);
    const perMessage: number[] = [];
    let big: LoadFigures | null = null;
    for (const n of [25_000, 50_000, 100_000]) {
      const f = await call<LoadFigures>('load', n);
      const heap = await heapUsed(cdp);
      perMessage.push((heap - base) / n);
      out(`  ${n.toLocaleString('en-US')} messages (${f.arrows.toLocaleString('en-US')} arrows, chart ${f.chartHeightPx.toLocaleString('en-US')} px tall): ` +
        `first frame ${ms(f.firstFrameMs)} = layout ${ms(f.layoutMs)} + annotations ${ms(f.annotationsMs)} (${f.annotationCount.toLocaleString('en-US')}) + paint ${ms(f.paintMs)} + frame; ` +
        `heap ${mib(heap)} (+${mib(heap - base)}, ${Math.round((heap - base) / n)} bytes/message)   [generating the trace took ${ms(f.generateMs)}]`);
      if (n === 100_000) big = f;
    }
    if (big) out(`    ${mark(big.firstFrameMs <= 500)} first frame ≤ 500 ms at 100,000 messages: ${ms(big.firstFrameMs)}`);
    const spread = Math.max(...perMessage) / Math.min(...perMessage);
    out(`    ${mark(spread <= 1.25)} heap per message roughly constant (25k/50k/100k: ${perMessage.map((b) => Math.round(b)).join(' / ')} bytes; max/min ${spread.toFixed(2)})`);

    if (PROFILE) await cdp.send('Profiler.enable');
    if (PROFILE) await cdp.send('Profiler.start');
    frames('select 200 messages one by one (100,000 messages)', await call<FrameFigures>('stepSelection', 200));
    frames('scroll 200 steps of 100 px (100,000 messages)', await call<FrameFigures>('scroll', 200, 100));
    if (PROFILE) printProfile('selecting and scrolling', (await cdp.send('Profiler.stop')).profile);
    if (PROFILE) {
      await cdp.send('Profiler.start');
      await call('load', 100_000);
      printProfile('loading 100,000 messages (generation included)', (await cdp.send('Profiler.stop')).profile);
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchChart().catch((error: unknown) => {
    process.stderr.write(`chart bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
