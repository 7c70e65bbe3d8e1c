import { describe, expect, it } from 'vitest';
import { CHART_MIN, fitPanes, paneRange, SPLITTER_WIDTH } from './usePaneLayout';

const chartWidth = (w: { side: number; inspector: number }, window: number) => window - w.side - w.inspector - 2 * SPLITTER_WIDTH;

describe('fitPanes', () => {
  it('shows the chosen widths when the window has room', () => {
    expect(fitPanes({ side: 360, inspector: 320 }, 1280)).toEqual({ side: 360, inspector: 320 });
  });

  it('squeezes both panes in proportion to their room above the minimum, so the chart keeps its minimum', () => {
    const shown = fitPanes({ side: 380, inspector: 340 }, 1000); // 200 and 100 above the minimums; 52 too wide
    expect(chartWidth(shown, 1000)).toBe(CHART_MIN);
    expect(shown).toEqual({ side: 345, inspector: 323 }); // 35 and 17 px given up
  });

  it('never goes below the minimums: in a tiny window the chart gets what is left', () => {
    expect(fitPanes({ side: 500, inspector: 500 }, 700)).toEqual({ side: 180, inspector: 240 });
    expect(fitPanes({ side: 180, inspector: 240 }, 600)).toEqual({ side: 180, inspector: 240 });
  });

  it('gives the chosen widths back when the window grows again', () => {
    const chosen = { side: 400, inspector: 400 };
    expect(fitPanes(chosen, 900)).not.toEqual(chosen);
    expect(fitPanes(chosen, 1400)).toEqual(chosen);
  });
});

describe('paneRange', () => {
  it('lets a pane grow until the chart is at its minimum', () => {
    expect(paneRange('side', { side: 240, inspector: 320 }, 1280)).toEqual({ min: 180, max: 1280 - 320 - CHART_MIN - 2 * SPLITTER_WIDTH });
    expect(paneRange('inspector', { side: 240, inspector: 320 }, 1280)).toEqual({ min: 240, max: 708 });
  });

  it('never gives a maximum above the pane limit or below the minimum', () => {
    expect(paneRange('side', { side: 180, inspector: 240 }, 4000).max).toBe(720);
    expect(paneRange('side', { side: 180, inspector: 240 }, 600)).toEqual({ min: 180, max: 180 });
  });
});
