// The user agent's submission against the SMTP server engine in the test
// world: the dialogue of RFC 5321 Appendix D, one command per reply; AUTH
// PLAIN on the submission port; what the user agent hears of each recipient.
import { describe, expect, it } from 'vitest';
import { TestWorld } from '../../host/world.test-helper';
import { ms } from '../../sim/time';
import { MailStore } from '../mail/mail-store';
import { PROTOCOL } from './events';
import { reportSmtp } from './report';
import { SmtpServerEngine } from './server';
import { SmtpUserAgent } from './user-agent';

const message = (to: string[]) => new TextEncoder().encode(`From: alice@hamburger.edu\r\nTo: ${to.join(', ')}\r\nSubject: lunch\r\n\r\n.and ketchup?\r\n`);

function send(to: string[], port: number, auth: { user: string; password: string } | null) {
  const w = new TestWorld({ hosts: { alice: '10.0.0.1', mail: '10.0.0.25' } });
  const store = new MailStore('hamburger.edu', [{ user: 'bob', password: 'b' }, { user: 'alice', password: 'pw' }]);
  w.drive('mail', { engine: new SmtpServerEngine(w.env('mail'), store, { port: 25, submissionPort: 587, hostName: 'mail.hamburger.edu' }), protocol: PROTOCOL, name: 'SMTP server', report: reportSmtp });
  w.drive('alice', { engine: new SmtpUserAgent(w.env('alice')), protocol: PROTOCOL, name: 'mail user agent', report: reportSmtp }).command({ server: { addr: w.address('mail'), port }, hostName: 'alice-laptop', auth, message: { id: 'm1', from: 'alice@hamburger.edu', to, bytes: message(to) } });
  w.run();
  return { w, store };
}

describe('the user agent submitting to its mail server', () => {
  it('holds the dialogue one command at a time, with AUTH PLAIN on the submission port, and the server keeps the message as written', () => {
    const { w, store } = send(['bob@hamburger.edu'], 587, { user: 'alice', password: 'pw' });
    const fromAlice = w.messages().filter((m) => m.from === 'alice').map((m) => m.summary);
    expect(fromAlice).toEqual(['EHLO alice-laptop', 'AUTH PLAIN ••••', 'MAIL FROM:<alice@hamburger.edu>', 'RCPT TO:<bob@hamburger.edu>', 'DATA', '(message m1, 83 bytes, then ".")', 'QUIT']);
    const fromServer = w.messages().filter((m) => m.from === 'mail').map((m) => m.summary.slice(0, 3));
    expect(fromServer).toEqual(['220', '250', '235', '250', '250', '354', '250', '221']);
    const [done] = w.states('smtp.submitted');
    expect(done?.data['results']).toEqual([{ to: 'bob@hamburger.edu', outcome: 'delivered', reply: '250 2.0.0 OK: queued as 000001' }]);
    expect(new TextDecoder().decode(store.folder('bob')!.messages[0]!.bytes)).toMatch(/\r\nSubject: lunch\r\n\r\n\.and ketchup\?\r\n$/);
    expect(w.metrics().map((m) => m.name)).toEqual(['submissionTime']);
  });

  it('hears each recipient\'s outcome: one unknown user fails, the other is delivered', () => {
    const { w, store } = send(['carol@hamburger.edu', 'bob@hamburger.edu'], 587, { user: 'alice', password: 'pw' });
    const [done] = w.states('smtp.submitted');
    expect(done?.data['results']).toEqual([
      { to: 'carol@hamburger.edu', outcome: 'failed', reply: '550 5.1.1 <carol@hamburger.edu>: no such user here' },
      { to: 'bob@hamburger.edu', outcome: 'delivered', reply: '250 2.0.0 OK: queued as 000001' },
    ]);
    expect(store.folder('bob')!.messages).toHaveLength(1);
  });

  it('a wrong password fails every recipient, and the session still ends with QUIT', () => {
    const { w, store } = send(['bob@hamburger.edu'], 587, { user: 'alice', password: 'nope' });
    expect(w.states('smtp.submitted')[0]?.data['results']).toEqual([{ to: 'bob@hamburger.edu', outcome: 'failed', reply: '535 5.7.8 Authentication credentials invalid' }]);
    expect(w.messages().filter((m) => m.from === 'alice').map((m) => m.summary).at(-1)).toBe('QUIT');
    expect(store.folder('bob')!.messages).toHaveLength(0);
  });

  it('a server that refuses the connection defers the message', () => {
    const { w } = send(['bob@hamburger.edu'], 2525, null);
    expect(w.states('smtp.submitted')[0]?.data['results']).toEqual([{ to: 'bob@hamburger.edu', outcome: 'deferred', reply: 'the server refused the connection' }]);
  });

  it('sends what comes while its connection is opening or held over that one connection, each its own transaction; another login or a send after QUIT gets its own (RFC 5321 §3.3)', () => {
    const w = new TestWorld({ hosts: { alice: '10.0.0.1', mail: '10.0.0.25' } });
    const store = new MailStore('hamburger.edu', [{ user: 'bob', password: 'b' }, { user: 'alice', password: 'pw' }]);
    w.drive('mail', { engine: new SmtpServerEngine(w.env('mail'), store, { port: 25, submissionPort: 587, hostName: 'mail.hamburger.edu' }), protocol: PROTOCOL, name: 'SMTP server', report: reportSmtp });
    const agent = w.drive('alice', { engine: new SmtpUserAgent(w.env('alice')), protocol: PROTOCOL, name: 'mail user agent', report: reportSmtp });
    const sendAt = (t: number, id: string, auth = { user: 'alice', password: 'pw' }) => w.at(ms(t), () => agent.command({ server: { addr: w.address('mail'), port: 587 }, hostName: 'alice-laptop', auth, message: { id, from: 'alice@hamburger.edu', to: ['bob@hamburger.edu'], bytes: message(['bob@hamburger.edu']) } }));
    sendAt(0, 'm1');
    sendAt(0, 'm2'); // the same instant: the connection is opening
    sendAt(50, 'm3'); // RTT 20 ms: during m1's transaction
    sendAt(50, 'm4', { user: 'bob', password: 'b' }); // another login
    sendAt(2000, 'm5'); // after QUIT
    w.run();
    const data = w.messages().filter((m) => m.from === 'alice' && m.summary.startsWith('(message'));
    const connectionOf = new Map(data.map((m) => [/message (m\d)/.exec(m.summary)![1], m.connection]));
    expect([...connectionOf.keys()].sort()).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(connectionOf.get('m2')).toBe(connectionOf.get('m1'));
    expect(connectionOf.get('m3')).toBe(connectionOf.get('m1'));
    expect(new Set(connectionOf.values()).size).toBe(3);
    const first = w.messages().filter((m) => m.from === 'alice' && m.connection === connectionOf.get('m1')).map((m) => m.summary.split(' ')[0]);
    expect(first).toEqual(['EHLO', 'AUTH', 'MAIL', 'RCPT', 'DATA', '(message', 'MAIL', 'RCPT', 'DATA', '(message', 'MAIL', 'RCPT', 'DATA', '(message', 'QUIT']);
    // each message told once, in the order sent per connection, its time from its own send
    const submitted = w.states('smtp.submitted');
    expect(submitted.map((s) => s.data['id'])).toEqual(['m4', 'm1', 'm2', 'm3', 'm5']);
    const times = w.metrics().filter((m) => m.name === 'submissionTime');
    const byId = (id: string) => times.find((m) => m.summary.includes(`message ${id} `))!.value;
    expect(byId('m1') - byId('m3')).toBeCloseTo(0.05, 9);
    expect(store.folder('bob')!.messages).toHaveLength(5);
  });
});
