/**
 * Address lists (RFC 5322 §3.4): `address-list = address *("," address)`,
 * an address a mailbox (`[display-name] angle-addr` or a bare `addr-spec`)
 * or a group (`display-name ":" [mailbox-list] ";"`).
 *
 * Reading: comments (§3.2.2, nested parentheses) are skipped, quoted
 * strings unquoted (§3.2.4), encoded-words in the display name's atoms
 * decoded (RFC 2047 §5(3)), with no space between two adjacent encoded
 * words (§6.2). A group's members are returned with the group's name in
 * `group`. The address is the addr-spec's tokens as written, without
 * white space or comments; an obsolete route (`<@a,@b:x@y>`, §4.4) is
 * dropped. Leniency: an entry with no "@" is still returned.
 *
 * Writing: a display name of atoms separated by single spaces goes as it
 * is; other printable ASCII is a quoted string; anything else (non-ASCII,
 * control characters, "=?") is encoded-words.
 */
import { decodeWord, encodeWords } from './encoded-word';
import type { MailProblem } from './types';

export interface Mailbox {
  /** The display name, decoded; '' when there is none. */
  readonly name: string;
  /** The addr-spec: local-part@domain. */
  readonly address: string;
  /** The name of the group the mailbox was listed in, if any. */
  readonly group?: string;
}

type Token =
  | { readonly kind: 'atom'; readonly text: string }
  | { readonly kind: 'quoted'; readonly text: string; readonly raw: string }
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'special'; readonly text: string };

/** RFC 5322 §3.2.3 specials. "." is read as part of an atom (dot-atom, obs-phrase). */
const SPECIALS = '()<>[]:;@\\,"';

function tokenize(value: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < value.length) {
    const c = value[i]!;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      i++;
    } else if (c === '(') {
      let depth = 0;
      for (; i < value.length; i++) {
        const d = value[i];
        if (d === '\\') i++;
        else if (d === '(') depth++;
        else if (d === ')' && --depth === 0) {
          i++;
          break;
        }
      }
    } else if (c === '"') {
      let text = '';
      let j = i + 1;
      for (; j < value.length && value[j] !== '"'; j++) {
        if (value[j] === '\\' && j + 1 < value.length) j++;
        text += value[j];
      }
      tokens.push({ kind: 'quoted', text, raw: value.slice(i, j + 1) });
      i = j + 1;
    } else if (c === '[') {
      let j = i + 1;
      while (j < value.length && value[j] !== ']') j++;
      tokens.push({ kind: 'literal', text: value.slice(i, j + 1) });
      i = j + 1;
    } else if (SPECIALS.includes(c)) {
      tokens.push({ kind: 'special', text: c });
      i++;
    } else {
      let j = i;
      while (j < value.length && !SPECIALS.includes(value[j]!) && !' \t\r\n'.includes(value[j]!)) j++;
      tokens.push({ kind: 'atom', text: value.slice(i, j) });
      i = j;
    }
  }
  return tokens;
}

function phrase(tokens: readonly Token[], problems: MailProblem[], offset: number, decode: boolean): string {
  let out = '';
  let lastEncoded = false;
  for (const t of tokens) {
    const decoded = t.kind === 'atom' && decode ? decodeWord(t.text, problems, offset) : null;
    const text = decoded ?? t.text;
    if (out !== '' && !(lastEncoded && decoded !== null)) out += ' ';
    out += text;
    lastEncoded = decoded !== null;
  }
  return out;
}

function addrSpec(tokens: readonly Token[]): string {
  return tokens.map((t) => (t.kind === 'quoted' ? t.raw : t.text)).join('');
}

function mailbox(tokens: readonly Token[], group: string | undefined, problems: MailProblem[], offset: number, decode: boolean): Mailbox | null {
  if (tokens.length === 0) return null;
  const open = tokens.findIndex((t) => t.kind === 'special' && t.text === '<');
  let result: Mailbox;
  if (open >= 0) {
    let close = tokens.findIndex((t, i) => i > open && t.kind === 'special' && t.text === '>');
    if (close < 0) close = tokens.length;
    let inner = tokens.slice(open + 1, close);
    const route = inner.findIndex((t) => t.kind === 'special' && t.text === ':');
    if (route >= 0) inner = inner.slice(route + 1);
    result = { name: phrase(tokens.slice(0, open), problems, offset, decode), address: addrSpec(inner) };
  } else result = { name: '', address: addrSpec(tokens) };
  return group === undefined ? result : { ...result, group };
}

/**
 * The mailboxes of an address-list value (unfolded). `offset` locates
 * problems (the value's first byte). `decodeNames: false` keeps display
 * names' encoded-words as written (IMAP's ENVELOPE sends them so).
 */
export function parseAddressList(value: string, problems: MailProblem[] = [], offset = 0, options: { readonly decodeNames?: boolean } = {}): Mailbox[] {
  const decode = options.decodeNames ?? true;
  const tokens = tokenize(value);
  const out: Mailbox[] = [];
  let group: string | undefined;
  let entry: Token[] = [];
  let inAngle = false;
  const flush = () => {
    const m = mailbox(entry, group, problems, offset, decode);
    if (m) out.push(m);
    entry = [];
  };
  for (const t of tokens) {
    if (t.kind === 'special' && t.text === '<') inAngle = true;
    if (t.kind === 'special' && t.text === '>') inAngle = false;
    if (!inAngle && t.kind === 'special' && t.text === ',') flush();
    else if (!inAngle && t.kind === 'special' && t.text === ':' && group === undefined) {
      group = phrase(entry, problems, offset, decode);
      entry = [];
    } else if (!inAngle && t.kind === 'special' && t.text === ';' && group !== undefined) {
      flush();
      group = undefined;
    } else entry.push(t);
  }
  flush();
  return out;
}

/** RFC 5322 §3.2.3 atext. */
const ATOM = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+$/;

/** A display name as a phrase: atoms, a quoted string, or encoded-words. */
export function formatPhrase(name: string): string {
  const words = name.split(' ');
  if (!name.includes('=?') && words.every((w) => ATOM.test(w))) return name;
  if (!name.includes('=?') && /^[\x20-\x7e]*$/.test(name)) return `"${name.replace(/["\\]/g, (c) => `\\${c}`)}"`;
  return encodeWords(name);
}

/** One mailbox as written in From, To, Cc (§3.4). */
export function formatMailbox(m: Pick<Mailbox, 'name' | 'address'>): string {
  return m.name === '' ? m.address : `${formatPhrase(m.name)} <${m.address}>`;
}

export function formatAddressList(list: readonly Pick<Mailbox, 'name' | 'address'>[]): string {
  return list.map(formatMailbox).join(', ');
}
