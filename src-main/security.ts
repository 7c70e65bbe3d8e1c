/**
 * Security defaults beyond the window's webPreferences (window.ts):
 * - every web contents: navigation denied (the app is one page; links never
 *   replace it), window.open denied, <webview> attachment denied;
 * - the session: every permission request and check denied (the app needs
 *   none: no camera, notifications, geolocation, clipboard-read …), and every
 *   request to anything but the app's own origin cancelled ("no remote
 *   content"; in development the Vite dev server is the app's origin).
 * Electron's checklist: https://www.electronjs.org/docs/latest/tutorial/security
 */
import type { App, Session, WebContents } from 'electron';
import { isAppUrl } from './origin';

/** Schemes a page may load besides its own origin: inline images and workers it made itself, and DevTools. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'devtools:']);

export function isAllowedRequestUrl(url: string, devUrl: string | null): boolean {
  if (isAppUrl(url, devUrl)) return true;
  try {
    return LOCAL_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function hardenSession(session: Session, devUrl: string | null): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequestUrl(details.url, devUrl) }));
}

/** Call before `app` is ready: sandbox every renderer and harden every web contents as it is created. */
export function installSecurityDefaults(app: App): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
