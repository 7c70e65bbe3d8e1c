/// <reference types="vite/client" />
import type { L7Host } from '../src-core/api/contract';
import type { MessageSchema } from './i18n/messages-en';

declare module 'vue-i18n' {
  /** Message keys are checked: `t('no.such.key')` does not compile. */
  export interface DefineLocaleMessage extends MessageSchema {}
}

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser, where the web host is used. */
    readonly l7?: L7Host;
  }
}

export {};
