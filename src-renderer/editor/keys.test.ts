import { describe, expect, it } from 'vitest';
import { EDITOR_KEYS, editorKeyAction, minimapKeyAction } from './keys';

const press = (key: string, mods: { ctrlKey?: boolean; metaKey?: boolean; shiftKey?: boolean } = {}) => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });

describe('editor keys', () => {
  it('tells plain keys from Ctrl chords, and ⌘ on a Mac', () => {
    expect(editorKeyAction(press('l'), false)).toBe('linkMode');
    expect(editorKeyAction(press('l', { ctrlKey: true }), false)).toBe('layout');
    expect(editorKeyAction(press('L', { ctrlKey: true }), false)).toBe('layout');
    expect(editorKeyAction(press('d', { metaKey: true }), true)).toBe('duplicate');
    expect(editorKeyAction(press('d', { ctrlKey: true }), true)).toBeNull();
    expect(editorKeyAction(press('Delete'), false)).toBe('delete');
    expect(editorKeyAction(press('x'), false)).toBeNull();
  });

  it('gives each key and chord one action', () => {
    const seen = EDITOR_KEYS.map((k) => `${k.mod ? 'mod+' : ''}${k.key}`);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('shows or hides the minimap with M', () => {
    expect(editorKeyAction(press('m'), false)).toBe('minimap');
    expect(editorKeyAction(press('M'), false)).toBe('minimap');
    expect(editorKeyAction(press('m', { ctrlKey: true }), false)).toBeNull();
  });
});

describe('minimap keys', () => {
  const key = (k: string, mods: { ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean } = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });
  it('pans with the arrows and hides with M, never with a modifier', () => {
    expect(minimapKeyAction(key('ArrowLeft'))).toBe('panLeft');
    expect(minimapKeyAction(key('ArrowDown'))).toBe('panDown');
    expect(minimapKeyAction(key('M'))).toBe('minimap');
    expect(minimapKeyAction(key('ArrowLeft', { altKey: true }))).toBeNull();
    expect(minimapKeyAction(key('m', { metaKey: true }))).toBeNull();
    expect(minimapKeyAction(key('Delete'))).toBeNull();
  });
});
