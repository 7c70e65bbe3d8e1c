/**
 * Test support (imported only by *.test.ts): a RecoveryStore in memory. It
 * copies entries in and out, as a real storage would, and records every call
 * so tests can assert what was written and when.
 */
import { asRecoveryEntry, type RecoveryEntry, type RecoveryStore } from './recovery';

export type RecoveryCall = { readonly op: 'save'; readonly entry: RecoveryEntry } | { readonly op: 'load' } | { readonly op: 'clear' };

export interface MemoryRecoveryStore extends RecoveryStore {
  /** What the slot holds now. */
  readonly held: RecoveryEntry | null;
  readonly calls: readonly RecoveryCall[];
  /** Makes the next calls reject with `error` (null: succeed again). */
  failWith(error: Error | null): void;
}

export function createMemoryRecoveryStore(initial: RecoveryEntry | null = null): MemoryRecoveryStore {
  let held: RecoveryEntry | null = initial === null ? null : { ...initial };
  let failure: Error | null = null;
  const calls: RecoveryCall[] = [];
  const attempt = (): void => {
    if (failure !== null) throw failure;
  };
  return {
    get held() {
      return held;
    },
    calls,
    failWith(error) {
      failure = error;
    },
    save(entry) {
      calls.push({ op: 'save', entry: { ...entry } });
      return Promise.resolve().then(() => {
        attempt();
        held = { ...entry };
      });
    },
    load() {
      calls.push({ op: 'load' });
      return Promise.resolve().then(() => {
        attempt();
        return asRecoveryEntry(held);
      });
    },
    clear() {
      calls.push({ op: 'clear' });
      return Promise.resolve().then(() => {
        attempt();
        held = null;
      });
    },
  };
}
