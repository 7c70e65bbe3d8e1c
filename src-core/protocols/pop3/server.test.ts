// The POP3 server engine driven directly (sans-I/O): a fake EngineEnv,
// stream events in, writes and events polled out, over a MailStore made
// here. Whole sessions as RFC 1939 §10 shows them.
import { describe, expect, it } from 'vitest';
import type { EngineEnv, EngineTransmit, StreamEvent } from '../../engine/face';
import { seconds } from '../../sim/time';
import { DELETED, MailStore } from '../mail/mail-store';
import { ascii, latin1 } from './codec';
import type { Pop3Event } from './events';
import { Pop3ServerEngine } from './server';

const MESSAGE_1 = 'From: alice@example.com\r\nSubject: Lunch\r\n\r\nAt noon?\r\n';
const MESSAGE_2 = 'From: carol@example.com\r\nSubject: Dots\r\n\r\n.line one\r\nline two\r\n';

function store(): MailStore {
  const s = new MailStore('example.com', [
    { user: 'bob', password: 'hungry' },
    { user: 'dave', password: 'pw' },
  ]);
  s.deliver('bob', ascii(MESSAGE_1), 0);
  s.deliver('bob', ascii(MESSAGE_2), 0);
  return s;
}

class Harness {
  readonly engine: Pop3ServerEngine;
  private next = 1;
  readonly writes = new Map<number, string[]>();
  readonly closed = new Set<number>();
  readonly events: Pop3Event[] = [];
  readonly labels: string[] = [];
  now = 0;

  constructor(readonly store: MailStore, autologout?: number) {
    const env: EngineEnv = { socketId: () => this.next++, random32: () => 4 };
    this.engine = new Pop3ServerEngine(env, store, autologout === undefined ? { port: 110 } : { port: 110, autologout });
    this.drain();
  }

  /** A new connection; returns its socket. */
  connect(): number {
    const socket = 100 + this.writes.size;
    this.writes.set(socket, []);
    this.feed({ type: 'accepted', socket, listener: 1, remote: { addr: 1, port: 5000 + socket }, connection: `c${socket}` });
    return socket;
  }

  /** Sends `text` on the connection; returns what the server wrote back to it (joined). */
  send(socket: number, text: string, messages: number[] = []): string {
    const before = this.writes.get(socket)!.length;
    this.feed({ type: 'data', socket, data: ascii(text), messages, connection: `c${socket}` });
    return this.writes.get(socket)!.slice(before).join('');
  }

  feed(e: StreamEvent): void {
    this.engine.handleStream(e, this.now);
    this.drain();
  }

  drain(): void {
    for (let t: EngineTransmit | null; (t = this.engine.pollTransmit()); ) {
      if (t.kind === 'write') {
        this.writes.get(t.socket)!.push(latin1(t.data));
        if (t.label) this.labels.push(t.label.summary);
      } else if (t.kind === 'close') this.closed.add(t.socket);
    }
    for (let e: Pop3Event | null; (e = this.engine.pollEvent()); ) this.events.push(e);
  }

  types(): string[] {
    return this.events.map((e) => e.type);
  }
}

function login(h: Harness, user = 'bob', password = 'hungry'): number {
  const s = h.connect();
  h.send(s, `USER ${user}\r\nPASS ${password}\r\n`);
  return s;
}

describe('the POP3 server engine', () => {
  it('greets, logs in, lists, retrieves, deletes and expunges at QUIT', () => {
    const h = new Harness(store());
    const s = h.connect();
    expect(h.writes.get(s)).toEqual(['+OK POP3 server ready\r\n']);
    expect(h.send(s, 'USER bob\r\n')).toBe('+OK bob is a valid mailbox\r\n');
    expect(h.send(s, 'PASS hungry\r\n')).toBe(`+OK maildrop has 2 messages (${MESSAGE_1.length + MESSAGE_2.length} octets)\r\n`);
    expect(h.send(s, 'STAT\r\n')).toBe(`+OK 2 ${MESSAGE_1.length + MESSAGE_2.length}\r\n`);
    expect(h.send(s, 'LIST\r\n')).toBe(`+OK 2 messages (${MESSAGE_1.length + MESSAGE_2.length} octets)\r\n1 ${MESSAGE_1.length}\r\n2 ${MESSAGE_2.length}\r\n.\r\n`);
    expect(h.send(s, 'list 2\r\n')).toBe(`+OK 2 ${MESSAGE_2.length}\r\n`);
    expect(h.send(s, 'UIDL\r\n')).toBe('+OK\r\n1 1\r\n2 2\r\n.\r\n');
    // byte-stuffed: the line ".line one" goes out as "..line one"
    expect(h.send(s, 'RETR 2\r\n')).toBe(`+OK ${MESSAGE_2.length} octets\r\n${MESSAGE_2.replace('\r\n.line', '\r\n..line')}.\r\n`);
    expect(h.send(s, 'TOP 1 0\r\n')).toBe('+OK top of message follows\r\nFrom: alice@example.com\r\nSubject: Lunch\r\n\r\n.\r\n');
    expect(h.send(s, 'DELE 1\r\n')).toBe('+OK message 1 deleted\r\n');
    expect(h.send(s, 'DELE 1\r\n')).toBe('-ERR message 1 already deleted\r\n');
    expect(h.send(s, 'RETR 1\r\n')).toBe('-ERR message 1 already deleted\r\n');
    expect(h.send(s, 'STAT\r\n')).toBe(`+OK 1 ${MESSAGE_2.length}\r\n`);
    expect(h.send(s, 'NOOP\r\n')).toBe('+OK\r\n');
    // nothing is gone before UPDATE
    expect(h.store.folder('bob')!.messages).toHaveLength(2);
    expect(h.send(s, 'QUIT\r\n')).toBe('+OK POP3 server signing off (1 message left)\r\n');
    expect(h.closed.has(s)).toBe(true);
    expect(h.store.folder('bob')!.messages.map((m) => latin1(m.bytes))).toEqual([MESSAGE_2]);
    expect(h.types()).toEqual(['pop3.loggedIn', 'pop3.retrieved', 'pop3.retrieved', 'pop3.marked', 'pop3.error', 'pop3.error', 'pop3.deleted']);
    expect(h.events.at(-1)).toMatchObject({ user: 'bob', numbers: [1], uids: [1], left: 1 });
    // the lock is released: bob can log in again, and sees one message
    const again = login(h);
    expect(h.writes.get(again)!.at(-1)).toBe(`+OK maildrop has 1 message (${MESSAGE_2.length} octets)\r\n`);
  });

  it('RSET unmarks, so QUIT deletes nothing', () => {
    const h = new Harness(store());
    const s = login(h);
    h.send(s, 'DELE 1\r\nDELE 2\r\n');
    expect(h.send(s, 'RSET\r\n')).toMatch(/^\+OK maildrop has 2 messages/);
    h.send(s, 'QUIT\r\n');
    expect(h.store.folder('bob')!.messages).toHaveLength(2);
    expect(h.types()).toContain('pop3.reset');
    expect(h.types()).not.toContain('pop3.deleted');
  });

  it('leaves messages another session flagged \\Deleted as they were', () => {
    const h = new Harness(store());
    h.store.folder('bob')!.messages[1]!.flags.add(DELETED);
    const s = login(h);
    h.send(s, 'DELE 1\r\nQUIT\r\n');
    const left = h.store.folder('bob')!.messages;
    expect(left.map((m) => m.uid)).toEqual([2]);
    expect(left[0]!.flags.has(DELETED)).toBe(true);
  });

  it('refuses a wrong password and an unknown user, and lets USER be tried again', () => {
    const h = new Harness(store());
    const s = h.connect();
    expect(h.send(s, 'USER bob\r\nPASS wrong\r\n')).toBe('+OK bob is a valid mailbox\r\n-ERR invalid user name or password\r\n');
    expect(h.send(s, 'USER mallory\r\n')).toBe('-ERR no mailbox for mallory here\r\n');
    expect(h.send(s, 'PASS hungry\r\n')).toBe('-ERR USER first\r\n');
    expect(h.send(s, 'USER BOB\r\nPASS hungry\r\n')).toMatch(/\+OK maildrop has 2 messages/);
    expect(h.events.filter((e) => e.type === 'pop3.loginFailed').map((e) => e.type === 'pop3.loginFailed' && e.reason)).toEqual(['bad-password', 'no-such-user']);
    expect(h.labels).not.toContain('PASS hungry');
  });

  it('holds the maildrop locked: a second session is refused while the first lasts (§8)', () => {
    const h = new Harness(store());
    const first = login(h);
    const second = h.connect();
    expect(h.send(second, 'USER bob\r\nPASS hungry\r\n')).toMatch(/-ERR maildrop already locked\r\n$/);
    expect(h.events.at(-1)).toMatchObject({ type: 'pop3.loginFailed', reason: 'locked' });
    // another user is not held up
    expect(h.send(second, 'USER dave\r\nPASS pw\r\n')).toMatch(/^\+OK dave.*\r\n\+OK maildrop has 0 messages/);
    h.send(first, 'QUIT\r\n');
    const third = login(h);
    expect(h.writes.get(third)!.at(-1)).toMatch(/^\+OK maildrop has 2/);
  });

  it('a connection that breaks without QUIT deletes nothing and releases the lock', () => {
    const h = new Harness(store());
    const s = login(h);
    h.send(s, 'DELE 1\r\nDELE 2\r\n');
    h.feed({ type: 'peerClosed', socket: s, connection: `c${s}` });
    h.feed({ type: 'closed', socket: s, reason: 'closed', connection: `c${s}` });
    expect(h.store.folder('bob')!.messages).toHaveLength(2);
    expect(h.events.at(-1)).toMatchObject({ type: 'pop3.aborted', user: 'bob', reason: 'connection-broken', discarded: 2 });
    expect(h.events.filter((e) => e.type === 'pop3.aborted')).toHaveLength(1);
    const again = login(h);
    expect(h.writes.get(again)!.at(-1)).toMatch(/^\+OK maildrop has 2/);
    // a reset (no FIN first) does the same
    h.feed({ type: 'closed', socket: again, reason: 'reset', connection: `c${again}` });
    expect(h.store.lock('bob')).toBe(true);
  });

  it('answers unknown and out-of-state commands and bad arguments with -ERR, traced', () => {
    const h = new Harness(store());
    const s = h.connect();
    expect(h.send(s, 'STAT\r\n')).toBe('-ERR STAT is not valid before login (AUTHORIZATION state)\r\n');
    expect(h.send(s, 'XYZZY\r\n')).toBe('-ERR unknown command\r\n');
    expect(h.send(s, 'HELO\r\n')).toBe('-ERR unknown command\r\n');
    expect(h.send(s, '\r\n')).toBe('-ERR unknown command\r\n');
    expect(h.send(s, '\x00\xff\x01\r\n')).toBe('-ERR unknown command\r\n');
    expect(h.send(s, 'USER\r\n')).toBe('-ERR USER takes 1 argument\r\n');
    h.send(s, 'USER bob\r\nPASS hungry\r\n');
    expect(h.send(s, 'USER bob\r\n')).toBe('-ERR USER is not valid after login (TRANSACTION state)\r\n');
    expect(h.send(s, 'RETR 0\r\n')).toBe('-ERR no such message, only 2 messages in maildrop\r\n');
    expect(h.send(s, 'RETR 3\r\n')).toBe('-ERR no such message, only 2 messages in maildrop\r\n');
    expect(h.send(s, 'RETR one\r\n')).toBe('-ERR one is not a message number\r\n');
    expect(h.send(s, 'TOP 1 x\r\n')).toBe('-ERR x is not a number of lines\r\n');
    expect(h.send(s, 'LIST 1 2\r\n')).toBe('-ERR LIST takes 0 or 1 arguments\r\n');
    expect(h.send(s, 'STAT\r\n')).toMatch(/^\+OK 2 /);
    const errors = h.events.filter((e) => e.type === 'pop3.error');
    expect(errors).toHaveLength(12);
    expect(errors[0]).toMatchObject({ command: 'STAT', state: 'authorization', reply: '-ERR STAT is not valid before login (AUTHORIZATION state)' });
  });

  it('answers an over-long line with "-ERR line too long" and reads on', () => {
    const h = new Harness(store());
    const s = h.connect();
    expect(h.send(s, `USER ${'b'.repeat(300)}\r\nNOOP\r\n`)).toBe('-ERR line too long\r\n-ERR NOOP is not valid before login (AUTHORIZATION state)\r\n');
    // cut anywhere, the same
    const t = h.connect();
    let out = '';
    for (const piece of [`USER ${'b'.repeat(150)}`, `${'b'.repeat(150)}\r`, '\nUSER bob\r\n']) out += h.send(t, piece);
    expect(out).toBe('-ERR line too long\r\n+OK bob is a valid mailbox\r\n');
    expect(h.events.filter((e) => e.type === 'pop3.error').map((e) => e.type === 'pop3.error' && e.reply)).toEqual(['-ERR line too long', '-ERR NOOP is not valid before login (AUTHORIZATION state)', '-ERR line too long']);
  });

  it('answers pipelined commands in order, each with the message it answers as its cause', () => {
    const h = new Harness(store());
    const s = h.connect();
    h.send(s, 'USER bob\r\nPASS hungry\r\nSTAT\r\n', [7, 8, 9]);
    expect(h.events[0]).toMatchObject({ type: 'pop3.loggedIn', cause: 8 });
    expect(h.labels).toEqual(['+OK POP3 server ready', '+OK bob is a valid mailbox', `+OK maildrop has 2 messages (${MESSAGE_1.length + MESSAGE_2.length} octets)`, `+OK 2 ${MESSAGE_1.length + MESSAGE_2.length}`]);
  });

  it('logs an idle session out after the autologout time, deleting nothing (§3)', () => {
    const h = new Harness(store());
    const s = login(h);
    h.send(s, 'DELE 1\r\n');
    expect(h.engine.pollTimeout()).toEqual({ at: seconds(600), weak: true });
    h.now = seconds(300);
    h.send(s, 'NOOP\r\n');
    expect(h.engine.pollTimeout()).toEqual({ at: seconds(900), weak: true });
    h.engine.handleTimeout(seconds(899));
    h.drain();
    expect(h.closed.has(s)).toBe(false);
    h.engine.handleTimeout(seconds(900));
    h.drain();
    expect(h.closed.has(s)).toBe(true);
    expect(h.events.at(-1)).toMatchObject({ type: 'pop3.aborted', reason: 'autologout', discarded: 1 });
    expect(h.store.folder('bob')!.messages).toHaveLength(2);
    expect(h.engine.pollTimeout()).toBeNull();
    expect(h.store.lock('bob')).toBe(true);
  });

  it('answers CAPA with what it speaks (RFC 2449)', () => {
    const h = new Harness(store());
    const s = h.connect();
    expect(h.send(s, 'CAPA\r\n')).toBe('+OK Capability list follows\r\nUSER\r\nTOP\r\nUIDL\r\n.\r\n');
  });

  it('a QUIT before login just says goodbye', () => {
    const h = new Harness(store());
    const s = h.connect();
    expect(h.send(s, 'QUIT\r\nNOOP\r\n')).toBe('+OK POP3 server signing off\r\n');
    expect(h.closed.has(s)).toBe(true);
    h.feed({ type: 'closed', socket: s, reason: 'closed', connection: `c${s}` });
    expect(h.events).toEqual([]);
  });
});
