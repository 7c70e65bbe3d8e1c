/**
 * The webmail's HTML pages (pure: text in, text out). Every string that
 * comes from a mail message or from a request — subjects, names,
 * addresses, dates, the text, file names, the IMAP server's answers — goes
 * through `escapeHtml`, so a subject "<script>…" is shown as text and never
 * runs (the rule of HTML's "escaping a string": & < > " ' as character
 * references). A page has no scripts, no style sheet and no images, so a
 * browser fetches nothing more than the page itself.
 */

/** Text for HTML content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** A whole page: `body` is HTML already escaped. */
export function page(title: string, body: string): string {
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n</head>\n<body>\n${body}</body>\n</html>\n`;
}

/** The login form; `error`: why the last login failed. */
export function loginPage(error: string | null): string {
  const note = error === null ? '' : `<p class="error">${escapeHtml(error)}</p>\n`;
  return page(
    'Webmail: log in',
    `<h1>Webmail</h1>\n${note}<form method="post" action="/login">\n<label>User <input name="user" autocomplete="username"></label>\n<label>Password <input name="password" type="password" autocomplete="current-password"></label>\n<button type="submit">Log in</button>\n</form>\n`,
  );
}

/** One line of the inbox, from the message's ENVELOPE and FLAGS. */
export interface InboxEntry {
  readonly uid: number;
  readonly from: string;
  readonly subject: string;
  readonly date: string;
  readonly seen: boolean;
}

const logoutForm = '<form method="post" action="/logout"><button type="submit">Log out</button></form>\n';

export function inboxPage(user: string, entries: readonly InboxEntry[]): string {
  const unread = entries.filter((e) => !e.seen).length;
  const rows = entries
    .map((e) => {
      const subject = e.subject === '' ? '(no subject)' : e.subject;
      const link = `<a href="/message/${e.uid}">${escapeHtml(subject)}</a>`;
      return `<tr class="${e.seen ? 'read' : 'unread'}"><td>${e.seen ? '' : '●'}</td><td>${escapeHtml(e.from)}</td><td>${e.seen ? link : `<strong>${link}</strong>`}</td><td>${escapeHtml(e.date)}</td></tr>\n`;
    })
    .join('');
  const table = entries.length === 0 ? '<p>No messages.</p>\n' : `<table>\n<tr><th></th><th>From</th><th>Subject</th><th>Date</th></tr>\n${rows}</table>\n`;
  return page(`Inbox of ${user}`, `<h1>Inbox of ${escapeHtml(user)}</h1>\n<p>${entries.length} message${entries.length === 1 ? '' : 's'}, ${unread} unread</p>\n${table}${logoutForm}`);
}

/** One attachment as the message page lists it. */
export interface AttachmentEntry {
  readonly name: string;
  readonly type: string;
  /** Decoded size, bytes. */
  readonly bytes: number;
}

export interface MessageView {
  readonly uid: number;
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly date: string;
  /** The text shown, or null when the message has none; `textNote` says where it came from when it is not text/plain. */
  readonly text: string | null;
  readonly textNote: string;
  readonly attachments: readonly AttachmentEntry[];
}

export function messagePage(view: MessageView): string {
  const head = [
    ['From', view.from],
    ['To', view.to],
    ['Subject', view.subject],
    ['Date', view.date],
  ]
    .map(([name, value]) => `<tr><th>${name}</th><td>${escapeHtml(value!)}</td></tr>\n`)
    .join('');
  const note = view.textNote === '' ? '' : `<p class="note">${escapeHtml(view.textNote)}</p>\n`;
  const text = view.text === null ? '<p>(This message has no text.)</p>\n' : `${note}<pre>${escapeHtml(view.text)}</pre>\n`;
  const files =
    view.attachments.length === 0
      ? ''
      : `<h2>Attachments</h2>\n<ul>\n${view.attachments.map((a) => `<li>${escapeHtml(a.name)} (${escapeHtml(a.type)}, ${a.bytes} bytes)</li>\n`).join('')}</ul>\n`;
  return page(view.subject === '' ? 'Message' : view.subject, `<p><a href="/inbox">Back to the inbox</a></p>\n<table>\n${head}</table>\n${text}${files}${logoutForm}`);
}

/** The little page a redirect carries, for a client that does not follow it (RFC 9110 §15.4: a short hypertext note). */
export function redirectPage(location: string): string {
  return page('See Other', `<p>See <a href="${escapeHtml(location)}">${escapeHtml(location)}</a>.</p>\n`);
}

/** An error page: a title and one sentence. */
export function errorPage(title: string, text: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(text)}</p>\n<p><a href="/inbox">Inbox</a> · <a href="/login">Log in</a></p>\n`);
}
