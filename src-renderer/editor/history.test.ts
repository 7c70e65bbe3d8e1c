import { describe, expect, it } from 'vitest';
import { EditHistory, HISTORY_LIMIT } from './history';

describe('edit history', () => {
  it('undoes and redoes steps in order', () => {
    const h = new EditHistory();
    h.record({ label: 'one', before: 'a', after: 'b' });
    h.record({ label: 'two', before: 'b', after: 'c' });
    expect(h.next('c')).toEqual({ undo: 'two', redo: null });
    expect(h.undo('c')!.before).toBe('b');
    expect(h.undo('b')!.before).toBe('a');
    expect(h.undo('a')).toBeNull();
    expect(h.redo('a')!.after).toBe('b');
    expect(h.next('b')).toEqual({ undo: 'one', redo: 'two' });
    // a new step after an undo drops what could have been redone
    h.record({ label: 'three', before: 'b', after: 'd' });
    expect(h.redo('d')).toBeNull();
  });

  it('drops its steps once the text changed another way (typed in the source)', () => {
    const h = new EditHistory();
    h.record({ label: 'one', before: 'a', after: 'b' });
    expect(h.undo('typed')).toBeNull();
    expect(h.undo('b')).toBeNull(); // forgotten
    expect(h.next('b')).toEqual({ undo: null, redo: null });
  });

  it('records no step for a command that changed nothing, and keeps at most the limit', () => {
    const h = new EditHistory();
    h.record({ label: 'none', before: 'a', after: 'a' });
    expect(h.undo('a')).toBeNull();
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) h.record({ label: `${i}`, before: `${i}`, after: `${i + 1}` });
    let undone = 0;
    for (let t = `${HISTORY_LIMIT + 5}`; ; undone++) {
      const step = h.undo(t);
      if (!step) break;
      t = step.before;
    }
    expect(undone).toBe(HISTORY_LIMIT);
  });
});
