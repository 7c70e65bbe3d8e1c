/**
 * The recovery slot: one working copy of the open document, written by the
 * autosave (composables/useAutosave.ts) while it has unsaved changes, so a
 * crash, a closed tab or a power cut does not lose them. It is not a file and
 * never replaces one: the user saves as before; at the next start the app
 * offers the slot's text back.
 *
 * Each host keeps the slot its own way behind RecoveryStore: the web host in
 * IndexedDB (recovery-indexeddb.ts), tests in memory
 * (recovery-memory.test-helper.ts). What comes back from storage was written
 * by some version of the app, maybe another one: `asRecoveryEntry` checks it.
 */

/** The working copy of the document, as the scenario store holds it. */
export interface RecoveryEntry {
  /** Display name, e.g. "sockets-tcp.l7.json". */
  readonly name: string;
  /** Where the file is saved (Electron); null for a new file, a lesson, or in the web host. */
  readonly path: string | null;
  /** The text being edited, with its unsaved changes. */
  readonly text: string;
  /** The text as last opened or saved: restoring it as the baseline keeps the document dirty. */
  readonly savedText: string;
  /** When it was written, ms since the Unix epoch (Date.now()). */
  readonly at: number;
}

/** One slot: save replaces what it held. Every method rejects when the storage fails. */
export interface RecoveryStore {
  save(entry: RecoveryEntry): Promise<void>;
  /** The entry saved last, or null when the slot is empty (or holds something that is not an entry). */
  load(): Promise<RecoveryEntry | null>;
  clear(): Promise<void>;
}

/** `value` as an entry when it has every field with its type (extra fields are dropped), else null. */
export function asRecoveryEntry(value: unknown): RecoveryEntry | null {
  if (typeof value !== 'object' || value === null) return null;
  const { name, path, text, savedText, at } = value as Record<string, unknown>;
  if (typeof name !== 'string' || typeof text !== 'string' || typeof savedText !== 'string') return null;
  if (!(path === null || typeof path === 'string')) return null;
  if (typeof at !== 'number' || !Number.isFinite(at)) return null;
  return { name, path, text, savedText, at };
}
