// The IMAP client engine against the server engine in the test world: a user agent reads bob's INBOX.
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../engine/face';
import { TestWorld } from '../../host/world.test-helper';
import { ImapClientEngine } from './client';
import { PROTOCOL, type ImapEvent } from './events';
import { reportImap } from './report';
import { ImapServerEngine } from './server';
import { filledStore, MESSAGE_1, MESSAGE_2 } from './test-session.test-helper';

const imap = <C>(engine: Engine<ImapEvent, C>) => ({ engine, protocol: PROTOCOL, name: 'test', report: reportImap });

function world(password = 'pw', deleteAfter = false, folder = 'INBOX') {
  const w = new TestWorld({ hosts: { client: '10.0.0.1', server: '10.0.0.2' } });
  const store = filledStore();
  w.drive('server', imap(new ImapServerEngine(w.env('server'), { port: 143, store })));
  w.at(0, () => w.drive('client', imap(new ImapClientEngine(w.env('client')))).command({ server: { addr: w.address('server'), port: 143 }, user: 'bob', password, folder, deleteAfter }));
  w.run();
  return { w, store };
}

describe('the IMAP client', () => {
  it('logs in, selects INBOX, fetches envelopes then bodies, logs out', () => {
    const { w } = world();
    const commands = w.messages().filter((m) => m.from === 'client').map((m) => m.summary);
    expect(commands).toEqual(['A1 LOGIN "bob" ••••', 'A2 SELECT "INBOX"', 'A3 FETCH 1:* (UID FLAGS RFC822.SIZE ENVELOPE)', 'A4 FETCH 1:* (UID BODY[])', 'A5 LOGOUT']);
    expect(w.messages().filter((m) => m.from === 'server').map((m) => m.summary)).toContain('A2 OK [READ-WRITE] SELECT completed');
    expect(w.states('imap.messageRead').map((s) => s.data)).toEqual([
      { uid: 1, size: MESSAGE_1.length, subject: 'Hello', flags: ['\\Seen'] },
      { uid: 2, size: MESSAGE_2.length, subject: 'Lunch', flags: ['\\Seen'] },
    ]);
    const [done] = w.states('imap.mailboxRead');
    expect(done).toMatchObject({ node: 'client', data: { user: 'bob', folder: 'INBOX', messages: 2, bytes: MESSAGE_1.length + MESSAGE_2.length, deleted: 0 } });
    expect(w.metrics().find((m) => m.name === 'mailboxReadTime')!.value).toBeGreaterThan(0);
    expect(w.states('imap.fetched').at(-1)!.data).toMatchObject({ seen: [1, 2] });
  });

  it('deletes after reading: STORE +FLAGS.SILENT (\\Deleted), EXPUNGE', () => {
    const { w, store } = world('pw', true);
    expect(w.messages().filter((m) => m.from === 'client').map((m) => m.summary).slice(4)).toEqual(['A5 STORE 1:* +FLAGS.SILENT (\\Deleted)', 'A6 EXPUNGE', 'A7 LOGOUT']);
    expect(store.folder('bob')!.messages).toEqual([]);
    expect(w.states('imap.mailboxRead')[0]!.data).toMatchObject({ deleted: 2 });
  });

  it('reports a missing folder and logs out', () => {
    const { w } = world('pw', false, 'Nowhere');
    expect(w.states('imap.readFailed')[0]!.data).toEqual({ reason: 'SELECT refused: NO [NONEXISTENT] no mailbox Nowhere' });
    expect(w.messages().filter((m) => m.from === 'client').map((m) => m.summary)).toEqual(['A1 LOGIN "bob" ••••', 'A2 SELECT "Nowhere"', 'A3 LOGOUT']);
  });

  it('reports a refused login and logs out', () => {
    const { w } = world('wrong');
    expect(w.states('imap.readFailed')[0]!.data).toEqual({ reason: 'LOGIN refused: NO [AUTHENTICATIONFAILED] invalid credentials' });
    expect(w.states('imap.loginFailed')).toHaveLength(1);
    expect(w.states('imap.mailboxRead')).toHaveLength(0);
  });
});
