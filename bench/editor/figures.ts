/**
 * What the probes in the app's page (page/probes.ts, on `window.l7Bench`)
 * report to bench/editor/run.ts. Times in ms of the page's performance.now().
 */

/** A frame seen by the probes' requestAnimationFrame loop. */
export interface FrameRecord {
  /** The frame's timestamp (the rAF argument: when the frame began). */
  readonly start: number;
  /** When the probe's rAF callback ran. */
  readonly callback: number;
  /** When the frame's script, style and layout were done (a ResizeObserver's callback in the same frame, after every rAF callback). */
  readonly done: number;
}

export interface FrameFigures {
  readonly frames: readonly FrameRecord[];
  /** Durations of the long animation frames (≥ 50 ms, PerformanceObserver 'long-animation-frame') while recording. */
  readonly longFrames: readonly number[];
  /** When the last mouse button went up while recording (null: none did). */
  readonly mouseUpAt: number | null;
  /** When each mouse move or wheel event came (seen first, by capture listeners on the window). */
  readonly inputs: readonly number[];
}

export interface ProbeApi {
  /** When the app's file input last reported a chosen file (its 'change' event); null before. */
  openedAt(): number | null;
  /** The ms from openedAt() to the latest DRAWN_MARK when that is later and counts `nodes` nodes; else null. */
  drawnSinceOpen(nodes: number): number | null;
  /** The time of the latest DRAWN_MARK when it is later than `since`, else null. */
  drawnAfter(since: number): number | null;
  /** Starts recording frames (and long animation frames). */
  startFrames(): void;
  /** Stops recording; resolves once the last frame's work is done. */
  stopFrames(): Promise<FrameFigures>;
}

/** The page's global with the probes. */
export interface ProbeGlobal {
  readonly l7Bench: ProbeApi;
}
