import { describe, expect, it } from 'vitest';
import { EDITOR_KEYS, editorKeyAction } from './keys';

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
});
