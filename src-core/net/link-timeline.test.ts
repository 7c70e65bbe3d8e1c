import { describe, expect, it } from 'vitest';
import { ms } from '../sim/time';
import { BIN_NS, LinkTimeline } from './link-timeline';

describe('a link direction over time', () => {
  it('shares a transmission\'s busy time exactly between the bins it overlaps; bytes, packet and wait count where it starts', () => {
    const t = new LinkTimeline();
    // 8 ms of sending from 6 ms: 4 ms in the first 10 ms bin, 4 ms in the second
    t.transmitted(ms(6), ms(8), 1500, ms(2));
    t.queued(ms(12), 3);
    t.queued(ms(13), 2);
    expect(t.intervals(BIN_NS, ms(30))).toEqual([
      { start: 0, end: ms(10), busy: ms(4), packets: 1, bytes: 1500, queueing: ms(2), maxQueue: 0 },
      { start: ms(10), end: ms(20), busy: ms(4), packets: 0, bytes: 0, queueing: 0, maxQueue: 3 },
      { start: ms(20), end: ms(30), busy: 0, packets: 0, bytes: 0, queueing: 0, maxQueue: 0 },
    ]);
  });

  it('merges bins into wider intervals, the last one cut at the run\'s end, and grows past its first arrays', () => {
    const t = new LinkTimeline();
    for (let i = 0; i < 200; i++) t.transmitted(i * BIN_NS, ms(1), 100, 0);
    const intervals = t.intervals(ms(500), ms(1995));
    expect(intervals.map((i) => [i.start, i.end, i.busy, i.packets, i.bytes])).toEqual([
      [0, ms(500), ms(50), 50, 5000],
      [ms(500), ms(1000), ms(50), 50, 5000],
      [ms(1000), ms(1500), ms(50), 50, 5000],
      [ms(1500), ms(1995), ms(50), 50, 5000],
    ]);
  });

  it('a transmission over several bins fills the ones in between', () => {
    const t = new LinkTimeline();
    t.transmitted(ms(5), ms(30), 40_000, 0);
    expect(t.intervals(BIN_NS, ms(40)).map((i) => i.busy)).toEqual([ms(5), ms(10), ms(10), ms(5)]);
  });
});
