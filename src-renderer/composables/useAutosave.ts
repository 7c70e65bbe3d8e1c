/**
 * Autosave to the recovery slot (host/recovery.ts): files that are never lost.
 *
 * Rules:
 * - While the document is dirty (its text differs from the text last opened
 *   or saved), its working copy is written to the slot AUTOSAVE_DELAY_MS
 *   after the last change: typing restarts the wait, so a burst of edits
 *   gives one write, and at most that much work is lost.
 * - When the document becomes clean (saved, edited back to the saved text,
 *   or another document opened), a pending write is dropped and the slot is
 *   cleared: it never offers back what a file already holds.
 * - Only changes count: creating the autosave writes and clears nothing, so
 *   the slot keeps the last session's work until the app has asked
 *   `recoverable()` (ask it before any document is loaded).
 * - Writes and clears run one at a time, in the order they were asked, so a
 *   clear is never overtaken by an older write. A failed one goes to
 *   `onError`; the next change tries again.
 */
import { getCurrentScope, onScopeDispose, watch } from 'vue';
import type { RecoveryEntry, RecoveryStore } from '../host/recovery';

/** How long after the last change the working copy is written. */
export const AUTOSAVE_DELAY_MS = 2000;

/** What the autosave reads of the document: the scenario store (stores/scenario.ts) is one. */
export interface AutosaveDocument {
  readonly name: string;
  readonly path: string | null;
  readonly text: string;
  readonly savedText: string;
  readonly dirty: boolean;
}

export interface AutosaveOptions {
  readonly delayMs?: number;
  /** The clock for RecoveryEntry.at; Date.now by default. */
  readonly now?: () => number;
  /** A write or clear that failed (storage full, private mode, …); nothing by default. */
  readonly onError?: (error: unknown) => void;
}

export interface Autosave {
  /** The slot's entry when it holds one whose text differs from the open document's; else null. */
  recoverable(): Promise<RecoveryEntry | null>;
  /** Empties the slot (the user declined to recover it). */
  discard(): Promise<void>;
  /** Writes a pending working copy now (e.g. on 'pagehide'); resolves when every queued write or clear is done. */
  flush(): Promise<void>;
  /** Stops watching; a pending write is dropped. Called by itself when the calling component's scope ends. */
  stop(): void;
}

export function useAutosave(document: AutosaveDocument, slot: RecoveryStore, options: AutosaveOptions = {}): Autosave {
  const delayMs = options.delayMs ?? AUTOSAVE_DELAY_MS;
  const now = options.now ?? Date.now;
  const onError = options.onError ?? (() => {});
  let timer: ReturnType<typeof setTimeout> | undefined;
  let queue: Promise<void> = Promise.resolve();

  const enqueue = (operation: () => Promise<void>): Promise<void> => {
    queue = queue.then(operation).catch(onError);
    return queue;
  };

  const cancelPending = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  const writeNow = (): Promise<void> => {
    cancelPending();
    if (!document.dirty) return queue;
    const entry: RecoveryEntry = { name: document.name, path: document.path, text: document.text, savedText: document.savedText, at: now() };
    return enqueue(() => slot.save(entry));
  };

  const stopWatching = watch(
    () => [document.text, document.savedText, document.name, document.path, document.dirty] as const,
    () => {
      cancelPending();
      if (document.dirty) {
        timer = setTimeout(() => void writeNow(), delayMs);
      } else {
        void enqueue(() => slot.clear());
      }
    },
  );

  const stop = (): void => {
    stopWatching();
    cancelPending();
  };
  if (getCurrentScope()) onScopeDispose(stop);

  return {
    async recoverable() {
      const entry = await slot.load();
      if (entry === null || entry.text === document.text || entry.text === entry.savedText) return null;
      return entry;
    },
    discard: () => enqueue(() => slot.clear()),
    flush: () => (timer === undefined ? queue : writeNow()),
    stop,
  };
}
