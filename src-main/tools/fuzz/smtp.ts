/**
 * SMTP fuzz targets (src-core/protocols/smtp): the server engine fed random
 * and mutated command streams, the mail-data reader, and the dissector.
 *
 * `smtp.server`: each input is one client connection to one server engine
 * (a fresh engine and mail store every `resetEvery` inputs), its bytes cut
 * in random reads (from the input's own hash), at most MAX_INPUT of them;
 * then the client closes. Checks beyond "does not throw":
 * - every write is whole reply lines: a code 200–559 and " " or "-", CRLF,
 *   ASCII, the last line of each write with " " (one reply per write);
 * - nothing is written after the server closed (QUIT, 421);
 * - only a message answered 250 is in a mailbox: the store grows by at most
 *   the number of "queued as" replies.
 * 'rejected' when the server answered any 4xx or 5xx.
 *
 * `smtp.data`: the mail-data reader gives the same message and the same end
 * however the input is cut, and the unstuffed message re-stuffed reads back
 * to itself.
 */
import type { EngineEnv } from '../../../src-core/engine/face';
import { MailStore } from '../../../src-core/protocols/mail/mail-store';
import { encodeMailData, MailDataReader } from '../../../src-core/protocols/smtp/data';
import { dissectSmtp } from '../../../src-core/protocols/smtp/dissect';
import { SmtpServerEngine } from '../../../src-core/protocols/smtp/server';
import { checkTree, messageEvent } from './dissect-check';
import { FuzzConnection } from './server-connection';
import { check, chunks, inputRng, type FuzzTarget, type Outcome } from './target';

export const MAX_INPUT = 4096;

const ascii = (s: string) => new TextEncoder().encode(s);

const SESSIONS = [
  'HELO crepes.fr\r\nMAIL FROM:<alice@crepes.fr>\r\nRCPT TO:<bob@hamburger.edu>\r\nDATA\r\nDo you like ketchup?\r\n.\r\nQUIT\r\n',
  'EHLO x\r\nMAIL FROM:<>\r\nRCPT TO:<bob@hamburger.edu>\r\nRCPT TO:<carol@hamburger.edu>\r\nRCPT TO:<z@elsewhere.org>\r\nDATA\r\n..dot\r\n\r\n.\r\nRSET\r\nNOOP\r\nVRFY bob\r\nHELP\r\n',
  'EHLO x\r\nAUTH PLAIN AGJvYgBoaA==\r\nAUTH PLAIN\r\n*\r\nSTARTTLS\r\nFROB\r\nMAIL FROM:alice\r\n',
  'MAIL FROM:<a@b.c>\r\nDATA\r\nRCPT TO:<bob@hamburger.edu>\r\nEHLO\r\n',
];

export const smtpDictionary = (): Uint8Array[] => ['\r\n', '\r\n.\r\n', ' ', 'EHLO x', 'HELO x', 'MAIL FROM:<', 'RCPT TO:<', '>', 'bob@hamburger.edu', 'DATA', 'RSET', 'QUIT', 'AUTH PLAIN ', 'NOOP', '.', '..', '\u00e9', 'SIZE=99999999999'].map(ascii);

class ServerRig {
  private store = this.newStore();
  private nextSocket = 1;
  private engine = this.makeEngine();
  private connection = 0;

  private newStore(): MailStore {
    return new MailStore('hamburger.edu', [{ user: 'bob', password: 'hh' }]);
  }

  private makeEngine(): SmtpServerEngine {
    const env: EngineEnv = { socketId: () => this.nextSocket++, random32: () => 0 };
    const engine = new SmtpServerEngine(env, this.store, { port: 25, submissionPort: 587, hostName: 'mail.hamburger.edu' });
    while (engine.pollTransmit()); // its listens
    return engine;
  }

  reset(): void {
    this.store = this.newStore();
    this.nextSocket = 1;
    this.engine = this.makeEngine();
  }

  session(input: Uint8Array): Outcome {
    const socket = 1000 + this.connection++;
    const before = this.store.folder('bob')!.messages.length;
    // the submission listener is socket 2: odd connections come to it
    const c = new FuzzConnection(this.engine, socket, { listener: socket % 2 === 0 ? 1 : 2, stepNs: 1000 });
    c.feed(chunks(input.subarray(0, MAX_INPUT), inputRng(input)));
    const writes = c.writes;
    check(!c.wroteAfterClose, () => 'the server wrote after closing the connection');
    let refused = false;
    let queued = 0;
    for (const w of writes) {
      const text = new TextDecoder('latin1').decode(w);
      check(/^(?:[2-5][0-5]\d-[\x20-\x7e]*\r\n)*[2-5][0-5]\d [\x20-\x7e]*\r\n$/.test(text), () => `a write that is not one SMTP reply: ${JSON.stringify(text.slice(0, 80))}`);
      if (/^[45]/.test(text)) refused = true;
      if (/^250 2\.0\.0 OK: queued as/.test(text)) queued++;
    }
    c.end();
    const after = this.store.folder('bob')!.messages.length;
    check(after - before <= queued, () => `${after - before} messages stored, ${queued} answered 250`);
    return refused ? 'rejected' : 'ok';
  }
}

export function smtpTargets(): FuzzTarget[] {
  const rig = new ServerRig();
  return [
    {
      name: 'smtp.server',
      seeds: () => SESSIONS.map(ascii),
      dictionary: smtpDictionary,
      resetEvery: 50,
      reset: () => rig.reset(),
      run: (input) => rig.session(input),
    },
    {
      name: 'smtp.data',
      seeds: () => [ascii('Subject: x\r\n\r\n..a\r\nb\r\n.\r\nQUIT\r\n'), ascii('.\r\n')],
      dictionary: smtpDictionary,
      run(input) {
        const read = (pieces: readonly Uint8Array[]) => {
          const reader = new MailDataReader(2048);
          let used = 0;
          for (const p of pieces) {
            const step = reader.feed(p);
            if (step.done) return { message: Array.from(step.message), end: used + step.used, tooBig: step.tooBig };
            used += p.length;
          }
          return null;
        };
        const whole = read([input]);
        const cut = read(chunks(input, inputRng(input)));
        check(JSON.stringify(cut) === JSON.stringify(whole), () => 'cutting the input changed the data read');
        if (whole === null || whole.tooBig) return 'rejected';
        const again = new MailDataReader().feed(encodeMailData(Uint8Array.from(whole.message)));
        // a message whose last line has no CRLF gets one when stuffed again
        check(again.done && (Array.from(again.message).join() === whole.message.join() || whole.message.at(-1) !== 0x0a), () => 're-stuffing the message did not read back');
        return 'ok';
      },
    },
    {
      name: 'smtp.dissect',
      seeds: () => [...SESSIONS.map(ascii), ascii('250-a\r\n250 b\r\n'), ascii('Subject: x\r\n y\r\n\r\nbody\r\n.\r\n')],
      dictionary: smtpDictionary,
      run: (input) => checkTree(dissectSmtp(messageEvent('smtp', input)), input.length),
    },
  ];
}
