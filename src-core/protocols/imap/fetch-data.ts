/**
 * What FETCH returns of a stored message (RFC 9051 §7.5.2): ENVELOPE,
 * BODYSTRUCTURE, INTERNALDATE and body sections, as response bytes.
 * Strings go quoted when they can, else as literals (§4.3); absent fields
 * are NIL. The message is read by the mail codec's parser
 * (protocols/mail/message/): header fields unfolded with encoded-words left
 * as written (IMAP sends them so, §7.5.2), MIME parts with their byte
 * ranges.
 */
import { concat, stringBytes } from './command';
import { civilFromDays, daysFromCivil } from '../http/http-date';
import { headerValue, parseAddressList, parseHeaderSection, parseMessage, type HeaderField, type MimePart } from '../mail/message';
import { ascii } from './syntax';

const NIL = ascii('NIL');
const utf8 = (s: string) => new TextEncoder().encode(s);
const nstring = (v: string | null | undefined): Uint8Array[] => (v === null || v === undefined ? [NIL] : stringBytes(utf8(v)));

function list(items: readonly Uint8Array[][]): Uint8Array[] {
  const out: Uint8Array[] = [ascii('(')];
  items.forEach((it, i) => {
    if (i > 0) out.push(ascii(' '));
    out.push(...it);
  });
  out.push(ascii(')'));
  return out;
}

/** An address list; groups become their members (IMAP's group markers are not written). */
function addressList(value: string | undefined): Uint8Array[] {
  if (value === undefined) return [NIL];
  const addrs = parseAddressList(value, [], 0, { decodeNames: false });
  if (addrs.length === 0) return [NIL];
  // §7.5.2: address = "(" addr-name SP addr-adl SP addr-mailbox SP addr-host ")"; no spaces between addresses
  return [
    ascii('('),
    ...addrs.flatMap((a) => {
      const at = a.address.lastIndexOf('@');
      const mailbox = (at < 0 ? a.address : a.address.slice(0, at)).replace(/^"(.*)"$/, '$1').replace(/\\(.)/g, '$1');
      return list([nstring(a.name === '' ? null : a.name), [NIL], nstring(mailbox), nstring(at < 0 ? null : a.address.slice(at + 1))]);
    }),
    ascii(')'),
  ];
}

const headersOf = (message: Uint8Array): HeaderField[] => parseHeaderSection(message, 0, message.length, []).fields;

function envelopeOf(fields: readonly HeaderField[]): Uint8Array[] {
  const v = (n: string) => headerValue(fields, n);
  const from = v('From');
  return list([nstring(v('Date')), nstring(v('Subject')), addressList(from), addressList(v('Sender') ?? from), addressList(v('Reply-To') ?? from), addressList(v('To')), addressList(v('Cc')), addressList(v('Bcc')), nstring(v('In-Reply-To')), nstring(v('Message-ID'))]);
}

/** ENVELOPE: date, subject, from, sender, reply-to, to, cc, bcc, in-reply-to, message-id; sender and reply-to default to from (§7.5.2). */
export function envelopeBytes(message: Uint8Array): Uint8Array {
  return concat(envelopeOf(headersOf(message)));
}

/** Lines of a body: CRLF pairs, plus one for a last line without its CRLF. */
function lineCount(b: Uint8Array, start: number, end: number): number {
  let n = 0;
  for (let i = start; i + 1 < end; i++) if (b[i] === 0x0d && b[i + 1] === 0x0a) n++;
  if (end > start && !(b[end - 2] === 0x0d && b[end - 1] === 0x0a)) n++;
  return n;
}

const upper = (s: string) => stringBytes(s.toUpperCase());

function paramsBytes(params: Readonly<Record<string, string>>, skip: readonly string[]): Uint8Array[] {
  const kept = Object.entries(params).filter(([k]) => !skip.includes(k));
  return kept.length === 0 ? [NIL] : list(kept.flatMap(([k, val]) => [upper(k), nstring(val)]));
}

function structure(b: Uint8Array, part: MimePart): Uint8Array[] {
  // body-type-mpart = 1*body SP media-subtype: parts with no space between them
  if (part.type === 'multipart' && part.children.length > 0) return [ascii('('), ...part.children.flatMap((c) => structure(b, c)), ascii(' '), ...upper(part.subtype), ascii(')')];
  const size = part.body.end - part.body.start;
  const basic = [upper(part.type), upper(part.subtype), paramsBytes(part.params, ['boundary']), nstring(part.contentId), nstring(part.description), upper(part.transferEncoding), [ascii(String(size))]];
  const inner = part.children[0];
  // §7.5.2 body-type-msg: message/rfc822 adds the embedded message's envelope, its structure and its lines
  if (part.contentType === 'message/rfc822' && inner !== undefined) basic.push(envelopeOf(inner.headers), structure(b, inner), [ascii(String(lineCount(b, part.body.start, part.body.end)))]);
  // body-type-text: text/* adds its lines
  else if (part.type === 'text') basic.push([ascii(String(lineCount(b, part.body.start, part.body.end)))]);
  return list(basic);
}

/** BODYSTRUCTURE without extension data (a single part, or the multipart tree). */
export function bodyStructureBytes(message: Uint8Array): Uint8Array {
  const parsed = parseMessage(message);
  // An empty message: one empty text/plain part (RFC 2045 §5.2 defaults).
  if (!parsed.ok) return ascii('("TEXT" "PLAIN" ("CHARSET" "us-ascii") NIL NIL "7BIT" 0 0)');
  return concat(structure(message, parsed.value.root));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * INTERNALDATE (§9 date-time: "dd-Mon-yyyy hh:mm:ss +zzzz"): the run's
 * start is INTERNALDATE_EPOCH_DAYS (2026-01-01, UTC); a message's date is
 * that plus its arrival time.
 */
export const INTERNALDATE_EPOCH_DAYS = daysFromCivil(2026, 1, 1);

export function internalDate(arrivedNs: number): string {
  const total = Math.floor(arrivedNs / 1e9);
  const { year, month, day } = civilFromDays(INTERNALDATE_EPOCH_DAYS + Math.floor(total / 86_400));
  const s = total % 86_400;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${String(day).padStart(2, ' ')}-${MONTHS[month - 1]}-${year} ${p(Math.floor(s / 3600))}:${p(Math.floor(s / 60) % 60)}:${p(s % 60)} +0000`;
}

export type Section = { readonly part: 'all' | 'header' | 'text' } | { readonly part: 'fields'; readonly names: readonly string[]; readonly not: boolean };

/** A body section's bytes (§6.4.5): [] the whole message, HEADER (with its empty line), TEXT, HEADER.FIELDS (names), HEADER.FIELDS.NOT. */
export function sectionBytes(message: Uint8Array, section: Section): Uint8Array {
  const header = parseHeaderSection(message, 0, message.length, []);
  switch (section.part) {
    case 'all':
      return message;
    case 'header':
      return message.subarray(0, header.bodyStart);
    case 'text':
      return message.subarray(header.bodyStart);
    case 'fields': {
      const names = section.names.map((n) => n.toLowerCase());
      // each kept field as written (folded lines and all), then the empty line
      const kept = header.fields.filter((f) => names.includes(f.name.toLowerCase()) !== section.not);
      return concat([...kept.map((f) => withLineEnd(message.subarray(f.field.start, f.field.end))), ascii('\r\n')]);
    }
  }
}

/** A field's bytes end with CRLF (the last field of a message without a body may lack it, or end in a bare LF). */
function withLineEnd(field: Uint8Array): Uint8Array {
  if (field.at(-2) === 0x0d && field.at(-1) === 0x0a) return field;
  const body = field.at(-1) === 0x0a ? field.subarray(0, -1) : field;
  return concat([body, ascii('\r\n')]);
}
