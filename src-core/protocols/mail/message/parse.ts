/**
 * The message parser: bytes to header fields and a tree of MIME parts,
 * every one with its byte ranges. It never throws. Lenient where RFC 2045
 * and 2046 ask a reader to be (it reads what can be read), strict in the
 * report: every departure from the RFCs is a located problem.
 *
 * Rules:
 * - Header sections: header.ts. A missing Content-Type is text/plain
 *   (RFC 2045 §5.2), or message/rfc822 inside multipart/digest (RFC 2046
 *   §5.1.5); an unreadable one is text/plain with an error.
 * - Multipart (RFC 2046 §5.1.1): a delimiter is a line "--" boundary, then
 *   only white space (transport padding); "--" boundary "--" closes. The
 *   CRLF before a delimiter belongs to the delimiter, not the part. Text
 *   before the first delimiter is the preamble, after the close the
 *   epilogue. No delimiter at all: the body is read as one leaf, with an
 *   error; no close: the last part runs to the end, with an error.
 * - message/rfc822 (RFC 2046 §5.2.1): the body is parsed as a message, its
 *   one child.
 * - Leaves are decoded by Content-Transfer-Encoding (RFC 2045 §6): 7bit,
 *   8bit, binary as they are; quoted-printable and base64 decoded; anything
 *   else as it is, with an error. text/* leaves are also read as text in
 *   their charset (default us-ascii, read as UTF-8, its superset).
 * - Nesting deeper than MAX_DEPTH is read as a leaf, with an error.
 */
import { parseAddressList, type Mailbox } from './address';
import { decodeBase64 } from './base64';
import { parseContentType, parseDisposition } from './content-type';
import { parseMailDate } from './date';
import { decodeHeaderText } from './encoded-word';
import { headerField, parseHeaderSection, type HeaderField } from './header';
import { lineAt } from './lines';
import { decodeQuotedPrintable } from './quoted-printable';
import { sevenBitProblems } from './seven-bit';
import { ascii, decodeCharset, fromUtf8, type ByteRange, type MailProblem } from './types';

/** Multiparts nested deeper than this are read as leaves. */
export const MAX_DEPTH = 32;

export interface MimePart {
  /** Indexes of the part from the root, [] for the root; IMAP numbers are these plus one. */
  readonly path: readonly number[];
  readonly headers: readonly HeaderField[];
  /** The whole part: header section, empty line and body. */
  readonly range: ByteRange;
  /** The header section with its empty line. */
  readonly header: ByteRange;
  readonly body: ByteRange;
  /** Lower-case "type/subtype". */
  readonly contentType: string;
  readonly type: string;
  readonly subtype: string;
  readonly params: Readonly<Record<string, string>>;
  /** Lower-case, "7bit" when absent (RFC 2045 §6.1). */
  readonly transferEncoding: string;
  /** Lower-case disposition type ("inline", "attachment"), or null without the field. */
  readonly disposition: string | null;
  /** Content-Disposition's filename, else Content-Type's name (RFC 2183 §2.3; the habit before it), or null. */
  readonly filename: string | null;
  readonly contentId: string | null;
  readonly description: string | null;
  /** Multipart: the text before the first delimiter and after the close (ranges), else null. */
  readonly preamble: ByteRange | null;
  readonly epilogue: ByteRange | null;
  /** Multipart: the parts; message/rfc822: the one embedded message's root entity. */
  readonly children: readonly MimePart[];
  /** message/rfc822: the embedded message's envelope fields. */
  readonly message: MessageFields | null;
  /** Leaves: the body, transfer-decoded. */
  readonly content: Uint8Array | null;
  /** text/* leaves: the content in its charset. */
  readonly text: string | null;
}

/** The fields of a message's header that IMAP's ENVELOPE and the inspector show, decoded. */
export interface MessageFields {
  readonly date: string | null;
  /** EpochSeconds of the Date field, or null when absent or unreadable. */
  readonly dateSeconds: number | null;
  readonly subject: string | null;
  readonly from: readonly Mailbox[];
  readonly sender: readonly Mailbox[];
  readonly replyTo: readonly Mailbox[];
  readonly to: readonly Mailbox[];
  readonly cc: readonly Mailbox[];
  readonly bcc: readonly Mailbox[];
  readonly inReplyTo: string | null;
  readonly messageId: string | null;
}

export interface ParsedMail {
  readonly headers: readonly HeaderField[];
  readonly header: ByteRange;
  readonly body: ByteRange;
  readonly fields: MessageFields;
  /** The top-level entity (its headers are the message's). */
  readonly root: MimePart;
}

export type ParseMailResult =
  | { readonly ok: true; readonly value: ParsedMail; readonly warnings: readonly MailProblem[] }
  | { readonly ok: false; readonly error: MailProblem; readonly warnings: readonly MailProblem[] };

function messageFields(headers: readonly HeaderField[], problems: MailProblem[]): MessageFields {
  const get = (name: string) => headerField(headers, name);
  const list = (name: string) => {
    const f = get(name);
    return f ? parseAddressList(f.value, problems, f.valueRange.start) : [];
  };
  const date = get('date')?.value ?? null;
  const subject = get('subject');
  return {
    date,
    dateSeconds: date === null ? null : parseMailDate(date),
    subject: subject ? decodeHeaderText(subject.value, problems, subject.valueRange.start) : null,
    from: list('from'),
    sender: list('sender'),
    replyTo: list('reply-to'),
    to: list('to'),
    cc: list('cc'),
    bcc: list('bcc'),
    inReplyTo: get('in-reply-to')?.value ?? null,
    messageId: get('message-id')?.value ?? null,
  };
}

const startsWith = (b: Uint8Array, at: number, end: number, prefix: Uint8Array) => {
  if (at + prefix.length > end) return false;
  for (let i = 0; i < prefix.length; i++) if (b[at + i] !== prefix[i]) return false;
  return true;
};

interface Delimiter {
  readonly line: ByteRange;
  /** Where the part before it ends: before the CRLF that precedes the line. */
  readonly partEnd: number;
  readonly close: boolean;
}

function findDelimiters(b: Uint8Array, start: number, end: number, boundary: string): Delimiter[] {
  const dash = ascii(`--${boundary}`);
  const out: Delimiter[] = [];
  let at = start;
  while (at < end) {
    const line = lineAt(b, at, end);
    if (startsWith(b, at, line.content.end, dash)) {
      let i = at + dash.length;
      const close = b[i] === 0x2d && b[i + 1] === 0x2d && i + 1 < line.content.end;
      if (close) i += 2;
      while (i < line.content.end && (b[i] === 0x20 || b[i] === 0x09)) i++;
      if (i === line.content.end) {
        let partEnd = at;
        if (partEnd > start && b[partEnd - 1] === 0x0a) partEnd--;
        if (partEnd > start && b[partEnd - 1] === 0x0d) partEnd--;
        out.push({ line: line.whole, partEnd, close });
        if (close) break;
      }
    }
    at = line.whole.end;
  }
  return out;
}

function decodeBody(b: Uint8Array, body: ByteRange, encoding: string, problems: MailProblem[], at: number): Uint8Array {
  switch (encoding) {
    case 'base64':
      return decodeBase64(b, body.start, body.end, problems);
    case 'quoted-printable':
      return decodeQuotedPrintable(b, body.start, body.end, problems);
    case '7bit':
    case '8bit':
    case 'binary':
      return b.slice(body.start, body.end);
    default:
      problems.push({ code: 'unknown-transfer-encoding', message: `the Content-Transfer-Encoding "${encoding}" is not one of RFC 2045 §6.1: the body is shown as it is`, offset: at, severity: 'error' });
      return b.slice(body.start, body.end);
  }
}

function parseEntity(b: Uint8Array, start: number, end: number, path: number[], inDigest: boolean, problems: MailProblem[]): MimePart {
  const section = parseHeaderSection(b, start, end, problems);
  const headers = section.fields;
  const body: ByteRange = { start: section.bodyStart, end };
  const ctField = headerField(headers, 'content-type');
  let ct = ctField ? parseContentType(ctField.value, problems, ctField.valueRange.start) : null;
  if (ctField && !ct) problems.push({ code: 'bad-content-type', message: `"${ctField.value.slice(0, 60)}" is not type/subtype (RFC 2045 §5.1): read as text/plain (§5.2)`, offset: ctField.valueRange.start, severity: 'error' });
  ct ??= inDigest && !ctField ? { type: 'message', subtype: 'rfc822', params: {} } : { type: 'text', subtype: 'plain', params: { charset: 'us-ascii' } };
  const cteField = headerField(headers, 'content-transfer-encoding');
  const transferEncoding = (cteField?.value ?? '7bit').toLowerCase().replace(/\([^)]*\)/g, '').trim();
  const dispField = headerField(headers, 'content-disposition');
  const disp = dispField ? parseDisposition(dispField.value, problems, dispField.valueRange.start) : null;
  const filename = disp?.params['filename'] ?? ct.params['name'] ?? null;
  const base = {
    path,
    headers,
    range: { start, end },
    header: section.range,
    body,
    contentType: `${ct.type}/${ct.subtype}`,
    type: ct.type,
    subtype: ct.subtype,
    params: ct.params,
    transferEncoding,
    disposition: disp?.type ?? null,
    filename,
    contentId: headerField(headers, 'content-id')?.value ?? null,
    description: headerField(headers, 'content-description')?.value ?? null,
  };
  const leaf = (): MimePart => {
    if (transferEncoding === '7bit') {
      for (let i = body.start; i < body.end; i++) {
        if (b[i]! >= 0x80) {
          problems.push({ code: 'eight-bit', message: 'an 8-bit byte in a part whose Content-Transfer-Encoding is 7bit (RFC 2045 §2.7, §6.2)', offset: i, severity: 'error' });
          break;
        }
      }
    }
    const content = decodeBody(b, body, transferEncoding, problems, cteField?.valueRange.start ?? start);
    let text: string | null = null;
    if (ct.type === 'text') {
      const charset = ct.params['charset'] ?? 'us-ascii';
      text = decodeCharset(content, charset);
      if (text === null) {
        problems.push({ code: 'unknown-charset', message: `the charset "${charset}" is not known (RFC 2045 §5.1): the text is read as UTF-8`, offset: ctField?.valueRange.start ?? start, severity: 'warning' });
        text = fromUtf8(content);
      }
    }
    return { ...base, preamble: null, epilogue: null, children: [], message: null, content, text };
  };
  if (ct.type === 'multipart') {
    if (path.length >= MAX_DEPTH) {
      problems.push({ code: 'too-deep', message: `multipart nested more than ${MAX_DEPTH} deep: read as a leaf`, offset: start, severity: 'error' });
      return leaf();
    }
    const boundary = ct.params['boundary'];
    if (boundary === undefined || boundary === '') {
      problems.push({ code: 'no-boundary', message: 'a multipart Content-Type without a boundary parameter (RFC 2046 §5.1.1): read as a leaf', offset: ctField?.valueRange.start ?? start, severity: 'error' });
      return leaf();
    }
    const delimiters = findDelimiters(b, body.start, end, boundary);
    if (delimiters.length === 0) {
      problems.push({ code: 'boundary-not-found', message: `the boundary "${boundary}" never occurs in the body (RFC 2046 §5.1.1): read as a leaf`, offset: body.start, severity: 'error' });
      return leaf();
    }
    const last = delimiters[delimiters.length - 1]!;
    if (!last.close) problems.push({ code: 'boundary-not-closed', message: `the multipart body ends without the close delimiter "--${boundary}--" (RFC 2046 §5.1.1): its last part runs to the end`, offset: end, severity: 'error' });
    const children: MimePart[] = [];
    for (let k = 0; k < delimiters.length; k++) {
      const d = delimiters[k]!;
      if (d.close) break;
      const next = delimiters[k + 1];
      const partEnd = next ? next.partEnd : end;
      children.push(parseEntity(b, d.line.end, Math.max(d.line.end, partEnd), [...path, children.length], ct.subtype === 'digest', problems));
    }
    return {
      ...base,
      preamble: { start: body.start, end: delimiters[0]!.partEnd },
      epilogue: last.close ? { start: last.line.end, end } : null,
      children,
      message: null,
      content: null,
      text: null,
    };
  }
  if (ct.type === 'message' && ct.subtype === 'rfc822' && path.length < MAX_DEPTH && ['7bit', '8bit', 'binary'].includes(transferEncoding)) {
    const inner = parseEntity(b, body.start, end, [...path, 0], false, problems);
    return { ...base, preamble: null, epilogue: null, children: [inner], message: messageFields(inner.headers, problems), content: null, text: null };
  }
  return leaf();
}

/** Parses a whole message (RFC 5322 with MIME). Never throws; `ok` is false only for an empty input. */
export function parseMessage(bytes: Uint8Array): ParseMailResult {
  if (bytes.length === 0) return { ok: false, error: { code: 'empty', message: 'no bytes: a message has at least one header field (RFC 5322 §3.6)', offset: 0, severity: 'error' }, warnings: [] };
  const problems: MailProblem[] = [];
  for (const p of sevenBitProblems(bytes)) {
    if (p.kind === 'line-too-long') problems.push({ code: 'line-too-long', message: `a line of ${p.line.end - p.line.start} octets, over the limit of 998 (RFC 5322 §2.1.1)`, offset: p.offset, severity: 'error' });
  }
  const root = parseEntity(bytes, 0, bytes.length, [], false, problems);
  const fields = messageFields(root.headers, problems);
  problems.sort((a, b) => a.offset - b.offset);
  return { ok: true, value: { headers: root.headers, header: root.header, body: root.body, fields, root }, warnings: problems };
}

/** Every part of the tree, depth first, the root first. */
export function allParts(root: MimePart): MimePart[] {
  return [root, ...root.children.flatMap(allParts)];
}
