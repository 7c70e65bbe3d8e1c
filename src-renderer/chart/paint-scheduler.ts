/**
 * When the chart pane repaints. Changes (selection, hover, playback
 * cursor, theme, size, scroll) are painted in the next animation frame, at
 * most once a frame however many arrive. A new layout is painted at once,
 * not a frame later — waiting for the frame was most of a small chart's
 * first-frame time — unless a paint ran less than MIN_INTERVAL_MS ago (a
 * streaming run's layouts then wait for the frame, so at most about one
 * paint a frame either way).
 */

/** Least time between two paints done at once, ms: one 60 Hz frame. */
export const MIN_INTERVAL_MS = 1000 / 60;

/** The animation-frame clock (requestAnimationFrame in the pane; a fake in tests). */
export interface FrameClock {
  request(callback: () => void): number;
  cancel(handle: number): void;
  /** ms, monotonic (performance.now()). */
  now(): number;
}

export interface PaintScheduler {
  /** Paint in the next animation frame (once, however often asked before it). */
  schedule(): void;
  /** A new layout: paint now, or in the next frame when a paint ran less than MIN_INTERVAL_MS ago. */
  layoutReady(): void;
  /** Drop the pending frame (unmounting). */
  cancel(): void;
}

export function createPaintScheduler(paint: () => void, clock: FrameClock): PaintScheduler {
  let frame = 0;
  let lastPaint = -Infinity;
  const run = () => {
    lastPaint = clock.now();
    paint();
  };
  const cancel = () => {
    if (frame !== 0) clock.cancel(frame);
    frame = 0;
  };
  const schedule = () => {
    if (frame !== 0) return;
    frame = clock.request(() => {
      frame = 0;
      run();
    });
  };
  return {
    schedule,
    layoutReady() {
      if (clock.now() - lastPaint < MIN_INTERVAL_MS) return schedule();
      cancel(); // this paint shows what the pending frame would have
      run();
    },
    cancel,
  };
}
