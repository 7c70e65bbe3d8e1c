/**
 * IMAP responses (RFC 9051 §2.2.2, §7): a continuation request "+ text",
 * untagged data "* …", and tagged completions "tag OK|NO|BAD [code] text".
 * Untagged status responses (OK, NO, BAD, PREAUTH, BYE) carry an optional
 * response code in brackets (§7.1) and free text; other untagged data is
 * values (syntax.ts), after a number for EXISTS, EXPUNGE and FETCH
 * (§7.3.1, §7.5).
 */
import type { ImapUnit } from './reader';
import { latin1, readValues, textEnd, type ImapValue, type SyntaxError } from './syntax';

export const STATUSES = ['OK', 'NO', 'BAD', 'PREAUTH', 'BYE'] as const;
export type ImapStatus = (typeof STATUSES)[number];

export type ImapResponse =
  | { readonly kind: 'continuation'; readonly text: string }
  | { readonly kind: 'tagged'; readonly tag: string; readonly status: ImapStatus; readonly code: string | null; readonly text: string }
  | { readonly kind: 'status'; readonly status: ImapStatus; readonly code: string | null; readonly text: string }
  /** `number`: the message number or count before the name ("* 3 EXISTS"), else null ("* FLAGS (…)"). */
  | { readonly kind: 'data'; readonly number: number | null; readonly name: string; readonly values: readonly ImapValue[] };

export type ResponseParse = { readonly ok: true; readonly response: ImapResponse } | { readonly ok: false; readonly error: SyntaxError };

/** "[code] text" → code ("READ-WRITE", "UIDNEXT 5") and text. */
export function splitCode(rest: string): { code: string | null; text: string } {
  if (!rest.startsWith('[')) return { code: null, text: rest };
  const close = rest.indexOf(']');
  if (close < 0) return { code: null, text: rest };
  return { code: rest.slice(1, close), text: rest.slice(close + 1).replace(/^ /, '') };
}

export function parseResponse(unit: ImapUnit): ResponseParse {
  const b = unit.bytes;
  const end = textEnd(b);
  const fail = (message: string, offset: number): ResponseParse => ({ ok: false, error: { code: 'syntax', message, offset } });
  const line = latin1(b, 0, end);
  if (line === '+' || line.startsWith('+ ')) return { ok: true, response: { kind: 'continuation', text: line.slice(2) } };
  const sp = line.indexOf(' ');
  if (sp <= 0) return fail('a response with no tag', 0);
  const tag = line.slice(0, sp);
  const sp2 = line.indexOf(' ', sp + 1);
  const word = (sp2 < 0 ? line.slice(sp + 1) : line.slice(sp + 1, sp2)).toUpperCase();
  const rest = sp2 < 0 ? '' : line.slice(sp2 + 1);
  const status = STATUSES.find((s) => s === word);
  if (tag !== '*') {
    if (!status || status === 'PREAUTH' || status === 'BYE') return fail('a tagged response is OK, NO or BAD (RFC 9051 §7.1)', sp + 1);
    return { ok: true, response: { kind: 'tagged', tag, status, ...splitCode(rest) } };
  }
  if (status) return { ok: true, response: { kind: 'status', status, ...splitCode(rest) } };
  let number: number | null = null;
  let nameStart = sp + 1;
  let nameEnd = sp2 < 0 ? end : sp2;
  if (/^\d+$/.test(word)) {
    number = Number(word);
    nameStart = sp2 + 1;
    if (sp2 < 0) return fail('a number with no response name after it', end);
    const sp3 = line.indexOf(' ', nameStart);
    nameEnd = sp3 < 0 ? end : sp3;
  }
  const name = line.slice(nameStart, nameEnd).toUpperCase();
  if (!/^[A-Z0-9.-]+$/.test(name)) return fail('the response name is not an atom', nameStart);
  const values = nameEnd < end ? readValues(b, nameEnd + 1, end, unit.literals) : ({ ok: true, value: [] } as const);
  if (!values.ok) return { ok: false, error: values.error };
  return { ok: true, response: { kind: 'data', number, name, values: values.value } };
}
