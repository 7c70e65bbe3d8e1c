import { describe, expect, it } from 'vitest';
import { idleDeadline, idledOut } from './idle';

describe('idle timeouts', () => {
  it('give the earliest deadline of the idle connections, weak; none when none is idle', () => {
    const conns = [{ since: 50 }, { since: null }, { since: 20 }];
    expect(idleDeadline(conns, (c) => c.since, 100)).toEqual({ at: 120, weak: true });
    expect(idleDeadline([{ since: null }], (c) => c.since, 100)).toBeNull();
    expect(idleDeadline([], () => 0, 100)).toBeNull();
  });

  it('a connection has idled out at its deadline, not before', () => {
    expect([idledOut(20, 100, 119), idledOut(20, 100, 120), idledOut(null, 100, 1e9)]).toEqual([false, true, false]);
  });
});
