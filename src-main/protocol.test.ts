import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentTypeFor, installAppProtocol, registerAppScheme, resolveAppPath, serveAppRequest } from './protocol';
import { protocol, resetFakeElectron } from './test-support/fake-electron';

vi.mock('electron', () => import('./test-support/fake-electron'));

const ROOT = join(sep, 'srv', 'renderer');

describe('resolveAppPath', () => {
  it('maps app://l7/ URLs into the renderer folder', () => {
    expect(resolveAppPath(ROOT, 'app://l7/index.html')).toBe(join(ROOT, 'index.html'));
    expect(resolveAppPath(ROOT, 'app://l7/')).toBe(join(ROOT, 'index.html'));
    expect(resolveAppPath(ROOT, 'app://l7')).toBe(join(ROOT, 'index.html'));
    expect(resolveAppPath(ROOT, 'app://l7/assets/index-1a2b.js?v=1#x')).toBe(join(ROOT, 'assets', 'index-1a2b.js'));
    expect(resolveAppPath(ROOT, 'app://l7/assets/my%20font.woff2')).toBe(join(ROOT, 'assets', 'my font.woff2'));
    expect(resolveAppPath(ROOT, 'app://l7/assets/')).toBe(join(ROOT, 'assets', 'index.html'));
  });

  it('refuses every way out of the folder', () => {
    for (const url of [
      'app://l7/../secret.txt',
      'app://l7/assets/../../secret.txt',
      'app://l7/%2e%2e/secret.txt',
      'app://l7/%2E%2E%2Fsecret.txt',
      'app://l7/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://l7/..%5c..%5csecret.txt',
      'app://l7/%2fetc%2fpasswd',
      'app://l7//etc/passwd/..',
      'app://l7/index.html%00.png',
      'app://l7/%E0%A4%A',
    ]) {
      const path = resolveAppPath(ROOT, url);
      if (path !== null) expect(path.startsWith(ROOT + sep), `${url} → ${path}`).toBe(true);
    }
    expect(resolveAppPath(ROOT, 'app://l7/../secret.txt')).not.toBe(join(sep, 'srv', 'secret.txt'));
    // The URL parser itself treats %2e%2e as a ".." segment and stops at the root…
    expect(resolveAppPath(ROOT, 'app://l7/%2e%2e/secret.txt')).toBe(join(ROOT, 'secret.txt'));
    // …while an encoded slash only becomes one after decoding: refused.
    expect(resolveAppPath(ROOT, 'app://l7/%2E%2E%2Fsecret.txt')).toBeNull();
    expect(resolveAppPath(ROOT, 'app://l7/index.html%00.png')).toBeNull();
    expect(resolveAppPath(ROOT, 'app://l7/%E0%A4%A')).toBeNull();
  });

  it('serves only its own scheme and host', () => {
    expect(resolveAppPath(ROOT, 'app://other/index.html')).toBeNull();
    expect(resolveAppPath(ROOT, 'file:///srv/renderer/index.html')).toBeNull();
    expect(resolveAppPath(ROOT, 'https://l7/index.html')).toBeNull();
    expect(resolveAppPath(ROOT, '::')).toBeNull();
  });

  it('knows the MIME types the renderer build produces', () => {
    expect(contentTypeFor('a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a/index-x.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a/style.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a/logo.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('a/font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a/x.unknown')).toBe('application/octet-stream');
  });
});

describe('the app protocol', () => {
  const dir = mkdtempSync(join(tmpdir(), 'l7-protocol-'));
  const root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>L7</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'secret');

  beforeEach(resetFakeElectron);

  it('registers app as a standard, secure scheme with fetch', () => {
    registerAppScheme();
    expect(protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves HTML with the CSP header and scripts with their type', async () => {
    installAppProtocol(root);
    const handler = protocol.handlers.get('app')!;
    const html = await handler(new Request('app://l7/index.html'));
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'self'; script-src 'self'; /);
    expect(html.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await html.text()).toContain('<title>L7</title>');
    const js = await handler(new Request('app://l7/assets/app.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for escapes, folders and missing files, 405 for writes', async () => {
    expect((await serveAppRequest(root, { url: 'app://l7/%2e%2e/secret.txt', method: 'GET' })).status).toBe(404);
    expect((await serveAppRequest(root, { url: 'app://l7/../secret.txt', method: 'GET' })).status).toBe(404);
    expect((await serveAppRequest(root, { url: 'app://l7/%2E%2E%2Fsecret.txt', method: 'GET' })).status).toBe(404);
    expect((await serveAppRequest(root, { url: 'app://l7/assets/..%2F..%2Fsecret.txt', method: 'GET' })).status).toBe(404);
    expect((await serveAppRequest(root, { url: 'app://l7/assets', method: 'GET' })).status).toBe(404);
    expect((await serveAppRequest(root, { url: 'app://l7/missing.js', method: 'GET' })).status).toBe(404);
    expect((await serveAppRequest(root, { url: 'app://l7/index.html', method: 'POST' })).status).toBe(405);
    const head = await serveAppRequest(root, { url: 'app://l7/index.html', method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
