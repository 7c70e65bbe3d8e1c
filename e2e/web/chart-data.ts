// What the chart pane lists on its scroller for tests (canvas CSS px, at most
// 60 of each; src-renderer/chart/useChartRenderer.ts): the arrows drawn
// (data-arrows), the labels written (data-labels), the boxes they keep clear
// of (data-notes) and the state marks (data-marks).
import type { Page } from '@playwright/test';

export interface DrawnArrow {
  id: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  label: string;
  /** How the arrow ends: delivered, discarded, lost, in-flight. */
  state?: string;
  /** A burst's bundle (or an open burst's first member): how many messages, and whether drawn one by one. */
  count?: number;
  open?: boolean;
}

export interface DrawnLane {
  id: string;
  x: number;
}

export interface DrawnMark {
  id: number;
  x: number;
  y: number;
  label: string;
}

export const scroller = (page: Page) => page.getByTestId('chart-scroller');

export async function listed<T>(page: Page, name: 'labels' | 'notes' | 'arrows' | 'marks' | 'lanes'): Promise<T[]> {
  return JSON.parse((await scroller(page).getAttribute(`data-${name}`)) ?? '[]') as T[];
}

export const drawnArrows = (page: Page) => listed<DrawnArrow>(page, 'arrows');
export const drawnMarks = (page: Page) => listed<DrawnMark>(page, 'marks');
export const drawnLanes = (page: Page) => listed<DrawnLane>(page, 'lanes');
