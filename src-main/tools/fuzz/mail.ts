/**
 * Internet message fuzz targets (src-core/protocols/mail/message/): the
 * parser and the inspector's tree. An input is one message's bytes (an
 * SMTP DATA payload, dot-unstuffed).
 *
 * Checks beyond "does not throw":
 * - Every range of every part and field, and every problem's offset, lies
 *   inside the input; a part's header ends where its body starts; children
 *   lie inside their parent's body.
 * - Parsing is a function of the bytes: twice gives the same result.
 * - toSevenBit's output parses, and has no 8-bit byte or long line left in
 *   any body it says it changed.
 * - The tree's nodes lie inside the input (dissect-check.ts).
 * 'rejected' when the parser reports an error (a problem of severity error).
 */
import { buildMessage } from '../../../src-core/protocols/mail/message/build';
import { allParts, parseMessage } from '../../../src-core/protocols/mail/message/parse';
import { sevenBitProblems } from '../../../src-core/protocols/mail/message/seven-bit';
import { toSevenBit } from '../../../src-core/protocols/mail/message/to-seven-bit';
import { mimeTree } from '../../../src-core/protocols/mail/message/tree';
import type { ByteRange } from '../../../src-core/protocols/mail/message/types';
import { checkTree } from './dissect-check';
import { check, hex, type FuzzTarget, type Outcome } from './target';

const text = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
const canonical = (value: unknown) => JSON.stringify(value, (_, v: unknown) => (v instanceof Uint8Array ? hex(v) : v));

export function mailSeeds(): Uint8Array[] {
  const base = { from: { name: 'Alice', address: 'alice@crepes.fr' }, to: [{ name: 'Bob', address: 'bob@hamburger.edu' }], subject: 'Searching for the meaning of life.', date: 0, messageId: '<1.l7@crepes.fr>' };
  return [
    text('From: alice@crepes.fr\r\nTo: bob@hamburger.edu\r\nSubject: Searching for the meaning of life.\r\n\r\nHello Bob.\r\n'),
    buildMessage({ ...base, text: 'Do you like ketchup?\nHow about pickles?\n' }).bytes,
    buildMessage({ ...base, cc: [{ name: 'Zoë', address: 'zoe@x.org' }], subject: 'Crêpes ☕', text: 'Voilà.\n', html: '<p>Voil&agrave;.</p>' }).bytes,
    buildMessage({ ...base, text: 'See the picture.', html: '<p>See</p>', attachments: [{ filename: 'pic.png', mediaType: 'image/png', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]) }, { filename: 'résumé.pdf', mediaType: 'application/pdf', bytes: Uint8Array.from({ length: 100 }, (_, i) => i) }] }).bytes,
    buildMessage({ ...base, text: 'ça va\n', eightBit: true }).bytes,
    text('Content-Type: multipart/digest; boundary=d\r\n\r\npre\r\n--d\r\n\r\nSubject: inner\r\n\r\nhi\r\n--d\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\na=3Db=\r\nc\r\n--d--\r\nepilogue'),
    text('To: undisclosed:;, Team: "Q. Public" <q@x.org>, =?UTF-8?B?w4lsaXNl?= <e@x.org>;\r\nCc: a@b.c,\r\n =?ISO-8859-1?Q?Andr=E9?= <p@q.r>\r\nDate: 21 Nov 97 09:55:06 GMT\r\nContent-Disposition: attachment; filename*0*=utf-8\'\'%C3%A9; filename*1=x.txt\r\n\r\n'),
  ];
}

export function mailDictionary(): Uint8Array[] {
  return ['\r\n', '\r\n\r\n', ': ', '\r\n ', '--', 'Content-Type: ', 'multipart/mixed; boundary=', 'multipart/alternative', 'message/rfc822', 'Content-Transfer-Encoding: ', 'base64', 'quoted-printable', '8bit', 'Content-Disposition: attachment; filename=', "filename*0*=utf-8''", '=?UTF-8?B?', '=?UTF-8?Q?', '?=', '=\r\n', '=3D', '"', '<', '>', '(', ')', ',', ';', '@'].map(text);
}

function runParse(input: Uint8Array): Outcome {
  const r = parseMessage(input);
  const inside = (x: ByteRange, what: string) => check(x.start >= 0 && x.start <= x.end && x.end <= input.length, () => `${what} at [${x.start}, ${x.end}) of a ${input.length}-byte input`);
  for (const w of r.warnings) check(w.offset >= 0 && w.offset <= input.length, () => `problem ${w.code} at ${w.offset} of a ${input.length}-byte input`);
  check(canonical(parseMessage(input)) === canonical(r), () => 'parsing the same bytes twice gave two results');
  if (!r.ok) return 'rejected';
  for (const p of allParts(r.value.root)) {
    const where = `part [${p.path.join('.')}]`;
    for (const x of [p.range, p.header, p.body]) inside(x, where);
    for (const h of p.headers) for (const x of [h.field, h.nameRange, h.valueRange]) inside(x, `${where} field ${h.name}`);
    if (p.preamble) inside(p.preamble, `${where} preamble`);
    if (p.epilogue) inside(p.epilogue, `${where} epilogue`);
    check(p.header.end === p.body.start, () => `${where}: its header ends at ${p.header.end}, its body starts at ${p.body.start}`);
    for (const c of p.children) check(c.range.start >= p.body.start && c.range.end <= p.body.end, () => `${where}: a child at [${c.range.start}, ${c.range.end}) outside its body`);
  }
  const seven = toSevenBit(input);
  const again = parseMessage(seven.bytes);
  check(again.ok, () => 'toSevenBit gave bytes that do not parse');
  for (const c of seven.changes) {
    if (c.to === '7bit') continue;
    const part = allParts(again.value.root).find((p) => p.path.join('.') === c.path.join('.'));
    check(part !== undefined, () => `toSevenBit changed part [${c.path.join('.')}] and it is gone`);
    check(sevenBitProblems(seven.bytes, part.body.start, part.body.end).length === 0, () => `toSevenBit left 8-bit bytes or long lines in part [${c.path.join('.')}]`);
  }
  return r.warnings.some((w) => w.severity === 'error') ? 'rejected' : 'ok';
}

export function mailTargets(): FuzzTarget[] {
  return [
    { name: 'mail.parse', seeds: mailSeeds, dictionary: mailDictionary, run: runParse },
    { name: 'mail.tree', seeds: mailSeeds, dictionary: mailDictionary, run: (input) => checkTree(mimeTree(input), input.length) },
  ];
}
