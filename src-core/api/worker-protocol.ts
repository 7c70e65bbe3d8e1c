/**
 * Messages between a host and its runner thread (a Node worker_threads
 * Worker in Electron, a Web Worker in the web host). The runner answers with
 * the contract's RunEvents.
 */
import type { RunEvent } from './contract';

export type RunnerRequest =
  | { readonly type: 'run'; readonly runId: string; readonly scenario: unknown; readonly seed?: number }
  | { readonly type: 'cancel'; readonly runId: string };

export type RunnerMessage = RunEvent;
