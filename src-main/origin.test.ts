import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, devServerUrl, isAppUrl } from './origin';

describe('origin', () => {
  it('trusts the app scheme only for its own host', () => {
    expect(isAppUrl(APP_ENTRY_URL, null)).toBe(true);
    expect(isAppUrl('app://l7/assets/index-abc.js', null)).toBe(true);
    expect(isAppUrl('app://evil/index.html', null)).toBe(false);
    expect(isAppUrl('app://user@l7/index.html', null)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', null)).toBe(false);
    expect(isAppUrl('https://l7/index.html', null)).toBe(false);
    expect(isAppUrl('not a url', null)).toBe(false);
  });

  it('trusts the dev server only in development and only on loopback', () => {
    const dev = devServerUrl(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173' });
    expect(dev).toBe('http://localhost:5173');
    expect(isAppUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isAppUrl('ws://localhost:5173/', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', null)).toBe(false);
    expect(devServerUrl(true, { ELECTRON_RENDERER_URL: 'http://localhost:5173' })).toBeNull();
    expect(devServerUrl(false, { ELECTRON_RENDERER_URL: 'https://example.com/' })).toBeNull();
    expect(devServerUrl(false, { ELECTRON_RENDERER_URL: 'http://localhost.example.com/' })).toBeNull();
    expect(devServerUrl(false, {})).toBeNull();
  });
});
