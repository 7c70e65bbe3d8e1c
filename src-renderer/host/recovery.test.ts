import { describe, expect, it } from 'vitest';
import { asRecoveryEntry, type RecoveryEntry } from './recovery';
import { createIndexedDbRecoveryStore, DATABASE_NAME, ENTRY_KEY, STORE_NAME } from './recovery-indexeddb';

const ENTRY: RecoveryEntry = { name: 'lab.l7.json', path: null, text: '{"a": 2}\n', savedText: '{"a": 1}\n', at: 1_750_000_000_000 };

describe('asRecoveryEntry', () => {
  it('keeps an entry with every field of its type, dropping extra fields', () => {
    expect(asRecoveryEntry(ENTRY)).toEqual(ENTRY);
    expect(asRecoveryEntry({ ...ENTRY, path: '/home/me/lab.l7.json', extra: 1 })).toEqual({ ...ENTRY, path: '/home/me/lab.l7.json' });
  });

  it('refuses anything else (storage written by another version, or damaged)', () => {
    for (const bad of [null, undefined, 'text', [], { ...ENTRY, text: 1 }, { ...ENTRY, path: undefined }, { ...ENTRY, at: Number.NaN }, { ...ENTRY, savedText: null }]) {
      expect(asRecoveryEntry(bad)).toBeNull();
    }
  });
});

// ─── A fake IndexedDB: the part of the API the wrapper uses, events fired in microtasks as the browser fires them in tasks ───

interface FakeRequest {
  result: unknown;
  error: Error | null;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
  onupgradeneeded?: (() => void) | null;
  onblocked?: (() => void) | null;
}

function fakeIndexedDb(options: { failWrites?: boolean } = {}) {
  const stores = new Map<string, Map<string, unknown>>();
  let version = 0;
  const database = {
    objectStoreNames: { contains: (name: string) => stores.has(name) },
    createObjectStore: (name: string) => stores.set(name, new Map()),
    onversionchange: null as (() => void) | null,
    close: () => {},
    transaction(storeName: string, mode: 'readonly' | 'readwrite') {
      const staged: Array<() => void> = [];
      const requests: FakeRequest[] = [];
      const transaction = {
        error: null as Error | null,
        oncomplete: null as (() => void) | null,
        onerror: null as (() => void) | null,
        onabort: null as (() => void) | null,
        objectStore(name: string) {
          const store = stores.get(name);
          if (store === undefined || name !== storeName) throw new Error(`NotFoundError: ${name}`);
          const queue = (run: () => unknown): FakeRequest => {
            const request: FakeRequest = { result: undefined, error: null, onsuccess: null, onerror: null };
            staged.push(() => {
              request.result = run();
            });
            requests.push(request);
            return request;
          };
          return {
            get: (key: string) => queue(() => structuredClone(store.get(key))),
            put: (value: unknown, key: string) => {
              if (mode !== 'readwrite') throw new Error('ReadOnlyError');
              return queue(() => store.set(key, structuredClone(value)));
            },
            delete: (key: string) => queue(() => store.delete(key)),
          };
        },
      };
      queueMicrotask(() => {
        if (options.failWrites && mode === 'readwrite') {
          transaction.error = new Error('QuotaExceededError');
          transaction.onabort?.();
          return;
        }
        staged.forEach((run) => run());
        requests.forEach((request) => request.onsuccess?.());
        transaction.oncomplete?.();
      });
      return transaction;
    },
  };
  const opened: string[] = [];
  const factory = {
    open(name: string, wanted: number) {
      opened.push(`${name}@${wanted}`);
      const request: FakeRequest = { result: database, error: null, onsuccess: null, onerror: null, onupgradeneeded: null, onblocked: null };
      queueMicrotask(() => {
        if (wanted > version) {
          version = wanted;
          request.onupgradeneeded?.();
        }
        request.onsuccess?.();
      });
      return request;
    },
  };
  return { factory: factory as unknown as IDBFactory, stores, opened };
}

describe('createIndexedDbRecoveryStore', () => {
  it('saves, loads and clears the one entry under its key, opening the database once', async () => {
    const fake = fakeIndexedDb();
    const slot = createIndexedDbRecoveryStore(fake.factory);
    expect(await slot.load()).toBeNull();
    await slot.save(ENTRY);
    expect(fake.stores.get(STORE_NAME)?.get(ENTRY_KEY)).toEqual(ENTRY);
    expect(await slot.load()).toEqual(ENTRY);
    await slot.save({ ...ENTRY, text: 'newer' });
    expect(await slot.load()).toEqual({ ...ENTRY, text: 'newer' });
    await slot.clear();
    expect(await slot.load()).toBeNull();
    expect(fake.opened).toEqual([`${DATABASE_NAME}@1`]);
  });

  it('gives null for a stored value that is not an entry', async () => {
    const fake = fakeIndexedDb();
    const slot = createIndexedDbRecoveryStore(fake.factory);
    await slot.clear(); // creates the store
    fake.stores.get(STORE_NAME)!.set(ENTRY_KEY, { text: 'half an entry' });
    expect(await slot.load()).toBeNull();
  });

  it('rejects when a write is aborted (storage full)', async () => {
    const slot = createIndexedDbRecoveryStore(fakeIndexedDb({ failWrites: true }).factory);
    await expect(slot.save(ENTRY)).rejects.toThrow('QuotaExceededError');
  });
});
