/**
 * Reading scenario text as strict JSON (RFC 8259): no comments, no trailing
 * commas, double-quoted strings only. A leading byte-order mark is accepted.
 *
 * Syntax errors are found with jsonc-parser's scanner and described in plain
 * words. Comments and trailing commas are all reported (the parser recovers
 * from them exactly); any other error is reported and reading stops there,
 * since what follows it cannot be trusted.
 *
 * Offsets are in UTF-16 code units; `text` has the BOM removed, and
 * JsonDocument.position() turns a text offset into an issue location.
 */
import { parseTree, printParseErrorCode, visit } from 'jsonc-parser';
import type { Node as JsonNode, ParseErrorCode, ParseOptions } from 'jsonc-parser';
import { quote } from './describe-value';
import type { ScenarioIssue } from './errors';

/** Deeper nesting of arrays and objects is refused before parsing (a scenario needs about 5 levels). */
export const MAX_JSON_DEPTH = 100;

const STRICT: ParseOptions = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

export interface Location {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  /** 0-based offset into the source as given (BOM included). */
  offset: number;
}

export interface JsonDocument {
  /** The text without its BOM. */
  readonly text: string;
  /** The parsed value (JSON.parse semantics: the last of duplicate properties wins). */
  readonly value: unknown;
  /** jsonc-parser's syntax tree of `text`. */
  readonly tree: JsonNode | undefined;
  /** The location of an offset into `text`. */
  position(offset: number): Location;
}

export type ReadJsonResult = { ok: true; doc: JsonDocument } | { ok: false; issues: ScenarioIssue[] };

export function readJson(source: string): ReadJsonResult {
  const bom = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = bom === 1 ? source.slice(1) : source;
  const starts = lineStarts(text);
  const position = (offset: number): Location => locationOf(starts, offset, bom);
  const issueAt = (offset: number, message: string): ScenarioIssue => ({ path: '', message, ...position(offset) });

  if (/^[ \t\r\n]*$/.test(text)) {
    return { ok: false, issues: [issueAt(0, 'the file is empty: expected a JSON object starting with { "format": "l7-scenario", … }')] };
  }
  const tooDeep = depthExceeded(text, MAX_JSON_DEPTH);
  if (tooDeep !== undefined) {
    return { ok: false, issues: [issueAt(tooDeep, `nested too deeply: more than ${MAX_JSON_DEPTH} levels of arrays and objects`)] };
  }
  const syntax = syntaxErrors(text);
  if (syntax.length > 0) {
    return { ok: false, issues: syntax.map((e) => issueAt(e.offset, e.message)) };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // Only if jsonc-parser accepted something JSON.parse does not; kept as a safety net.
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    return { ok: false, issues: [issueAt(at ? Math.min(Number(at[1]), text.length) : 0, `invalid JSON: ${message}`)] };
  }
  const tree = parseTree(text, undefined, STRICT);
  return { ok: true, doc: { text, value, tree, position } };
}

interface JsonSyntaxError {
  offset: number;
  message: string;
}

interface Container {
  kind: 'object' | 'array';
  offset: number;
}

/** Strict-JSON syntax errors, in text order (see the file comment for which ones). */
function syntaxErrors(text: string): JsonSyntaxError[] {
  const starts = lineStarts(text);
  const stack: Container[] = [];
  // jsonc-parser ends an unclosed object or array before reporting the missing '}' or ']'.
  let lastClosed: Container | undefined;
  const close = (): void => {
    lastClosed = stack.pop();
  };
  const errors: JsonSyntaxError[] = [];
  const seenOffsets = new Set<number>();
  let stopped = false;
  visit(
    text,
    {
      onObjectBegin: (offset) => void stack.push({ kind: 'object', offset }),
      onObjectEnd: close,
      onArrayBegin: (offset) => void stack.push({ kind: 'array', offset }),
      onArrayEnd: close,
      onError: (code, offset, length) => {
        if (stopped || seenOffsets.has(offset)) return;
        seenOffsets.add(offset);
        const name = printParseErrorCode(code);
        const unclosed = name === 'CloseBraceExpected' || name === 'CloseBracketExpected';
        const container = unclosed ? lastClosed : stack[stack.length - 1];
        const trailing = isTrailingComma(text, offset);
        const soft = name === 'InvalidCommentToken' || trailing;
        const described = describeSyntaxError(text, starts, code, offset, length, container, trailing);
        errors.push(described);
        if (!soft) stopped = true;
      },
    },
    STRICT,
  );
  return errors;
}

function describeSyntaxError(
  text: string,
  starts: readonly number[],
  code: ParseErrorCode,
  offset: number,
  length: number,
  container: Container | undefined,
  trailingComma: boolean,
): JsonSyntaxError {
  const token = text.slice(offset, offset + Math.max(length, 1));
  const atEnd = /^[ \t\r\n]*$/.test(text.slice(offset));
  const where = (c: Container): string => {
    const at = locationOf(starts, c.offset, 0);
    return `line ${at.line}, column ${at.column}`;
  };
  const at = (message: string, errorOffset = offset): JsonSyntaxError => ({ offset: errorOffset, message });

  if (trailingComma) {
    const closer = text[offset] === '}' ? 'property of an object' : 'element of an array';
    return at(`trailing comma: JSON allows no ',' after the last ${closer}`, previousNonSpace(text, offset));
  }
  if (leadingZero(text, offset)) return at('a number must not start with 0 unless it is 0 (no leading zeros)', offset - 1);

  // ParseErrorCode is an ambient const enum, unusable under verbatimModuleSyntax: switch on its name.
  switch (printParseErrorCode(code)) {
    case 'InvalidCommentToken':
      return at('comments are not allowed in JSON');
    case 'UnexpectedEndOfComment':
      return at('unterminated comment (and comments are not allowed in JSON)');
    case 'InvalidSymbol':
      return at(describeUnexpected(text, token, offset, container));
    case 'InvalidNumberFormat':
      return at(`invalid number ${quote(token)}`);
    case 'UnexpectedEndOfNumber':
      return at(`incomplete number ${quote(token)}: expected digits after ${quote(token.slice(-1))}`);
    case 'UnexpectedEndOfString':
      return at('unterminated string: expected a closing \'"\' on the same line');
    case 'InvalidCharacter':
    case 'InvalidEscapeCharacter':
    case 'InvalidUnicode':
      return describeBadString(text, offset, offset + length);
    case 'PropertyNameExpected':
      if (atEnd) return at("unexpected end of file: expected a property name in double quotes");
      return at(`expected a property name in double quotes, got ${describeToken(text, offset)}`);
    case 'ValueExpected':
      if (atEnd) return at('unexpected end of file: expected a value');
      return at(`expected a value, got ${describeToken(text, offset)}`);
    case 'ColonExpected':
      return at(`expected ':' after a property name, got ${describeToken(text, offset)}`);
    case 'CommaExpected':
      return container?.kind === 'array'
        ? at(`expected ',' or ']' after an array element, got ${describeToken(text, offset)}`)
        : at(`expected ',' or '}' after a property value, got ${describeToken(text, offset)}`);
    case 'CloseBraceExpected':
      if (atEnd && container) return at(`unexpected end of file: expected '}' to close the object opened at ${where(container)}`);
      return at(`expected ',' or '}' after a property value, got ${describeToken(text, offset)}`);
    case 'CloseBracketExpected':
      if (atEnd && container) return at(`unexpected end of file: expected ']' to close the array opened at ${where(container)}`);
      return at(`expected ',' or ']' after an array element, got ${describeToken(text, offset)}`);
    case 'EndOfFileExpected':
      return at(`unexpected ${describeToken(text, offset)} after the end of the JSON value (a file holds one value)`);
    default:
      return at(`invalid JSON at ${describeToken(text, offset)}`);
  }
}

/** An unknown symbol: single quotes, unquoted names, NaN, capitalised literals, odd whitespace. */
function describeUnexpected(text: string, token: string, offset: number, container: Container | undefined): string {
  const first = token.codePointAt(0) ?? 0;
  if (token.startsWith("'")) return `unexpected ${quote(token)}: JSON strings and property names use double quotes`;
  if (/^-?(NaN|Infinity)$/.test(token)) return `unexpected ${token}: JSON numbers cannot be NaN or Infinity`;
  if (['true', 'false', 'null'].includes(token.toLowerCase())) {
    return `unexpected ${quote(token)}: JSON literals are lowercase (${token.toLowerCase()})`;
  }
  if (isUnusualSpace(first)) {
    return `unexpected character ${codePoint(first)}: only spaces, tabs and line breaks may separate JSON tokens`;
  }
  const beforeAt = previousNonSpace(text, offset);
  if (container === undefined && beforeAt >= 0) {
    return `unexpected ${describeToken(text, offset)} after the end of the JSON value (a file holds one value)`;
  }
  const before = text[beforeAt];
  if (container?.kind === 'object' && (before === '{' || before === ',') && /^[A-Za-z_$]/.test(token)) {
    return `unexpected ${quote(token)}: property names must be strings in double quotes`;
  }
  return `unexpected ${quote(token)}`;
}

/** Finds the exact position of a bad character, escape or \u escape inside the string token [start, end). */
function describeBadString(text: string, start: number, end: number): JsonSyntaxError {
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */) {
      const next = text[i + 1] ?? '';
      if (next === 'u') {
        if (!/^[0-9A-Fa-f]{4}$/.test(text.slice(i + 2, i + 6))) {
          return { offset: i, message: 'invalid \\u escape: expected 4 hexadecimal digits after \\u' };
        }
        i += 5;
      } else if ('"\\/bfnrt'.includes(next) && next !== '') {
        i += 1;
      } else {
        return { offset: i, message: `invalid escape "\\${next}" in a string (valid: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)` };
      }
    } else if (c < 0x20) {
      const escape = CONTROL_ESCAPES[c] ?? `\\u${c.toString(16).padStart(4, '0')}`;
      return { offset: i, message: `control character ${codePoint(c)} in a string: write it as ${escape}` };
    }
  }
  return { offset: start, message: 'invalid string' };
}

const CONTROL_ESCAPES: Record<number, string> = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r' };

/**
 * Describes what stands at `offset`: "the end of the file", a string as
 * written ("nodes"), a word or number as is (true, 12), a punctuation
 * character in single quotes (']'), an invisible character by code point.
 */
function describeToken(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the file';
  const rest = text.slice(offset, offset + 41);
  const string = /^"(?:[^"\\\r\n]|\\.)*"?/.exec(rest)?.[0];
  if (string !== undefined) return string.length > 40 ? `${string.slice(0, 40)}…"` : string;
  const word = /^[A-Za-z0-9_.+-]+/.exec(rest)?.[0];
  if (word !== undefined) return word.length > 40 ? `${word.slice(0, 40)}…` : word;
  const c = text.codePointAt(offset) ?? 0;
  if (c < 0x20 || c === 0x7f || isUnusualSpace(c)) return `character ${codePoint(c)}`;
  return `'${String.fromCodePoint(c)}'`;
}

/** A comma followed (after whitespace) by the '}' or ']' at `offset`. */
function isTrailingComma(text: string, offset: number): boolean {
  const closer = text[offset];
  if (closer !== '}' && closer !== ']') return false;
  return text[previousNonSpace(text, offset)] === ',';
}

/** A digit at `offset` right after a number that is a lone 0 (as in 012 or -01). */
function leadingZero(text: string, offset: number): boolean {
  if (!/[0-9]/.test(text[offset] ?? '') || text[offset - 1] !== '0') return false;
  return !/[0-9.eE+]/.test(text[offset - 2] ?? '');
}

/** Offset of the last non-whitespace character before `offset` (−1 if none). */
function previousNonSpace(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && ' \t\r\n'.includes(text[i]!)) i--;
  return i;
}

function isUnusualSpace(c: number): boolean {
  return c === 0xa0 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

function codePoint(c: number): string {
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Offset of the first bracket that opens a level deeper than `limit`, ignoring strings. */
function depthExceeded(text: string, limit: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (++depth > limit) return i;
    } else if (c === '}' || c === ']') depth--;
  }
  return undefined;
}

/** Offsets at which lines start; a line ends at \n, \r\n or \r. */
/** The 1-based line and column of `offset` in `text` (lines end at \n, \r\n or \r, as in readJson). */
export function textLocation(text: string, offset: number): { line: number; column: number } {
  const { line, column } = locationOf(lineStarts(text), offset, 0);
  return { line, column };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) starts.push(i + 1);
    else if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** 1-based line and column of a text offset; `offset` of the result includes the BOM. */
function locationOf(starts: readonly number[], offset: number, bom: number): Location {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1, offset: offset + bom };
}
