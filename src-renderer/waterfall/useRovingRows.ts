/**
 * The waterfall rows' keyboard and focus (a listbox with a roving tabindex):
 * one row is in the tab order — the one focused last, else the selected
 * message's; the keys of waterfall/keys.ts move the focus (PgUp/PgDn by
 * what the scroller shows), Enter or Space activates the focused row. The
 * selected message's row becomes the tab stop and is scrolled into view.
 */
import { computed, nextTick, ref, watch, type Ref } from 'vue';
import { movedRow, WATERFALL_KEYS } from './keys';

export interface RovingRowsOptions {
  readonly count: () => number;
  readonly selectedRow: () => number;
  /** Changes when another page load is shown. */
  readonly loadId: () => number;
  /** Row height, px. */
  readonly rowHeight: number;
  readonly activate: (row: number) => void;
}

export function useRovingRows(scroller: Ref<HTMLElement | null>, options: RovingRowsOptions) {
  const focused = ref(0);
  /** The row in the tab order, within the rows there are. */
  const tabRow = computed(() => Math.min(focused.value, Math.max(0, options.count() - 1)));
  const elements = new Map<number, HTMLElement>();

  /** A function ref for row `i` (a component's, so its root element is `$el`). */
  const setRow = (i: number) => (ref: unknown) => {
    const el = (ref as { $el?: unknown } | null)?.$el;
    if (el instanceof HTMLElement) elements.set(i, el);
    else elements.delete(i);
  };

  watch(
    options.selectedRow,
    (row) => {
      if (row < 0) return;
      focused.value = row;
      elements.get(row)?.scrollIntoView({ block: 'nearest' });
    },
    { immediate: true, flush: 'post' },
  );
  watch(options.loadId, () => (focused.value = Math.max(0, options.selectedRow())));

  function onKeyDown(event: KeyboardEvent, at: number): void {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const action = WATERFALL_KEYS[event.key];
    if (!action) return;
    event.preventDefault();
    // a page: the rows the scroller shows, less the sticky header and one of overlap
    const page = Math.max(1, Math.floor((scroller.value?.clientHeight ?? options.rowHeight) / options.rowHeight) - 2);
    const to = movedRow(action, at, options.count(), page);
    if (to === null) return options.activate(at);
    focused.value = to;
    void nextTick(() => elements.get(to)?.focus());
  }

  /** A row got the focus (a click, a tab): it becomes the tab stop. */
  function onFocus(row: number): void {
    focused.value = row;
  }

  return { tabRow, setRow, onKeyDown, onFocus };
}
