/**
 * The web host's recovery slot, in IndexedDB: it survives a closed tab, a
 * reload and a browser crash, and (unlike localStorage, about 5 MB of UTF-16
 * in most browsers) it holds a scenario of any size the app opens (20 MB,
 * host/files.ts MAX_OPEN_BYTES).
 *
 * A small wrapper written here, not a package: the project has no IndexedDB
 * helper (idb-keyval is not among its dependencies) and one key in one
 * object store needs only open, get, put and delete.
 *
 * Layout: database DATABASE_NAME, version DATABASE_VERSION, object store
 * STORE_NAME without a key path, the entry under ENTRY_KEY. A write resolves
 * when its transaction has committed ('complete'), not when the request
 * succeeded, so a resolved save is on disk as far as the browser can tell.
 */
import { t } from '../i18n/translate';
import { asRecoveryEntry, type RecoveryEntry, type RecoveryStore } from './recovery';

export const DATABASE_NAME = 'l7-lab';
export const DATABASE_VERSION = 1;
export const STORE_NAME = 'recovery';
export const ENTRY_KEY = 'working-copy';

/** `factory` is the browser's `indexedDB` unless a test gives another. */
export function createIndexedDbRecoveryStore(factory: IDBFactory = indexedDB): RecoveryStore {
  let database: Promise<IDBDatabase> | null = null;
  const open = (): Promise<IDBDatabase> => {
    database ??= openDatabase(factory).then((db) => {
      // Another tab upgrading the database: let it, and open again next time.
      db.onversionchange = () => {
        db.close();
        database = null;
      };
      return db;
    });
    // A failed open is not cached: the next call tries again.
    database.catch(() => {
      database = null;
    });
    return database;
  };
  return {
    async save(entry: RecoveryEntry) {
      const db = await open();
      await write(db, (store) => store.put({ ...entry }, ENTRY_KEY));
    },
    async load() {
      const db = await open();
      const value = await request(db.transaction(STORE_NAME, 'readonly').objectStore(STORE_NAME).get(ENTRY_KEY));
      return asRecoveryEntry(value);
    },
    async clear() {
      const db = await open();
      await write(db, (store) => store.delete(ENTRY_KEY));
    },
  };
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const opening = factory.open(DATABASE_NAME, DATABASE_VERSION);
    opening.onupgradeneeded = () => {
      const db = opening.result;
      if (!db.objectStoreNames.contains(STORE_NAME)) db.createObjectStore(STORE_NAME);
    };
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error ?? new Error(t('host.recovery.notOpened')));
    opening.onblocked = () => reject(new Error(t('host.recovery.blocked')));
  });
}

/** Runs `change` in a readwrite transaction; resolves when the transaction has committed. */
function write(db: IDBDatabase, change: (store: IDBObjectStore) => IDBRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(STORE_NAME, 'readwrite');
    change(transaction.objectStore(STORE_NAME));
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error(t('host.recovery.writeFailed')));
    transaction.onabort = () => reject(transaction.error ?? new Error(t('host.recovery.writeAborted')));
  });
}

function request<T>(pending: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    pending.onsuccess = () => resolve(pending.result);
    pending.onerror = () => reject(pending.error ?? new Error(t('host.recovery.readFailed')));
  });
}
