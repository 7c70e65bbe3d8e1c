// The mail-webmail lesson: Bob's browser speaks HTTP only, the webmail server speaks IMAP to the mail server, and the pages show the mailbox.
// The pages are read back with htmlparser2 (the HTML parser the HTTP module uses, html-refs.ts) as an oracle of their markup.
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import lesson from '../../../resources/lessons/mail-webmail.l7.json';
import { dissect } from '../../dissect';
import { parseScenarioText } from '../../scenario/load';
import { runScenario } from '../../scenario/runner';
import type { MessageEvent, StateEvent } from '../../trace/types';

function run(edit: (d: typeof lesson) => void = () => {}) {
  const d = structuredClone(lesson);
  edit(d);
  const loaded = parseScenarioText(JSON.stringify(d));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const events = runScenario(loaded.scenario).sim.store.events;
  const messages = events.filter((e): e is MessageEvent => e.kind === 'message' && e.layer === 'application');
  const states = events.filter((e): e is StateEvent => e.kind === 'state');
  return { messages, states };
}

const text = (m: MessageEvent) => new TextDecoder().decode(m.bytes);
const body = (m: MessageEvent) => text(m).slice(text(m).indexOf('\r\n\r\n') + 4);

describe('the mail-webmail lesson', () => {
  const { messages, states } = run();
  const between = (a: string, b: string) => messages.filter((m) => (m.from === a && m.to === b) || (m.from === b && m.to === a));

  it('has the browser speak HTTP only, and the webmail server IMAP to the mail server', () => {
    expect(new Set(messages.filter((m) => m.from === 'bob' || m.to === 'bob').map((m) => m.protocol))).toEqual(new Set(['http']));
    expect(between('bob', 'webmail').filter((m) => m.from === 'bob').map((m) => m.summary)).toEqual(['POST /login HTTP/1.1', 'GET /inbox HTTP/1.1', 'GET /message/1 HTTP/1.1']);
    const imap = between('webmail', 'hamburger');
    expect(new Set(imap.map((m) => m.protocol))).toEqual(new Set(['imap']));
    expect(imap.filter((m) => m.from === 'webmail').map((m) => m.summary.replace(/^A\d+ /, ''))).toEqual([
      'LOGIN "bob" ••••', 'LOGOUT',
      'LOGIN "bob" ••••', 'SELECT "INBOX"', 'FETCH 1:* (UID FLAGS ENVELOPE)', 'LOGOUT',
      'LOGIN "bob" ••••', 'SELECT "INBOX"', 'UID FETCH 1 (BODY[])', 'LOGOUT',
    ]);
    // each protocol's dissector reads its messages
    expect(dissect(imap[0]!)[0]!.name).not.toBe('Data');
    expect(dissect(between('bob', 'webmail')[0]!)[0]!.name).not.toBe('Data');
  });

  it('logs in with a form, follows the 303 to /inbox carrying the session cookie', () => {
    const [login, inbox] = between('bob', 'webmail').filter((m) => m.from === 'bob');
    expect(body(login!)).toBe('user=bob&password=ketchup');
    const answer = between('bob', 'webmail').find((m) => m.from === 'webmail')!;
    const cookie = /Set-Cookie: (webmail_session=[0-9a-f]{16});/.exec(text(answer))![1]!;
    expect(text(answer)).toMatch(/^HTTP\/1\.1 303 See Other\r\n/);
    expect(text(inbox!)).toContain(`\r\nCookie: ${cookie}\r\n`);
    expect(text(between('bob', 'webmail').filter((m) => m.from === 'bob')[2]!)).toContain(`\r\nCookie: ${cookie}\r\n`);
    expect(states.filter((s) => s.type === 'webmail.sessionCreated')).toHaveLength(1);
  });

  it('lists the message\'s subject in the inbox page, and shows its text on the message page; HTML a parser reads as meant', () => {
    const pages = between('bob', 'webmail').filter((m) => m.from === 'webmail' && m.summary.startsWith('HTTP/1.1 200'));
    expect(pages).toHaveLength(2);
    const inbox = parseDocument(body(pages[0]!));
    const links = DomUtils.getElementsByTagName('a', inbox).map((a) => [DomUtils.getAttributeValue(a, 'href'), DomUtils.textContent(a)]);
    expect(links).toEqual([['/message/1', 'Lunch']]);
    expect(DomUtils.textContent(DomUtils.getElementsByTagName('tr', inbox)[1]!)).toContain('alice@crepes.fr');
    const message = parseDocument(body(pages[1]!));
    expect(DomUtils.textContent(DomUtils.getElementsByTagName('pre', message)[0]!)).toBe('Do you like ketchup?\r\nHow about pickles?\r\n');
    expect(DomUtils.textContent(DomUtils.getElementsByTagName('title', message)[0]!)).toBe('Lunch');
  });

  it('leaves the mail on the server, now \\Seen', () => {
    expect(states.find((s) => s.type === 'imap.flagsChanged')!.data).toMatchObject({ uid: 1, added: ['\\Seen'] });
    expect(states.some((s) => s.type === 'imap.expunged')).toBe(false);
  });

  it('shows a subject with markup as text: no element comes of it', () => {
    const evil = run((d) => {
      (d.workload[0] as { subject: string }).subject = '<script>alert(1)</script><b>hi</b>';
    });
    const pages = evil.messages.filter((m) => m.from === 'webmail' && m.protocol === 'http' && m.summary.startsWith('HTTP/1.1 200'));
    for (const page of pages) {
      const doc = parseDocument(body(page));
      expect(DomUtils.getElementsByTagName('script', doc)).toEqual([]);
      expect(DomUtils.getElementsByTagName('b', doc)).toEqual([]);
      expect(DomUtils.textContent(doc)).toContain('<script>alert(1)</script><b>hi</b>');
    }
  });

  it('answers a wrong password with a 403 page and no cookie', () => {
    const wrong = run((d) => {
      (d.workload[1] as { form: { name: string; value: string }[] }).form[1]!.value = 'mustard';
    });
    const answer = wrong.messages.find((m) => m.from === 'webmail' && m.protocol === 'http')!;
    expect(answer.summary).toBe('HTTP/1.1 403 Forbidden (text/html)');
    expect(text(answer)).not.toContain('Set-Cookie');
    expect(wrong.messages.some((m) => m.from === 'hamburger' && m.summary.includes('NO [AUTHENTICATIONFAILED]'))).toBe(true);
  });
});
