/**
 * The bounce a mail server sends its user when a message cannot be
 * delivered: a delivery status notification (RFC 3464) — multipart/report
 * (RFC 6522) with a human-readable part, the message/delivery-status part
 * (one block per failed recipient: Final-Recipient, Action, Status from
 * the reply's enhanced code (RFC 3463) or 5.0.0 / 4.4.7, Diagnostic-Code
 * the reply itself) and the original message's header (text/rfc822-headers).
 * It is sent with the null reverse path (RFC 5321 §4.5.5), so it is never
 * bounced in turn. All 7-bit.
 */
import type { SimTime } from '../../sim/time';
import { formatMailDate } from '../mail/message';

export interface FailedRecipient {
  readonly to: string;
  /** The reply that refused it, or why it was given up. */
  readonly reply: string;
  /** True when retries ran out (status 4.4.7, Action: failed after delay). */
  readonly expired: boolean;
}

/** The enhanced status code a reply text starts with ("5.1.1"), else the class default. */
export function statusOf(r: FailedRecipient): string {
  const m = /^\d{3} ([245]\.\d{1,3}\.\d{1,3})\b/.exec(r.reply);
  if (m) return m[1]!;
  return r.expired ? '4.4.7' : '5.0.0';
}

/** The original message's header section, up to its empty line (or all of it when it has none). */
function headerOf(message: Uint8Array): string {
  const text = new TextDecoder('latin1').decode(message);
  const end = text.indexOf('\r\n\r\n');
  return (end < 0 ? text : text.slice(0, end + 2)).replace(/[^\x00-\x7f]/g, '?');
}

export function buildBounce(b: { readonly id: string; readonly hostName: string; readonly domain: string; readonly sender: string; readonly failed: readonly FailedRecipient[]; readonly original: Uint8Array; readonly at: SimTime }): Uint8Array {
  const boundary = `=_l7_dsn_${b.id}`;
  const date = formatMailDate(b.at);
  const lines = [
    `From: Mail Delivery System <MAILER-DAEMON@${b.domain}>`,
    `To: <${b.sender}>`,
    'Subject: Undelivered Mail Returned to Sender',
    `Date: ${date}`,
    `Message-ID: <${b.id}.dsn@${b.hostName}>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=us-ascii',
    '',
    `This is the mail system at ${b.hostName}.`,
    '',
    'Your message could not be delivered to:',
    ...b.failed.map((f) => `  <${f.to}>: ${f.expired ? `gave up: ${f.reply}` : f.reply}`),
    '',
    `--${boundary}`,
    'Content-Type: message/delivery-status',
    '',
    `Reporting-MTA: dns; ${b.hostName}`,
    `Arrival-Date: ${date}`,
    ...b.failed.flatMap((f) => ['', `Final-Recipient: rfc822; ${f.to}`, 'Action: failed', `Status: ${statusOf(f)}`, ...(/^\d{3} /.test(f.reply) ? [`Diagnostic-Code: smtp; ${f.reply}`] : [])]),
    '',
    `--${boundary}`,
    'Content-Type: text/rfc822-headers',
    '',
  ];
  const text = `${lines.join('\r\n')}\r\n${headerOf(b.original)}\r\n--${boundary}--\r\n`;
  return new TextEncoder().encode(text);
}
