/**
 * The `app://l7/` scheme that serves the built renderer (out/renderer)
 * instead of file://, so the page has a real origin, a Content-Security-
 * Policy header, and no access to the rest of the disk.
 *
 * Order matters: `registerAppScheme()` must run before the app is ready
 * (Electron only accepts privileged schemes then); `installAppProtocol()`
 * after. The path rules (`resolveAppPath`) are pure and tested without
 * Electron: anything that does not resolve to a file strictly inside the
 * renderer folder is a 404, whatever the encoding (`..`, `%2e%2e`, `%2f`,
 * backslashes).
 */
import { protocol } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './origin';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Must run before `app` is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * The file an `app://l7/…` URL names inside `rootDir`, or null when the URL is
 * not ours or would leave the folder. A path ending in "/" means its index.html.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (pathname.includes('\0')) return null;
  if (pathname === '' || pathname.endsWith('/')) pathname += 'index.html';
  const root = resolve(rootDir);
  const full = resolve(root, `.${pathname.startsWith('/') ? '' : '/'}${pathname}`);
  return full.startsWith(root + sep) ? full : null;
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** Answers one request for the app scheme from `rootDir`. */
export async function serveAppRequest(rootDir: string, request: { readonly url: string; readonly method: string }): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method not allowed', { status: 405, headers: { Allow: 'GET, HEAD' } });
  }
  const path = resolveAppPath(rootDir, request.url);
  if (path === null) return notFound();
  try {
    if (!(await stat(path)).isFile()) return notFound();
    const body = await readFile(path);
    // The CSP goes on every response: it governs documents and also worker
    // scripts (a dedicated worker takes its policy from its own response).
    const headers = {
      'Content-Type': contentTypeFor(path),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    };
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  } catch {
    return notFound();
  }
}

/** Serves `rootDir` (the built renderer) on app://l7/. Call after `app` is ready. */
export function installAppProtocol(rootDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rootDir, request));
}
