/**
 * A native <dialog> shown modally while `open` is true: the page behind is
 * inert, Tab wraps around inside the dialog (it would otherwise leave for
 * the browser's own controls), and focus goes back to where it was when the
 * dialog closes. Key presses inside the dialog do not reach the window's
 * shortcuts (useShortcuts), so F5 or Ctrl+S do nothing behind it.
 */
import { nextTick, watch, type Ref } from 'vue';

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

export function useModalDialog(dialog: Ref<HTMLDialogElement | null>, open: Readonly<Ref<boolean>>, initialFocus: () => HTMLElement | null) {
  let returnFocus: HTMLElement | null = null;

  watch(open, async (isOpen) => {
    await nextTick();
    const el = dialog.value;
    if (!el) return;
    if (isOpen && !el.open) {
      returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      el.showModal();
      initialFocus()?.focus();
    } else if (!isOpen && el.open) {
      el.close();
      returnFocus?.focus();
      returnFocus = null;
    }
  });

  function onKeydown(event: KeyboardEvent): void {
    event.stopPropagation();
    if (event.key !== 'Tab' || !dialog.value) return;
    const items = [...dialog.value.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((e) => e.offsetParent !== null);
    // Radio groups take one Tab stop: the checked radio (or the first) of each name.
    const stops = items.filter((e) => !(e instanceof HTMLInputElement && e.type === 'radio') || isRadioStop(e, items));
    const first = stops[0];
    const last = stops[stops.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return { onKeydown };
}

function isRadioStop(radio: HTMLInputElement, items: readonly HTMLElement[]): boolean {
  const group = items.filter((e): e is HTMLInputElement => e instanceof HTMLInputElement && e.type === 'radio' && e.name === radio.name);
  return (group.find((r) => r.checked) ?? group[0]) === radio;
}
