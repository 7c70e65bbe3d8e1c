import type { App, Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { hardenSession, hardenWebContents, installSecurityDefaults, isAllowedRequestUrl } from './security';
import { FakeEvent, FakeSession, FakeWebContents, app, resetFakeElectron } from './test-support/fake-electron';

vi.mock('electron', () => import('./test-support/fake-electron'));

beforeEach(resetFakeElectron);

describe('web contents defaults', () => {
  it('denies navigation, frame navigation and webview attachment', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as unknown as WebContents);
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-attach-webview']) {
      const event = new FakeEvent('https://example.com/');
      contents.emit(name, event, 'https://example.com/');
      expect(event.defaultPrevented, name).toBe(true);
    }
  });

  it('denies new windows', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as unknown as WebContents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://l7/index.html' })).toEqual({ action: 'deny' });
  });

  it('hardens every web contents the app creates and enables the sandbox', () => {
    installSecurityDefaults(app as unknown as App);
    expect(app.sandboxEnabled).toBe(true);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', new FakeEvent(), contents);
    expect(contents.windowOpenHandler).not.toBeNull();
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });
});

describe('session defaults', () => {
  it('denies every permission request and check', () => {
    const session = new FakeSession();
    hardenSession(session as unknown as Session, null);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      session.permissionRequestHandler?.({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(session.permissionCheckHandler?.({}, permission, 'app://l7', {})).toBe(false);
    }
    expect(session.devicePermissionHandler?.({})).toBe(false);
  });

  it('cancels requests for remote content', () => {
    const session = new FakeSession();
    hardenSession(session as unknown as Session, null);
    const decide = (url: string): boolean | undefined => {
      let cancel: boolean | undefined;
      session.beforeRequest?.({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('app://l7/assets/index.js')).toBe(false);
    expect(decide('data:image/png;base64,AAAA')).toBe(false);
    expect(decide('blob:app://l7/1234')).toBe(false);
    expect(decide('https://example.com/tracker.js')).toBe(true);
    expect(decide('http://localhost:5173/')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
  });

  it('lets the dev server through in development only', () => {
    expect(isAllowedRequestUrl('http://localhost:5173/src/main.ts', 'http://localhost:5173')).toBe(true);
    expect(isAllowedRequestUrl('ws://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAllowedRequestUrl('http://localhost:5173/src/main.ts', null)).toBe(false);
    expect(isAllowedRequestUrl('https://localhost:5173/', 'http://localhost:5173')).toBe(false);
  });
});
