// The webmail engine in the test world: a client writing HTTP bytes, the webmail server, the IMAP server over bob's two messages.
import { describe, expect, it } from 'vitest';
import type { SocketId, StreamEvent } from '../../engine/face';
import { EngineBase } from '../../engine/base';
import { TestWorld } from '../../host/world.test-helper';
import { ms } from '../../sim/time';
import { filledStore } from '../imap/test-session.test-helper';
import { buildMessage } from '../mail/message';
import { PROTOCOL } from './events';
import { reportWebmail } from './report';
import { IMAP_REPLY_TIMEOUT_MS, WebmailEngine } from './server';
import { SESSION_IDLE_MS } from './sessions';
import { bodyText, cookiePair, get, header, LOGIN_BODY, post, RawHttpClient, webmailWorld } from './world.test-helper';

const imapFrom = (w: TestWorld, host: string) => w.messages().filter((m) => m.protocol === 'imap' && m.from === host).map((m) => m.summary);

/** Logs in at 0, then sends what `then(cookie)` writes at 100 ms. */
function loggedIn(then: (cookie: string) => string, setup: Parameters<typeof webmailWorld>[0] = {}) {
  const world = webmailWorld(setup);
  const login = world.send(0, post('/login', LOGIN_BODY));
  const next = world.send(500, () => then(cookiePair(login.last)));
  return { ...world, login, next };
}

describe('the webmail login', () => {
  it('checks the password with IMAP LOGIN, then answers 303 to /inbox with an HttpOnly session cookie', () => {
    const { w, send } = webmailWorld();
    const c = send(0, post('/login', LOGIN_BODY));
    w.run();
    expect(imapFrom(w, 'webmail')).toEqual(['A1 LOGIN "bob" ••••', 'A2 LOGOUT']);
    const r = c.last;
    expect(r.status).toBe(303);
    expect(header(r, 'location')).toBe('/inbox');
    expect(header(r, 'set-cookie')).toMatch(/^webmail_session=[0-9a-f]{16}; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(w.states('webmail.sessionCreated')[0]!.data).toEqual({ user: 'bob', session: cookiePair(r).split('=')[1] });
    // the response follows from the IMAP LOGOUT's completion
    const response = w.messages().find((m) => m.protocol === 'http' && m.from === 'webmail')!;
    const logoutOk = w.messages().find((m) => m.summary === 'A2 OK LOGOUT completed')!;
    expect(response.causedBy).toBe(logoutOk.id);
  });

  it('gives the same session id under the same seed', () => {
    const ids = [0, 1].map(() => {
      const { w, send } = webmailWorld();
      const c = send(0, post('/login', LOGIN_BODY));
      w.run();
      return cookiePair(c.last);
    });
    expect(ids[1]).toBe(ids[0]);
  });

  it('answers a wrong password with 403 and the IMAP server\'s NO, and makes no session', () => {
    const { w, send } = webmailWorld();
    const c = send(0, post('/login', 'user=bob&password=nope'));
    w.run();
    expect(w.messages().filter((m) => m.from === 'mail').map((m) => m.summary)).toContain('A1 NO [AUTHENTICATIONFAILED] invalid credentials');
    expect(c.last.status).toBe(403);
    expect(header(c.last, 'set-cookie')).toBeUndefined();
    expect(bodyText(c.last)).toContain('The mail server refused the login: NO [AUTHENTICATIONFAILED] invalid credentials');
    expect(bodyText(c.last)).toContain('<form method="post" action="/login">');
    expect(w.states('webmail.loginRefused')).toHaveLength(1);
    expect(w.states('webmail.sessionCreated')).toHaveLength(0);
  });

  it('refuses a login that is not a form (415) or lacks a field (400), without asking IMAP', () => {
    const { w, send } = webmailWorld();
    const json = send(0, post('/login', '{"user":"bob"}').replace('application/x-www-form-urlencoded', 'application/json'));
    const missing = send(0, post('/login', 'user=bob'));
    w.run();
    expect(json.last.status).toBe(415);
    expect(missing.last.status).toBe(400);
    expect(bodyText(missing.last)).toContain('needs the fields user and password');
    expect(imapFrom(w, 'webmail')).toEqual([]);
  });

  it('shows the login form at GET /login, and sends / to /login without a session', () => {
    const { w, send } = webmailWorld();
    const form = send(0, get('/login'));
    const root = send(0, get('/'));
    w.run();
    expect(form.last.status).toBe(200);
    expect(bodyText(form.last)).toContain('<input name="password" type="password"');
    expect(root.last.status).toBe(303);
    expect(header(root.last, 'location')).toBe('/login');
  });
});

describe('the inbox and the message pages', () => {
  it('lists the inbox from LOGIN, SELECT, FETCH 1:* (UID FLAGS ENVELOPE), LOGOUT: From, Subject, Date, unread marked, links by UID', () => {
    const { w, next } = loggedIn((cookie) => get('/inbox', cookie));
    w.run();
    expect(imapFrom(w, 'webmail').slice(2)).toEqual(['A1 LOGIN "bob" ••••', 'A2 SELECT "INBOX"', 'A3 FETCH 1:* (UID FLAGS ENVELOPE)', 'A4 LOGOUT']);
    const html = bodyText(next.last);
    expect(next.last.status).toBe(200);
    expect(header(next.last, 'cache-control')).toBe('no-store');
    expect(html).toContain('<td>Alice Example &lt;alice@example.org&gt;</td><td><strong><a href="/message/1">Hello</a></strong></td><td>Mon, 7 Dec 2026 10:00:00 +0000</td>');
    expect(html).toContain('<td>Carol, C. &lt;carol@example.net&gt;</td>');
    expect(html).toContain('<a href="/message/2">Lunch</a>');
    expect(html).toContain('2 messages, 2 unread');
    expect(w.states('webmail.imapDone').at(-1)!.data).toMatchObject({ user: 'bob', page: '/inbox', commands: ['LOGIN', 'SELECT', 'FETCH', 'LOGOUT'], messages: 2 });
    const metric = w.metrics().find((m) => m.name === 'inboxTime')!;
    expect(metric.node).toBe('webmail');
    expect(metric.value).toBeGreaterThan(0);
  });

  it('opens a message with UID FETCH <uid> (BODY[]), which sets \\Seen, and shows its text', () => {
    const { w, store, next } = loggedIn((cookie) => get('/message/2', cookie));
    w.run();
    expect(imapFrom(w, 'webmail').at(-2)).toBe('A3 UID FETCH 2 (BODY[])');
    expect([...store.folder('bob')!.messages[1]!.flags]).toEqual(['\\Seen']);
    expect([...store.folder('bob')!.messages[0]!.flags]).toEqual([]);
    const html = bodyText(next.last);
    expect(next.last.status).toBe(200);
    expect(html).toContain('<tr><th>Subject</th><td>Lunch</td></tr>');
    expect(html).toContain('<tr><th>To</th><td>Bob &lt;bob@example.com&gt;, dave@example.com</td></tr>');
    expect(html).toContain('<pre>Noon?\r\n</pre>');
  });

  it('then shows the opened message as read in the inbox', () => {
    const world = webmailWorld();
    const login = world.send(0, post('/login', LOGIN_BODY));
    world.send(500, () => get('/message/1', cookiePair(login.last)));
    const inbox = world.send(1000, () => get('/inbox', cookiePair(login.last)));
    world.w.run();
    expect(bodyText(inbox.last)).toContain('<tr class="read"><td></td><td>Alice Example &lt;alice@example.org&gt;</td><td><a href="/message/1">Hello</a>');
    expect(bodyText(inbox.last)).toContain('2 messages, 1 unread');
  });

  it('answers 404 for a UID the inbox lacks, after asking IMAP', () => {
    const { w, next } = loggedIn((cookie) => get('/message/9', cookie));
    w.run();
    expect(imapFrom(w, 'webmail')).toContain('A3 UID FETCH 9 (BODY[])');
    expect(next.last.status).toBe(404);
    expect(bodyText(next.last)).toContain('The inbox has no message with UID 9.');
  });

  it('escapes every mail-provided string: a <script> subject is text, and so is markup in the text', () => {
    const store = filledStore();
    const evil = buildMessage({ from: { name: 'Eve <evil>', address: 'eve@example.net' }, to: [{ name: '', address: 'bob@example.com' }], subject: '<script>alert("x")</script>', date: 0, messageId: '<e@example.net>', text: 'Click <a href="http://evil">here</a> & win' });
    store.deliver('bob', evil.bytes, 3_000_000);
    const world = webmailWorld({ store });
    const login = world.send(0, post('/login', LOGIN_BODY));
    const inbox = world.send(500, () => get('/inbox', cookiePair(login.last)));
    const message = world.send(500, () => get('/message/3', cookiePair(login.last)));
    world.w.run();
    for (const page of [bodyText(inbox.last), bodyText(message.last)]) {
      expect(page).not.toContain('<script');
      expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      expect(page).toContain('Eve &lt;evil&gt;');
    }
    expect(bodyText(message.last)).toContain('Click &lt;a href=&quot;http://evil&quot;&gt;here&lt;/a&gt; &amp; win');
  });

  it('lists attachments by name, type and size', () => {
    const store = filledStore();
    const withFile = buildMessage({ from: { name: '', address: 'alice@example.org' }, to: [{ name: '', address: 'bob@example.com' }], subject: 'Photo', date: 0, messageId: '<p@example.org>', text: 'See the photo.', attachments: [{ filename: 'beach.jpg', mediaType: 'image/jpeg', bytes: new Uint8Array(1234) }] });
    store.deliver('bob', withFile.bytes, 3_000_000);
    const { w, next } = loggedIn((cookie) => get('/message/3', cookie), { store });
    w.run();
    expect(bodyText(next.last)).toContain('<pre>See the photo.</pre>');
    expect(bodyText(next.last)).toContain('<li>beach.jpg (image/jpeg, 1234 bytes)</li>');
  });
});

describe('sessions', () => {
  it('sends a request without a session, or with an unknown one, to /login without asking IMAP', () => {
    const { w, send } = webmailWorld();
    const none = send(0, get('/inbox'));
    const stale = send(0, get('/message/1', 'webmail_session=0123456789abcdef'));
    w.run();
    for (const c of [none, stale]) {
      expect(c.last.status).toBe(303);
      expect(header(c.last, 'location')).toBe('/login');
    }
    expect(imapFrom(w, 'webmail')).toEqual([]);
  });

  it('ends the session at POST /logout: the cookie cleared, and the cookie no longer works', () => {
    const world = webmailWorld();
    const login = world.send(0, post('/login', LOGIN_BODY));
    const logout = world.send(500, () => post('/logout', '', `Cookie: ${cookiePair(login.last)}\r\n`));
    const after = world.send(1000, () => get('/inbox', cookiePair(login.last)));
    world.w.run();
    expect(logout.last.status).toBe(303);
    expect(header(logout.last, 'set-cookie')).toBe('webmail_session=; Max-Age=0; Path=/; HttpOnly');
    expect(world.w.states('webmail.sessionEnded')[0]!.data).toMatchObject({ user: 'bob', reason: 'logout' });
    expect(after.last.status).toBe(303);
    expect(header(after.last, 'location')).toBe('/login');
  });

  it('expires a session unused for 30 minutes', () => {
    const world = webmailWorld();
    const login = world.send(0, post('/login', LOGIN_BODY));
    const late = world.send(SESSION_IDLE_MS + 1000, () => get('/inbox', cookiePair(login.last)));
    world.w.run();
    expect(world.w.states('webmail.sessionEnded')[0]!.data).toMatchObject({ reason: 'expired' });
    expect(late.last.status).toBe(303);
  });
});

describe('refusals: never a crash', () => {
  it('answers 404 for an unknown path, 405 with Allow for a method a page does not take, 501 for an unknown method', () => {
    const { w, send } = webmailWorld();
    const missing = send(0, get('/admin'));
    const wrong = send(0, get('/inbox', null, 'DELETE'));
    const unknown = send(0, get('/inbox', null, 'BREW'));
    const logoutGet = send(0, get('/logout'));
    w.run();
    expect(missing.last.status).toBe(404);
    expect(wrong.last.status).toBe(405);
    expect(header(wrong.last, 'allow')).toBe('GET, HEAD');
    expect(header(logoutGet.last, 'allow')).toBe('POST');
    expect(unknown.last.status).toBe(501);
    expect(w.states('webmail.answered').map((s) => (s.data as { status: number }).status).sort()).toEqual([404, 405, 405, 501]);
  });

  it('answers a request without Host, and bytes that are not HTTP, with 400 and closes', () => {
    const { w, send } = webmailWorld();
    const noHost = send(0, 'GET /login HTTP/1.1\r\n\r\n');
    const garbage = send(0, 'HELLO THERE\r\n\r\n');
    w.run();
    expect(noHost.last.status).toBe(400);
    expect(noHost.closedBy).toBe('server');
    expect(garbage.last.status).toBe(400);
    expect(garbage.closedBy).toBe('server');
    expect(w.states('webmail.malformed')).toHaveLength(1);
  });

  it('answers pipelined requests in order, the IMAP one first although the next needs none', () => {
    const world = webmailWorld();
    const c = world.send(0, post('/login', LOGIN_BODY) + get('/login') + get('/nowhere'));
    world.w.run();
    expect(c.responses.map((r) => r.status)).toEqual([303, 200, 404]);
  });

  it('answers HEAD like GET without the body', () => {
    const { w, send } = webmailWorld();
    const c = send(0, get('/login', null, 'HEAD'));
    w.run();
    expect(c.last.status).toBe(200);
    expect(c.last.body.length).toBe(0);
    expect(Number(header(c.last, 'content-length'))).toBeGreaterThan(0);
  });

  it('answers 502 saying why when nothing listens on the IMAP port', () => {
    const { w, send } = webmailWorld({ noImap: true });
    const c = send(0, post('/login', LOGIN_BODY));
    w.run();
    expect(c.last.status).toBe(502);
    expect(bodyText(c.last)).toContain('the server refused the connection');
    expect(w.states('webmail.imapFailed')[0]!.data).toMatchObject({ page: '/login', reason: 'the server refused the connection (nothing listens on its port)' });
  });

  it('answers 504 when the IMAP server accepts but never speaks', () => {
    class Mute extends EngineBase<never> {
      constructor(socket: SocketId) {
        super('test');
        this.out.listen(socket, 143);
      }
      override handleStream(_e: StreamEvent): void {}
    }
    const w = new TestWorld({ hosts: { browser: '10.0.0.1', webmail: '10.0.0.2', mail: '10.0.0.3' } });
    w.bare('mail', new Mute(w.env('mail').socketId()));
    w.drive('webmail', { engine: new WebmailEngine(w.env('webmail'), { port: 80, imap: { addr: w.address('mail'), port: 143 }, cookieName: 'webmail_session', keepAliveTimeout: ms(5000) }), protocol: PROTOCOL, name: 'webmail', report: reportWebmail });
    const env = w.env('browser');
    const client = new RawHttpClient(() => env.socketId());
    const driver = w.bare('browser', client);
    w.at(0, () => driver.command({ to: { addr: w.address('webmail'), port: 80 }, bytes: new TextEncoder().encode(post('/login', LOGIN_BODY)) }));
    w.run();
    expect(client.last.status).toBe(504);
    const answered = w.states('webmail.answered')[0]!;
    expect((answered.data as { elapsed: number }).elapsed).toBeGreaterThanOrEqual(IMAP_REPLY_TIMEOUT_MS / 1000);
  });
});
