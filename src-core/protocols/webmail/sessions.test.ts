import { describe, expect, it } from 'vitest';
import { ms } from '../../sim/time';
import { SESSION_IDLE_MS, SessionTable } from './sessions';

describe('the session table', () => {
  it('makes 16 hex digits from two draws, and unique ids even from a source that repeats itself', () => {
    const fair = new SessionTable(((n) => () => (n = (n * 1103515245 + 12345) >>> 0))(7));
    expect(fair.create('bob', 'pw', 0).id).toMatch(/^[0-9a-f]{16}$/);
    const stuck = new SessionTable(() => 42);
    const ids = [0, 1, 2].map(() => stuck.create('bob', 'pw', 0).id);
    expect(new Set(ids).size).toBe(3);
    expect(ids[0]).toBe('0000002a0000002a');
  });

  it('expires a session unused for SESSION_IDLE_MS, not one used since', () => {
    const t = new SessionTable(() => 1);
    const a = t.create('bob', 'pw', 0);
    const b = t.create('carol', 'pw', 0);
    t.use(b.id, ms(1000));
    expect(t.expire(ms(SESSION_IDLE_MS)).map((s) => s.id)).toEqual([a.id]);
    expect(t.use(a.id, ms(SESSION_IDLE_MS))).toBeUndefined();
    expect(t.use(b.id, ms(SESSION_IDLE_MS))).toBe(b);
  });
});
