import { describe, expect, it } from 'vitest';
import { defaultPath, domainMatches, isIpAddress, isPublicSuffix, pathMatches } from './cookie-match';

describe('domainMatches (RFC 6265 §5.1.3)', () => {
  it('matches the domain itself and its subdomains, at a label boundary', () => {
    expect(domainMatches('example.com', 'example.com')).toBe(true);
    expect(domainMatches('www.example.com', 'example.com')).toBe(true);
    expect(domainMatches('a.b.example.com', 'example.com')).toBe(true);
    expect(domainMatches('badexample.com', 'example.com')).toBe(false);
    expect(domainMatches('example.com', 'www.example.com')).toBe(false);
  });

  it('matches an IP address only to itself', () => {
    expect(domainMatches('10.0.0.2', '10.0.0.2')).toBe(true);
    expect(domainMatches('10.0.0.2', '0.0.2')).toBe(false);
    expect(domainMatches('[::1]', '[::1]')).toBe(true);
  });
});

describe('defaultPath (RFC 6265 §5.1.4)', () => {
  it('is the request path up to its last "/", or "/"', () => {
    expect(defaultPath('/')).toBe('/');
    expect(defaultPath('/index.html')).toBe('/');
    expect(defaultPath('/docs/')).toBe('/docs');
    expect(defaultPath('/docs/a/b.html')).toBe('/docs/a');
    expect(defaultPath('')).toBe('/');
    expect(defaultPath('relative/x')).toBe('/');
  });
});

describe('pathMatches (RFC 6265 §5.1.4)', () => {
  it('matches the path itself and what lies below it, at a "/" boundary', () => {
    expect(pathMatches('/docs', '/docs')).toBe(true);
    expect(pathMatches('/docs/', '/docs')).toBe(true);
    expect(pathMatches('/docs/a', '/docs')).toBe(true);
    expect(pathMatches('/docs/a', '/docs/')).toBe(true);
    expect(pathMatches('/docsearch', '/docs')).toBe(false);
    expect(pathMatches('/docs', '/docs/')).toBe(false);
    expect(pathMatches('/anything', '/')).toBe(true);
  });
});

describe('isPublicSuffix (no public suffix list: single labels only)', () => {
  it('counts a single label as public, and nothing else', () => {
    expect(isPublicSuffix('com')).toBe(true);
    expect(isPublicSuffix('lab')).toBe(true);
    expect(isPublicSuffix('example.com')).toBe(false);
    expect(isPublicSuffix('co.uk')).toBe(false); // a browser's list would say true
    expect(isPublicSuffix('')).toBe(false);
  });

  it('knows IP addresses are not host names', () => {
    expect(isIpAddress('10.0.0.2')).toBe(true);
    expect(isIpAddress('[2001:db8::1]')).toBe(true);
    expect(isIpAddress('10.0.0.example')).toBe(false);
  });
});
