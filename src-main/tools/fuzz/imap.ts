/**
 * IMAP fuzz targets: the server engine (src-core/protocols/imap/server.ts)
 * fed a whole client stream, in random cuts (`chunks`, from the input's own
 * hash), over a store with one account and two messages; and the
 * dissector. Seeds are whole sessions our own encoder writes; the harness
 * mutates them.
 *
 * Checks beyond "does not throw":
 * - Every write of the server is whole responses: it ends in CRLF and
 *   starts with "* ", "+ " or a tag.
 * - What the server writes does not depend on the cuts (the same as one
 *   push of it all), so no state hides in the chunking.
 * - Every command gets a reply: a stream of n CRLF-ended lines with no
 *   literal gets at least min(n, 1) writes after the greeting, unless the
 *   server closed.
 */
import type { EngineEnv } from '../../../src-core/engine/face';
import { encodeCommand } from '../../../src-core/protocols/imap/command';
import { dissectImap } from '../../../src-core/protocols/imap/dissect';
import { ImapServerEngine } from '../../../src-core/protocols/imap/server';
import { MailStore } from '../../../src-core/protocols/mail/mail-store';
import { checkTree, messageEvent } from './dissect-check';
import { FuzzConnection } from './server-connection';
import { check, chunks, concat, inputRng, type FuzzTarget, type Outcome } from './target';

const text = (s: string) => new TextEncoder().encode(s);

function store(): MailStore {
  const s = new MailStore('example.com', [{ user: 'bob', password: 'pw' }]);
  s.deliver('bob', text('From: A <a@example.org>\r\nSubject: One\r\n\r\nbody\r\n'), 0);
  s.deliver('bob', text('Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\npart\r\n--b--\r\n'), 1);
  return s;
}

/** Runs the server over `pieces`; returns its writes (as text) and whether it closed. */
function serve(pieces: readonly Uint8Array[]): { writes: string[]; closed: boolean } {
  let id = 0;
  const env: EngineEnv = { socketId: () => ++id, random32: () => 7 };
  const engine = new ImapServerEngine(env, { port: 143, store: store() });
  // one instant for every piece: the replies must not depend on how the input is cut
  const c = new FuzzConnection(engine, 50, { listener: 1, stepNs: 0 });
  c.feed(pieces, true);
  return { writes: c.writes.map((w) => new TextDecoder('latin1').decode(w)), closed: c.closed };
}

function runServer(input: Uint8Array): Outcome {
  const rng = inputRng(input);
  const cut = serve(chunks(input, rng));
  const whole = serve([input]);
  check(cut.writes.join('') === whole.writes.join(''), () => `cutting the input changed the replies: ${cut.writes.length} writes in pieces, ${whole.writes.length} in one push`);
  for (const w of whole.writes) {
    check(w.endsWith('\r\n'), () => `a write that does not end in CRLF: ${JSON.stringify(w.slice(0, 80))}`);
    check(/^(\* |\+ |[^\s+]+ (OK|NO|BAD) )/.test(w), () => `a write that is not a response: ${JSON.stringify(w.slice(0, 80))}`);
  }
  const lines = new TextDecoder('latin1').decode(input).split('\r\n').length - 1;
  if (lines > 0 && !whole.closed && !/\{\d+\+?\}\r\n/.test(new TextDecoder('latin1').decode(input))) check(whole.writes.length > 1, () => `${lines} lines got no reply`);
  return whole.writes.some((w) => / BAD /.test(w)) ? 'rejected' : 'ok';
}

function seeds(): Uint8Array[] {
  const session = (...cmds: Uint8Array[]) => concat(cmds);
  return [
    session(encodeCommand('A1', 'LOGIN', [{ string: 'bob' }, { string: 'pw' }]), encodeCommand('A2', 'SELECT', [{ string: 'INBOX' }]), encodeCommand('A3', 'FETCH', [{ atom: '1:*' }, { list: [{ atom: 'UID' }, { atom: 'ENVELOPE' }, { atom: 'BODYSTRUCTURE' }, { atom: 'BODY[]' }] }])),
    session(encodeCommand('a', 'LOGIN', [{ atom: 'bob' }, { string: 'p\r\nw' }]), encodeCommand('b', 'LIST', [{ string: '' }, { atom: '*' }])),
    session(text('A1 LOGIN bob pw\r\nA2 EXAMINE INBOX\r\nA3 STORE 1 +FLAGS (\\Deleted)\r\nA4 UID FETCH 1:* (FLAGS BODY.PEEK[HEADER.FIELDS (Subject)]<0.5>)\r\nA5 SEARCH ALL\r\nA6 CLOSE\r\nA7 LOGOUT\r\n')),
    session(text('A1 LOGIN bob pw\r\nA2 SELECT INBOX\r\nA3 STORE 1:2 +FLAGS.SILENT (\\Deleted)\r\nA4 EXPUNGE\r\nA5 STATUS INBOX (MESSAGES UIDNEXT)\r\nA6 CREATE Archive\r\n')),
  ];
}

function dictionary(): Uint8Array[] {
  return ['{3}\r\n', '{5+}\r\n', ' (', ')', '"', '\\', '1:*', '*', 'BODY[]', 'BODY.PEEK[TEXT]', '\\Seen', '\\Deleted', 'UID ', ' FETCH ', ' STORE ', '+FLAGS', '\r\n', 'NIL'].map(text);
}

export function imapTargets(): FuzzTarget[] {
  return [
    { name: 'imap.server', seeds, dictionary, run: runServer },
    { name: 'imap.dissect', seeds, dictionary, run: (input) => checkTree(dissectImap(messageEvent('imap', input)), input.length) },
  ];
}
