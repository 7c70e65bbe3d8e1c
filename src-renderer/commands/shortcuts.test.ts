import { describe, expect, it } from 'vitest';
import { commandForKey, shortcutLabel, type KeyLike } from './shortcuts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  code: k.length === 1 ? `Key${k.toUpperCase()}` : k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});
const web = { host: 'web' as const, mac: false };
const electron = { host: 'electron' as const, mac: false };
const mac = { host: 'web' as const, mac: true };

describe('commandForKey', () => {
  it('maps the frequent actions in the web host', () => {
    expect(commandForKey(key('F5'), web)).toBe('run.start');
    expect(commandForKey(key('r', { ctrlKey: true }), web)).toBe('run.start');
    expect(commandForKey(key('Escape'), web)).toBe('run.cancel');
    expect(commandForKey(key('o', { ctrlKey: true }), web)).toBe('file.open');
    expect(commandForKey(key('s', { ctrlKey: true }), web)).toBe('file.save');
    expect(commandForKey(key('S', { ctrlKey: true, shiftKey: true }), web)).toBe('file.saveAs');
    expect(commandForKey(key('n', { ctrlKey: true }), web)).toBe('file.new');
    expect(commandForKey(key('F1'), web)).toBe('help.about');
    expect(commandForKey(key('.', { ctrlKey: true }), web)).toBe('run.cancel');
    expect(commandForKey(key('F5', { shiftKey: true }), web)).toBe('run.cancel');
    expect(commandForKey(key('e', { ctrlKey: true }), web)).toBe('file.export');
    expect(commandForKey(key('t', { ctrlKey: true }), web)).toBe('view.toggleTransport');
  });

  it('leaves the menu accelerators to Electron, except Escape and F1', () => {
    expect(commandForKey(key('F5'), electron)).toBeNull();
    expect(commandForKey(key('r', { ctrlKey: true }), electron)).toBeNull();
    expect(commandForKey(key('s', { ctrlKey: true }), electron)).toBeNull();
    expect(commandForKey(key('F5', { shiftKey: true }), electron)).toBeNull();
    expect(commandForKey(key('Escape'), electron)).toBe('run.cancel');
    expect(commandForKey(key('F1'), electron)).toBe('help.about');
  });

  it('ignores plain letters, other modifiers and typing', () => {
    expect(commandForKey(key('r'), web)).toBeNull();
    expect(commandForKey(key('s', { ctrlKey: true, altKey: true }), web)).toBeNull();
    expect(commandForKey(key('s', { ctrlKey: true, metaKey: true }), web)).toBeNull();
    expect(commandForKey(key('F1', { shiftKey: true }), web)).toBeNull();
  });

  it('uses ⌘ on a Mac', () => {
    expect(commandForKey(key('s', { metaKey: true }), mac)).toBe('file.save');
    expect(commandForKey(key('s', { ctrlKey: true }), mac)).toBeNull();
  });

  it('finds letters by physical key on a non-Latin layout', () => {
    expect(commandForKey({ ...key('ы', { ctrlKey: true }), code: 'KeyS' }, web)).toBe('file.save');
  });
});

describe('shortcutLabel', () => {
  it('names the keys for hints', () => {
    expect(shortcutLabel('run.start', false)).toBe('F5, Ctrl+R');
    expect(shortcutLabel('file.saveAs', false)).toBe('Ctrl+Shift+S');
    expect(shortcutLabel('run.cancel', false)).toBe('Esc, Ctrl+., Shift+F5');
    expect(shortcutLabel('run.cancel', true)).toBe('Esc, ⌘., ⇧F5');
    expect(shortcutLabel('file.save', true)).toBe('⌘S');
    expect(shortcutLabel('view.zoomIn', false)).toBe('Ctrl+=, Ctrl++');
    expect(shortcutLabel('view.fit', true)).toBe('⌘0');
  });

  it('zooms the chart with Ctrl+= / Ctrl+- / Ctrl+0 in a browser', () => {
    expect(commandForKey(key('=', { ctrlKey: true }), web)).toBe('view.zoomIn');
    expect(commandForKey(key('-', { ctrlKey: true }), web)).toBe('view.zoomOut');
    expect(commandForKey(key('0', { ctrlKey: true }), web)).toBe('view.fit');
  });
});
