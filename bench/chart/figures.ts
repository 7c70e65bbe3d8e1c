/** What the bench page (page/main.ts) reports to bench/chart/run.ts. Times in ms (performance.now()). */
export interface LoadFigures {
  readonly messages: number;
  readonly arrows: number;
  readonly chartHeightPx: number;
  readonly generateMs: number;
  readonly layoutMs: number;
  readonly annotationsMs: number;
  readonly annotationCount: number;
  readonly paintMs: number;
  /** Data arrived → the first frame with the chart on screen (layout + annotations + paint + the frame). */
  readonly firstFrameMs: number;
}

export interface FrameFigures {
  /** CPU time of paintChart per step (ms). */
  readonly paintMs: number[];
  /** Time from the change (selection or scroll) to the next frame (ms). */
  readonly frameMs: number[];
  readonly arrowsDrawn: number[];
}
