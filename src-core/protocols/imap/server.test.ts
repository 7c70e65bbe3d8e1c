// The IMAP server engine through whole sessions, sans-I/O: bytes in, bytes out.
import { describe, expect, it } from 'vitest';
import { DELETED, SEEN } from '../mail/mail-store';
import { Harness, MESSAGE_1, MESSAGE_2 } from './test-session.test-helper';
import { MIN_AUTOLOGOUT } from './server';

function loggedIn(): Harness {
  const h = new Harness();
  h.drain();
  h.send('A1 LOGIN bob pw\r\n');
  return h;
}

function selected(): Harness {
  const h = loggedIn();
  h.send('A2 SELECT INBOX\r\n');
  return h;
}

describe('the IMAP server', () => {
  it('greets with its capabilities, logs in, lists, selects', () => {
    const h = new Harness();
    expect(h.drain()).toBe('* OK [CAPABILITY IMAP4rev2 IMAP4rev1] L7 Lab IMAP4rev2 server ready\r\n');
    expect(h.send('a CAPABILITY\r\n')).toBe('* CAPABILITY IMAP4rev2 IMAP4rev1\r\na OK CAPABILITY completed\r\n');
    expect(h.send('A1 LOGIN bob pw\r\n')).toBe('A1 OK [CAPABILITY IMAP4rev2 IMAP4rev1] LOGIN completed\r\n');
    expect(h.send('A2 LIST "" "*"\r\n')).toBe('* LIST (\\HasNoChildren) "/" "INBOX"\r\nA2 OK LIST completed\r\n');
    expect(h.send('A3 SELECT inbox\r\n')).toBe(
      [
        '* 2 EXISTS',
        '* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)',
        '* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] flags permitted',
        '* OK [UIDVALIDITY 1] UIDs valid',
        '* OK [UIDNEXT 3] predicted next UID',
        '* LIST () "/" "INBOX"',
        'A3 OK [READ-WRITE] SELECT completed',
        '',
      ].join('\r\n'),
    );
    expect(h.types()).toEqual(['imap.loggedIn', 'imap.selected']);
  });

  it('refuses a wrong password and an unknown user with NO [AUTHENTICATIONFAILED]', () => {
    const h = new Harness();
    h.drain();
    expect(h.send('A1 LOGIN bob nope\r\n')).toBe('A1 NO [AUTHENTICATIONFAILED] invalid credentials\r\n');
    expect(h.send('A2 LOGIN "zed" "pw"\r\n')).toBe('A2 NO [AUTHENTICATIONFAILED] invalid credentials\r\n');
    expect(h.events).toMatchObject([{ type: 'imap.loginFailed', user: 'bob', reason: 'wrong password' }, { type: 'imap.loginFailed', user: 'zed', reason: 'no such user' }]);
  });

  it('fetches envelopes, sizes and bodies; BODY[] sets \\Seen, BODY.PEEK[] does not', () => {
    const h = selected();
    const env = h.send('A3 FETCH 1 (UID RFC822.SIZE ENVELOPE)\r\n');
    expect(env).toBe(
      `* 1 FETCH (UID 1 RFC822.SIZE ${MESSAGE_1.length} ENVELOPE ("Mon, 7 Dec 2026 10:00:00 +0000" "Hello" (("Alice Example" NIL "alice" "example.org")) (("Alice Example" NIL "alice" "example.org")) (("Alice Example" NIL "alice" "example.org")) ((NIL NIL "bob" "example.com")) NIL NIL NIL "<1@example.org>"))\r\nA3 OK FETCH completed\r\n`,
    );
    expect(h.send('A4 FETCH 2 ENVELOPE\r\n')).toContain('(("Carol, C." NIL "carol" "example.net")) (("Carol, C." NIL "carol" "example.net")) (("Carol, C." NIL "carol" "example.net")) (("Bob" NIL "bob" "example.com")(NIL NIL "dave" "example.com"))');
    expect(h.send('A5 FETCH 1 BODY.PEEK[]\r\n')).toBe(`* 1 FETCH (BODY[] {${MESSAGE_1.length}}\r\n${MESSAGE_1})\r\nA5 OK FETCH completed\r\n`);
    expect(h.store.folder('bob')!.messages[0]!.flags.has(SEEN)).toBe(false);
    expect(h.send('A6 FETCH 1 BODY[TEXT]\r\n')).toBe('* 1 FETCH (BODY[TEXT] {19}\r\nHi Bob,\r\nsee you.\r\n FLAGS (\\Seen))\r\nA6 OK FETCH completed\r\n');
    expect(h.store.folder('bob')!.messages[0]!.flags.has(SEEN)).toBe(true);
    expect(h.send('A7 UID FETCH 2 (BODY.PEEK[HEADER.FIELDS (Subject)])\r\n')).toBe('* 2 FETCH (UID 2 BODY[HEADER.FIELDS (SUBJECT)] {18}\r\nSubject: Lunch\r\n\r\n)\r\nA7 OK UID FETCH completed\r\n');
    expect(h.send('A8 FETCH 2 BODYSTRUCTURE\r\n')).toBe('* 2 FETCH (BODYSTRUCTURE ("TEXT" "PLAIN" ("CHARSET" "utf-8") NIL NIL "7BIT" 7 1))\r\nA8 OK FETCH completed\r\n');
    expect(h.send('A9 FETCH 1:* (FLAGS)\r\n')).toBe('* 1 FETCH (FLAGS (\\Seen))\r\n* 2 FETCH (FLAGS ())\r\nA9 OK FETCH completed\r\n');
  });

  it('stores flags and expunges, numbering each EXPUNGE as it was at its removal', () => {
    const h = selected();
    h.store.folder('bob')!.append(new TextEncoder().encode('Subject: 3\r\n\r\nx\r\n'), 3);
    expect(h.send('A3 STORE 1:2 +FLAGS (\\Deleted)\r\n')).toBe('* 1 FETCH (FLAGS (\\Deleted))\r\n* 2 FETCH (FLAGS (\\Deleted))\r\nA3 OK STORE completed\r\n');
    expect(h.send('A4 UID STORE 3 +FLAGS.SILENT (\\Seen)\r\n')).toBe('A4 OK UID STORE completed\r\n');
    expect(h.send('A5 STORE 2 -FLAGS \\Deleted\r\n')).toBe('* 2 FETCH (FLAGS ())\r\nA5 OK STORE completed\r\n');
    expect(h.send('A6 STORE 2 FLAGS (\\Deleted \\Seen)\r\n')).toBe('* 2 FETCH (FLAGS (\\Deleted \\Seen))\r\nA6 OK STORE completed\r\n');
    expect(h.send('A7 EXPUNGE\r\n')).toBe('* 1 EXPUNGE\r\n* 1 EXPUNGE\r\nA7 OK EXPUNGE completed\r\n');
    expect(h.store.folder('bob')!.messages.map((m) => m.uid)).toEqual([3]);
    expect(h.events.filter((e) => e.type === 'imap.expunged')).toMatchObject([{ uids: [1, 2], numbers: [1, 1] }]);
    expect(h.events.filter((e) => e.type === 'imap.flagsChanged').length).toBe(5);
    expect(h.send('A8 SEARCH ALL\r\n')).toBe('* SEARCH 1\r\nA8 OK SEARCH completed\r\n');
    expect(h.send('A9 CLOSE\r\n')).toBe('A9 OK CLOSE completed\r\n');
  });

  it('EXAMINE is read-only: BODY[] sets no flag, STORE and EXPUNGE are NO', () => {
    const h = loggedIn();
    expect(h.send('A2 EXAMINE INBOX\r\n')).toContain('A2 OK [READ-ONLY] EXAMINE completed\r\n');
    h.send('A3 FETCH 1 BODY[]\r\n');
    expect(h.store.folder('bob')!.messages[0]!.flags.size).toBe(0);
    expect(h.send(`A4 STORE 1 +FLAGS (${DELETED})\r\n`)).toBe('A4 NO [READ-ONLY] the mailbox is read-only\r\n');
  });

  it('answers a bad tag with * BAD, an unknown command and a wrong state with tag BAD, and goes on', () => {
    const h = new Harness();
    h.drain();
    expect(h.send('+x NOOP\r\n')).toBe('* BAD "+x" is not a tag\r\n');
    expect(h.send('\r\n')).toBe('* BAD a command with no tag\r\n');
    expect(h.send('A1 FROB\r\n')).toBe('A1 BAD unknown command FROB\r\n');
    expect(h.send('A2 SELECT INBOX\r\n')).toBe('A2 BAD SELECT needs a login first\r\n');
    expect(h.send('A3 LOGIN "bob\r\n')).toBe('A3 BAD a quoted string with no closing quote\r\n');
    expect(h.send('A4 LOGIN bob pw\r\n')).toContain('A4 OK');
    expect(h.send('A5 FETCH 1 FLAGS\r\n')).toBe('A5 BAD FETCH needs a selected mailbox\r\n');
    expect(h.send('A6 LOGIN bob pw\r\n')).toBe('A6 BAD LOGIN is valid only before login\r\n');
    h.send('A7 SELECT INBOX\r\n');
    expect(h.send('A8 FETCH 9 FLAGS\r\n')).toBe('A8 BAD no message has that number\r\n');
    expect(h.send('A9 FETCH 1 (FLAGS BOGUS)\r\n')).toBe('A9 BAD unknown FETCH item BOGUS\r\n');
    expect(h.types().filter((t) => t === 'imap.bad').length).toBe(9);
  });

  it('asks for a synchronizing literal with "+ ", reads it across chunks, refuses {n+}', () => {
    const h = new Harness();
    h.drain();
    expect(h.send('A1 LOGIN {3}\r\n')).toBe('+ ready for literal data\r\n');
    expect(h.send('bo')).toBe('');
    expect(h.send('b {2}\r\n')).toBe('+ ready for literal data\r\n');
    expect(h.send('pw\r\n')).toContain('A1 OK');
    const g = new Harness();
    g.drain();
    expect(g.send('A1 LOGIN {3+}\r\nbob pw\r\n')).toBe('A1 BAD LITERAL+ ({n+}) is not offered: use {n}\r\n');
  });

  it('refuses an over-long line and closes', () => {
    const h = new Harness();
    h.drain();
    expect(h.send(`A1 NOOP ${'x'.repeat(9000)}\r\n`)).toBe('* BAD a line longer than 8192 bytes\r\n* BYE closing: the limits were broken\r\n');
    expect(h.closed).toBe(true);
  });

  it('creates a folder, lists it, reports STATUS, and refuses a missing one', () => {
    const h = loggedIn();
    expect(h.send('A2 CREATE Archive\r\n')).toBe('A2 OK CREATE completed\r\n');
    expect(h.send('A3 CREATE Archive\r\n')).toBe('A3 NO [ALREADYEXISTS] Archive exists\r\n');
    expect(h.send('A4 LIST "" *\r\n')).toBe('* LIST (\\HasNoChildren) "/" "INBOX"\r\n* LIST (\\HasNoChildren) "/" "Archive"\r\nA4 OK LIST completed\r\n');
    expect(h.send('A5 STATUS INBOX (MESSAGES UNSEEN UIDNEXT)\r\n')).toBe('* STATUS "INBOX" (MESSAGES 2 UNSEEN 2 UIDNEXT 3)\r\nA5 OK STATUS completed\r\n');
    expect(h.send('A6 SELECT Nowhere\r\n')).toBe('A6 NO [NONEXISTENT] no mailbox Nowhere\r\n');
    expect(h.send('A7 FETCH 1 FLAGS\r\n')).toBe('A7 BAD FETCH needs a selected mailbox\r\n');
    expect(h.events.filter((e) => e.type === 'imap.created')).toMatchObject([{ user: 'bob', folder: 'Archive' }]);
  });

  it('logs out with BYE then OK, and closes', () => {
    const h = loggedIn();
    expect(h.send('A2 LOGOUT\r\n')).toBe('* BYE logging out\r\nA2 OK LOGOUT completed\r\n');
    expect(h.closed).toBe(true);
    expect(h.events.at(-1)).toMatchObject({ type: 'imap.loggedOut', user: 'bob' });
  });

  it('logs out a connection idle for the autologout time (at least 30 minutes, RFC 9051 §5.4)', () => {
    const h = loggedIn();
    expect(h.engine.pollTimeout()).toEqual({ at: MIN_AUTOLOGOUT, weak: true });
    h.engine.handleTimeout(MIN_AUTOLOGOUT);
    expect(h.drain()).toBe('* BYE autologout: idle too long\r\n');
    expect(h.closed).toBe(true);
    expect(h.events.at(-1)).toMatchObject({ type: 'imap.autologout', idle: MIN_AUTOLOGOUT });
    expect(MESSAGE_2.length).toBeGreaterThan(0);
  });
});
