import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, layoutChart } from '../../src-core/chart/layout';
import { EXPORT_SCALE, MAX_PAGE_PIXELS, MAX_PAGE_PX, planPages, renderChartPng, type ExportCanvas } from './export-png';
import { fakeContext, type Call } from './fake-context';
import { HEADER_HEIGHT, TITLE_HEIGHT } from './geometry';
import { longTrace, NODES } from './test-trace';

/** Title band and lanes header above the chart on every page (CSS px). */
const HEADER = TITLE_HEIGHT + HEADER_HEIGHT;
/** At 2×, a page is at most MAX_PAGE_PX device px tall: 8,192 CSS px, 8,102 of them chart. */
const BODY = MAX_PAGE_PX / EXPORT_SCALE - HEADER;

describe('planPages', () => {
  it('keeps a chart up to one page of body on one page, and starts a second one pixel later', () => {
    expect(BODY).toBe(8_102);
    const plan = (bottom: number) => planPages({ top: 0, bottom }, 684, HEADER, EXPORT_SCALE);
    expect(plan(BODY - 1)).toEqual([{ top: 0, bottom: BODY - 1 }]);
    expect(plan(BODY)).toEqual([{ top: 0, bottom: BODY }]);
    expect(plan(BODY + 1)).toEqual([{ top: 0, bottom: BODY }, { top: BODY, bottom: BODY + 1 }]);
    expect(plan(3 * BODY)).toHaveLength(3);
    expect(plan(3 * BODY + 0.5)).toEqual([
      { top: 0, bottom: BODY },
      { top: BODY, bottom: 2 * BODY },
      { top: 2 * BODY, bottom: 3 * BODY },
      { top: 3 * BODY, bottom: 3 * BODY + 0.5 },
    ]);
    // a page at the limit is exactly MAX_PAGE_PX device px tall
    expect((HEADER + BODY) * EXPORT_SCALE).toBe(MAX_PAGE_PX);
  });

  it('pages a range (the visible part) from its own top, and an empty range as one page', () => {
    expect(planPages({ top: 1_000.5, bottom: 1_000.5 + BODY + 10 }, 684, HEADER, 2)).toEqual([
      { top: 1_000.5, bottom: 1_000.5 + BODY },
      { top: 1_000.5 + BODY, bottom: 1_000.5 + BODY + 10 },
    ]);
    expect(planPages({ top: 40, bottom: 40 }, 684, HEADER, 2)).toEqual([{ top: 40, bottom: 40 }]);
  });

  it('makes pages shorter when the page area, not its height, is the limit, and taller at 1×', () => {
    // 8,192 CSS px wide at 2×: 16,384 device px, so at most 268,000,000 / 16,384 = 16,357 device rows
    const wide = planPages({ top: 0, bottom: 100_000 }, 8_192, HEADER, 2);
    const rows = Math.floor(MAX_PAGE_PIXELS / (8_192 * 2));
    const body = Math.floor(rows / 2) - HEADER;
    expect(wide[0]).toEqual({ top: 0, bottom: body });
    expect(wide).toHaveLength(Math.ceil(100_000 / body));
    expect(8_192 * 2 * (body + HEADER) * 2).toBeLessThanOrEqual(MAX_PAGE_PIXELS);
    expect(planPages({ top: 0, bottom: 20_000 }, 684, HEADER, 1)).toEqual([{ top: 0, bottom: MAX_PAGE_PX - HEADER }, { top: MAX_PAGE_PX - HEADER, bottom: 20_000 }]);
  });
});

/** Height of the footnotes under a page, device px at 2×: 16 px a line and 10 px above and below (export-png.ts). */
const footnotes = (labels: readonly string[]) => {
  const lines = labels.filter((t) => /^\[\d+\] /.test(t)).length;
  return lines === 0 ? 0 : (lines * 16 + 20) * 2;
};

describe('renderChartPng', () => {
  it('draws each page at 2× with the title band, the legend and the lanes header, the chart continuing where the last page ended', async () => {
    // 200 datagrams a millisecond apart at 100 px/ms: about 20,000 px of chart, three pages
    const layout = layoutChart(NODES, longTrace(200), { ...DEFAULT_LAYOUT, pxPerMs: 100, showTransport: true, endTime: 205_000_000 });
    const pages: { width: number; height: number; calls: Call[]; texts: () => string[] }[] = [];
    const createCanvas = (width: number, height: number): ExportCanvas => {
      const fake = fakeContext();
      if (width > 1) pages.push({ width, height, calls: fake.calls, texts: fake.texts }); // 1 × 1: the probe for footnotes
      return { width, height, getContext: () => fake.ctx };
    };
    const files = await renderChartPng(
      { layout, annotations: [], theme: 'light', title: 'Long run', baseName: 'long' },
      createCanvas,
      async (canvas) => new Uint8Array([canvas.height % 256]),
    );
    const plan = planPages({ top: 0, bottom: layout.height }, layout.width, HEADER, 2);
    expect(plan).toHaveLength(3);
    expect(files.map((f) => f.name)).toEqual(['long-chart-1.png', 'long-chart-2.png', 'long-chart-3.png']);
    expect(files.map((f) => f.width)).toEqual(plan.map(() => layout.width * 2));
    // each page is its plan's height, plus the footnotes under it
    for (const [i, f] of files.entries()) expect(f.height).toBe((HEADER + plan[i]!.bottom - plan[i]!.top) * 2 + footnotes(f.labels));
    for (const f of files) for (const text of f.labels) expect(text.endsWith('…'), text).toBe(false);
    for (const [i, page] of pages.entries()) {
      expect(page.calls[0]).toEqual({ name: 'setTransform', args: [2, 0, 0, 2, 0, 0] });
      // the body is shifted so that chart y = the page's top sits just below the header
      expect(page.calls.find((c) => c.name === 'translate')!.args[1]).toBe(HEADER - plan[i]!.top);
      expect(page.texts()).toEqual(expect.arrayContaining(['Long run', 'udp', 'A', 'B', '10.0.0.1']));
    }
  });

  it('names a single page without a number', async () => {
    const layout = layoutChart(NODES, longTrace(5), { ...DEFAULT_LAYOUT, showTransport: true, endTime: 10_000_000 });
    const files = await renderChartPng(
      { layout, annotations: [], theme: 'dark', title: 't', baseName: 'short' },
      (width, height) => ({ width, height, getContext: () => fakeContext().ctx }),
      async () => new Uint8Array(),
    );
    expect(files.map((f) => f.name)).toEqual(['short-chart.png']);
    expect(files[0]!.height).toBe(Math.round((HEADER + layout.height) * 2) + footnotes(files[0]!.labels));
  });

  it('never cuts a label: one with no room in full is a marker "[n]" and its text is footnote n under the chart', async () => {
    // arrows 1 ms apart at 13 px/ms: labelled (more than 12 px apart), but too close for every label in full
    const layout = layoutChart(NODES, longTrace(40), { ...DEFAULT_LAYOUT, pxPerMs: 13, showTransport: true, endTime: 45_000_000 });
    const texts: string[][] = [];
    const files = await renderChartPng(
      { layout, annotations: [], theme: 'light', title: 't', baseName: 'dense' },
      (width, height) => {
        const fake = fakeContext();
        if (width > 1) texts.push(fake.texts());
        return { width, height, getContext: () => fake.ctx };
      },
      async () => new Uint8Array(),
    );
    const labels = files[0]!.labels;
    const markers = labels.filter((t) => /^\[\d+\]$/.test(t));
    expect(markers.length).toBeGreaterThan(0);
    for (const m of markers) expect(labels.some((t) => t.startsWith(`${m} `))).toBe(true);
    for (const t of labels) expect(t.endsWith('…'), t).toBe(false);
  });
});
