// Test support: starts a worker thread whose entry is TypeScript. The worker
// registers tsx, then imports the entry named in workerData.entry.
// (`new Worker(file.ts, { execArgv: ['--import', 'tsx'] })` does not apply
// tsx to the entry on Node 20, so tests go through this file.)
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

register();
await import(pathToFileURL(workerData.entry).href);
