/**
 * Where L7 Lab's own pages come from, and the one test every trust decision
 * uses (IPC sender checks, navigation, requests).
 *
 * The packaged renderer is served from the privileged custom scheme
 * `app://l7/` (protocol.ts), never from file://. In development electron-vite
 * serves it from a Vite dev server on loopback and passes its URL in
 * ELECTRON_RENDERER_URL; that origin is trusted only when the app is not
 * packaged.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'l7';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const LOOPBACK_HTTP = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/;

/** The dev server's URL when running unpackaged under electron-vite, else null. Only a loopback http URL is accepted. */
export function devServerUrl(isPackaged: boolean, env: Readonly<Record<string, string | undefined>>): string | null {
  if (isPackaged) return null;
  const url = env['ELECTRON_RENDERER_URL'];
  return url !== undefined && LOOPBACK_HTTP.test(url) ? url : null;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for `app://l7/…` (no user info, no port) and, in development, for the dev server's origin. */
export function isAppUrl(url: string, devUrl: string | null): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === `${APP_SCHEME}:`) {
    return parsed.host.toLowerCase() === APP_HOST && parsed.username === '' && parsed.password === '';
  }
  if (devUrl === null) return false;
  const dev = parse(devUrl);
  return dev !== null && (parsed.protocol === 'http:' || parsed.protocol === 'ws:') && parsed.host === dev.host;
}
