/**
 * One POP3 session on the server, as RFC 1939 §3–§6 lays it out: the
 * AUTHORIZATION state (USER, PASS, QUIT), the TRANSACTION state once the
 * maildrop is locked (STAT, LIST, RETR, DELE, NOOP, RSET, TOP, UIDL, QUIT),
 * and the UPDATE state QUIT leads to. Sans-I/O: a line in, a reply out,
 * plus the events of what changed.
 *
 * Rules:
 * - Message numbers are fixed for the session (§5): the maildrop's INBOX
 *   as it was at login. Mail that arrives later waits for the next session.
 * - DELE only marks a message (§6); a marked message is left out of STAT
 *   and LIST and refused by RETR, TOP and a second DELE. The marks are the
 *   session's own; at UPDATE each marked message gets the store's \Deleted
 *   flag and is expunged there. Messages flagged \Deleted by someone else
 *   (an IMAP session) are left as they were.
 * - PASS locks the maildrop (§8): a second session for the same user is
 *   refused with -ERR while the first holds it. The lock is released at
 *   QUIT, or when the session is aborted (connection broken, autologout),
 *   which deletes nothing (§6: no UPDATE without QUIT).
 * - USER for an unknown user is refused at once (§7 allows either answer;
 *   RFC 1939's own example refuses). A wrong password sends the session
 *   back to its start: USER again.
 * - CAPA (RFC 2449 §5) is answered, in both states, so clients that ask
 *   first (curl does) see what we speak: USER, TOP, UIDL.
 * - Every refusal is "-ERR …" with a reason, traced as pop3.error; nothing
 *   a client sends can make the session throw.
 */
import type { Cause } from '../../engine/face';
import { DELETED, type MailStore, type StoredMessage } from '../mail/mail-store';
import { encodeLines, encodeMultiline, encodeStatus, latin1, parseCommand, statusLine, commandSummary } from './codec';
import type { Pop3Event } from './events';
import type { StreamLine } from './line-reader';
import { topOf } from './message-parts';

export type SessionState = 'authorization' | 'transaction' | 'update';

export const GREETING = 'POP3 server ready';
export const CAPABILITIES = ['USER', 'TOP', 'UIDL'] as const;

export interface Reply {
  readonly bytes: Uint8Array;
  /** The chart's line: the status line. */
  readonly summary: string;
  /** The server closes the connection after it (QUIT). */
  readonly close: boolean;
}

export interface SessionStep {
  readonly reply: Reply;
  readonly events: readonly Pop3Event[];
}

const AUTH_ONLY = new Set(['USER', 'PASS', 'APOP']);
const TRANSACTION_ONLY = new Set(['STAT', 'LIST', 'RETR', 'DELE', 'NOOP', 'RSET', 'TOP', 'UIDL']);
/** Commands with a fixed number of arguments: [least, most]. */
const ARITY: Readonly<Record<string, readonly [number, number]>> = {
  USER: [1, 1],
  PASS: [1, 1],
  QUIT: [0, 0],
  CAPA: [0, 0],
  STAT: [0, 0],
  LIST: [0, 1],
  RETR: [1, 1],
  DELE: [1, 1],
  NOOP: [0, 0],
  RSET: [0, 0],
  TOP: [2, 2],
  UIDL: [0, 1],
};

export class Pop3Session {
  private stateNow: SessionState = 'authorization';
  /** The name USER gave (its account's spelling), waiting for PASS. */
  private pendingUser: string | null = null;
  /** The user whose maildrop this session holds locked. */
  private user: string | null = null;
  private messages: readonly StoredMessage[] = [];
  private readonly marked = new Set<number>();

  constructor(
    private readonly store: MailStore,
    private readonly connection: string,
  ) {}

  get state(): SessionState {
    return this.stateNow;
  }

  /** The user logged in, or null. */
  get loggedIn(): string | null {
    return this.user;
  }

  greeting(): Reply {
    return reply(true, GREETING);
  }

  /** One line from the client (line-reader.ts), with the trace id of the message it ended. */
  handle(line: StreamLine, cause: Cause): SessionStep {
    const where = { cause, connection: this.connection };
    const refuse = (command: string, text: string): SessionStep => ({ reply: reply(false, text), events: [{ type: 'pop3.error', command, state: this.stateNow, reply: statusLine(false, text), ...where }] });
    if (line.tooLong) return refuse('(too long)', 'line too long');
    const parsed = parseCommand(line.content);
    if (!parsed.ok) {
      if (parsed.error.code === 'line-too-long') return refuse('(too long)', 'line too long');
      return refuse(shownLine(latin1(line.content)), parsed.error.code === 'argument-too-long' ? 'argument too long' : 'unknown command');
    }
    const command = parsed.value;
    const name = commandSummary(command);
    const arity = ARITY[command.keyword];
    if (arity === undefined) return refuse(name, 'unknown command');
    if (this.stateNow === 'authorization' && TRANSACTION_ONLY.has(command.keyword)) return refuse(name, `${command.keyword} is not valid before login (AUTHORIZATION state)`);
    if (this.stateNow === 'transaction' && AUTH_ONLY.has(command.keyword)) return refuse(name, `${command.keyword} is not valid after login (TRANSACTION state)`);
    if (command.args.length < arity[0] || command.args.length > arity[1]) return refuse(name, `${command.keyword} takes ${arity[0] === arity[1] ? arity[0] : `${arity[0]} or ${arity[1]}`} argument${arity[0] === 1 && arity[1] === 1 ? '' : 's'}`);
    const ok = (r: Reply, events: readonly Pop3Event[] = []): SessionStep => ({ reply: r, events });
    const [a, b] = command.args;
    switch (command.keyword) {
      case 'CAPA':
        return ok({ bytes: encodeLines('Capability list follows', CAPABILITIES), summary: '+OK Capability list follows', close: false });
      case 'QUIT':
        return this.quit(where);
      case 'USER': {
        const user = this.store.userNamed(a!);
        if (user === null) {
          this.pendingUser = null;
          return ok(reply(false, `no mailbox for ${shown(a!)} here`), [{ type: 'pop3.loginFailed', user: a!, reason: 'no-such-user', ...where }]);
        }
        this.pendingUser = user;
        return ok(reply(true, `${user} is a valid mailbox`));
      }
      case 'PASS': {
        const user = this.pendingUser;
        if (user === null) return refuse(name, 'USER first');
        this.pendingUser = null;
        if (!this.store.authenticate(user, a!)) return ok(reply(false, 'invalid user name or password'), [{ type: 'pop3.loginFailed', user, reason: 'bad-password', ...where }]);
        if (!this.store.lock(user)) return ok(reply(false, 'maildrop already locked'), [{ type: 'pop3.loginFailed', user, reason: 'locked', ...where }]);
        this.user = user;
        this.messages = [...(this.store.folder(user)?.messages ?? [])];
        this.stateNow = 'transaction';
        const [count, octets] = this.totals();
        return ok(reply(true, `maildrop has ${plural(count, 'message')} (${octets} octets)`), [{ type: 'pop3.loggedIn', user, messages: count, octets, ...where }]);
      }
      case 'STAT': {
        const [count, octets] = this.totals();
        return ok(reply(true, `${count} ${octets}`));
      }
      case 'NOOP':
        return ok(reply(true, ''));
      case 'RSET': {
        const unmarked = this.marked.size;
        this.marked.clear();
        const [count, octets] = this.totals();
        return ok(reply(true, `maildrop has ${plural(count, 'message')} (${octets} octets)`), unmarked > 0 ? [{ type: 'pop3.reset', user: this.user!, unmarked, ...where }] : []);
      }
      case 'LIST':
      case 'UIDL': {
        const line = (n: number) => `${n} ${command.keyword === 'LIST' ? this.messages[n - 1]!.bytes.length : this.messages[n - 1]!.uid}`;
        if (a !== undefined) {
          const n = this.number(a);
          if (typeof n === 'string') return refuse(name, n);
          return ok(reply(true, line(n)));
        }
        const live = this.live();
        const [count, octets] = this.totals();
        const text = command.keyword === 'LIST' ? `${plural(count, 'message')} (${octets} octets)` : '';
        return ok({ bytes: encodeLines(text, live.map(line)), summary: statusLine(true, text), close: false });
      }
      case 'RETR':
      case 'TOP': {
        const n = this.number(a!);
        if (typeof n === 'string') return refuse(name, n);
        const lines = b === undefined ? null : /^\d{1,9}$/.test(b) ? Number(b) : -1;
        if (lines === -1) return refuse(name, `${shown(b!)} is not a number of lines`);
        const message = this.messages[n - 1]!;
        const data = lines === null ? message.bytes : topOf(message.bytes, lines);
        const text = lines === null ? `${message.bytes.length} octets` : 'top of message follows';
        return ok({ bytes: encodeMultiline(true, text, data), summary: statusLine(true, text), close: false }, [{ type: 'pop3.retrieved', user: this.user!, number: n, uid: message.uid, octets: data.length, lines, ...where }]);
      }
      case 'DELE': {
        const n = this.number(a!);
        if (typeof n === 'string') return refuse(name, n);
        this.marked.add(n);
        return ok(reply(true, `message ${n} deleted`), [{ type: 'pop3.marked', user: this.user!, number: n, ...where }]);
      }
    }
    return refuse(name, 'unknown command');
  }

  /** The session ends without QUIT: the marks are dropped, the lock released (§6). Null when it had ended already (QUIT). */
  abort(reason: 'connection-broken' | 'autologout'): Pop3Event | null {
    if (this.stateNow === 'update') return null;
    const user = this.user;
    const discarded = this.marked.size;
    this.release();
    return { type: 'pop3.aborted', user, reason, discarded, connection: this.connection };
  }

  private quit(where: { cause: Cause; connection: string }): SessionStep {
    if (this.stateNow === 'authorization') {
      this.stateNow = 'update';
      return { reply: { ...reply(true, 'POP3 server signing off'), close: true }, events: [] };
    }
    // UPDATE (§6): the marked messages go; only ours are expunged.
    const user = this.user!;
    const folder = this.store.folder(user);
    const numbers = [...this.marked].sort((x, y) => x - y);
    const uids: number[] = [];
    if (folder) {
      const theirs = folder.messages.filter((m) => m.flags.has(DELETED));
      for (const m of theirs) m.flags.delete(DELETED);
      for (const n of numbers) {
        const m = this.messages[n - 1]!;
        if (folder.messages.includes(m)) {
          m.flags.add(DELETED);
          uids.push(m.uid);
        }
      }
      folder.expunge();
      for (const m of theirs) m.flags.add(DELETED);
    }
    const left = folder?.messages.length ?? 0;
    this.release();
    this.stateNow = 'update';
    const text = left === 0 ? 'POP3 server signing off (maildrop empty)' : `POP3 server signing off (${plural(left, 'message')} left)`;
    const events: Pop3Event[] = numbers.length > 0 ? [{ type: 'pop3.deleted', user, numbers, uids, left, ...where }] : [];
    return { reply: { ...reply(true, text), close: true }, events };
  }

  private release(): void {
    if (this.user !== null) this.store.unlock(this.user);
    this.user = null;
    this.marked.clear();
    this.stateNow = 'update';
  }

  /** A message number argument: a message of the session not marked deleted, or why not (§5). */
  private number(arg: string): number | string {
    if (!/^\d{1,9}$/.test(arg)) return `${shown(arg)} is not a message number`;
    const n = Number(arg);
    if (n < 1 || n > this.messages.length) return `no such message, only ${plural(this.messages.length, 'message')} in maildrop`;
    if (this.marked.has(n)) return `message ${n} already deleted`;
    return n;
  }

  private live(): number[] {
    return this.messages.map((_, i) => i + 1).filter((n) => !this.marked.has(n));
  }

  /** Messages not marked deleted and their octets (§5 STAT). */
  private totals(): [number, number] {
    const live = this.live();
    return [live.length, live.reduce((sum, n) => sum + this.messages[n - 1]!.bytes.length, 0)];
  }
}

function reply(ok: boolean, text: string): Reply {
  return { bytes: encodeStatus(ok, text), summary: statusLine(ok, text), close: false };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A client's text as we quote it back: printable ASCII only, at most 40 characters. */
function shown(text: string): string {
  const clean = text.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 37)}...` : clean;
}

/** A line that is not a command, for the trace: a password after PASS is never shown. */
function shownLine(text: string): string {
  return /^pass /i.test(text) ? 'PASS ••••' : shown(text);
}
