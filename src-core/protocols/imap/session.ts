/**
 * One IMAP server session (RFC 9051 §3): its state — not authenticated,
 * authenticated, selected, logout — and the answer to each command, as
 * responses to write and events to report. No I/O (server.ts drives it).
 *
 * Rules:
 * - Any state: CAPABILITY, NOOP, LOGOUT (§6.1: BYE, then the tagged OK).
 * - Not authenticated: LOGIN (§6.2.3). We do not refuse LOGIN over a
 *   cleartext connection (no LOGINDISABLED, §6.2.3): the simulation has
 *   no TLS. AUTHENTICATE is answered NO (no mechanism is offered).
 * - Authenticated and selected: SELECT, EXAMINE, CREATE, LIST, STATUS.
 * - Selected: FETCH, STORE, EXPUNGE, CLOSE, UNSELECT, SEARCH and their
 *   UID forms (§6.4.9).
 * - A command of another state is answered BAD (§6: "BAD or NO"; we say
 *   BAD for a command the state does not know, NO for a refused one).
 * - BODY[] (not .PEEK) sets \Seen in a read-write folder, and the FETCH
 *   then includes FLAGS (§6.4.5). EXAMINE's folder is read-only: STORE is
 *   NO, EXPUNGE is NO, CLOSE removes nothing.
 * - Sequence numbers are the folder's message positions, 1-based; another
 *   session's expunge is not announced here (we differ from §7.5.1: it
 *   would be sent before the next command's completion).
 */
import { DELETED, FLAGGED, ANSWERED, SEEN, type Folder, type MailStore, type StoredMessage } from '../mail/mail-store';
import { concat, stringBytes, type ImapCommand } from './command';
import type { ImapEvent } from './events';
import { bodyStructureBytes, envelopeBytes, internalDate, sectionBytes } from './fetch-data';
import { parseFetchItems, type FetchItem } from './fetch-items';
import { formatSequenceSet, inSequenceSet, parseSequenceSet } from './sequence-set';
import { ascii, textOf, type ImapValue } from './syntax';

export const CAPABILITIES = 'IMAP4rev2 IMAP4rev1';
export const GREETING = `* OK [CAPABILITY ${CAPABILITIES}] L7 Lab IMAP4rev2 server ready`;
/** §2.3.2: the flags a client may set; \* : any keyword may be stored too. */
export const FOLDER_FLAGS = [ANSWERED, FLAGGED, DELETED, SEEN, '\\Draft'];

export type SessionState = 'not-authenticated' | 'authenticated' | 'selected' | 'logout';

export interface Response {
  readonly bytes: Uint8Array;
  /** The first line, for the chart (literals as their header and "…"). */
  readonly summary: string;
}

/** Event data without the cause and connection (the server adds them). */
type Bare<T> = T extends ImapEvent ? Omit<T, 'cause' | 'connection'> : never;
export type SessionEvent = Bare<Exclude<ImapEvent, { type: 'imap.autologout' | 'imap.messageRead' | 'imap.mailboxRead' | 'imap.readFailed' }>>;

export interface Answer {
  readonly responses: Response[];
  readonly events: SessionEvent[];
  /** The server closes the connection after writing them (LOGOUT). */
  readonly close: boolean;
}

const line = (text: string): Response => ({ bytes: ascii(`${text}\r\n`), summary: text });

const NOT_AUTH = new Set(['LOGIN', 'AUTHENTICATE', 'STARTTLS']);
const AUTH = new Set(['SELECT', 'EXAMINE', 'CREATE', 'LIST', 'STATUS', 'DELETE', 'RENAME', 'SUBSCRIBE', 'UNSUBSCRIBE', 'LSUB', 'NAMESPACE', 'APPEND', 'ENABLE', 'IDLE']);
const SELECTED = new Set(['FETCH', 'STORE', 'EXPUNGE', 'CLOSE', 'UNSELECT', 'SEARCH', 'COPY', 'MOVE', 'UID FETCH', 'UID STORE', 'UID SEARCH', 'UID EXPUNGE', 'UID COPY', 'UID MOVE']);
const ANY = new Set(['CAPABILITY', 'NOOP', 'LOGOUT']);

export class ImapSession {
  state: SessionState = 'not-authenticated';
  user: string | null = null;
  private folder: Folder | null = null;
  private readOnly = false;
  /** ENABLE IMAP4rev2 was given: SEARCH answers ESEARCH. */
  private rev2 = false;

  constructor(private readonly store: MailStore) {}

  answer(c: ImapCommand): Answer {
    const responses: Response[] = [];
    const events: SessionEvent[] = [];
    const done = (status: 'OK' | 'NO' | 'BAD', text: string, close = false): Answer => {
      responses.push(line(`${c.tag} ${status} ${text}`));
      if (status !== 'OK') events.push({ type: 'imap.bad', reply: status, tag: c.tag, reason: text, offset: c.ranges.name.start });
      return { responses, events, close };
    };
    const known = ANY.has(c.name) || NOT_AUTH.has(c.name) || AUTH.has(c.name) || SELECTED.has(c.name);
    if (!known) return done('BAD', `unknown command ${c.name}`);
    if (NOT_AUTH.has(c.name) && this.state !== 'not-authenticated') return done('BAD', `${c.name} is valid only before login`);
    if (AUTH.has(c.name) && this.state === 'not-authenticated') return done('BAD', `${c.name} needs a login first`);
    if (SELECTED.has(c.name) && this.state !== 'selected') return done('BAD', `${c.name} needs a selected mailbox`);
    const text = (i: number) => textOf(c.args[i]);

    switch (c.name) {
      case 'CAPABILITY':
        responses.push(line(`* CAPABILITY ${CAPABILITIES}`));
        return done('OK', 'CAPABILITY completed');
      case 'NOOP':
        return done('OK', 'NOOP completed');
      case 'LOGOUT':
        events.push({ type: 'imap.loggedOut', user: this.user });
        this.state = 'logout';
        responses.push(line('* BYE logging out'));
        return done('OK', 'LOGOUT completed', true);
      case 'STARTTLS':
        return done('BAD', 'STARTTLS is not offered');
      case 'AUTHENTICATE':
        return done('NO', 'no SASL mechanism is offered: use LOGIN');
      case 'LOGIN': {
        const user = text(0);
        const password = text(1);
        if (user === null || password === null || c.args.length !== 2) return done('BAD', 'LOGIN needs a user name and a password');
        if (!this.store.authenticate(user, password)) {
          events.push({ type: 'imap.loginFailed', user, reason: this.store.hasUser(user) ? 'wrong password' : 'no such user' });
          responses.push(line(`${c.tag} NO [AUTHENTICATIONFAILED] invalid credentials`));
          return { responses, events, close: false };
        }
        this.user = this.store.userNamed(user)!;
        this.state = 'authenticated';
        events.push({ type: 'imap.loggedIn', user: this.user });
        return done('OK', `[CAPABILITY ${CAPABILITIES}] LOGIN completed`);
      }
      case 'ENABLE': {
        // RFC 9051 Appendix E: IMAP4rev2 answers (ESEARCH) only once the client enables it
        const asked = c.args.map((a) => textOf(a)?.toUpperCase());
        if (asked.includes('IMAP4REV2')) this.rev2 = true;
        responses.push(line(`* ENABLED${this.rev2 ? ' IMAP4rev2' : ''}`));
        return done('OK', 'ENABLE completed');
      }
      case 'NAMESPACE':
        responses.push(line('* NAMESPACE (("" "/")) NIL NIL'));
        return done('OK', 'NAMESPACE completed');
      case 'LIST':
      case 'LSUB':
        return this.list(c, responses, done);
      case 'SELECT':
      case 'EXAMINE':
        return this.select(c, responses, events, done);
      case 'CREATE': {
        const name = text(0);
        if (name === null || name === '' || c.args.length !== 1) return done('BAD', 'CREATE needs a mailbox name');
        if (!this.store.createFolder(this.user!, name)) return done('NO', `[ALREADYEXISTS] ${name} exists`);
        events.push({ type: 'imap.created', user: this.user!, folder: name });
        return done('OK', 'CREATE completed');
      }
      case 'STATUS':
        return this.status(c, responses, done);
      case 'SUBSCRIBE':
      case 'UNSUBSCRIBE':
        return done('OK', `${c.name} completed`);
      case 'FETCH':
      case 'UID FETCH':
        return this.fetch(c, responses, events, done);
      case 'STORE':
      case 'UID STORE':
        return this.storeFlags(c, responses, events, done);
      case 'EXPUNGE':
      case 'UID EXPUNGE':
        if (this.readOnly) return done('NO', '[READ-ONLY] the mailbox is read-only');
        this.expunge(c.name === 'UID EXPUNGE' ? text(0) : null, false, responses, events);
        return done('OK', 'EXPUNGE completed');
      case 'CLOSE':
      case 'UNSELECT':
        if (c.name === 'CLOSE' && !this.readOnly) this.expunge(null, true, responses, events);
        this.folder = null;
        this.state = 'authenticated';
        return done('OK', `${c.name} completed`);
      case 'SEARCH':
      case 'UID SEARCH':
        return this.search(c, responses, done);
      default:
        return done('NO', `${c.name} is not supported by this server`);
    }
  }

  private list(c: ImapCommand, responses: Response[], done: (s: 'OK' | 'NO' | 'BAD', t: string) => Answer): Answer {
    const reference = textOf(c.args[0]);
    const pattern = textOf(c.args[1]);
    if (reference === null || pattern === null || c.args.length < 2) return done('BAD', `${c.name} needs a reference and a mailbox pattern`);
    if (pattern === '') {
      responses.push(line('* LIST (\\Noselect) "/" ""'));
      return done('OK', `${c.name} completed`);
    }
    const re = new RegExp(`^${(reference + pattern).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/%/g, '[^/]*')}$`, 'i');
    for (const name of this.store.folders(this.user!)) {
      if (!re.test(name)) continue;
      responses.push({ bytes: concat([ascii(`* ${c.name} (\\HasNoChildren) "/" `), ...stringBytes(name), ascii('\r\n')]), summary: `* ${c.name} (\\HasNoChildren) "/" ${name}` });
    }
    return done('OK', `${c.name} completed`);
  }

  private select(c: ImapCommand, responses: Response[], events: SessionEvent[], done: (s: 'OK' | 'NO' | 'BAD', t: string) => Answer): Answer {
    const name = textOf(c.args[0]);
    if (name === null || c.args.length !== 1) return done('BAD', `${c.name} needs a mailbox name`);
    // §6.3.2: a failed SELECT leaves no mailbox selected
    this.folder = null;
    this.state = 'authenticated';
    const folder = this.store.folder(this.user!, name);
    if (!folder) return done('NO', `[NONEXISTENT] no mailbox ${name}`);
    this.folder = folder;
    this.readOnly = c.name === 'EXAMINE';
    this.state = 'selected';
    responses.push(line(`* ${folder.messages.length} EXISTS`));
    responses.push(line(`* FLAGS (${FOLDER_FLAGS.join(' ')})`));
    responses.push(line(this.readOnly ? '* OK [PERMANENTFLAGS ()] no permanent flags (read-only)' : `* OK [PERMANENTFLAGS (${FOLDER_FLAGS.join(' ')} \\*)] flags permitted`));
    responses.push(line(`* OK [UIDVALIDITY ${folder.uidValidity}] UIDs valid`));
    responses.push(line(`* OK [UIDNEXT ${folder.uidNext}] predicted next UID`));
    responses.push({ bytes: concat([ascii('* LIST () "/" '), ...stringBytes(folder.name), ascii('\r\n')]), summary: `* LIST () "/" ${folder.name}` });
    events.push({ type: 'imap.selected', user: this.user!, folder: folder.name, exists: folder.messages.length, readOnly: this.readOnly, uidValidity: folder.uidValidity, uidNext: folder.uidNext });
    return done('OK', `[${this.readOnly ? 'READ-ONLY' : 'READ-WRITE'}] ${c.name} completed`);
  }

  private status(c: ImapCommand, responses: Response[], done: (s: 'OK' | 'NO' | 'BAD', t: string) => Answer): Answer {
    const name = textOf(c.args[0]);
    const items = c.args[1];
    if (name === null || items?.kind !== 'list') return done('BAD', 'STATUS needs a mailbox name and a list of items');
    const folder = this.store.folder(this.user!, name);
    if (!folder) return done('NO', `[NONEXISTENT] no mailbox ${name}`);
    const values: string[] = [];
    for (const it of items.items) {
      const item = textOf(it)?.toUpperCase();
      const value =
        item === 'MESSAGES' ? folder.messages.length
        : item === 'UIDNEXT' ? folder.uidNext
        : item === 'UIDVALIDITY' ? folder.uidValidity
        : item === 'UNSEEN' ? folder.messages.filter((m) => !m.flags.has(SEEN)).length
        : item === 'DELETED' ? folder.messages.filter((m) => m.flags.has(DELETED)).length
        : item === 'SIZE' ? folder.messages.reduce((n, m) => n + m.bytes.length, 0)
        : item === 'RECENT' ? 0
        : null;
      if (value === null) return done('BAD', `unknown STATUS item ${textOf(it) ?? ''}`);
      values.push(`${item} ${value}`);
    }
    responses.push({ bytes: concat([ascii('* STATUS '), ...stringBytes(folder.name), ascii(` (${values.join(' ')})\r\n`)]), summary: `* STATUS ${folder.name} (${values.join(' ')})` });
    return done('OK', 'STATUS completed');
  }

  /** The messages a set names, with their sequence numbers; `uid`: the set is of UIDs (§6.4.9). */
  private chosen(set: string | null, uid: boolean): { seq: number; message: StoredMessage }[] | null {
    const ranges = set === null ? null : parseSequenceSet(set);
    if (!ranges) return null;
    const messages = this.folder!.messages;
    const largest = messages.length === 0 ? 0 : uid ? messages[messages.length - 1]!.uid : messages.length;
    // §6.4.9: for UID sets, "*" is the largest UID in use, and n:* includes it even when n is larger
    return messages.map((message, i) => ({ seq: i + 1, message })).filter(({ seq, message }) => inSequenceSet(ranges, uid ? message.uid : seq, largest));
  }

  private fetch(c: ImapCommand, responses: Response[], events: SessionEvent[], done: (s: 'OK' | 'NO' | 'BAD', t: string) => Answer): Answer {
    const uid = c.name.startsWith('UID ');
    const set = this.chosen(textOf(c.args[0]), uid);
    if (!set) return done('BAD', 'FETCH needs a sequence set');
    if (!uid && set.length === 0 && this.folder!.messages.length > 0) {
      // §6.4.5: numbers past the last message are an error
      return done('BAD', 'no message has that number');
    }
    const items = parseFetchItems(c.args[1]);
    if (typeof items === 'string') return done('BAD', items);
    if (c.args.length > 2) return done('BAD', 'FETCH takes a sequence set and its items');
    if (uid && !items.some((i) => i.kind === 'UID')) items.unshift({ kind: 'UID' });
    const seen: number[] = [];
    const folder = this.folder!;
    for (const { seq, message } of set) {
      const setsSeen = !this.readOnly && !message.flags.has(SEEN) && items.some((i) => i.kind === 'section' && !i.peek);
      if (setsSeen) {
        message.flags.add(SEEN);
        seen.push(message.uid);
        events.push({ type: 'imap.flagsChanged', folder: folder.name, uid: message.uid, flags: [...message.flags], added: [SEEN], removed: [] });
        if (!items.some((i) => i.kind === 'FLAGS')) items.push({ kind: 'FLAGS' });
      }
      responses.push(this.fetchResponse(seq, message, items));
    }
    events.push({ type: 'imap.fetched', folder: folder.name, uids: set.map((s) => s.message.uid), items: items.map(itemName), seen });
    return done('OK', `${c.name} completed`);
  }

  private fetchResponse(seq: number, m: StoredMessage, items: readonly FetchItem[]): Response {
    const parts: Uint8Array[] = [ascii(`* ${seq} FETCH (`)];
    let summary = `* ${seq} FETCH (`;
    let literal = false;
    items.forEach((item, i) => {
      const sep = i > 0 ? ' ' : '';
      let value: Uint8Array[];
      let shown: string;
      switch (item.kind) {
        case 'FLAGS':
          shown = `(${[...m.flags].join(' ')})`;
          value = [ascii(shown)];
          break;
        case 'UID':
          shown = String(m.uid);
          value = [ascii(shown)];
          break;
        case 'RFC822.SIZE':
          shown = String(m.bytes.length);
          value = [ascii(shown)];
          break;
        case 'INTERNALDATE':
          shown = `"${internalDate(m.arrived)}"`;
          value = [ascii(shown)];
          break;
        case 'ENVELOPE':
          value = [envelopeBytes(m.bytes)];
          shown = '(…)';
          break;
        case 'BODYSTRUCTURE':
          value = [bodyStructureBytes(m.bytes)];
          shown = '(…)';
          break;
        case 'section': {
          let bytes = sectionBytes(m.bytes, item.section);
          if (item.partial) bytes = bytes.subarray(Math.min(item.partial.origin, bytes.length), Math.min(bytes.length, item.partial.origin + item.partial.count));
          // a body section is always a literal: it may hold CRLF and 8-bit bytes
          value = [ascii(`{${bytes.length}}\r\n`), bytes];
          shown = `{${bytes.length}}`;
          literal = true;
          break;
        }
      }
      const name = item.kind === 'section' ? item.name : item.kind;
      parts.push(ascii(`${sep}${name} `), ...value);
      if (!literal || item.kind === 'section') summary += `${sep}${name} ${shown}`;
    });
    parts.push(ascii(')\r\n'));
    return { bytes: concat(parts), summary: `${summary})` };
  }

  private storeFlags(c: ImapCommand, responses: Response[], events: SessionEvent[], done: (s: 'OK' | 'NO' | 'BAD', t: string) => Answer): Answer {
    const uid = c.name.startsWith('UID ');
    const set = this.chosen(textOf(c.args[0]), uid);
    const how = textOf(c.args[1])?.toUpperCase() ?? '';
    const m = /^([+-]?)FLAGS(\.SILENT)?$/.exec(how);
    if (!set || !m || c.args.length < 3) return done('BAD', 'STORE needs a sequence set, [+|-]FLAGS[.SILENT] and flags');
    const flagValues: ImapValue[] = c.args[2]!.kind === 'list' ? [...c.args[2]!.items] : c.args.slice(2);
    const flags: string[] = [];
    for (const v of flagValues) {
      if (v.kind !== 'atom') return done('BAD', 'flags are atoms');
      const system = FOLDER_FLAGS.find((f) => f.toLowerCase() === v.text.toLowerCase());
      if (v.text.startsWith('\\') && !system) return done('BAD', `${v.text} is not a flag that can be stored`);
      flags.push(system ?? v.text);
    }
    if (this.readOnly) return done('NO', '[READ-ONLY] the mailbox is read-only');
    const folder = this.folder!;
    for (const { seq, message } of set) {
      const before = new Set(message.flags);
      if (m[1] === '+') flags.forEach((f) => message.flags.add(f));
      else if (m[1] === '-') flags.forEach((f) => message.flags.delete(f));
      else {
        message.flags.clear();
        flags.forEach((f) => message.flags.add(f));
      }
      const added = [...message.flags].filter((f) => !before.has(f));
      const removed = [...before].filter((f) => !message.flags.has(f));
      if (added.length > 0 || removed.length > 0) events.push({ type: 'imap.flagsChanged', folder: folder.name, uid: message.uid, flags: [...message.flags], added, removed });
      // §6.4.6: without .SILENT, the new flags come back as FETCH (UID too for UID STORE)
      if (!m[2]) responses.push(line(`* ${seq} FETCH (${uid ? `UID ${message.uid} ` : ''}FLAGS (${[...message.flags].join(' ')}))`));
    }
    return done('OK', `${c.name} completed`);
  }

  private expunge(uidSet: string | null, silent: boolean, responses: Response[], events: SessionEvent[]): void {
    const folder = this.folder!;
    const ranges = uidSet === null ? null : parseSequenceSet(uidSet);
    const largest = folder.messages.at(-1)?.uid ?? 0;
    // UID EXPUNGE (§6.4.9): only the \Deleted messages whose UIDs are in the set
    const kept: StoredMessage[] = [];
    if (ranges) for (const m of folder.messages) if (m.flags.has(DELETED) && !inSequenceSet(ranges, m.uid, largest)) kept.push(m);
    kept.forEach((m) => m.flags.delete(DELETED));
    const gone = folder.messages.filter((m) => m.flags.has(DELETED)).map((m) => m.uid);
    const numbers = folder.expunge();
    kept.forEach((m) => m.flags.add(DELETED));
    if (!silent) for (const n of numbers) responses.push(line(`* ${n} EXPUNGE`));
    if (numbers.length > 0) events.push({ type: 'imap.expunged', folder: folder.name, uids: gone, numbers, silent });
  }

  private search(c: ImapCommand, responses: Response[], done: (s: 'OK' | 'NO' | 'BAD', t: string) => Answer): Answer {
    const uid = c.name.startsWith('UID ');
    const keys = c.args.map((a) => textOf(a)?.toUpperCase() ?? '');
    const folder = this.folder!;
    const pick = (m: StoredMessage): boolean | null => {
      let ok = true;
      for (const k of keys) {
        if (k === 'ALL') continue;
        else if (k === 'SEEN') ok &&= m.flags.has(SEEN);
        else if (k === 'UNSEEN') ok &&= !m.flags.has(SEEN);
        else if (k === 'DELETED') ok &&= m.flags.has(DELETED);
        else if (k === 'UNDELETED') ok &&= !m.flags.has(DELETED);
        else return null;
      }
      return ok;
    };
    const found: number[] = [];
    for (const [i, m] of folder.messages.entries()) {
      const p = pick(m);
      if (p === null) return done('BAD', `unsupported SEARCH key (ALL, SEEN, UNSEEN, DELETED, UNDELETED are): ${keys.join(' ')}`);
      if (p) found.push(uid ? m.uid : i + 1);
    }
    // RFC 9051 §7.3.4: IMAP4rev2's answer is ESEARCH, tagged with the command's tag; IMAP4rev1's "* SEARCH n …"
    const all = found.length > 0 ? ` ALL ${formatSequenceSet(found)}` : '';
    responses.push(line(this.rev2 ? `* ESEARCH (TAG "${c.tag}")${uid ? ' UID' : ''}${all}` : `* SEARCH${found.map((n) => ` ${n}`).join('')}`));
    return done('OK', `${c.name} completed`);
  }
}

function itemName(i: FetchItem): string {
  return i.kind === 'section' ? i.name : i.kind;
}
