import { describe, expect, it } from 'vitest';
import { chooseConnection, type ConnectionLoad } from './browser-connections';

const open = (pending: number): ConnectionLoad => ({ takesRequests: true, pending });
const spent = (pending: number): ConnectionLoad => ({ takesRequests: false, pending });

describe('choosing a connection for the next request', () => {
  it('non-persistent: a new connection per request up to the limit; a spent one counts until its response is in', () => {
    expect(chooseConnection('non-persistent', 1, [])).toEqual({ kind: 'open' });
    expect(chooseConnection('non-persistent', 1, [spent(1)])).toEqual({ kind: 'wait' });
    expect(chooseConnection('non-persistent', 1, [spent(0)])).toEqual({ kind: 'open' });
    expect(chooseConnection('non-persistent', 5, [spent(1), spent(1), spent(1), spent(1)])).toEqual({ kind: 'open' });
    expect(chooseConnection('non-persistent', 5, [spent(1), spent(1), spent(1), spent(1), spent(1)])).toEqual({ kind: 'wait' });
  });

  it('persistent: an idle connection first, else a new one up to the limit, else wait', () => {
    expect(chooseConnection('persistent', 2, [open(1), open(0)])).toEqual({ kind: 'use', index: 1 });
    expect(chooseConnection('persistent', 2, [open(1)])).toEqual({ kind: 'open' });
    expect(chooseConnection('persistent', 2, [open(1), open(1)])).toEqual({ kind: 'wait' });
  });

  it('pipelined: connections up to the limit, then the least loaded, never waiting for a response', () => {
    expect(chooseConnection('pipelined', 1, [])).toEqual({ kind: 'open' });
    expect(chooseConnection('pipelined', 1, [open(7)])).toEqual({ kind: 'use', index: 0 });
    expect(chooseConnection('pipelined', 2, [open(3)])).toEqual({ kind: 'open' });
    expect(chooseConnection('pipelined', 2, [open(3), open(2)])).toEqual({ kind: 'use', index: 1 });
    expect(chooseConnection('pipelined', 2, [spent(1), open(4), open(4)])).toEqual({ kind: 'use', index: 1 });
  });
});
