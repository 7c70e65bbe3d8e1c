/** What the bench page (page/main.ts) reports to bench/chart/run.ts. Times in ms (performance.now()). */
export interface LoadFigures {
  readonly messages: number;
  readonly arrows: number;
  readonly chartHeightPx: number;
  readonly layoutMs: number;
  readonly annotationsMs: number;
  readonly annotationCount: number;
  /** paintChart alone (the first paint builds the per-layout caches it needs). */
  readonly paintMs: number;
  /**
   * Data arrived → the chart painted on the canvas: layout + annotations +
   * the app's first paint (paintChart and the published attributes), which
   * the app's scheduler (src-renderer/chart/paint-scheduler.ts) runs at
   * once when a layout arrives.
   */
  readonly firstFrameMs: number;
  /** Data arrived → the browser done with the frame that shows it (its next frame after the paint). */
  readonly presentedMs: number;
}

export interface FrameFigures {
  /** CPU time of paintChart per step (ms). */
  readonly paintMs: number[];
  /**
   * Main-thread time of each frame that shows a change: the change itself,
   * then from the animation-frame callback that paints it (the app's
   * scheduler) until the browser has finished that frame (style, layout,
   * the canvas's raster and commit). Excludes the idle wait for the display's
   * next frame.
   */
  readonly frameMs: number[];
  /** Time between the animation frames that painted two successive changes (one change a frame: ~16.7 ms at 60 Hz unless a frame was dropped). */
  readonly intervalMs: number[];
  readonly arrowsDrawn: number[];
}

/** Mermaid's render of a sequence diagram to an SVG string (bench/chart/mermaid.ts). */
export interface MermaidFigures {
  readonly ms: number;
  readonly svgChars: number;
  readonly error?: string;
}
