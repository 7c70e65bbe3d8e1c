/**
 * A test world for the webmail engine (test-only): a client host that
 * writes HTTP bytes as given, the webmail server, and a mail host with the
 * IMAP server over a filled store (imap/test-session.test-helper.ts).
 * Requests are written whole after the connection is made; what comes back
 * is read with the HTTP module's parser.
 */
import type { SocketAddr, SocketId, StreamEvent } from '../../engine/face';
import { EngineBase } from '../../engine/base';
import { TestWorld } from '../../host/world.test-helper';
import { ms } from '../../sim/time';
import type { HttpResponse } from '../http/message';
import { headerValue } from '../http/message';
import { HttpParser } from '../http/parser';
import { PROTOCOL as IMAP_PROTOCOL } from '../imap/events';
import { reportImap } from '../imap/report';
import { ImapServerEngine } from '../imap/server';
import { filledStore } from '../imap/test-session.test-helper';
import type { MailStore } from '../mail/mail-store';
import { PROTOCOL } from './events';
import { reportWebmail } from './report';
import { WebmailEngine } from './server';

/** Connects, writes its bytes, reads the responses until the server closes (then closes too). */
export class RawHttpClient extends EngineBase<never, { readonly to: SocketAddr; readonly bytes: Uint8Array }> {
  private socket: SocketId | null = null;
  private bytes: Uint8Array = new Uint8Array(0);
  private readonly parser = new HttpParser('response');
  readonly responses: HttpResponse[] = [];
  closedBy: 'server' | null = null;

  constructor(private readonly newSocket: () => SocketId) {
    super('http');
  }

  override handleCommand(c: { readonly to: SocketAddr; readonly bytes: Uint8Array }): void {
    this.socket = this.newSocket();
    this.bytes = c.bytes;
    // the parser of responses is told each request's method, in order (a HEAD's response has no body)
    const text = new TextDecoder().decode(c.bytes);
    const methods = [...text.matchAll(/([A-Z]+) \/\S* HTTP\/1\.[01]\r\n/g)].map((m) => m[1]!);
    for (const m of methods.length > 0 ? methods : ['GET']) this.parser.expectResponseTo(m);
    this.out.connect(this.socket, c.to);
  }

  override handleStream(e: StreamEvent): void {
    if (e.socket !== this.socket) return;
    if (e.type === 'connected') this.out.write(this.socket, this.bytes, { protocol: 'http', summary: 'request', causedBy: null });
    if (e.type === 'data') for (const p of this.parser.push(e.data)) if (p.ok && p.message.kind === 'response') this.responses.push(p.message);
    if (e.type === 'peerClosed') {
      this.closedBy = 'server';
      this.out.close(this.socket);
    }
  }

  get last(): HttpResponse {
    const r = this.responses.at(-1);
    if (!r) throw new Error('no response');
    return r;
  }
}

export const bodyText = (r: HttpResponse) => new TextDecoder().decode(r.body);
export const header = (r: HttpResponse, name: string) => headerValue(r.headers, name);

/** The cookie pair ("webmail_session=…") a Set-Cookie carries. */
export const cookiePair = (r: HttpResponse) => (header(r, 'set-cookie') ?? '').split(';')[0]!;

export const LOGIN_BODY = 'user=bob&password=pw';

export function post(path: string, body: string, extra = ''): string {
  return `POST ${path} HTTP/1.1\r\nHost: webmail\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${new TextEncoder().encode(body).length}\r\n${extra}\r\n${body}`;
}

export function get(path: string, cookie: string | null = null, method = 'GET'): string {
  return `${method} ${path} HTTP/1.1\r\nHost: webmail\r\n${cookie === null ? '' : `Cookie: ${cookie}\r\n`}\r\n`;
}

export interface WorldSetup {
  /** The mail host runs no IMAP server (nothing listens on 143). */
  readonly noImap?: boolean;
  readonly store?: MailStore;
}

export function webmailWorld(setup: WorldSetup = {}) {
  const w = new TestWorld({ hosts: { browser: '10.0.0.1', webmail: '10.0.0.2', mail: '10.0.0.3' } });
  const store = setup.store ?? filledStore();
  if (!setup.noImap) w.drive('mail', { engine: new ImapServerEngine(w.env('mail'), { port: 143, store }), protocol: IMAP_PROTOCOL, name: 'IMAP server', report: reportImap });
  const engine = new WebmailEngine(w.env('webmail'), { port: 80, imap: { addr: w.address('mail'), port: 143 }, cookieName: 'webmail_session', keepAliveTimeout: ms(5000) });
  w.drive('webmail', { engine, protocol: PROTOCOL, name: 'webmail server', report: reportWebmail });
  const env = w.env('browser');
  /** A client that writes `text` at `atMs` (or the text `text()` gives then, to use earlier answers). */
  const send = (atMs: number, text: string | (() => string)): RawHttpClient => {
    const client = new RawHttpClient(() => env.socketId());
    const driver = w.bare('browser', client);
    w.at(ms(atMs), () => driver.command({ to: { addr: w.address('webmail'), port: 80 }, bytes: new TextEncoder().encode(typeof text === 'string' ? text : text())}));
    return client;
  };
  return { w, store, send };
}
