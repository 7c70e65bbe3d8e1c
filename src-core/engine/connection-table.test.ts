import { describe, expect, it } from 'vitest';
import { ConnectionTable } from './connection-table';

describe('a server\'s connection table', () => {
  const make = () => {
    const closed: number[] = [];
    const table = new ConnectionTable<{ name: string }>((socket) => closed.push(socket), 100);
    return { table, closed };
  };

  it('keeps each accepted connection with its state, idle from its accept, and forgets it when closed', () => {
    const { table } = make();
    const a = table.add(5, 'c5', { name: 'a' }, 10);
    expect([a.socket, a.connection, a.state.name, a.closing, a.idleSince]).toEqual([5, 'c5', 'a', false, 10]);
    expect(table.reading(5)).toBe(a);
    table.forget(5);
    expect(table.get(5)).toBeUndefined();
  });

  it('finish: no more reading, the server\'s side closed once, and no deadline of its own', () => {
    const { table, closed } = make();
    const a = table.add(5, 'c5', { name: 'a' }, 0);
    table.finish(a);
    expect([table.reading(5), table.get(5), closed]).toEqual([undefined, a, [5]]);
    expect(table.deadline()).toBeNull();
    expect(table.idle(1000)).toEqual([]);
  });

  it('the deadline is the first connection read that reaches the timeout (weak); busy ones have none', () => {
    const { table } = make();
    table.add(5, 'c5', { name: 'a' }, 50);
    const b = table.add(6, 'c6', { name: 'b' }, 20);
    const c = table.add(7, 'c7', { name: 'c' }, 0);
    c.idleSince = null; // a request half read
    expect(table.deadline()).toEqual({ at: 120, weak: true });
    expect(table.idle(119)).toEqual([]);
    expect(table.idle(120)).toEqual([b]);
    expect(table.idle(150).map((x) => x.socket)).toEqual([5, 6]);
  });
});
