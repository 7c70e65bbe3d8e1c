import { describe, expect, it } from 'vitest';
import { parseIpv4 } from '../../src-core/net/ipv4';
import { NO_SUCH_ORIGIN, OriginTable } from './origins';

const ip = (text: string) => parseIpv4(text)!;

describe('the --origin table of l7 serve', () => {
  const table = new OriginTable([
    { host: 'www.example.com', port: 80, local: 8080 },
    { host: 'gaia.cs.umass.edu', port: 80, local: 8081 },
    { host: 'www.example.com', port: 8000, local: 9000 },
    { host: '127.77.0.2', port: 80, local: 7000 },
  ]);

  it('gives each name a loopback stand-in address of its own, skipping one an origin has as its address', () => {
    expect(table.lookup('www.example.com')).toEqual({ address: ip('127.77.0.1'), reason: '' });
    expect(table.lookup('WWW.Example.COM')).toEqual({ address: ip('127.77.0.1'), reason: '' });
    expect(table.lookup('gaia.cs.umass.edu')).toEqual({ address: ip('127.77.0.3'), reason: '' });
  });

  it('sends a connect to a name\'s stand-in and port, or to an address origin, to its local port; nothing else', () => {
    expect(table.target({ addr: ip('127.77.0.1'), port: 80 })).toEqual({ local: 8080, label: 'www.example.com:80' });
    expect(table.target({ addr: ip('127.77.0.1'), port: 8000 })).toEqual({ local: 9000, label: 'www.example.com:8000' });
    expect(table.target({ addr: ip('127.77.0.3'), port: 80 })).toEqual({ local: 8081, label: 'gaia.cs.umass.edu:80' });
    expect(table.target({ addr: ip('127.77.0.2'), port: 80 })).toEqual({ local: 7000, label: '127.77.0.2:80' });
    expect(table.target({ addr: ip('127.77.0.1'), port: 443 })).toBeNull();
    expect(table.target({ addr: ip('192.0.2.80'), port: 80 })).toBeNull();
  });

  it('has no address for any other name, and says how to add one', () => {
    expect(table.lookup('elsewhere.org')).toEqual({ address: null, reason: NO_SUCH_ORIGIN });
    expect(new OriginTable([]).isEmpty).toBe(true);
    expect(new OriginTable([]).lookup('www.example.com').address).toBeNull();
  });
});
