/**
 * The chart pane's own keys, when it has focus (useChartNavigation handles
 * them; commands/key-table.ts shows them in the help and the README). The
 * playback keys (playback/keys.ts) work there too: Space, Home, End, ← and →
 * are not the chart's.
 */
export type ChartKeyAction = 'next' | 'previous' | 'zoomIn' | 'zoomOut' | 'fit' | 'toggle';

/** KeyboardEvent.key → action, in the order the help lists them. */
export const CHART_KEYS: Readonly<Record<string, ChartKeyAction>> = {
  ArrowUp: 'previous',
  k: 'previous',
  ArrowDown: 'next',
  j: 'next',
  '+': 'zoomIn',
  '=': 'zoomIn',
  '-': 'zoomOut',
  '0': 'fit',
  Enter: 'toggle',
};
