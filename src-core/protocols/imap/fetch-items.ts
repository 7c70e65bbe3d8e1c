/**
 * FETCH data items (RFC 9051 §6.4.5): one item or a parenthesised list;
 * the macros ALL, FAST and FULL; BODY[section]<origin.count> and
 * BODY.PEEK[…]; RFC822.SIZE, FLAGS, UID, INTERNALDATE, ENVELOPE,
 * BODYSTRUCTURE, BODY (the structure without extensions), and IMAP4rev1's
 * RFC822, RFC822.HEADER and RFC822.TEXT, which clients still send.
 */
import type { Section } from './fetch-data';
import type { ImapValue } from './syntax';

export type FetchItem =
  | { readonly kind: 'FLAGS' | 'UID' | 'RFC822.SIZE' | 'INTERNALDATE' | 'ENVELOPE' | 'BODYSTRUCTURE' }
  /** `name`: how the response names it ("BODY[HEADER]<0>", "RFC822"). `peek`: \Seen is not set. */
  | { readonly kind: 'section'; readonly section: Section; readonly peek: boolean; readonly partial: { readonly origin: number; readonly count: number } | null; readonly name: string };

const SIMPLE = ['FLAGS', 'UID', 'RFC822.SIZE', 'INTERNALDATE', 'ENVELOPE', 'BODYSTRUCTURE'] as const;

const MACROS: Record<string, readonly string[]> = {
  ALL: ['FLAGS', 'INTERNALDATE', 'RFC822.SIZE', 'ENVELOPE'],
  FAST: ['FLAGS', 'INTERNALDATE', 'RFC822.SIZE'],
  FULL: ['FLAGS', 'INTERNALDATE', 'RFC822.SIZE', 'ENVELOPE', 'BODYSTRUCTURE'],
};

function sectionOf(spec: string): Section | null {
  const s = spec.trim().toUpperCase();
  if (s === '' || s === '1') return { part: 'all' };
  if (s === 'HEADER') return { part: 'header' };
  if (s === 'TEXT') return { part: 'text' };
  const m = /^HEADER\.FIELDS(\.NOT)?\s+\(([^()]*)\)$/.exec(s);
  if (m) {
    const names = m[2]!.trim().split(/\s+/).filter((n) => n !== '').map((n) => n.replace(/^"|"$/g, ''));
    if (names.length === 0) return null;
    return { part: 'fields', names, not: m[1] !== undefined };
  }
  return null;
}

function one(text: string): FetchItem | string {
  const t = text.toUpperCase();
  const simple = SIMPLE.find((s) => s === t);
  if (simple) return { kind: simple };
  if (t === 'BODY') return { kind: 'BODYSTRUCTURE' };
  if (t === 'RFC822') return { kind: 'section', section: { part: 'all' }, peek: false, partial: null, name: 'RFC822' };
  if (t === 'RFC822.HEADER') return { kind: 'section', section: { part: 'header' }, peek: true, partial: null, name: 'RFC822.HEADER' };
  if (t === 'RFC822.TEXT') return { kind: 'section', section: { part: 'text' }, peek: false, partial: null, name: 'RFC822.TEXT' };
  const m = /^(BODY|BODY\.PEEK|BINARY|BINARY\.PEEK)\[([^\]]*)\](?:<(\d+)(?:\.(\d+))?>)?$/i.exec(text);
  if (!m) return `unknown FETCH item ${text}`;
  const section = sectionOf(m[2]!);
  if (!section) return `unsupported body section [${m[2]}]`;
  const partial = m[3] === undefined ? null : { origin: Number(m[3]), count: m[4] === undefined ? Infinity : Number(m[4]) };
  const base = m[1]!.toUpperCase().startsWith('BINARY') ? 'BINARY' : 'BODY';
  // §7.5.2: the response names the section as asked, the origin only for a partial fetch
  const name = `${base}[${m[2]!.toUpperCase()}]${partial ? `<${partial.origin}>` : ''}`;
  return { kind: 'section', section, peek: m[1]!.toUpperCase().endsWith('.PEEK'), partial, name };
}

/** The items of a FETCH command's last argument; a string is why they were refused. */
export function parseFetchItems(value: ImapValue | undefined): FetchItem[] | string {
  if (!value) return 'FETCH needs data items';
  if (value.kind === 'atom') {
    const macro = MACROS[value.text.toUpperCase()];
    if (macro) return macro.map((m) => one(m) as FetchItem);
    const item = one(value.text);
    return typeof item === 'string' ? item : [item];
  }
  if (value.kind !== 'list' || value.items.length === 0) return 'FETCH items are an atom or a list of them';
  const items: FetchItem[] = [];
  for (const v of value.items) {
    if (v.kind !== 'atom') return 'FETCH items are atoms';
    const item = one(v.text);
    if (typeof item === 'string') return item;
    items.push(item);
  }
  return items;
}
