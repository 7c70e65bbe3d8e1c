import { describe, expect, it } from 'vitest';
import { displayKind } from './node-kind';

describe('displayKind', () => {
  it('calls a router a router, a host with a service a server, any other host a host', () => {
    expect(displayKind({ kind: 'router', services: [] })).toBe('router');
    expect(displayKind({ kind: 'host', services: [{}] })).toBe('server');
    expect(displayKind({ kind: 'host', services: [] })).toBe('host');
  });
});
