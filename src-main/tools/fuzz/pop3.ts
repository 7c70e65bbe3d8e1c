/**
 * POP3 fuzz targets (src-core/protocols/pop3): the server engine fed
 * random and mutated command streams, the client's response reader, and
 * the dissector.
 *
 * `pop3.server`: each input is one client connection to one server engine
 * (a fresh engine and mail store every `resetEvery` inputs, so the lock
 * and the deletions of earlier sessions are part of the state), its bytes
 * cut in random reads (from the input's own hash), at most MAX_INPUT of
 * them; then the client closes. Checks beyond "does not throw":
 * - every write is one well-formed response: a status line, or a status
 *   line and byte-stuffed data that unstuff without fault (codec.ts);
 * - the server answers every line until its QUIT answer, and closes after
 *   that answer (and never writes after closing);
 * - when the connection is over, the maildrop's lock is free again (§8);
 * - the store never loses a message except at a QUIT of a logged-in
 *   session.
 * 'rejected' when the server answered any -ERR.
 */
import { DELETED, MailStore } from '../../../src-core/protocols/mail/mail-store';
import { ascii, parseMultiline, parseStatus } from '../../../src-core/protocols/pop3/codec';
import { dissectPop3 } from '../../../src-core/protocols/pop3/dissect';
import { ResponseReader } from '../../../src-core/protocols/pop3/response-reader';
import { Pop3ServerEngine } from '../../../src-core/protocols/pop3/server';
import type { EngineEnv } from '../../../src-core/engine/face';
import { checkTree, messageEvent } from './dissect-check';
import { FuzzConnection } from './server-connection';
import { check, chunks, concat, inputRng, type FuzzTarget, type Outcome } from './target';

/** Bytes of one input fed at most: a session of a few dozen commands. */
export const MAX_INPUT = 4096;

const MESSAGES = ['From: a@example.com\r\nSubject: one\r\n\r\nhello\r\n', 'Subject: dots\r\n\r\n.\r\n..\r\n.x\r\n', ''];

const SESSIONS = [
  'USER bob\r\nPASS hungry\r\nSTAT\r\nLIST\r\nRETR 1\r\nDELE 1\r\nQUIT\r\n',
  'CAPA\r\nUSER bob\r\nPASS hungry\r\nUIDL\r\nTOP 2 1\r\nLIST 2\r\nDELE 2\r\nRSET\r\nNOOP\r\nQUIT\r\n',
  'USER bob\r\nPASS wrong\r\nUSER nobody\r\nQUIT\r\n',
  'USER bob\r\nPASS hungry\r\nRETR 3\r\nDELE 1\r\nDELE 2\r\nDELE 3\r\nSTAT\r\n',
  'STAT\r\nXYZZY\r\n\r\nUSER\r\nuser BOB\r\npass hungry\r\nretr 1\r\n',
];

export const pop3Dictionary = (): Uint8Array[] => ['\r\n', ' ', 'USER bob', 'PASS hungry', 'STAT', 'LIST', 'RETR ', 'DELE ', 'TOP ', 'UIDL', 'RSET', 'NOOP', 'QUIT', 'CAPA', '1', '2', '0', '4294967296', '.'].map(ascii);

function newStore(): MailStore {
  const store = new MailStore('example.com', [{ user: 'bob', password: 'hungry' }]);
  for (const m of MESSAGES) store.deliver('bob', ascii(m), 0);
  return store;
}

/** One write of the server is one whole response. */
function checkResponse(bytes: Uint8Array): boolean {
  const lf = bytes.indexOf(0x0a);
  check(lf > 0 && bytes[lf - 1] === 0x0d, () => 'a response whose first line does not end with CRLF');
  const status = parseStatus(bytes.subarray(0, lf - 1));
  check(status.ok, () => `a status line that is not POP3: ${status.ok ? '' : status.error.message}`);
  if (lf + 1 < bytes.length) {
    const multi = parseMultiline(bytes);
    check(multi.ok, () => `a multi-line response that does not read back: ${multi.ok ? '' : multi.error.message}`);
  }
  return status.value.ok;
}

class ServerRig {
  private store = newStore();
  private nextSocket = 1;
  private engine = this.makeEngine();
  private connection = 0;

  private makeEngine(): Pop3ServerEngine {
    const env: EngineEnv = { socketId: () => this.nextSocket++, random32: () => 0 };
    const engine = new Pop3ServerEngine(env, this.store, { port: 110 });
    while (engine.pollTransmit()); // its listen
    return engine;
  }

  reset(): void {
    this.store = newStore();
    this.nextSocket = 1;
    this.engine = this.makeEngine();
  }

  /** Runs one connection; 'rejected' when some command got -ERR. */
  session(input: Uint8Array): Outcome {
    const before = this.store.folder('bob')!.messages.length;
    const c = new FuzzConnection(this.engine, 1000 + this.connection++, { listener: 1, stepNs: 1000 });
    check(c.writes.length === 1, () => `${c.writes.length} writes on accepting: the greeting alone expected`);
    const bytes = input.subarray(0, MAX_INPUT);
    c.feed(chunks(bytes, inputRng(input)));
    const writes = c.writes;
    check(!c.wroteAfterClose, () => 'the server wrote after closing the connection');
    let errors = 0;
    for (const w of writes) if (!checkResponse(w)) errors++;
    // every line is answered, until QUIT's answer closes the session
    const lines = countLines(bytes);
    if (!c.closed) check(writes.length === 1 + lines, () => `${lines} lines sent, ${writes.length - 1} answered`);
    else check(writes.length <= 1 + lines, () => `${writes.length - 1} answers to ${lines} lines`);
    c.end();
    check(this.store.lock('bob'), () => 'the maildrop is still locked after the connection ended');
    this.store.unlock('bob');
    const after = this.store.folder('bob')!.messages;
    if (!c.closed) check(after.length === before, () => `${before - after.length} messages went without a QUIT`);
    check(
      after.every((m) => !m.flags.has(DELETED)),
      () => 'a message left flagged \\Deleted in the store',
    );
    if (after.length === 0) this.reset();
    return errors > 0 ? 'rejected' : 'ok';
  }
}

function countLines(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if (b === 0x0a) n++;
  return n;
}

/** Responses as a server writes them, for the reader and the dissector. */
function responseSeeds(): Uint8Array[] {
  return [
    ascii('+OK POP3 server ready\r\n'),
    ascii('+OK 2 messages (320 octets)\r\n1 120\r\n2 200\r\n.\r\n'),
    ascii('+OK 20 octets\r\nSubject: x\r\n\r\n..dot\r\n.\r\n'),
    ascii('-ERR no such message\r\n'),
  ];
}

export function pop3Targets(): FuzzTarget[] {
  const rig = new ServerRig();
  return [
    {
      name: 'pop3.server',
      seeds: () => SESSIONS.map(ascii),
      dictionary: pop3Dictionary,
      resetEvery: 50,
      reset: () => rig.reset(),
      run: (input) => rig.session(input),
    },
    {
      name: 'pop3.responses',
      seeds: () => [concat(responseSeeds())],
      dictionary: pop3Dictionary,
      run(input) {
        // the same responses however cut; the reader expects multi-line answers as often as the input's hash says
        const rng = inputRng(input);
        const expect = Array.from({ length: 8 }, () => rng.chance(0.5));
        const read = (pieces: readonly Uint8Array[]) => {
          const reader = new ResponseReader();
          for (const e of expect) reader.expect(e);
          return JSON.stringify(pieces.flatMap((p) => reader.push(p)), (_, v: unknown) => (v instanceof Uint8Array ? Array.from(v) : v));
        };
        const whole = read([input]);
        check(read(chunks(input, rng)) === whole, () => 'cutting the input changed the responses read');
        return whole.includes('"ok":false') ? 'rejected' : 'ok';
      },
    },
    {
      name: 'pop3.dissect',
      seeds: () => [...responseSeeds(), ...SESSIONS.map((s) => ascii(s.slice(0, s.indexOf('\n') + 1)))],
      dictionary: pop3Dictionary,
      run: (input) => checkTree(dissectPop3(messageEvent('pop3', input)), input.length),
    },
  ];
}
