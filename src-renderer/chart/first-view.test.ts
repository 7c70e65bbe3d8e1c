import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, layoutChart } from '../../src-core/chart/layout';
import { NS_PER_MS } from '../../src-core/sim/time';
import type { MessageEvent } from '../../src-core/trace/types';
import { firstView, MAX_FIRST_PX_PER_MS, READABLE_PX_PER_MS } from './first-view';
import { longTrace, NODES } from './test-trace';
import { contentBottom } from './zoom';

/** Datagrams a → b sent at these ms, each taking 5 ms (test-trace.ts longTrace, moved in time). */
function trace(sentMs: readonly number[]): MessageEvent[] {
  const base = longTrace(sentMs.length);
  return base.map((m, i) => ({ ...m, sentAt: sentMs[i]! * NS_PER_MS, receivedAt: (sentMs[i]! + 5) * NS_PER_MS }));
}

const layoutFor = (events: readonly MessageEvent[]) => (compress: boolean, pxPerMs: number) =>
  layoutChart(NODES, events, { ...DEFAULT_LAYOUT, pxPerMs, compressGapsOver: compress ? 50 * NS_PER_MS : null, showTransport: true, endTime: events[events.length - 1]!.receivedAt! });

describe('the first view', () => {
  it('fits a short run in the pane', () => {
    const events = trace([0, 20, 40, 60, 95]);
    const view = firstView(layoutFor(events), 8, 600, false);
    expect(view.compressGaps).toBe(false);
    expect(layoutFor(events)(false, view.pxPerMs).height).toBeCloseTo(600, 0);
  });

  it('compresses idle gaps when fitting the whole run would be unreadable', () => {
    const events = trace([0, 10, 20, 1000, 1010, 2000, 2010]);
    const view = firstView(layoutFor(events), 8, 600, false);
    expect(view.compressGaps).toBe(true);
    expect(view.pxPerMs).toBeGreaterThanOrEqual(READABLE_PX_PER_MS);
    expect(layoutFor(events)(true, view.pxPerMs).height).toBeCloseTo(600, 0);
  });

  it('starts at a readable zoom when even compressed the run is too long for the pane', () => {
    const busy = Array.from({ length: 500 }, (_, i) => i * 10); // 5 s without an idle gap
    expect(firstView(layoutFor(trace(busy)), 8, 600, false)).toEqual({ pxPerMs: READABLE_PX_PER_MS, compressGaps: false });
  });

  it('fits down to the last message when the run then idles until its end time', () => {
    const events = trace([0, 10, 20, 30]);
    const layoutAt = (compress: boolean, px: number) => layoutChart(NODES, events, { ...DEFAULT_LAYOUT, pxPerMs: px, compressGapsOver: compress ? 50 * NS_PER_MS : null, showTransport: true, endTime: 2000 * NS_PER_MS });
    const view = firstView(layoutAt, 8, 600, false);
    expect(view.compressGaps).toBe(false);
    expect(contentBottom(layoutAt(false, view.pxPerMs)) + 40).toBeCloseTo(600, 0);
  });

  it('never zooms in past its limit on a tiny run', () => {
    expect(firstView(layoutFor(trace([0, 1])), 8, 600, false).pxPerMs).toBe(MAX_FIRST_PX_PER_MS);
  });
});
