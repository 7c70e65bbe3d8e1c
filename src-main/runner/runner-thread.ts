/**
 * Entry of the runner worker thread (bundled on its own by electron-vite:
 * index.ts imports it with `?modulePath`). All the work is in serve.ts.
 */
import { parentPort } from 'node:worker_threads';
import { serveRunner } from './serve';

if (!parentPort) throw new Error('runner-thread.ts is the entry of a worker thread; it does nothing on the main thread.');
serveRunner(parentPort);
