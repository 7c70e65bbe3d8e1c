/**
 * Content-Type and Content-Disposition values (RFC 2045 §5.1, RFC 2183):
 * `type "/" subtype *(";" attribute "=" value)`, the value a token or a
 * quoted-string; type, subtype and attribute names ignore case.
 *
 * Parameters follow RFC 2231 too: `name*=charset'lang'%XX…` (an encoded
 * value) and `name*0=…; name*1*=…` (a value continued over several
 * parameters), which is how a filename longer than a line or not in ASCII
 * is written. Reading also decodes RFC 2047 encoded-words inside a quoted
 * filename, which is not allowed (RFC 2047 §5) but is what many mailers
 * write. A missing or unreadable Content-Type is text/plain (§5.2).
 */
import { decodeHeaderText } from './encoded-word';
import { decodeCharset, utf8, type MailProblem } from './types';

export interface ParsedContentType {
  /** Lower-case type and subtype ("text", "plain"). */
  readonly type: string;
  readonly subtype: string;
  /** Lower-case parameter names, values decoded. */
  readonly params: Readonly<Record<string, string>>;
}

/** RFC 2045 §5.1 tspecials, which a token may not hold. */
const TSPECIALS = '()<>@,;:\\"/[]?=';
const isTokenChar = (c: string) => c > ' ' && c < '\x7f' && !TSPECIALS.includes(c);
export const isToken = (s: string) => s.length > 0 && [...s].every(isTokenChar);

interface RawParam {
  readonly name: string;
  readonly value: string;
  readonly quoted: boolean;
}

/** Splits `token/token; a=b; c="d"` into its head and raw parameters, comments skipped. */
function split(value: string, problems: MailProblem[], offset: number): { head: string; params: RawParam[] } {
  let i = 0;
  const skip = () => {
    for (;;) {
      while (i < value.length && ' \t\r\n'.includes(value[i]!)) i++;
      if (value[i] !== '(') return;
      let depth = 0;
      for (; i < value.length; i++) {
        if (value[i] === '\\') i++;
        else if (value[i] === '(') depth++;
        else if (value[i] === ')' && --depth === 0) {
          i++;
          break;
        }
      }
    }
  };
  const word = () => {
    skip();
    const s = i;
    while (i < value.length && value[i] !== ';' && value[i] !== '=' && value[i] !== '(' && !' \t'.includes(value[i]!)) i++;
    return value.slice(s, i);
  };
  skip();
  const headStart = i;
  while (i < value.length && value[i] !== ';') i++;
  const head = value.slice(headStart, i).replace(/\([^()]*\)/g, '').replace(/\s+/g, '');
  const params: RawParam[] = [];
  while (i < value.length) {
    if (value[i] === ';') i++;
    const name = word();
    skip();
    if (name === '') {
      if (i < value.length && value[i] !== ';') i++;
      continue;
    }
    if (value[i] !== '=') {
      problems.push({ code: 'bad-parameter', message: `the parameter "${name}" has no "=" value (RFC 2045 §5.1): skipped`, offset, severity: 'error' });
      while (i < value.length && value[i] !== ';') i++;
      continue;
    }
    i++;
    skip();
    if (value[i] === '"') {
      let text = '';
      i++;
      for (; i < value.length && value[i] !== '"'; i++) {
        if (value[i] === '\\' && i + 1 < value.length) i++;
        text += value[i];
      }
      i++;
      params.push({ name: name.toLowerCase(), value: text, quoted: true });
    } else {
      const s = i;
      while (i < value.length && value[i] !== ';' && !' \t('.includes(value[i]!)) i++;
      params.push({ name: name.toLowerCase(), value: value.slice(s, i), quoted: false });
    }
    skip();
    while (i < value.length && value[i] !== ';') i++;
  }
  return { head, params };
}

function percentDecode(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      out.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(...utf8(text[i]!));
  }
  return Uint8Array.from(out);
}

/** Joins RFC 2231 continuations and decodes `*` values; other values are taken as written (encoded-words decoded). */
function assemble(raw: readonly RawParam[], problems: MailProblem[], offset: number): Record<string, string> {
  const params: Record<string, string> = {};
  const pieces = new Map<string, { index: number; value: string; encoded: boolean }[]>();
  for (const p of raw) {
    const m = /^([^*]+)(?:\*(\d+))?(\*)?$/.exec(p.name);
    if (!m || (m[2] === undefined && m[3] === undefined)) {
      if (!(p.name in params)) params[p.name] = p.quoted ? decodeHeaderText(p.value, problems, offset) : p.value;
      continue;
    }
    const list = pieces.get(m[1]!) ?? [];
    list.push({ index: m[2] === undefined ? 0 : Number(m[2]), value: p.value, encoded: m[3] !== undefined });
    pieces.set(m[1]!, list);
  }
  for (const [name, list] of pieces) {
    list.sort((a, b) => a.index - b.index);
    let charset = 'utf-8';
    const bytes: number[] = [];
    list.forEach((piece, k) => {
      let v = piece.value;
      if (piece.encoded && k === 0) {
        const q = /^([^']*)'[^']*'(.*)$/.exec(v);
        if (q) {
          charset = q[1] === '' ? 'us-ascii' : q[1]!;
          v = q[2]!;
        }
      }
      bytes.push(...(piece.encoded ? percentDecode(v) : utf8(v)));
    });
    const text = decodeCharset(Uint8Array.from(bytes), charset);
    if (text === null) problems.push({ code: 'unknown-charset', message: `the charset "${charset}" of the parameter ${name}* is not known (RFC 2231 §4)`, offset, severity: 'warning' });
    params[name] = text ?? list.map((p) => p.value).join(''); // RFC 2231 values win over a plain one of the same name
  }
  return params;
}

/** A Content-Type value. Null type when the head is not `type/subtype` of tokens (the caller then uses the default, §5.2). */
export function parseContentType(value: string, problems: MailProblem[] = [], offset = 0): ParsedContentType | null {
  const { head, params } = split(value, problems, offset);
  const m = /^([^/]+)\/([^/]+)$/.exec(head);
  if (!m || !isToken(m[1]!) || !isToken(m[2]!)) return null;
  return { type: m[1]!.toLowerCase(), subtype: m[2]!.toLowerCase(), params: assemble(params, problems, offset) };
}

/** A Content-Disposition value (RFC 2183 §2): the lower-case disposition type and its parameters. */
export function parseDisposition(value: string, problems: MailProblem[] = [], offset = 0): { readonly type: string; readonly params: Readonly<Record<string, string>> } {
  const { head, params } = split(value, problems, offset);
  return { type: head.toLowerCase(), params: assemble(params, problems, offset) };
}

/** RFC 2231 §7 attribute-char: a token character other than "*", "'" and "%". */
const isAttributeChar = (c: number) => c > 0x20 && c < 0x7f && !TSPECIALS.includes(String.fromCharCode(c)) && c !== 0x2a && c !== 0x27 && c !== 0x25;
/** Longest piece of one RFC 2231 continuation, so that a parameter fits a folded line of 78. */
const PIECE = 60;

/**
 * `; name=value` parameters: a token as it is, printable ASCII up to
 * `PIECE` characters quoted, anything else RFC 2231 `name*0*=utf-8''…`
 * percent-encoded and continued. Each parameter is preceded by a space, a
 * place to fold.
 */
export function formatParams(params: readonly (readonly [string, string])[]): string {
  let out = '';
  for (const [name, value] of params) {
    if (isToken(value)) out += `; ${name}=${value}`;
    // "=?" would read as an encoded-word (readers decode them in quoted filenames): RFC 2231 form instead.
    else if (/^[\x20-\x7e]*$/.test(value) && value.length <= PIECE && !value.includes('=?')) out += `; ${name}="${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
    else {
      let encoded = '';
      for (const c of utf8(value)) encoded += isAttributeChar(c) ? String.fromCharCode(c) : `%${c.toString(16).toUpperCase().padStart(2, '0')}`;
      const pieces: string[] = [];
      for (let i = 0; i < encoded.length; ) {
        let end = Math.min(encoded.length, i + PIECE);
        // Never cut a %XX.
        if (encoded[end - 1] === '%') end -= 1;
        else if (encoded[end - 2] === '%') end -= 2;
        pieces.push(encoded.slice(i, end));
        i = end;
      }
      if (pieces.length === 1) out += `; ${name}*=utf-8''${pieces[0]!}`;
      else pieces.forEach((p, k) => (out += `; ${name}*${k}*=${k === 0 ? "utf-8''" : ''}${p}`));
    }
  }
  return out;
}
