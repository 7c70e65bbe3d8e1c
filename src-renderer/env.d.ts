/// <reference types="vite/client" />
import type { L7Host } from '../src-core/api/contract';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser, where the web host is used. */
    readonly l7?: L7Host;
  }
}

export {};
