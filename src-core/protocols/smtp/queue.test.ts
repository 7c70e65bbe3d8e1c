// The outgoing queue of Alice's mail server (crepes.fr) relaying to Bob's
// (hamburger.edu) in the test world: relayed at once; to the next MX when
// the first is down; deferred and retried with back-off while Bob's server
// is down, delivered once it is up; a bounce for an unknown user and for
// retries run out; a bounce is never bounced.
import { describe, expect, it } from 'vitest';
import { TestWorld } from '../../host/world.test-helper';
import { parseIpv4 } from '../../net/ipv4';
import { ms } from '../../sim/time';
import { MailStore } from '../mail/mail-store';
import { PROTOCOL } from './events';
import { SmtpQueue, type QueueCommand } from './queue';
import { reportSmtp } from './report';
import { SmtpServerEngine } from './server';
import { statusOf } from './dsn';
import { CONNECT_TIMEOUT_MS } from './constants';

const MESSAGE = new TextEncoder().encode('From: alice@crepes.fr\r\nTo: bob@hamburger.edu\r\nSubject: lunch\r\n\r\nketchup?\r\n');

function world(bobUpAt: number | null = 0, hosts = ['mail.hamburger.edu'], switchedOff = false) {
  const w = new TestWorld({ hosts: { crepes: '10.0.1.25', backup: '10.0.2.26', hamburger: '10.0.2.25' } });
  const aliceStore = new MailStore('crepes.fr', [{ user: 'alice', password: 'pw' }]);
  const bobStore = new MailStore('hamburger.edu', [{ user: 'bob', password: 'b' }]);
  const startBob = () => w.drive('hamburger', { engine: new SmtpServerEngine(w.env('hamburger'), bobStore, { port: 25, submissionPort: null, hostName: 'mail.hamburger.edu' }), protocol: PROTOCOL, name: 'SMTP server', report: reportSmtp });
  if (bobUpAt === 0) startBob();
  else if (bobUpAt !== null) w.at(ms(bobUpAt), startBob);
  const queue = w.drive('crepes', { engine: new SmtpQueue(w.env('crepes'), aliceStore, { hostName: 'mail.crepes.fr', retry: ms(60_000), maxAttempts: 3 }), protocol: PROTOCOL, name: 'SMTP queue', report: reportSmtp });
  // switched off: an address no host has, where every SYN is lost unanswered
  const relayHosts = hosts.map((name, i) => ({ name, preference: 10 * (i + 1), address: switchedOff ? parseIpv4('10.0.9.99')! : name === 'mail.hamburger.edu' ? w.address('hamburger') : w.address('backup') }));
  const send = (c: Omit<Extract<QueueCommand, { kind: 'enqueue' }>, 'kind' | 'cause'>) => {
    queue.command({ kind: 'enqueue', cause: null, ...c });
    queue.command({ kind: 'resolved', domain: 'hamburger.edu', hosts: relayHosts, permanent: false, reason: '' });
  };
  return { w, aliceStore, bobStore, send };
}

const summaries = (w: TestWorld, prefix: string) => w.states().filter((s) => s.type.startsWith(prefix)).map((s) => s.summary);

describe('the outgoing queue', () => {
  it('relays a message to the domain\'s server, which puts it in Bob\'s INBOX', () => {
    const { w, bobStore, send } = world();
    send({ id: '000001', from: 'alice@crepes.fr', to: ['bob@hamburger.edu'], message: MESSAGE });
    w.run();
    expect(summaries(w, 'smtp.')).toEqual([
      'queue: message 000001 waits for bob@hamburger.edu (hamburger.edu)',
      'queue: message 000001, attempt 1: connecting to mail.hamburger.edu (10.0.2.25)',
      expect.stringMatching(/^message 000001 from <alice@crepes\.fr> accepted/),
      expect.stringMatching(/^message 000001 put in bob's INBOX/),
      'queue: message 000001 relayed to mail.hamburger.edu for bob@hamburger.edu',
    ]);
    expect(new TextDecoder().decode(bobStore.folder('bob')!.messages[0]!.bytes)).toMatch(/^Received: from mail\.crepes\.fr \(\[10\.0\.1\.25\]\)[\s\S]*\r\nFrom: alice@crepes\.fr\r\n/);
    const dialogue = w.messages().filter((m) => m.from === 'crepes').map((m) => m.summary);
    expect(dialogue).toEqual(['EHLO mail.crepes.fr', 'MAIL FROM:<alice@crepes.fr>', 'RCPT TO:<bob@hamburger.edu>', 'DATA', '(message 000001, 74 bytes, then ".")', 'QUIT']);
  });

  it('goes to the next MX when the first cannot be reached', () => {
    const { w, bobStore, send } = world(0, ['mx-down.hamburger.edu', 'mail.hamburger.edu']);
    send({ id: '000001', from: 'alice@crepes.fr', to: ['bob@hamburger.edu'], message: MESSAGE });
    w.run();
    expect(summaries(w, 'smtp.relay')).toEqual([
      'queue: message 000001, attempt 1: connecting to mx-down.hamburger.edu (10.0.2.26)',
      'queue: message 000001, attempt 1: connecting to mail.hamburger.edu (10.0.2.25)',
      'queue: message 000001 relayed to mail.hamburger.edu for bob@hamburger.edu',
    ]);
    expect(bobStore.folder('bob')!.messages).toHaveLength(1);
  });

  it('keeps the message while Bob\'s server is down, retries after 60 s, then 120 s, and delivers once it is up', () => {
    const { w, bobStore, send } = world(150_000);
    send({ id: '000001', from: 'alice@crepes.fr', to: ['bob@hamburger.edu'], message: MESSAGE });
    w.run();
    const deferred = w.states('smtp.deferred').map((s) => [s.data['attempt'], s.data['retryAt']]);
    expect(deferred).toEqual([
      [1, expect.closeTo(60, 0)],
      [2, expect.closeTo(180, 0)],
    ]);
    expect(w.states('smtp.relayAttempt').map((s) => s.data['attempt'])).toEqual([1, 2, 3]);
    expect(bobStore.folder('bob')!.messages).toHaveLength(1);
    expect(w.states('smtp.relayed')[0]!.at).toBeGreaterThan(ms(180_000));
  });

  it('bounces to the sender\'s INBOX when retries run out (4.4.7), and for an unknown user (5.1.1)', () => {
    const gaveUp = world(null);
    gaveUp.send({ id: '000001', from: 'alice@crepes.fr', to: ['bob@hamburger.edu'], message: MESSAGE });
    gaveUp.w.run();
    expect(gaveUp.w.states('smtp.relayAttempt')).toHaveLength(3);
    const [bounce] = gaveUp.aliceStore.folder('alice')!.messages;
    const text = new TextDecoder().decode(bounce!.bytes);
    expect(text).toMatch(/^From: Mail Delivery System <MAILER-DAEMON@crepes\.fr>\r\nTo: <alice@crepes\.fr>\r\nSubject: Undelivered Mail Returned to Sender\r\n/);
    expect(text).toContain('Content-Type: multipart/report; report-type=delivery-status;');
    expect(text).toContain('Final-Recipient: rfc822; bob@hamburger.edu\r\nAction: failed\r\nStatus: 4.4.7\r\n');
    expect(text).toContain('Content-Type: text/rfc822-headers\r\n\r\nFrom: alice@crepes.fr\r\nTo: bob@hamburger.edu\r\nSubject: lunch\r\n');

    const unknown = world();
    unknown.send({ id: '000002', from: 'alice@crepes.fr', to: ['carol@hamburger.edu'], message: MESSAGE });
    unknown.w.run();
    expect(unknown.w.states('smtp.bounced').map((s) => s.data)).toEqual([{ id: '000002', to: ['carol@hamburger.edu'], reason: '550 5.1.1 <carol@hamburger.edu>: no such user here', toSender: 'alice@crepes.fr' }]);
    const dsn = new TextDecoder().decode(unknown.aliceStore.folder('alice')!.messages[0]!.bytes);
    expect(dsn).toContain('Status: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 <carol@hamburger.edu>: no such user here\r\n');
  });

  it('never bounces a bounce (RFC 5321 §4.5.5)', () => {
    const { w, aliceStore, send } = world();
    send({ id: '000003-dsn', from: '', to: ['carol@hamburger.edu'], message: MESSAGE });
    w.run();
    expect(w.states('smtp.bounced').map((s) => s.data['toSender'])).toEqual([null]);
    expect(aliceStore.folder('alice')!.messages).toHaveLength(0);
    expect(w.messages().filter((m) => m.from === 'crepes').map((m) => m.summary)[1]).toBe('MAIL FROM:<>');
  });

  it('takes the status from the reply\'s enhanced code', () => {
    expect(statusOf({ to: 'x', reply: '552 5.3.4 too big', expired: false })).toBe('5.3.4');
    expect(statusOf({ to: 'x', reply: 'refused', expired: false })).toBe('5.0.0');
  });

  it('sends messages for one domain due at the same moment over one connection, each its own transaction (RFC 5321 §3.3)', () => {
    const { w, bobStore, send } = world();
    send({ id: '000001', from: 'alice@crepes.fr', to: ['bob@hamburger.edu'], message: MESSAGE });
    send({ id: '000002', from: 'alice@crepes.fr', to: ['bob@hamburger.edu'], message: MESSAGE });
    w.run();
    const fromCrepes = w.messages().filter((m) => m.from === 'crepes');
    expect(new Set(fromCrepes.map((m) => m.connection)).size).toBe(1);
    expect(fromCrepes.map((m) => m.summary)).toEqual(['EHLO mail.crepes.fr', 'MAIL FROM:<alice@crepes.fr>', 'RCPT TO:<bob@hamburger.edu>', 'DATA', '(message 000001, 74 bytes, then ".")', 'MAIL FROM:<alice@crepes.fr>', 'RCPT TO:<bob@hamburger.edu>', 'DATA', '(message 000002, 74 bytes, then ".")', 'QUIT']);
    expect(summaries(w, 'smtp.relay')).toEqual([
      'queue: message 000001, attempt 1: connecting to mail.hamburger.edu (10.0.2.25)',
      'queue: message 000002, attempt 1: on the connection of message 000001 to mail.hamburger.edu (10.0.2.25)',
      'queue: message 000001 relayed to mail.hamburger.edu for bob@hamburger.edu',
      'queue: message 000002 relayed to mail.hamburger.edu for bob@hamburger.edu',
    ]);
    expect(bobStore.folder('bob')!.messages).toHaveLength(2);
  });

  it('puts a message queued while another is on its way on that connection, and one queued after its QUIT on a new one', () => {
    const { w, send } = world();
    send({ id: '000001', from: 'alice@crepes.fr', to: ['bob@hamburger.edu'], message: MESSAGE });
    // RTT 20 ms: the connection opens at 20 ms, the first data goes at 100 ms, QUIT at 120 ms
    w.at(ms(50), () => send({ id: '000002', from: 'alice@crepes.fr', to: ['bob@hamburger.edu'], message: MESSAGE }));
    w.at(ms(1000), () => send({ id: '000003', from: 'alice@crepes.fr', to: ['bob@hamburger.edu'], message: MESSAGE }));
    w.run();
    const mails = w.messages().filter((m) => m.from === 'crepes' && m.summary.startsWith('(message'));
    const [first, second, third] = mails.map((m) => m.connection);
    expect(mails).toHaveLength(3);
    expect(second).toBe(first);
    expect(third).not.toBe(first);
    expect(w.states('smtp.relayAttempt').map((s) => s.data['joins'] ?? null)).toEqual([null, '000001', null]);
  });

  it('gives up a connection whose SYN is never answered after the connect timeout, and retries retryMs later', () => {
    const { w, send } = world(0, ['mail.hamburger.edu'], true);
    send({ id: '000001', from: 'alice@crepes.fr', to: ['bob@hamburger.edu'], message: MESSAGE });
    w.run();
    const [first, second] = w.states('smtp.deferred');
    expect(first!.at).toBe(ms(CONNECT_TIMEOUT_MS));
    expect(first!.data).toEqual({ id: '000001', to: ['bob@hamburger.edu'], reply: 'no connection to mail.hamburger.edu within 30 s', attempt: 1, retryAt: 90 });
    expect(w.states('smtp.relayAttempt').map((s) => s.at)).toEqual([0, ms(90_000), ms(90_000 + 30_000 + 120_000)]);
    expect(second!.data['retryAt']).toBe(90 + 30 + 120);
    // the SYN and its retransmissions (1, 2, 4, 8, 16 s apart: RFC 6298), then nothing more once given up
    const syns = w.messages('transport').filter((m) => m.from === 'crepes' && m.sentAt < ms(CONNECT_TIMEOUT_MS + 1000));
    expect(syns.map((m) => m.sentAt / 1e9)).toEqual([0, 1, 3, 7, 15]);
  });
});
