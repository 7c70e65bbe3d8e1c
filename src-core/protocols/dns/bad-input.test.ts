// Malformed DNS from the network: the server answers FORMERR as RFC 1035
// §4.1.1 says, the resolver SERVFAIL when nobody answers, and everything is
// in the trace; nothing throws.
import { describe, expect, it } from 'vitest';
import { TestWorld } from '../../host/world.test-helper';
import { ms } from '../../sim/time';
import { DNS_PORT, DNS_TYPE } from './constants';
import { PROTOCOL } from './events';
import { reportDns } from './report';
import { ResolverEngine } from './resolver-engine';
import { AuthoritativeServer } from './server';
import { DnsServerEngine } from './server-engine';
import { StubResolver } from './stub-engine';
import { EXAMPLE_ZONE } from './zones.test-helper';
import { Outbox } from '../../engine/outbox';
import type { Engine } from '../../engine/face';

const dns = <C>(engine: Engine<import('./events').DnsEvent, C>) => ({ engine, protocol: PROTOCOL, name: 'test', report: reportDns });

function world(): TestWorld {
  return new TestWorld({ hosts: { client: '10.0.0.1', server: '192.0.2.53', local: '10.0.0.53' } });
}

/** Sends raw bytes once, to see what a server makes of them. */
class RawSender implements Engine<never, { to: number; bytes: Uint8Array }> {
  private readonly out = new Outbox<never>('dns');
  handleCommand(c: { to: number; bytes: Uint8Array }): void {
    this.out.bind(1, 'ephemeral');
    this.out.send(1, { addr: c.to, port: DNS_PORT }, c.bytes, this.out.label('garbled query', null));
  }
  handleDatagram(): void {}
  handleStream(): void {}
  handleTimeout(): void {}
  pollTimeout = () => null;
  pollTransmit = () => this.out.pollTransmit();
  pollEvent = () => this.out.pollEvent();
}

describe('bad input from the network', () => {
  it('a garbled query gets FORMERR with its id, and both are traced', () => {
    const w = world();
    w.drive('server', dns(new DnsServerEngine(w.env('server'), new AuthoritativeServer([EXAMPLE_ZONE]))));
    const garbage = new Uint8Array([0xbe, 0xef, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0xc0, 0x0c, 0, 1, 0, 1]); // a name pointing at itself
    w.bare('client', new RawSender()).command({ to: w.address('server'), bytes: garbage });
    w.run();
    const [query, reply] = w.messages();
    expect(query!.summary).toBe('garbled query');
    expect(reply!.summary).toMatch(/^Standard query response 0xbeef FORMERR/);
    expect(reply!.causedBy).toBe(query!.id);
    expect(reply!.receivedAt).not.toBeNull();
  });

  it('a resolver whose servers never answer gives the stub SERVFAIL, after retrying', () => {
    const w = world();
    // The resolver's root hint points at the client, which runs no DNS server: every query is refused at the port.
    w.drive(
      'local',
      dns(
        new ResolverEngine(w.env('local'), {
          mode: 'iterative',
          rootHints: [{ name: 'nowhere', address: w.address('client') }],
          forwarder: null,
          timeout: ms(300),
          attempts: 3,
          randomizeIds: true,
          randomizePorts: true,
        }),
      ),
    );
    w.drive('client', dns(new StubResolver(w.env('client')))).command({ server: w.address('local'), name: 'www.example.com', qtype: DNS_TYPE.A, timeout: ms(5000), hostsFile: [] });
    w.run();
    expect(w.states('dns.timeout')).toHaveLength(3);
    expect(w.states('dns.answer')[0]!.summary).toBe('www.example.com A: SERVFAIL');
  });
});
