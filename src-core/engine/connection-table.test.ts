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

  it('handle: accepts on its listeners, routes data and FIN of connections still read, forgets at closed', () => {
    const { table, closed } = make();
    const seen: string[] = [];
    const h = {
      accept: (e: { listener: number }) => (e.listener === 1 ? { name: 'x' } : null),
      opened: (c: { socket: number }) => seen.push(`opened ${c.socket}`),
      data: (c: { socket: number }, e: { data: Uint8Array }) => seen.push(`data ${c.socket} ${e.data.length}`),
      closed: (c: { socket: number }) => seen.push(`closed ${c.socket}`),
    };
    table.handle({ type: 'accepted', socket: 5, listener: 1, remote: { addr: 1, port: 2 }, connection: 'c5' }, 0, h);
    table.handle({ type: 'accepted', socket: 6, listener: 9, remote: { addr: 1, port: 3 }, connection: 'c6' }, 0, h);
    table.handle({ type: 'data', socket: 5, data: new Uint8Array(3), messages: [], connection: 'c5' }, 1, h);
    table.handle({ type: 'data', socket: 6, data: new Uint8Array(3), messages: [], connection: 'c6' }, 1, h);
    table.handle({ type: 'peerClosed', socket: 5, connection: 'c5' }, 2, h); // default: finish
    table.handle({ type: 'data', socket: 5, data: new Uint8Array(1), messages: [], connection: 'c5' }, 3, h); // closing: not read
    table.handle({ type: 'closed', socket: 5, reason: 'closed', connection: 'c5' }, 4, h); // closing: no closed handler
    expect(seen).toEqual(['opened 5', 'data 5 3']);
    expect([closed, table.get(5), table.get(6)]).toEqual([[5], undefined, undefined]);
    table.handle({ type: 'accepted', socket: 7, listener: 1, remote: { addr: 1, port: 4 }, connection: 'c7' }, 5, h);
    table.handle({ type: 'closed', socket: 7, reason: 'reset', connection: 'c7' }, 6, h);
    expect(seen.slice(2)).toEqual(['opened 7', 'closed 7']);
    expect(table.get(7)).toBeUndefined();
  });

  it('handle: a server without an opened handler still keeps what it accepts', () => {
    const { table } = make();
    table.handle({ type: 'accepted', socket: 5, listener: 1, remote: { addr: 1, port: 2 }, connection: 'c5' }, 0, { accept: () => ({ name: 'x' }), data: () => undefined });
    expect(table.reading(5)?.state).toEqual({ name: 'x' });
  });
});
