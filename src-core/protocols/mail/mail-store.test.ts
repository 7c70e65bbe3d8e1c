import { describe, expect, it } from 'vitest';
import { HostSlots } from '../../host/host-slot';
import { DELETED, INBOX, MailStore, mailStoreOf, nodeMailStore, SEEN } from './mail-store';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('a mail server\'s mailboxes', () => {
  const store = () => new MailStore('example.com', [{ user: 'bob', password: 'hunter2' }, { user: 'Alice', password: 'pw' }]);

  it('knows its users without regard to case, and their addresses on its domain', () => {
    const s = store();
    expect(s.users).toEqual(['bob', 'Alice']);
    expect([s.hasUser('BOB'), s.hasUser('carol'), s.userNamed('alice')]).toEqual([true, false, 'Alice']);
    expect([s.isLocalAddress('bob@example.com'), s.isLocalAddress('Bob@EXAMPLE.com'), s.isLocalAddress('bob@elsewhere.org'), s.isLocalAddress('carol@example.com'), s.isLocalAddress('@example.com')]).toEqual([true, true, false, false, false]);
    expect([s.authenticate('bob', 'hunter2'), s.authenticate('bob', 'Hunter2'), s.authenticate('carol', 'x')]).toEqual([true, false, false]);
  });

  it('delivers into INBOX with ascending UIDs; folders have their own UIDs and validity', () => {
    const s = store();
    const a = s.deliver('bob', bytes('Subject: a\r\n\r\nA\r\n'), 5);
    const b = s.deliver('BOB', bytes('Subject: b\r\n\r\nB\r\n'), 6);
    expect([a?.uid, b?.uid, b?.arrived]).toEqual([1, 2, 6]);
    expect(s.deliver('carol', bytes('x'), 7)).toBeNull();
    expect(s.folder('bob', 'inbox')?.messages).toHaveLength(2);
    const sent = s.createFolder('bob', 'Sent');
    expect(sent?.uidValidity).not.toBe(s.folder('bob', INBOX)?.uidValidity);
    expect(s.createFolder('bob', 'Sent')).toBeNull();
    expect(s.createFolder('bob', 'Inbox')).toBeNull();
    expect(s.folders('bob')).toEqual(['INBOX', 'Sent']);
    expect(sent?.append(bytes('y'), 8, [SEEN]).uid).toBe(1);
  });

  it('expunges the \\Deleted messages, each sequence number as it was when removed (RFC 9051 §7.5.1)', () => {
    const s = store();
    for (let i = 0; i < 5; i++) s.deliver('bob', bytes(`m${i}`), i);
    const inbox = s.folder('bob')!;
    for (const i of [1, 2, 4]) inbox.messages[i]!.flags.add(DELETED);
    expect(inbox.expunge()).toEqual([2, 2, 3]);
    expect(inbox.messages.map((m) => m.uid)).toEqual([1, 4]);
    expect(inbox.uidNext).toBe(6);
  });

  it('lets one POP3 session at a time hold a maildrop (RFC 1939 §8)', () => {
    const s = store();
    expect([s.lock('bob'), s.lock('Bob'), s.lock('alice'), s.lock('carol')]).toEqual([true, false, true, false]);
    s.unlock('bob');
    expect(s.lock('bob')).toBe(true);
  });

  it('is one per node: made from the node\'s SMTP server by whoever asks first', () => {
    const slots = new HostSlots();
    const scenario = { nodes: [{ id: 'mail', services: [{ type: 'imap-server' }, { type: 'smtp-server', domain: 'example.com', accounts: [{ user: 'bob', password: 'pw' }] }] }] };
    const first = nodeMailStore({ slots, nodeId: 'mail', scenario });
    expect([first.domain, first.users]).toEqual(['example.com', ['bob']]);
    expect(nodeMailStore({ slots, nodeId: 'mail', scenario })).toBe(first);
    expect(mailStoreOf(slots, () => new MailStore('other', []))).toBe(first);
    expect(nodeMailStore({ slots: new HostSlots(), nodeId: 'mail', scenario: { nodes: [{ id: 'mail', services: [] }] } }).domain).toBe('localhost');
  });
});
