/**
 * What FETCH returns of a stored message (RFC 9051 §7.5.2): ENVELOPE,
 * BODYSTRUCTURE, INTERNALDATE and body sections, as response bytes.
 * Strings go quoted when they can, else as literals (§4.3); absent fields
 * are NIL.
 */
import { concat, stringBytes } from './command';
import { fieldValue, headerFields, messageHeader, parseAddressList, parseContentType, splitMessage, type Address, type ContentType, type HeaderField } from './message-fields';
import { civilFromDays, daysFromCivil } from '../http/http-date';
import { ascii, latin1 } from './syntax';

const NIL = ascii('NIL');
const nstring = (v: string | null): Uint8Array[] => (v === null ? [NIL] : stringBytes(v));

function list(items: readonly Uint8Array[][]): Uint8Array[] {
  const out: Uint8Array[] = [ascii('(')];
  items.forEach((it, i) => {
    if (i > 0) out.push(ascii(' '));
    out.push(...it);
  });
  out.push(ascii(')'));
  return out;
}

function addressList(value: string | null): Uint8Array[] {
  if (value === null) return [NIL];
  const addrs = parseAddressList(value);
  if (addrs.length === 0) return [NIL];
  // §7.5.2: address = "(" addr-name SP addr-adl SP addr-mailbox SP addr-host ")"; no spaces between addresses
  return [ascii('('), ...addrs.flatMap((a: Address) => list([nstring(a.name), [NIL], nstring(a.mailbox), nstring(a.host)])), ascii(')')];
}

/** ENVELOPE: date, subject, from, sender, reply-to, to, cc, bcc, in-reply-to, message-id; sender and reply-to default to from (§7.5.2). */
export function envelopeBytes(message: Uint8Array): Uint8Array {
  const f = messageHeader(message);
  const v = (n: string) => fieldValue(f, n);
  const from = v('From');
  return concat(
    list([nstring(v('Date')), nstring(v('Subject')), addressList(from), addressList(v('Sender') ?? from), addressList(v('Reply-To') ?? from), addressList(v('To')), addressList(v('Cc')), addressList(v('Bcc')), nstring(v('In-Reply-To')), nstring(v('Message-ID'))]),
  );
}

/** Lines of a body: CRLF pairs, plus one for a last line without its CRLF. */
function lineCount(body: Uint8Array): number {
  let n = 0;
  for (let i = 0; i + 1 < body.length; i++) if (body[i] === 0x0d && body[i + 1] === 0x0a) n++;
  if (body.length > 0 && !(body[body.length - 2] === 0x0d && body[body.length - 1] === 0x0a)) n++;
  return n;
}

const upper = (s: string) => stringBytes(s.toUpperCase());

function paramsBytes(ct: ContentType, skip: string[] = []): Uint8Array[] {
  const params = ct.params.filter(([k]) => !skip.includes(k));
  return params.length === 0 ? [NIL] : list(params.flatMap(([k, val]) => [upper(k), stringBytes(val)]));
}

/** Part boundaries of a multipart body (RFC 2046 §5.1.1): each part's bytes. */
function multipartParts(body: Uint8Array, boundary: string): Uint8Array[] {
  const text = latin1(body);
  const delimiter = `--${boundary}`;
  const parts: Uint8Array[] = [];
  let at = text.startsWith(delimiter) ? 0 : text.indexOf(`\r\n${delimiter}`);
  if (at < 0) return parts;
  if (at > 0 || !text.startsWith(delimiter)) at += 2;
  for (let depth = 0; depth < 1000; depth++) {
    const lineEnd = text.indexOf('\r\n', at);
    if (lineEnd < 0 || text.startsWith(`${delimiter}--`, at)) break;
    const start = lineEnd + 2;
    const next = text.indexOf(`\r\n${delimiter}`, start);
    if (next < 0) break;
    parts.push(body.subarray(start, next));
    at = next + 2;
  }
  return parts;
}

function structure(entity: Uint8Array, fields: readonly HeaderField[], fallback: ContentType | undefined, depth: number): Uint8Array[] {
  const { bodyStart } = splitMessage(entity);
  const body = entity.subarray(bodyStart);
  const ct = parseContentType(fieldValue(fields, 'Content-Type'), fallback);
  const boundary = ct.params.find(([k]) => k === 'boundary')?.[1];
  if (ct.type === 'multipart' && boundary && depth < 20) {
    const parts = multipartParts(body, boundary);
    if (parts.length > 0) {
      const digest = ct.subtype === 'digest' ? { type: 'message', subtype: 'rfc822', params: [] } : undefined;
      // body-type-mpart = 1*body SP media-subtype: parts with no space between them
      return [ascii('('), ...parts.flatMap((p) => structure(p, headerFields(latin1(p, 0, splitMessage(p).headerEnd)), digest, depth + 1)), ascii(' '), ...upper(ct.subtype), ascii(')')];
    }
  }
  const basic = [upper(ct.type), upper(ct.subtype), paramsBytes(ct, ['boundary']), nstring(fieldValue(fields, 'Content-ID')), nstring(fieldValue(fields, 'Content-Description')), upper(fieldValue(fields, 'Content-Transfer-Encoding') ?? '7BIT'), [ascii(String(body.length))]];
  // §7.5.2: text/* adds its lines; message/rfc822 its envelope, structure and lines (not walked here: sent as a basic part)
  if (ct.type === 'text') basic.push([ascii(String(lineCount(body)))]);
  return list(basic);
}

/** BODYSTRUCTURE without extension data (a single part, or a multipart walk). */
export function bodyStructureBytes(message: Uint8Array): Uint8Array {
  return concat(structure(message, messageHeader(message), undefined, 0));
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
  const { headerEnd, bodyStart } = splitMessage(message);
  switch (section.part) {
    case 'all':
      return message;
    case 'header':
      return message.subarray(0, bodyStart);
    case 'text':
      return message.subarray(bodyStart);
    case 'fields': {
      const names = section.names.map((n) => n.toLowerCase());
      const header = latin1(message, 0, headerEnd);
      const kept = header
        .split(/\r\n(?![ \t])/)
        .filter((line) => line !== '' && names.includes(line.slice(0, Math.max(0, line.indexOf(':'))).trim().toLowerCase()) !== section.not)
        .map((line) => `${line}\r\n`)
        .join('');
      return ascii(`${kept}\r\n`);
    }
  }
}
