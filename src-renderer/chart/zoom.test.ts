import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, layoutChart } from '../../src-core/chart/layout';
import { fitPxPerMs } from './zoom';
import { tcpLessonTrace } from './test-trace';

describe('fitPxPerMs', () => {
  it('makes the whole run fit the height, with and without compressed gaps', () => {
    const trace = tcpLessonTrace();
    for (const compressGapsOver of [null, 5_000_000]) {
      const options = { ...DEFAULT_LAYOUT, compressGapsOver, showTransport: true, endTime: trace.header.endTime };
      const before = layoutChart(trace.nodes, trace.events, options);
      const px = fitPxPerMs(before, options.pxPerMs, 400);
      const after = layoutChart(trace.nodes, trace.events, { ...options, pxPerMs: px });
      expect(after.height).toBeCloseTo(400, 0);
    }
  });
});
