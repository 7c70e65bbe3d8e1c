/**
 * Which rows of a long list to render: only those in view (plus a margin),
 * with fixed-height rows, so a list of 10^6 messages costs as much as one of
 * fifty. The container scrolls; a spacer of the full height keeps the
 * scrollbar honest and the rendered rows sit at `offset`.
 */
import { computed, onMounted, onUnmounted, readonly, ref, type Ref } from 'vue';

export const OVERSCAN_ROWS = 8;

export function visibleRange(scrollTop: number, viewHeight: number, rowHeight: number, count: number, overscan = OVERSCAN_ROWS) {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + viewHeight) / rowHeight) + overscan);
  return { start: first, end: Math.max(first, last) };
}

export function useVirtualRows(container: Ref<HTMLElement | null>, count: () => number, rowHeight: number) {
  const scrollTop = ref(0);
  const viewHeight = ref(0);
  let observer: ResizeObserver | undefined;
  let observed: HTMLElement | null = null;

  const range = computed(() => visibleRange(scrollTop.value, viewHeight.value, rowHeight, count()));
  const totalHeight = computed(() => count() * rowHeight);
  const offset = computed(() => range.value.start * rowHeight);

  function onScroll(): void {
    scrollTop.value = container.value?.scrollTop ?? 0;
  }

  /** Scrolls just enough to show row `index`. */
  function reveal(index: number): void {
    const el = container.value;
    if (!el) return;
    const top = index * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
    onScroll();
  }

  onMounted(() => {
    const el = container.value;
    if (!el) return;
    observed = el;
    viewHeight.value = el.clientHeight;
    observer = new ResizeObserver(() => (viewHeight.value = el.clientHeight));
    observer.observe(el);
    el.addEventListener('scroll', onScroll, { passive: true });
  });
  onUnmounted(() => {
    observer?.disconnect();
    observed?.removeEventListener('scroll', onScroll);
  });

  return { range, totalHeight, offset, reveal, scrollTop: readonly(scrollTop) };
}
