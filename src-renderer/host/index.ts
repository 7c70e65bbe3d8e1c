/**
 * The host, chosen once at start-up: the Electron preload's `window.l7` when
 * present, else the web host. The rest of the app calls `getHost()` and
 * never knows which one it has.
 */
import type { L7Host } from '../../src-core/api/contract';
import { createWebHost } from './web-host';

export interface HostScope {
  readonly l7?: L7Host | undefined;
}

export function pickHost(scope: HostScope, createWeb: () => L7Host): L7Host {
  return scope.l7 ?? createWeb();
}

let chosen: L7Host | undefined;

export function getHost(): L7Host {
  chosen ??= pickHost(window, createWebHost);
  return chosen;
}
