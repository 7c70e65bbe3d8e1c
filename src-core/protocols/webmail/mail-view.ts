/**
 * What the webmail shows of a mailbox, made from what IMAP returns (pure):
 * an inbox line from a FETCH response's UID, FLAGS and ENVELOPE (RFC 9051
 * §7.5.2: date, subject, from … as the message's header wrote them), and a
 * message page from its bytes (BODY[]), read with the project's message
 * codec (protocols/mail/message/).
 *
 * Rules:
 * - Header texts are decoded (RFC 2047 encoded-words); a From is its
 *   display name and address, "Alice <alice@crepes.fr>", or the address
 *   alone.
 * - An inbox line is unread when FLAGS lacks \Seen.
 * - The text shown is the first text/plain part that is not an
 *   attachment; without one, the first text/html part, shown as its source
 *   (this webmail renders no mail-provided markup); without either, none.
 * - Attachments are the leaves with a file name or an "attachment"
 *   disposition, each with its decoded size.
 */
import { fetchPairs } from '../imap/client';
import { textOf, type ImapValue } from '../imap/syntax';
import { allParts, decodeHeaderText, parseMessage, type Mailbox, type MimePart } from '../mail/message';
import type { ImapDataResponse } from '../imap/client-session';
import type { AttachmentEntry, InboxEntry, MessageView } from './html';

const text = (v: ImapValue | undefined) => decodeHeaderText(textOf(v) ?? '');

/** "Name <local@domain>" from an IMAP address (name adl mailbox host), or the address alone. */
function imapAddress(v: ImapValue): string {
  if (v.kind !== 'list') return '';
  const [name, , mailbox, host] = v.items;
  const address = `${textOf(mailbox) ?? ''}@${textOf(host) ?? ''}`;
  const display = text(name);
  return display === '' ? address : `${display} <${address}>`;
}

/** The UID of a FETCH response, or null. */
export function fetchUid(r: ImapDataResponse): number | null {
  if (r.name !== 'FETCH') return null;
  const uid = Number(textOf(fetchPairs(r.values).get('UID')) ?? NaN);
  return Number.isInteger(uid) && uid > 0 ? uid : null;
}

/** An inbox line from `* n FETCH (UID … FLAGS (…) ENVELOPE (…))`, or null when it has no UID or ENVELOPE. */
export function inboxEntry(r: ImapDataResponse): InboxEntry | null {
  const uid = fetchUid(r);
  const pairs = fetchPairs(r.values);
  const envelope = pairs.get('ENVELOPE');
  if (uid === null || envelope?.kind !== 'list') return null;
  const flags = pairs.get('FLAGS');
  const seen = flags?.kind === 'list' && flags.items.some((f) => (textOf(f) ?? '').toLowerCase() === '\\seen');
  const from = envelope.items[2];
  return {
    uid,
    date: text(envelope.items[0]),
    subject: text(envelope.items[1]),
    from: from?.kind === 'list' ? from.items.map(imapAddress).join(', ') : '',
    seen,
  };
}

/** The BODY[] of a FETCH response, or null. */
export function fetchBody(r: ImapDataResponse): Uint8Array | null {
  const body = fetchPairs(r.values).get('BODY[]');
  return body?.kind === 'string' ? body.bytes : null;
}

const mailbox = (m: Mailbox) => (m.name === '' ? m.address : `${m.name} <${m.address}>`);

const isAttachment = (p: MimePart) => p.children.length === 0 && (p.disposition === 'attachment' || p.filename !== null);

/** The message page's contents from the message's bytes. */
export function messageView(uid: number, bytes: Uint8Array): MessageView {
  const parsed = parseMessage(bytes);
  if (!parsed.ok) return { uid, from: '', to: '', subject: '', date: '', text: null, textNote: parsed.error.message, attachments: [] };
  const { fields, root } = parsed.value;
  const leaves = allParts(root).filter((p) => p.children.length === 0);
  const plain = leaves.find((p) => p.contentType === 'text/plain' && !isAttachment(p) && p.text !== null);
  const html = plain ? undefined : leaves.find((p) => p.contentType === 'text/html' && !isAttachment(p) && p.text !== null);
  const attachments: AttachmentEntry[] = leaves.filter(isAttachment).map((p) => ({ name: p.filename ?? '(no name)', type: p.contentType, bytes: p.content?.length ?? 0 }));
  return {
    uid,
    from: fields.from.map(mailbox).join(', '),
    to: fields.to.map(mailbox).join(', '),
    subject: fields.subject ?? '',
    date: fields.date ?? '',
    text: plain?.text ?? html?.text ?? null,
    textNote: html ? 'The message is HTML only; its source is shown as text (this webmail shows no mail-provided markup).' : '',
    attachments,
  };
}
