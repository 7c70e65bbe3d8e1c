import { describe, expect, it } from 'vitest';
import { ms } from '../sim/time';
import { LinkTimeline } from './link-timeline';
import { bottleneckLink, linkDirectionOf, linkMetrics, linkSamples, MAX_SAMPLES, sampleWidth } from './link-report';

const idle = { packets: 0, bytes: 0, busy: 0, queueing: 0, maxQueueing: 0, queueDrops: 0, maxQueue: 0 };

describe('per-link statistics', () => {
  it('give each direction that carried packets its utilisation, and its queueing delay where a packet waited', () => {
    const metrics = linkMetrics(
      [
        { link: 'access', from: 'campus', to: 'isp', stats: { packets: 10, bytes: 15_000, busy: ms(12), queueing: ms(30), maxQueueing: ms(8), queueDrops: 2, maxQueue: 5 } },
        { link: 'access', from: 'isp', to: 'campus', stats: { ...idle, packets: 4, bytes: 160, busy: ms(0.128) } },
        { link: 'lan', from: 'a', to: 'b', stats: idle },
      ],
      ms(100),
    );
    expect(metrics).toEqual([
      { node: 'campus', name: 'linkUtilisation', value: 0.12, unit: 'ratio', summary: 'link access, campus → isp: busy 12 % of 100 ms, 10 packets, 15000 bytes (1.2 Mbit/s on average)' },
      { node: 'campus', name: 'queueingDelay', value: 0.003, unit: 's', summary: 'link access, campus → isp: 3 ms in the queue on average, at most 8 ms; queue up to 5 packets, 2 dropped when full' },
      { node: 'isp', name: 'linkUtilisation', value: 0.00128, unit: 'ratio', summary: 'link access, isp → campus: busy 0.13 % of 100 ms, 4 packets, 160 bytes (0.013 Mbit/s on average)' },
    ]);
  });

  it('a run of no time has none', () => {
    expect(linkMetrics([{ link: 'l', from: 'a', to: 'b', stats: { ...idle, packets: 1 } }], 0)).toEqual([]);
  });

  it('name the bottleneck: the busiest direction, with its queueing delay, once it was busy a tenth of the run', () => {
    const metrics = linkMetrics(
      [
        { link: 'lan', from: 'a', to: 'b', stats: { ...idle, packets: 50, bytes: 75_000, busy: ms(9) } },
        { link: 'access', from: 'isp', to: 'campus', stats: { packets: 40, bytes: 60_000, busy: ms(54), queueing: ms(400), maxQueueing: ms(30), queueDrops: 0, maxQueue: 12 } },
        { link: 'access', from: 'campus', to: 'isp', stats: { packets: 10, bytes: 15_000, busy: ms(20), queueing: ms(1), maxQueueing: ms(1), queueDrops: 0, maxQueue: 1 } },
      ],
      ms(100),
    );
    const found = bottleneckLink(metrics);
    expect(found?.utilisation).toMatchObject({ node: 'isp', name: 'linkUtilisation', value: 0.54 });
    expect(found?.queueing).toMatchObject({ node: 'isp', name: 'queueingDelay', value: 0.01 });
    expect(linkDirectionOf(found!.utilisation)).toBe('link access, isp → campus');
    // busy, but no packet waited: no queueing row
    const unqueued = linkMetrics([{ link: 'l', from: 'a', to: 'b', stats: { ...idle, packets: 5, bytes: 7500, busy: ms(50) } }], ms(100));
    expect(bottleneckLink(unqueued)).toEqual({ utilisation: unqueued[0], queueing: null });
    // nearly idle everywhere: none
    expect(bottleneckLink(linkMetrics([{ link: 'l', from: 'a', to: 'b', stats: { ...idle, packets: 5, bytes: 7500, busy: ms(9.99) } }], ms(100)))).toBeNull();
    expect(bottleneckLink([])).toBeNull();
  });

  it('cut a run into at most MAX_SAMPLES intervals of 10, 20, 50 … ms', () => {
    expect(sampleWidth(ms(200))).toBe(ms(10));
    expect(sampleWidth(ms(600))).toBe(ms(10));
    expect(sampleWidth(ms(601))).toBe(ms(20));
    expect(sampleWidth(ms(13_047.495))).toBe(ms(500));
    expect(sampleWidth(ms(90_000))).toBe(ms(2000));
    for (const run of [1, 599, 6001, 123_456, 3_600_000]) expect(Math.ceil(ms(run) / sampleWidth(ms(run)))).toBeLessThanOrEqual(MAX_SAMPLES);
  });

  it('give a busy direction its utilisation and queueing delay per interval, at the interval\'s end; a nearly idle one none', () => {
    const busy = new LinkTimeline();
    busy.transmitted(0, ms(8), 1500, 0);
    busy.transmitted(ms(10), ms(8), 1500, ms(2));
    busy.queued(ms(11), 1);
    const idleLine = new LinkTimeline();
    idleLine.transmitted(0, ms(0.1), 40, 0);
    const samples = linkSamples(
      [
        { link: 'access', from: 'isp', to: 'campus', stats: { ...idle, packets: 2, bytes: 3000, busy: ms(16) }, timeline: busy },
        { link: 'lan', from: 'a', to: 'b', stats: { ...idle, packets: 1, bytes: 40, busy: ms(0.1) }, timeline: idleLine },
      ],
      ms(30),
    );
    expect(samples).toEqual([
      { node: 'isp', name: 'linkUtilisationSample', value: 0.8, unit: 'ratio', at: ms(10), summary: 'link access, isp → campus, 0 ms to 10 ms: busy 80 %, 1 packets, 1500 bytes' },
      { node: 'isp', name: 'queueingDelaySample', value: 0, unit: 's', at: ms(10), summary: 'link access, isp → campus, 0 ms to 10 ms: 0 ms in the queue on average; queue up to 0 packets' },
      { node: 'isp', name: 'linkUtilisationSample', value: 0.8, unit: 'ratio', at: ms(20), summary: 'link access, isp → campus, 10 ms to 20 ms: busy 80 %, 1 packets, 1500 bytes' },
      { node: 'isp', name: 'queueingDelaySample', value: 0.002, unit: 's', at: ms(20), summary: 'link access, isp → campus, 10 ms to 20 ms: 2 ms in the queue on average; queue up to 1 packets' },
      { node: 'isp', name: 'linkUtilisationSample', value: 0, unit: 'ratio', at: ms(30), summary: 'link access, isp → campus, 20 ms to 30 ms: busy 0 %, 0 packets, 0 bytes' },
      { node: 'isp', name: 'queueingDelaySample', value: 0, unit: 's', at: ms(30), summary: 'link access, isp → campus, 20 ms to 30 ms: 0 ms in the queue on average; queue up to 0 packets' },
    ]);
    // a sample names its direction as the run's totals do, less its interval
    expect(new Set(samples.map(linkDirectionOf))).toEqual(new Set(['link access, isp → campus']));
    expect(linkDirectionOf({ summary: 'link a-b, x → y, 0.5 ms to 12.25 ms: busy 1 %' })).toBe('link a-b, x → y');
  });
});
