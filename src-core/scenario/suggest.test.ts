import { describe, expect, it } from 'vitest';
import { closest, editDistance, unknownNameHint } from './suggest';

describe('editDistance', () => {
  it('counts inserts, deletes, replacements and neighbour swaps', () => {
    expect(editDistance('delayMs', 'delayMs')).toBe(0);
    expect(editDistance('dealyMs', 'delayMs')).toBe(1);
    expect(editDistance('delay', 'delayMs')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('closest', () => {
  it('finds a likely typo', () => {
    expect(closest('dealyMs', ['delayMs', 'bandwidthMbps'])).toBe('delayMs');
    expect(closest('DelayMS', ['delayMs'])).toBe('delayMs');
    expect(closest('srv', ['client', 'server'])).toBeUndefined();
  });
  it('finds a name whose unit suffix was left off', () => {
    expect(closest('delay', ['a', 'b', 'delayMs', 'bandwidthMbps'])).toBe('delayMs');
    expect(closest('bandwidth', ['delayMs', 'bandwidthMbps'])).toBe('bandwidthMbps');
    expect(closest('de', ['delayMs'])).toBeUndefined();
  });
});

describe('unknownNameHint', () => {
  it('suggests, lists or says nothing', () => {
    expect(unknownNameHint('sever', ['client', 'server'], 'nodes are')).toBe(' (did you mean "server"?)');
    expect(unknownNameHint('srv', ['client', 'server'], 'nodes are')).toBe(' (nodes are: client, server)');
    expect(unknownNameHint('x', [], 'nodes are', 'no nodes')).toBe(' (no nodes)');
    const many = Array.from({ length: 30 }, (_, i) => `node${i}`);
    expect(unknownNameHint('zzz', many, 'nodes are')).toBe('');
  });
});
