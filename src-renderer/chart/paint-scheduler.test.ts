import { describe, expect, it } from 'vitest';
import { createPaintScheduler, MIN_INTERVAL_MS, type FrameClock } from './paint-scheduler';

/** A clock whose frames run when the test says (`frame()`), at the time the test sets. */
function fakeClock() {
  let time = 1000;
  let next = 1;
  const pending = new Map<number, () => void>();
  const clock: FrameClock = {
    request: (cb) => (pending.set(next, cb), next++),
    cancel: (h) => void pending.delete(h),
    now: () => time,
  };
  return {
    clock,
    pending: () => pending.size,
    advance: (ms: number) => void (time += ms),
    frame: () => {
      const callbacks = [...pending.values()];
      pending.clear();
      for (const cb of callbacks) cb();
    },
  };
}

describe('createPaintScheduler', () => {
  it('paints changes once in the next frame, however many arrive', () => {
    const c = fakeClock();
    let paints = 0;
    const s = createPaintScheduler(() => paints++, c.clock);
    s.schedule();
    s.schedule();
    s.schedule();
    expect(paints).toBe(0);
    expect(c.pending()).toBe(1);
    c.frame();
    expect(paints).toBe(1);
    c.frame();
    expect(paints).toBe(1);
  });

  it('paints a new layout at once, and drops the frame that was pending', () => {
    const c = fakeClock();
    let paints = 0;
    const s = createPaintScheduler(() => paints++, c.clock);
    s.schedule();
    s.layoutReady();
    expect(paints).toBe(1);
    expect(c.pending()).toBe(0);
  });

  it('lets a layout that follows a paint within a frame wait for the next frame', () => {
    const c = fakeClock();
    let paints = 0;
    const s = createPaintScheduler(() => paints++, c.clock);
    s.layoutReady();
    c.advance(MIN_INTERVAL_MS / 2);
    s.layoutReady();
    s.layoutReady();
    expect(paints).toBe(1);
    c.frame();
    expect(paints).toBe(2);
    c.advance(MIN_INTERVAL_MS + 1);
    s.layoutReady();
    expect(paints).toBe(3);
  });

  it('paints nothing after cancel', () => {
    const c = fakeClock();
    let paints = 0;
    const s = createPaintScheduler(() => paints++, c.clock);
    s.schedule();
    s.cancel();
    c.frame();
    expect(paints).toBe(0);
  });
});
