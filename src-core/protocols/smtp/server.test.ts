// The SMTP server engine in the test world, driven by a scripted client:
// the sample dialogue of Kurose & Ross §2.3.1 (RFC 5321 Appendix D.1), several
// messages on one connection, every refusal of the rules in server.ts, and
// submission with AUTH PLAIN.
import { describe, expect, it } from 'vitest';
import { TestWorld } from '../../host/world.test-helper';
import { MailStore } from '../mail/mail-store';
import { SmtpDialogueClient } from './dialogue.test-helper';
import { PROTOCOL } from './events';
import { reportSmtp } from './report';
import { SmtpServerEngine } from './server';

const CRLF = '\r\n';
const b64 = (s: string) => btoa(s);

function setup(script: { send: string; replies?: number }[], port = 25) {
  const w = new TestWorld({ hosts: { client: '10.0.0.1', mail: '10.0.0.25' } });
  const store = new MailStore('hamburger.edu', [{ user: 'bob', password: 'hunter2' }, { user: 'alice', password: 'pw' }]);
  w.drive('mail', { engine: new SmtpServerEngine(w.env('mail'), store, { port: 25, submissionPort: 587, hostName: 'mail.hamburger.edu' }), protocol: PROTOCOL, name: 'SMTP server', report: reportSmtp });
  const client = new SmtpDialogueClient(w.env('client'), script);
  w.bare('client', client).command({ to: { addr: w.address('mail'), port } });
  w.run();
  return { w, store, client, text: (uid: number) => new TextDecoder().decode(store.folder('bob')!.messages.find((m) => m.uid === uid)!.bytes) };
}

describe('the SMTP server engine', () => {
  it('takes the course\'s sample dialogue: greeting, HELO, MAIL, RCPT, DATA, the dot, QUIT', () => {
    const { client, store, text, w } = setup([
      { send: `HELO crepes.fr${CRLF}` },
      { send: `MAIL FROM:<alice@crepes.fr>${CRLF}` },
      { send: `RCPT TO:<bob@hamburger.edu>${CRLF}` },
      { send: `DATA${CRLF}` },
      { send: `Do you like ketchup?${CRLF}How about pickles?${CRLF}.${CRLF}` },
      { send: `QUIT${CRLF}` },
    ]);
    expect(client.replies).toEqual([
      '220 mail.hamburger.edu ESMTP L7 Lab ready',
      '250 mail.hamburger.edu',
      '250 2.1.0 Sender <alice@crepes.fr> OK',
      '250 2.1.5 Recipient <bob@hamburger.edu> OK',
      '354 End data with <CR><LF>.<CR><LF>',
      '250 2.0.0 OK: queued as 000001',
      '221 2.0.0 mail.hamburger.edu closing connection',
    ]);
    expect(client.closed).toBe(true);
    expect(store.folder('bob')!.messages).toHaveLength(1);
    // a Received field on top (RFC 5321 §4.4), then the message as sent
    expect(text(1)).toMatch(/^Received: from crepes\.fr \(\[10\.0\.0\.1\]\)\r\n\tby mail\.hamburger\.edu with ESMTP id 000001 for <bob@hamburger\.edu>;\r\n\t\w{3}, \d\d \w{3} 2026 \d\d:\d\d:\d\d \+0000\r\nDo you like ketchup\?\r\nHow about pickles\?\r\n$/);
    expect(w.states('smtp.delivered').map((s) => s.summary)).toEqual([expect.stringMatching(/^message 000001 put in bob's INBOX \(uid 1, \d+ bytes\)$/)]);
  });

  it('takes several messages on one connection, pipelined after EHLO, and unstuffs a leading dot', () => {
    const { client, store, text } = setup([
      { send: `EHLO crepes.fr${CRLF}` },
      { send: `MAIL FROM:<alice@crepes.fr>${CRLF}RCPT TO:<bob@hamburger.edu>${CRLF}DATA${CRLF}`, replies: 3 },
      { send: `Subject: one${CRLF}${CRLF}..a line that began with a dot${CRLF}.${CRLF}MAIL FROM:<alice@crepes.fr>${CRLF}RCPT TO:<BOB@Hamburger.EDU>${CRLF}DATA${CRLF}`, replies: 4 },
      { send: `Subject: two${CRLF}${CRLF}second${CRLF}.${CRLF}QUIT${CRLF}`, replies: 2 },
    ]);
    expect(client.replies.slice(1, 7)).toEqual(['250-mail.hamburger.edu greets crepes.fr', '250-SIZE 10485760', '250-PIPELINING', '250-ENHANCEDSTATUSCODES', '250 HELP', '250 2.1.0 Sender <alice@crepes.fr> OK']);
    expect(client.replies.filter((r) => r.startsWith('250 2.0.0 OK: queued as'))).toEqual(['250 2.0.0 OK: queued as 000001', '250 2.0.0 OK: queued as 000002']);
    expect(store.folder('bob')!.messages.map((m) => m.uid)).toEqual([1, 2]);
    expect(text(1)).toMatch(/\r\nSubject: one\r\n\r\n\.a line that began with a dot\r\n$/);
    expect(text(2)).toMatch(/\r\nSubject: two\r\n\r\nsecond\r\n$/);
  });

  it('refuses bad sequences with 503, bad arguments with 501, unknown verbs with 500, an unknown user with 550, relaying with 550, and traces each', () => {
    const { client, w, store } = setup([
      { send: `MAIL FROM:<alice@crepes.fr>${CRLF}` },
      { send: `HELO crepes.fr${CRLF}` },
      { send: `RCPT TO:<bob@hamburger.edu>${CRLF}` },
      { send: `DATA${CRLF}` },
      { send: `MAIL FROM:alice@crepes.fr${CRLF}` },
      { send: `MAIL FROM:<alice@crepes.fr>${CRLF}` },
      { send: `MAIL FROM:<alice@crepes.fr>${CRLF}` },
      { send: `RCPT TO:<carol@hamburger.edu>${CRLF}` },
      { send: `RCPT TO:<someone@elsewhere.org>${CRLF}` },
      { send: `DATA${CRLF}` },
      { send: `FROB${CRLF}` },
      { send: `STARTTLS${CRLF}` },
      { send: `AUTH PLAIN ${b64('\0bob\0hunter2')}${CRLF}` },
      { send: `${'X'.repeat(600)}${CRLF}` },
      { send: `caf\u00e9${CRLF}` },
      { send: `NOOP${CRLF}` },
      { send: `QUIT${CRLF}` },
    ]);
    expect(client.replies.slice(1).map((r) => r.slice(0, 3))).toEqual(['503', '250', '503', '503', '501', '250', '503', '550', '550', '503', '500', '502', '502', '500', '500', '250', '221']);
    expect(client.replies).toContain('550 5.1.1 <carol@hamburger.edu>: no such user here');
    expect(client.replies).toContain('550 5.7.1 <someone@elsewhere.org>: relaying denied (this server takes mail for hamburger.edu only)');
    expect(w.states('smtp.refused')).toHaveLength(13);
    expect(w.states('smtp.malformed').map((s) => s.summary)).toEqual([expect.stringMatching(/^not an SMTP command: a command line of 602 octets/), expect.stringMatching(/^not an SMTP command: byte 0xc3 in a command line/)]);
    expect(store.folder('bob')!.messages).toHaveLength(0);
  });

  it('refuses an 8-bit body without 8BITMIME, naming where, and keeps the session', () => {
    const { client, store } = setup([
      { send: `EHLO crepes.fr${CRLF}` },
      { send: `MAIL FROM:<alice@crepes.fr>${CRLF}` },
      { send: `RCPT TO:<bob@hamburger.edu>${CRLF}` },
      { send: `DATA${CRLF}` },
      { send: `Subject: menu${CRLF}${CRLF}Cr\u00eapes${CRLF}.${CRLF}` },
      { send: `RSET${CRLF}` },
    ]);
    expect(client.replies.at(-2)).toBe('554 5.6.1 8-bit byte at offset 19 of the message: this server offers no 8BITMIME, so the body must be 7-bit (encode it as quoted-printable or base64)');
    expect(client.replies.at(-1)).toBe('250 2.0.0 OK');
    expect(store.folder('bob')!.messages).toHaveLength(0);
  });

  it('on the submission port: MAIL needs AUTH (530); AUTH PLAIN with a wrong password gets 535; then relays to another domain', () => {
    const { client, w } = setup(
      [
        { send: `EHLO alice-laptop${CRLF}` },
        { send: `MAIL FROM:<alice@hamburger.edu>${CRLF}` },
        { send: `AUTH PLAIN ${b64('\0alice\0wrong')}${CRLF}` },
        { send: `AUTH PLAIN${CRLF}` },
        { send: `${b64('\0alice\0pw')}${CRLF}` },
        { send: `MAIL FROM:<alice@hamburger.edu>${CRLF}RCPT TO:<bob@hamburger.edu>${CRLF}RCPT TO:<carol@crepes.fr>${CRLF}DATA${CRLF}`, replies: 4 },
        { send: `Subject: hi${CRLF}${CRLF}hello${CRLF}.${CRLF}` },
      ],
      587,
    );
    expect(client.replies).toContain('250-AUTH PLAIN');
    expect(client.replies.filter((r) => !r.startsWith('250-')).slice(1, 5)).toEqual(['250 HELP', '530 5.7.0 Authentication required (RFC 6409 section 4.3)', '535 5.7.8 Authentication credentials invalid', '334 ']);
    expect(client.replies).toContain('235 2.7.0 Authentication successful');
    expect(client.replies.at(-1)).toBe('250 2.0.0 OK: queued as 000001');
    expect(w.states('smtp.authenticated').map((s) => s.data['ok'])).toEqual([false, true]);
    const [relay] = w.states('smtp.relayNeeded');
    expect(relay?.data).toMatchObject({ id: '000001', from: 'alice@hamburger.edu', to: ['carol@crepes.fr'] });
    expect(w.states('smtp.delivered')).toHaveLength(1);
  });

  it('refuses an AUTH PLAIN response that is not strict base64 with 501 (RFC 4954 §4), then takes a good one', () => {
    const bad = ['AGFsaWNlAHB', 'AGFsaWNl*HB3', `${b64('\0alice\0pw')} `, 'AGFs==aWNlAHB3', 'QR=='];
    const { client, w } = setup(
      [{ send: `EHLO alice-laptop${CRLF}` }, ...bad.map((b) => ({ send: `AUTH PLAIN ${b}${CRLF}` })), { send: `AUTH PLAIN${CRLF}` }, { send: `not base64!${CRLF}` }, { send: `AUTH PLAIN ${b64('\0alice\0pw')}${CRLF}` }],
      587,
    );
    const replies = client.replies.filter((r) => !r.startsWith('250'));
    expect(replies.slice(1)).toEqual([...bad.map(() => expect.stringMatching(/^501 5\.5\.2 Cannot decode the AUTH PLAIN response/)), '334 ', expect.stringMatching(/^501 5\.5\.2 /), '235 2.7.0 Authentication successful']);
    expect(w.states('smtp.authenticated').map((s) => s.data['ok'])).toEqual([true]);
  });

  it('keeps one copy for a recipient named twice (RFC 5321 §3.3; found by the fuzz target smtp.server)', () => {
    const { store, client } = setup([
      { send: `EHLO x${CRLF}MAIL FROM:<>${CRLF}RCPT TO:<bob@hamburger.edu>${CRLF}RCPT TO:<BOB@hamburger.edu>${CRLF}DATA${CRLF}`, replies: 5 },
      { send: `hi${CRLF}.${CRLF}` },
    ]);
    expect(client.replies.at(-1)).toBe('250 2.0.0 OK: queued as 000001');
    expect(store.folder('bob')!.messages).toHaveLength(1);
  });
});
