/**
 * The waterfall's keys, when one of its rows has focus (WaterfallRows.vue
 * handles them; commands/key-table.ts lists them in the help and the
 * README). They are taken before playback's (Home and End): a focused list
 * keeps its own.
 */
export type WaterfallKeyAction = 'previous' | 'next' | 'pageUp' | 'pageDown' | 'first' | 'last' | 'show';

/** KeyboardEvent.key → action, in the order the help lists them. */
export const WATERFALL_KEYS: Readonly<Record<string, WaterfallKeyAction>> = {
  ArrowUp: 'previous',
  ArrowDown: 'next',
  PageUp: 'pageUp',
  PageDown: 'pageDown',
  Home: 'first',
  End: 'last',
  Enter: 'show',
  ' ': 'show',
};

/** The row focused after `action` from row `at` of `count` (`page` rows to a page); null for 'show'. */
export function movedRow(action: WaterfallKeyAction, at: number, count: number, page: number): number | null {
  const last = Math.max(0, count - 1);
  const clamp = (i: number) => Math.min(last, Math.max(0, i));
  switch (action) {
    case 'previous':
      return clamp(at - 1);
    case 'next':
      return clamp(at + 1);
    case 'pageUp':
      return clamp(at - page);
    case 'pageDown':
      return clamp(at + page);
    case 'first':
      return 0;
    case 'last':
      return last;
    case 'show':
      return null;
  }
}
