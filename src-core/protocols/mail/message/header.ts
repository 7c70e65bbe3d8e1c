/**
 * Header fields (RFC 5322 §2.2, §3.6): `name ":" value CRLF`, where a value
 * may be folded over several lines, each continuation line starting with
 * a space or tab (§2.2.3). The header section ends at the first empty line;
 * the body follows it (§2.1).
 *
 * Parsing keeps the bytes of every field: the whole field with its folded
 * lines and final line end, the name, and the value (after the colon, to the
 * end of its last line, without the line end). `value` is the unfolded
 * text: each CRLF followed by WSP removed (§2.2.3), leading and trailing
 * WSP dropped, the bytes read as UTF-8 (RFC 6532 allows UTF-8 in headers;
 * ASCII reads the same).
 *
 * Lenient where we can be, strict in the report: a line without a colon is
 * skipped with an error, a bare LF is taken as a line end with a warning.
 * (Lines over 998 octets are reported once for the whole message, by
 * seven-bit.ts, and read whole.)
 */
import { CR, LF, lineAt, RECOMMENDED_LINE_OCTETS } from './lines';
import { fromUtf8, type ByteRange, type MailProblem } from './types';

export interface HeaderField {
  /** The name as written (compare ignoring case, §1.2.2). */
  readonly name: string;
  /** Unfolded value, outer WSP trimmed. Encoded-words are left as they are (encoded-word.ts decodes them). */
  readonly value: string;
  /** The whole field: name to the line end of its last line. */
  readonly field: ByteRange;
  readonly nameRange: ByteRange;
  /** After the colon to the end of the last line's content (line end excluded). */
  readonly valueRange: ByteRange;
}

export interface HeaderSection {
  readonly fields: HeaderField[];
  /** The whole header section, with the empty line when there is one. */
  readonly range: ByteRange;
  /** The empty line ending the section, or null when the range ends first. */
  readonly separator: ByteRange | null;
  /** Where the body starts: after the empty line (or at the end). */
  readonly bodyStart: number;
}

const isWsp = (c: number | undefined) => c === 0x20 || c === 0x09;
/** RFC 5322 §3.6.8 ftext: printable US-ASCII except colon. */
const isFtext = (c: number) => c >= 33 && c <= 126 && c !== 58;

/** Unfolds (§2.2.3) and trims a value's bytes; a bare LF before WSP is unfolded too. */
function unfold(b: Uint8Array, start: number, end: number): string {
  const out: number[] = [];
  for (let i = start; i < end; i++) {
    const c = b[i]!;
    if (c === CR && b[i + 1] === LF && i + 1 < end) continue;
    if (c === LF) continue;
    out.push(c);
  }
  let s = 0;
  let e = out.length;
  while (s < e && isWsp(out[s])) s++;
  while (e > s && isWsp(out[e - 1])) e--;
  return fromUtf8(Uint8Array.from(out.slice(s, e)));
}

/** Reads the header section of the entity at [start, end). Problems are pushed to `problems`. */
export function parseHeaderSection(b: Uint8Array, start: number, end: number, problems: MailProblem[]): HeaderSection {
  const fields: HeaderField[] = [];
  let at = start;
  let separator: ByteRange | null = null;
  let bareLf = false;
  const note = (line: ReturnType<typeof lineAt>) => {
    if (line.ending === 'lf' && !bareLf) {
      bareLf = true;
      problems.push({ code: 'bare-line-end', message: 'a line ends with LF alone, not CRLF (RFC 5322 §2.3): read as a line end', offset: line.content.end, severity: 'warning' });
    }
  };
  while (at < end) {
    const line = lineAt(b, at, end);
    note(line);
    if (line.content.end === line.content.start) {
      if (line.ending !== 'none') separator = line.whole;
      at = line.whole.end;
      break;
    }
    if (isWsp(b[at])) {
      problems.push({ code: 'header-continuation-first', message: 'a folded continuation line with no field before it (RFC 5322 §2.2.3): skipped', offset: at, severity: 'error' });
      at = line.whole.end;
      continue;
    }
    // The field's lines: this one and every following line starting with WSP.
    let last = line;
    while (last.whole.end < end && last.ending !== 'none' && isWsp(b[last.whole.end])) {
      last = lineAt(b, last.whole.end, end);
      note(last);
    }
    let colon = -1;
    for (let i = at; i < line.content.end; i++) {
      if (b[i] === 58) {
        colon = i;
        break;
      }
    }
    if (colon < 0) {
      problems.push({ code: 'header-no-colon', message: 'a header line without a colon (RFC 5322 §2.2): skipped', offset: at, severity: 'error' });
      at = last.whole.end;
      continue;
    }
    let nameEnd = colon;
    while (nameEnd > at && isWsp(b[nameEnd - 1])) nameEnd--;
    if (nameEnd < colon) problems.push({ code: 'header-space-before-colon', message: 'white space between a field name and its colon (obsolete, RFC 5322 §4.5)', offset: nameEnd, severity: 'warning' });
    let badName = nameEnd === at;
    for (let i = at; i < nameEnd; i++) if (!isFtext(b[i]!)) badName = true;
    if (badName) problems.push({ code: 'header-bad-name', message: 'a field name must be 1 or more printable ASCII characters other than colon (RFC 5322 §3.6.8)', offset: at, severity: 'error' });
    fields.push({
      name: fromUtf8(b.subarray(at, nameEnd)),
      value: unfold(b, colon + 1, last.content.end),
      field: { start: at, end: last.whole.end },
      nameRange: { start: at, end: nameEnd },
      valueRange: { start: colon + 1, end: last.content.end },
    });
    at = last.whole.end;
  }
  return { fields, range: { start, end: at }, separator, bodyStart: at };
}

/** The first field of that name (ignoring case), or undefined. */
export function headerValue(fields: readonly HeaderField[], name: string): string | undefined {
  const n = name.toLowerCase();
  return fields.find((f) => f.name.toLowerCase() === n)?.value;
}

export function headerField(fields: readonly HeaderField[], name: string): HeaderField | undefined {
  const n = name.toLowerCase();
  return fields.find((f) => f.name.toLowerCase() === n);
}

/**
 * One header field as text with its CRLF, folded (§2.2.3) at white space so
 * that lines stay within 78 characters where a break is possible. Folding
 * inserts CRLF before a WSP, so unfolding gives the value back exactly. A
 * word longer than a line is left whole (never broken inside), so callers
 * keep words short: encoded-words are at most 75 characters (RFC 2047 §2).
 * The value must hold no CR or LF.
 */
export function foldField(name: string, value: string, limit = RECOMMENDED_LINE_OCTETS): string {
  const text = `${name}: ${value}`;
  const out: string[] = [];
  let lineStart = 0;
  let lastBreak = -1; // index of a WSP where the current line may be broken
  for (let i = name.length + 2; i < text.length; i++) {
    const c = text[i];
    const prev = text[i - 1];
    // Break only before the first WSP of a run, so no line is made of WSP alone (§3.2.2).
    if ((c === ' ' || c === '\t') && prev !== ' ' && prev !== '\t') {
      if (i - lineStart > limit && lastBreak > lineStart) {
        out.push(text.slice(lineStart, lastBreak));
        lineStart = lastBreak;
      }
      lastBreak = i;
    }
  }
  if (text.length - lineStart > limit && lastBreak > lineStart) {
    out.push(text.slice(lineStart, lastBreak));
    lineStart = lastBreak;
  }
  out.push(text.slice(lineStart));
  return `${out.join('\r\n')}\r\n`;
}
