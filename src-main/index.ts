/**
 * The Electron main process entry (built to out/main/index.js). All the
 * wiring is in main-process.ts; this file only supplies the environment.
 */
import { startMainProcess } from './main-process';
import runnerPath from './runner/runner-thread?modulePath';

startMainProcess({
  platform: process.platform,
  env: process.env,
  mainDir: import.meta.dirname,
  resourcesPath: process.resourcesPath,
  runnerPath,
});
