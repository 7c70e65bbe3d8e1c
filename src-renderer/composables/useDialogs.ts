/**
 * The app's modal dialogs: "save changes?" and "about". State lives in this
 * module (one app, one set of dialogs); AppDialogs.vue draws it.
 */
import { readonly, ref, shallowRef } from 'vue';
import type { UnsavedChoice } from '../commands/app-commands';

interface UnsavedQuestion {
  readonly name: string;
  readonly answer: (choice: UnsavedChoice) => void;
}

const unsaved = shallowRef<UnsavedQuestion | null>(null);
const aboutOpen = ref(false);

/** Asks what to do with unsaved changes; a second question while one is open is answered "cancel". */
function askUnsaved(name: string): Promise<UnsavedChoice> {
  if (unsaved.value) return Promise.resolve('cancel');
  return new Promise((resolve) => {
    unsaved.value = {
      name,
      answer: (choice) => {
        unsaved.value = null;
        resolve(choice);
      },
    };
  });
}

export function useDialogs() {
  return {
    unsaved: readonly(unsaved),
    aboutOpen: readonly(aboutOpen),
    askUnsaved,
    showAbout: () => void (aboutOpen.value = true),
    closeAbout: () => void (aboutOpen.value = false),
    anyOpen: () => unsaved.value !== null || aboutOpen.value,
  };
}
