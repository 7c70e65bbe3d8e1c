// The POP3 user agent against the POP3 server engine in the test world
// (two hosts, one router, 5 ms per link), read like a sequence chart:
// download-and-delete empties the mailbox, download-and-keep leaves it whole.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../engine/face';
import { TestWorld } from '../../host/world.test-helper';
import { ms } from '../../sim/time';
import { MailStore } from '../mail/mail-store';
import { ascii } from './codec';
import { Pop3ClientEngine } from './client';
import { PROTOCOL, type Pop3Event } from './events';
import { reportPop3 } from './report';
import { Pop3ServerEngine } from './server';

const pop3 = <C>(engine: Engine<Pop3Event, C>) => ({ engine, protocol: PROTOCOL, name: 'test', report: reportPop3 });
const MESSAGES = ['From: alice@example.com\r\nSubject: Lunch\r\n\r\nAt noon?\r\n', 'From: carol@example.com\r\nSubject:\r\n  folded =?utf-8?q?x?=\r\n\r\n.starts with a dot\r\n'];

function world(): { w: TestWorld; store: MailStore } {
  const w = new TestWorld({ hosts: { client: '10.0.0.1', mail: '10.0.0.25' } });
  const store = new MailStore('example.com', [{ user: 'bob', password: 'hungry' }]);
  for (const m of MESSAGES) store.deliver('bob', ascii(m), 0);
  w.drive('mail', pop3(new Pop3ServerEngine(w.env('mail'), store, { port: 110 })));
  return { w, store };
}

function read(w: TestWorld, keep: boolean, password = 'hungry', at = ms(1)): void {
  w.at(at, () => w.drive('client', pop3(new Pop3ClientEngine(w.env('client')))).command({ server: { addr: w.address('mail'), port: 110 }, user: 'bob', password, keep }));
}

describe('the POP3 user agent and server', () => {
  it('download-and-delete: RETR and DELE each message, QUIT; the mailbox is left empty', () => {
    const { w, store } = world();
    read(w, false);
    w.run();
    const chart = w.messages().map((m) => `${m.from}: ${m.summary}`);
    expect(chart).toEqual([
      'mail: +OK POP3 server ready',
      'client: USER bob',
      'mail: +OK bob is a valid mailbox',
      'client: PASS ••••',
      `mail: +OK maildrop has 2 messages (${MESSAGES[0]!.length + MESSAGES[1]!.length} octets)`,
      'client: STAT',
      `mail: +OK 2 ${MESSAGES[0]!.length + MESSAGES[1]!.length}`,
      'client: LIST',
      `mail: +OK 2 messages (${MESSAGES[0]!.length + MESSAGES[1]!.length} octets)`,
      'client: RETR 1',
      `mail: +OK ${MESSAGES[0]!.length} octets`,
      'client: DELE 1',
      'mail: +OK message 1 deleted',
      'client: RETR 2',
      `mail: +OK ${MESSAGES[1]!.length} octets`,
      'client: DELE 2',
      'mail: +OK message 2 deleted',
      'client: QUIT',
      'mail: +OK POP3 server signing off (maildrop empty)',
    ]);
    expect(store.folder('bob')!.messages).toEqual([]);
    const downloaded = w.states('pop3.downloaded');
    expect(downloaded.map((s) => s.data)).toEqual([
      { number: 1, octets: MESSAGES[0]!.length, subject: 'Lunch' },
      { number: 2, octets: MESSAGES[1]!.length, subject: 'folded x' },
    ]);
    // each download is caused by the response that carried it
    const messages = w.messages();
    expect(downloaded[0]!.causedBy).toBe(messages[10]!.id);
    expect(w.states('pop3.deleted')[0]).toMatchObject({ node: 'mail', data: { user: 'bob', numbers: [1, 2], uids: [1, 2], left: 0 } });
    const [done] = w.states('pop3.done');
    expect(done).toMatchObject({ node: 'client', data: { user: 'bob', messages: 2, octets: MESSAGES[0]!.length + MESSAGES[1]!.length, kept: false } });
    const metric = w.metrics().find((m) => m.name === 'mailboxReadTime')!;
    expect(metric.node).toBe('client');
    // connect (one round trip, 20 ms) + greeting (10 ms one way) + 9 command/response round trips: at least 0.12 s
    expect(metric.value).toBeGreaterThan(0.12);
    expect(metric.value).toBeCloseTo((done!.at - ms(1)) / 1e9, 9);
  });

  it('download-and-keep: no DELE, the mailbox stays whole, and a second reading gets the same messages', () => {
    const { w, store } = world();
    read(w, true);
    read(w, true, 'hungry', ms(2000));
    w.run();
    expect(w.messages().filter((m) => m.summary.startsWith('DELE'))).toEqual([]);
    expect(store.folder('bob')!.messages).toHaveLength(2);
    expect(w.states('pop3.done').map((s) => s.data['messages'])).toEqual([2, 2]);
    expect(w.states('pop3.deleted')).toEqual([]);
  });

  it('a wrong password: the server refuses, the client reports it and QUITs, nothing changes', () => {
    const { w, store } = world();
    read(w, false, 'wrong');
    w.run();
    expect(w.states('pop3.loginFailed')[0]).toMatchObject({ node: 'mail', data: { user: 'bob', reason: 'bad-password' } });
    expect(w.states('pop3.failed')[0]).toMatchObject({ node: 'client', data: { user: 'bob', reason: 'PASS refused: -ERR invalid user name or password' } });
    expect(w.messages().map((m) => m.summary).slice(-2)).toEqual(['QUIT', '+OK POP3 server signing off']);
    expect(w.states('pop3.done')).toEqual([]);
    expect(store.folder('bob')!.messages).toHaveLength(2);
    expect(store.lock('bob')).toBe(true);
  });

  it('two readers at once: the second is refused by the lock (§8)', () => {
    const { w } = world();
    read(w, false);
    read(w, false, 'hungry', ms(2));
    w.run();
    expect(w.states('pop3.loginFailed').map((s) => s.data['reason'])).toEqual(['locked']);
    expect(w.states('pop3.done')).toHaveLength(1);
    expect(w.states('pop3.failed')[0]!.data['reason']).toBe('PASS refused: -ERR maildrop already locked');
  });

  it('an empty mailbox: STAT says 0, the client QUITs at once', () => {
    const w = new TestWorld({ hosts: { client: '10.0.0.1', mail: '10.0.0.25' } });
    w.drive('mail', pop3(new Pop3ServerEngine(w.env('mail'), new MailStore('example.com', [{ user: 'bob', password: 'hungry' }]), { port: 110 })));
    read(w, false);
    w.run();
    expect(w.messages().map((m) => m.summary).slice(-3)).toEqual(['+OK 0 0', 'QUIT', '+OK POP3 server signing off (maildrop empty)']);
    expect(w.states('pop3.done')[0]!.data['messages']).toBe(0);
  });

  it('nobody listening: the client reports the failure', () => {
    const w = new TestWorld({ hosts: { client: '10.0.0.1', mail: '10.0.0.25' } });
    read(w, false);
    w.run();
    expect(w.states('pop3.failed')).toHaveLength(1);
  });
});

describe('the POP3 user agent on its own (sans-I/O)', () => {
  it('never throws on whatever a server sends, and ends exactly once (done or failed)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.constantFrom(...['+OK hi\r\n', '+OK 2 30\r\n', '+OK\r\n1 10\r\n2 20\r\n.\r\n', '-ERR no\r\n', '.\r\n', '..x\r\n'].map(ascii))), { maxLength: 12 }), (pieces) => {
        let next = 1;
        const client = new Pop3ClientEngine({ socketId: () => next++, random32: () => 0 });
        client.handleCommand({ server: { addr: 1, port: 110 }, user: 'bob', password: 'pw', keep: false }, 0);
        client.handleStream({ type: 'connected', socket: 1, connection: 'c' }, 1);
        for (const data of pieces) client.handleStream({ type: 'data', socket: 1, data, messages: [], connection: 'c' }, 2);
        client.handleStream({ type: 'peerClosed', socket: 1, connection: 'c' }, 3);
        client.handleStream({ type: 'closed', socket: 1, reason: 'closed', connection: 'c' }, 4);
        const ends: string[] = [];
        for (let e = client.pollEvent(); e; e = client.pollEvent()) if (e.type === 'pop3.done' || e.type === 'pop3.failed') ends.push(e.type);
        while (client.pollTransmit());
        expect(ends).toHaveLength(1);
      }),
    );
  });
});
