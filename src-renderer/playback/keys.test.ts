import { describe, expect, it } from 'vitest';
import { keyName, playbackKeyAction, playbackKeyHint, playbackKeyShortcuts, type PlaybackKeyEvent } from './keys';

const key = (k: string, more: Partial<PlaybackKeyEvent> = {}): PlaybackKeyEvent => ({
  key: k, ctrlKey: false, metaKey: false, altKey: false, defaultPrevented: false, targetTag: 'BODY', targetEditable: false, ...more,
});

describe('playbackKeyAction', () => {
  it('maps the playback keys', () => {
    expect(['.', 'ArrowRight', ',', 'ArrowLeft', ' ', 'Home', 'End', 'x'].map((k) => playbackKeyAction(key(k)))).toEqual([
      'next', 'next', 'previous', 'previous', 'toggle', 'first', 'last', null,
    ]);
  });

  it('leaves keys to fields, modifiers, buttons (Space) and handlers that came first', () => {
    expect(playbackKeyAction(key('.', { targetTag: 'INPUT' }))).toBeNull();
    expect(playbackKeyAction(key('ArrowLeft', { targetTag: 'SELECT' }))).toBeNull();
    expect(playbackKeyAction(key('End', { targetTag: 'DIV', targetEditable: true }))).toBeNull();
    expect(playbackKeyAction(key('.', { ctrlKey: true }))).toBeNull();
    expect(playbackKeyAction(key(' ', { targetTag: 'BUTTON' }))).toBeNull();
    expect(playbackKeyAction(key('.', { targetTag: 'BUTTON' }))).toBe('next');
    expect(playbackKeyAction(key('Home', { defaultPrevented: true }))).toBeNull();
  });
});

describe('key names', () => {
  it('writes keys for people from the catalogue, and for aria-keyshortcuts by their KeyboardEvent.key names', () => {
    expect([' ', 'Escape', 'PageDown', 'ArrowRight', 'F5', '.'].map(keyName)).toEqual(['Space', 'Esc', 'PgDn', '→', 'F5', '.']);
    expect(playbackKeyHint('next')).toBe('. or →');
    expect(playbackKeyShortcuts('next')).toBe('. ArrowRight');
    expect(playbackKeyShortcuts('toggle')).toBe('Space');
  });
});
