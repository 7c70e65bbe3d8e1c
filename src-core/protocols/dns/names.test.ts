// Comparing and walking names label by label (RFC 4343), never by text.
import { describe, expect, it } from 'vitest';
import { canonicalName, displayName, isInZone, namesBelow } from './names';

describe('domain names', () => {
  it('canonical form: ASCII lower case, no trailing dot, one escape per byte', () => {
    expect(canonicalName('WWW.Example.COM.')).toBe('www.example.com');
    expect(canonicalName('.')).toBe('');
    expect(canonicalName('')).toBe('');
    expect(canonicalName('\\087ww.example.com')).toBe('www.example.com');
    expect(canonicalName('A\\.B.example.com')).toBe('a\\.b.example.com');
    // an escaped trailing dot is part of the label, not the absolute-name dot
    expect(canonicalName('a\\.')).toBe('a\\.');
    // RFC 4343 §3: only ASCII letters fold; Ä (0xc3 0x84) and ä (0xc3 0xa4) stay different
    expect(canonicalName('Ä.example')).not.toBe(canonicalName('ä.example'));
    expect(canonicalName('Ä.example')).toBe('\\195\\132.example');
  });

  it('a dot inside a label is no zone boundary', () => {
    expect(isInZone('www.example.com', 'example.com')).toBe(true);
    expect(isInZone('WWW.EXAMPLE.COM.', 'example.com')).toBe(true);
    expect(isInZone('example.com', 'example.com')).toBe(true);
    expect(isInZone('anything', '')).toBe(true);
    expect(isInZone('notexample.com', 'example.com')).toBe(false);
    expect(isInZone('a\\.example.com', 'example.com')).toBe(false); // labels "a.example", "com"
    expect(isInZone('a\\.example.com', 'com')).toBe(true);
    expect(isInZone('a\\\\.example.com', 'example.com')).toBe(true); // labels "a\", "example", "com"
    expect(isInZone('com', 'example.com')).toBe(false);
  });

  it('names below a zone, by whole labels', () => {
    expect(namesBelow('www.a.example.com', 'example.com')).toEqual(['a.example.com', 'www.a.example.com']);
    expect(namesBelow('x.a\\.b.example.com', 'example.com')).toEqual(['a\\.b.example.com', 'x.a\\.b.example.com']);
    expect(namesBelow('example.com', 'example.com')).toEqual([]);
    expect(namesBelow('www.example.org', 'example.com')).toEqual([]);
    expect(namesBelow('a.b', '')).toEqual(['b', 'a.b']);
  });

  it('displays the root as "."', () => {
    expect(displayName('')).toBe('.');
    expect(displayName('a\\.b.example')).toBe('a\\.b.example');
  });
});
