/**
 * A flag that turns on only after `source` has been true for `delayMs`, and
 * off at once: progress for anything that takes longer than half a second,
 * without a flash for what is quick.
 */
import { onUnmounted, readonly, ref, watch, type Ref } from 'vue';

export function useDelayedFlag(source: () => boolean, delayMs = 500): Readonly<Ref<boolean>> {
  const flag = ref(false);
  let timer: ReturnType<typeof setTimeout> | undefined;

  const stop = watch(
    source,
    (on) => {
      clearTimeout(timer);
      timer = undefined;
      if (!on) flag.value = false;
      else timer = setTimeout(() => (flag.value = true), delayMs);
    },
    { immediate: true },
  );

  onUnmounted(() => {
    stop();
    clearTimeout(timer);
  });
  return readonly(flag);
}
