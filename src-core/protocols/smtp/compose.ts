/**
 * The message a user agent writes (RFC 5322 §3.6): From, To, Cc, Subject,
 * Date, Message-ID, then a plain-text body. 7-bit on the wire (RFC 5321
 * §2.3.1, no 8BITMIME is used): a body that is not ASCII goes as UTF-8 in
 * quoted-printable (RFC 2045 §6.7), a subject that is not ASCII as an
 * encoded-word (RFC 2047 §4.1, "B"), and the user agent says so (the
 * `encoded` list), so the lesson can show what 7-bit rules did to it. Lines
 * end in CRLF; text lines over 76 characters are folded by QP's soft breaks.
 */
import type { SimTime } from '../../sim/time';
import { formatMailDate } from '../mail/message';

export interface Composed {
  readonly bytes: Uint8Array;
  /** What was encoded to keep the message 7-bit ("the body as quoted-printable"). */
  readonly encoded: readonly string[];
}

const isAscii = (s: string) => /^[\x00-\x7f]*$/.test(s);

/** RFC 2045 §6.7: =XX for bytes outside printable ASCII (and "="), soft line breaks "=" before 76 characters. */
export function quotedPrintable(text: string): string {
  const out: string[] = [];
  for (const line of text.replace(/\r\n|\r|\n/g, '\n').split('\n')) {
    let encoded = '';
    const bytes = new TextEncoder().encode(line);
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      const last = i === bytes.length - 1;
      // a space or tab at a line's end must be encoded (§6.7 rule 3)
      const plain = (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last);
      encoded += plain ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    let rest = encoded;
    while (rest.length > 76) {
      let cut = 75;
      // never cut an =XX apart
      if (rest[cut - 1] === '=') cut -= 1;
      else if (rest[cut - 2] === '=') cut -= 2;
      out.push(`${rest.slice(0, cut)}=`);
      rest = rest.slice(cut);
    }
    out.push(rest);
  }
  return out.join('\r\n');
}

function encodedWord(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `=?UTF-8?B?${btoa(binary)}?=`;
}

export function composeMessage(m: { readonly from: string; readonly to: readonly string[]; readonly cc: readonly string[]; readonly subject: string; readonly text: string; readonly messageId: string; readonly at: SimTime }): Composed {
  const encoded: string[] = [];
  const subject = isAscii(m.subject) ? m.subject : (encoded.push('the subject as an RFC 2047 encoded-word'), encodedWord(m.subject));
  const headers = [`From: <${m.from}>`, `To: ${m.to.map((a) => `<${a}>`).join(', ')}`, ...(m.cc.length > 0 ? [`Cc: ${m.cc.map((a) => `<${a}>`).join(', ')}`] : []), `Subject: ${subject}`, `Date: ${formatMailDate(m.at)}`, `Message-ID: <${m.messageId}>`, 'MIME-Version: 1.0'];
  let body: string;
  if (isAscii(m.text) && m.text.split(/\r\n|\r|\n/).every((l) => l.length <= 998)) {
    headers.push('Content-Type: text/plain; charset=us-ascii', 'Content-Transfer-Encoding: 7bit');
    body = m.text.replace(/\r\n|\r|\n/g, '\r\n');
  } else {
    encoded.push('the body as UTF-8 in quoted-printable');
    headers.push('Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable');
    body = quotedPrintable(m.text);
  }
  const text = `${headers.join('\r\n')}\r\n\r\n${body}${body.endsWith('\r\n') || body === '' ? '' : '\r\n'}`;
  return { bytes: new TextEncoder().encode(text), encoded };
}
