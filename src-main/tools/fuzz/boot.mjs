// The fuzz worker thread's entry: registers tsx, then imports the
// TypeScript module named in workerData.entry. (On Node 20 a Worker given a
// .ts file with `--import tsx` in its execArgv does not apply tsx to it.)
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

register();
await import(pathToFileURL(workerData.entry).href);
