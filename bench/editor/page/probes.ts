/**
 * Probes injected into the app's page before its own scripts
 * (bench/editor/run.ts, page.addInitScript): they watch, never change, what
 * the app does. `window.l7Bench` (figures.ts ProbeApi):
 * - when a file was chosen in the app's Open file input (its 'change',
 *   seen first by a capture listener on the document);
 * - the app's DRAWN_MARK performance mark (useTopologyLabels.ts: the
 *   drawing painted with its labels planned after elements came or went or
 *   it was resized; the app keeps only the latest);
 * - frames while recording: each frame's start (the rAF timestamp), when
 *   its script, style and layout were done (see `open` below) and the long
 *   animation frames; when mouse moves and wheel turns came; and when the
 *   mouse button last went up.
 */
import type { FrameFigures, FrameRecord, ProbeApi } from '../figures';

/** useTopologyLabels.ts DRAWN_MARK (not imported: the probes load before, and apart from, the app). */
const DRAWN_MARK = 'l7:topology-drawn';

let openedAt: number | null = null;
document.addEventListener(
  'change',
  (event) => {
    if (event.target instanceof HTMLInputElement && event.target.dataset['l7'] === 'open-file') openedAt = performance.now();
  },
  true,
);

function drawnMarks(): PerformanceMark[] {
  return performance.getEntriesByName(DRAWN_MARK, 'mark') as PerformanceMark[];
}

let recording = false;
let frames: FrameRecord[] = [];
let longFrames: number[] = [];
let mouseUpAt: number | null = null;
let inputs: number[] = [];
let observer: PerformanceObserver | null = null;
/**
 * The frame whose work is not done yet: [start, callback]. Done is seen by a
 * ResizeObserver on a 1 px element the rAF callback resizes: resize
 * observations are delivered in the same frame, after every rAF callback,
 * style and layout (a posted task could wait behind input, which Chromium
 * runs first).
 */
let open: [number, number] | null = null;
let marker: HTMLElement | null = null;
const resized = new ResizeObserver(() => {
  if (!open) return;
  frames.push({ start: open[0], callback: open[1], done: performance.now() });
  open = null;
});

function tick(start: number): void {
  if (!recording || !marker) return;
  open = [start, performance.now()];
  marker.style.width = marker.style.width === '1px' ? '2px' : '1px';
  requestAnimationFrame(tick);
}
window.addEventListener('mouseup', () => {
  if (recording) mouseUpAt = performance.now();
}, true);
for (const type of ['mousemove', 'wheel'] as const) {
  window.addEventListener(type, () => {
    if (recording) inputs.push(performance.now());
  }, { capture: true, passive: true });
}

const api: ProbeApi = {
  openedAt: () => openedAt,
  drawnSinceOpen(nodes) {
    if (openedAt === null) return null;
    const since = openedAt;
    const mark = drawnMarks().at(-1);
    return mark && mark.startTime > since && (mark.detail as { nodes?: number } | null)?.nodes === nodes ? mark.startTime - since : null;
  },
  drawnAfter(since) {
    const mark = drawnMarks().at(-1);
    return mark && mark.startTime > since ? mark.startTime : null;
  },
  startFrames() {
    frames = [];
    longFrames = [];
    mouseUpAt = null;
    inputs = [];
    recording = true;
    if (!marker) {
      marker = document.createElement('div');
      marker.setAttribute('aria-hidden', 'true');
      marker.style.cssText = 'position: fixed; left: 0; top: 0; width: 1px; height: 1px; opacity: 0; pointer-events: none; contain: strict;';
      document.body.append(marker);
      resized.observe(marker);
    }
    if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
      observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longFrames.push(entry.duration);
      });
      observer.observe({ type: 'long-animation-frame' });
    }
    requestAnimationFrame(tick);
  },
  async stopFrames(): Promise<FrameFigures> {
    recording = false;
    // the last frame's resize, and long animation frames, are reported after they end: let them arrive
    await new Promise((resolve) => setTimeout(resolve, 100));
    open = null;
    observer?.disconnect();
    observer = null;
    return { frames: [...frames], longFrames: [...longFrames], mouseUpAt, inputs: [...inputs] };
  },
};

(window as unknown as { l7Bench: ProbeApi }).l7Bench = api;
