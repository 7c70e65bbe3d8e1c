/** An element's content width in CSS pixels, kept up to date by a ResizeObserver (0 before mount). */
import { onMounted, onUnmounted, readonly, ref, type Ref } from 'vue';

export function useElementWidth(element: Ref<HTMLElement | null>): Readonly<Ref<number>> {
  const width = ref(0);
  let observer: ResizeObserver | undefined;
  onMounted(() => {
    const el = element.value;
    if (!el) return;
    width.value = el.clientWidth;
    observer = new ResizeObserver(() => (width.value = el.clientWidth));
    observer.observe(el);
  });
  onUnmounted(() => observer?.disconnect());
  return readonly(width);
}
