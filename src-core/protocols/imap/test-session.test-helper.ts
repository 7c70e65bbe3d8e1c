/**
 * A test harness for the IMAP server engine, sans-I/O (test-only): a fake
 * environment, one connection accepted, bytes pushed in, and what the
 * engine writes read back as text.
 */
import type { EngineEnv } from '../../engine/face';
import { MailStore } from '../mail/mail-store';
import { ascii, latin1 } from './syntax';
import { ImapServerEngine, type ImapServerOptions } from './server';
import type { ImapEvent } from './events';

export const MESSAGE_1 = 'From: Alice Example <alice@example.org>\r\nTo: bob@example.com\r\nSubject: Hello\r\nDate: Mon, 7 Dec 2026 10:00:00 +0000\r\nMessage-ID: <1@example.org>\r\n\r\nHi Bob,\r\nsee you.\r\n';
export const MESSAGE_2 = 'From: "Carol, C." <carol@example.net>\r\nTo: Bob <bob@example.com>, dave@example.com\r\nSubject: Lunch\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nNoon?\r\n';

export function filledStore(): MailStore {
  const store = new MailStore('example.com', [{ user: 'bob', password: 'pw' }, { user: 'carol', password: 'secret' }]);
  store.deliver('bob', ascii(MESSAGE_1), 1_000_000);
  store.deliver('bob', ascii(MESSAGE_2), 2_000_000);
  return store;
}

export function fakeEnv(): EngineEnv {
  let id = 0;
  return { socketId: () => ++id, random32: () => 4 };
}

export class Harness {
  readonly engine: ImapServerEngine;
  readonly events: ImapEvent[] = [];
  closed = false;
  now = 0;
  private readonly socket = 100;

  constructor(
    readonly store: MailStore = filledStore(),
    options: Partial<ImapServerOptions> = {},
  ) {
    this.engine = new ImapServerEngine(fakeEnv(), { port: 143, store, ...options });
    this.engine.handleStream({ type: 'accepted', socket: this.socket, listener: 1, remote: { addr: 1, port: 5000 }, connection: 'c' }, this.now);
  }

  /** Pushes bytes; returns what the server wrote, as text. */
  send(data: string | Uint8Array): string {
    this.engine.handleStream({ type: 'data', socket: this.socket, data: typeof data === 'string' ? ascii(data) : data, messages: [], connection: 'c' }, this.now);
    return this.drain();
  }

  drain(): string {
    let text = '';
    for (let t = this.engine.pollTransmit(); t; t = this.engine.pollTransmit()) {
      if (t.kind === 'write') text += latin1(t.data);
      if (t.kind === 'close') this.closed = true;
    }
    for (let e = this.engine.pollEvent(); e; e = this.engine.pollEvent()) this.events.push(e);
    return text;
  }

  types(): string[] {
    return this.events.map((e) => e.type);
  }
}
