// The webmail engine over real loopback sockets, through the loopback
// driver of `l7 serve` (LoopbackHost, as loopback-imap.test.ts): the IMAP
// server engine on one host, the webmail engine on another, reaching it as
// an --origin; Node's own HTTP client (llhttp) is the browser. What it
// reads — status lines, headers, the session cookie, the pages — must be
// HTTP as another implementation parses it, and the IMAP dialogue behind
// the pages must happen over a real TCP connection.
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { parseIpv4 } from '../../src-core/net/ipv4';
import { PROTOCOL as IMAP_PROTOCOL } from '../../src-core/protocols/imap/events';
import { reportImap } from '../../src-core/protocols/imap/report';
import { ImapServerEngine } from '../../src-core/protocols/imap/server';
import { MailStore } from '../../src-core/protocols/mail/mail-store';
import { PROTOCOL } from '../../src-core/protocols/webmail/events';
import { reportWebmail } from '../../src-core/protocols/webmail/report';
import { WebmailEngine } from '../../src-core/protocols/webmail/server';
import type { Scenario, ScenarioNode } from '../../src-core/scenario/schema';
import { ms } from '../../src-core/sim/time';
import { LoopbackHost } from '../serve/host';
import { OriginTable } from '../serve/origins';
import { ListenerPool, openListeners } from '../serve/sockets';
import { ServeTrace } from '../serve/trace';

const MESSAGE = 'From: Alice <alice@example.org>\r\nTo: bob@example.com\r\nSubject: <Hello> & welcome\r\nDate: Mon, 7 Dec 2026 10:00:00 +0000\r\n\r\nHi Bob,\r\nsee you.\r\n';
const MAIL_ADDRESS = '10.0.0.25';

const hosts: LoopbackHost[] = [];
afterEach(() => {
  for (const h of hosts.splice(0)) h.stop();
});

async function serve(id: string, service: string, scenarioPort: number, origins: OriginTable = new OriginTable([])): Promise<{ host: LoopbackHost; port: number }> {
  const localOf = () => ({ port: 0, explicit: false });
  const opened = await openListeners({ node: { id } as unknown as ScenarioNode, listeners: [{ service, transport: 'tcp', scenarioPort }], localOf });
  const host = new LoopbackHost(id, new ServeTrace({ id, name: id, kind: 'host', address: '127.0.0.1' }), new ListenerPool(opened), localOf, 1, origins);
  hosts.push(host);
  return { host, port: opened[0]!.port };
}

async function start(): Promise<{ port: number; store: MailStore; webmail: LoopbackHost }> {
  const store = new MailStore('example.com', [{ user: 'bob', password: 'pw' }]);
  store.deliver('bob', Uint8Array.from(MESSAGE, (c) => c.charCodeAt(0)), 0);
  const mail = await serve('mail', 'imap-server', 143);
  mail.host.context({ nodes: [] } as unknown as Scenario).drive({ engine: new ImapServerEngine(mail.host.env, { port: 143, store }), protocol: IMAP_PROTOCOL, name: 'IMAP server', report: reportImap });
  const web = await serve('webmail', 'webmail-server', 80, new OriginTable([{ host: MAIL_ADDRESS, port: 143, local: mail.port }]));
  const engine = new WebmailEngine(web.host.env, { port: 80, imap: { addr: parseIpv4(MAIL_ADDRESS)!, port: 143 }, cookieName: 'webmail_session', keepAliveTimeout: ms(5000) });
  web.host.context({ nodes: [] } as unknown as Scenario).drive({ engine, protocol: PROTOCOL, name: 'webmail server', report: reportWebmail });
  return { port: web.port, store, webmail: web.host };
}

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

function fetch(port: number, method: string, path: string, headers: Record<string, string> = {}, body = ''): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { ...headers, ...(body === '' ? {} : { 'Content-Length': String(Buffer.byteLength(body)) }) }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('Node\'s HTTP client reads the webmail', () => {
  it('logs in, gets the cookie, lists the inbox and opens the message, which the IMAP server then holds \\Seen', async () => {
    const { port, store, webmail } = await start();
    const login = await fetch(port, 'POST', '/login', { 'Content-Type': 'application/x-www-form-urlencoded' }, 'user=bob&password=pw');
    expect(login.status).toBe(303);
    expect(login.headers.location).toBe('/inbox');
    const setCookie = login.headers['set-cookie']![0]!;
    expect(setCookie).toMatch(/^webmail_session=[0-9a-f]{16}; Path=\/; HttpOnly; SameSite=Lax$/);
    const cookie = setCookie.split(';')[0]!;

    const inbox = await fetch(port, 'GET', '/inbox', { Cookie: cookie });
    expect(inbox.status).toBe(200);
    expect(inbox.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(inbox.body).toContain('<a href="/message/1">&lt;Hello&gt; &amp; welcome</a>');

    const message = await fetch(port, 'GET', '/message/1', { Cookie: cookie });
    expect(message.status).toBe(200);
    expect(message.body).toContain('<pre>Hi Bob,\r\nsee you.\r\n</pre>');
    expect([...store.folder('bob')!.messages[0]!.flags]).toEqual(['\\Seen']);

    const imapSent = webmail.trace.store.events.flatMap((e) => (e.kind === 'message' && e.protocol === 'imap' ? [e.summary] : []));
    expect(imapSent).toContain('A3 UID FETCH 1 (BODY[])');
  });

  it('answers without a cookie with 303 to /login, a wrong password with 403, an unknown page with 404', async () => {
    const { port } = await start();
    const none = await fetch(port, 'GET', '/inbox');
    expect(none.status).toBe(303);
    expect(none.headers.location).toBe('/login');
    const wrong = await fetch(port, 'POST', '/login', { 'Content-Type': 'application/x-www-form-urlencoded' }, 'user=bob&password=nope');
    expect(wrong.status).toBe(403);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect((await fetch(port, 'GET', '/nowhere')).status).toBe(404);
  });
});
