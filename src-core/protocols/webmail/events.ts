/**
 * What the webmail engine reports (past tense), and the state events they
 * become (report.ts). Its messages are HTTP (to and from browsers) and IMAP
 * (to and from the mail server), labelled and dissected as those
 * protocols; these state events are the webmail's own. Times are SimTime
 * (integer ns) in events, seconds in state data.
 */
import type { Cause } from '../../engine/face';
import type { SimTime } from '../../sim/time';

export const PROTOCOL = 'webmail';

interface On {
  readonly cause: Cause;
  readonly connection: string;
}

/** Why a web session ended. */
export type SessionEnd = 'logout' | 'expired';

export type WebmailEvent =
  /** A login the IMAP server accepted: a session id in a cookie. */
  | ({ readonly type: 'webmail.sessionCreated'; readonly user: string; readonly session: string } & On)
  /** POST /logout, or no request of the session for SESSION_IDLE_MS. */
  | { readonly type: 'webmail.sessionEnded'; readonly user: string; readonly session: string; readonly reason: SessionEnd; readonly cause: Cause; readonly connection: string | null }
  /** A login the IMAP server refused (its NO shown). */
  | ({ readonly type: 'webmail.loginRefused'; readonly user: string; readonly reason: string } & On)
  /** One IMAP session on behalf of a page: the commands it sent, the messages it got, how long it took. */
  | ({ readonly type: 'webmail.imapDone'; readonly user: string; readonly page: string; readonly commands: readonly string[]; readonly messages: number; readonly elapsed: SimTime } & On)
  /** The IMAP session for a page broke or was refused: the page is a 502 (504 without an answer in time). */
  | ({ readonly type: 'webmail.imapFailed'; readonly user: string; readonly page: string; readonly reason: string } & On)
  /** A response sent: `elapsed` from the request's arrival (the IMAP work included). */
  | ({ readonly type: 'webmail.answered'; readonly method: string; readonly target: string; readonly status: number; readonly user: string | null; readonly note: string; readonly elapsed: SimTime } & On)
  /** Bytes that are not an HTTP/1.x request: 400 (or 505) and the connection closed. */
  | ({ readonly type: 'webmail.malformed'; readonly reason: string; readonly offset: number } & On)
  /** A persistent connection idle for the keep-alive timeout, closed by the server. */
  | { readonly type: 'webmail.idleClosed'; readonly idle: SimTime; readonly connection: string };

/** The webmail state types and their data (plain JSON; docs/trace-format.md). */
export type WebmailStateData = {
  readonly 'webmail.sessionCreated': { readonly user: string; readonly session: string };
  readonly 'webmail.sessionEnded': { readonly user: string; readonly session: string; readonly reason: SessionEnd };
  readonly 'webmail.loginRefused': { readonly user: string; readonly reason: string };
  /** `elapsed` in s, from the connect to the LOGOUT's completion. */
  readonly 'webmail.imapDone': { readonly user: string; readonly page: string; readonly commands: readonly string[]; readonly messages: number; readonly elapsed: number };
  readonly 'webmail.imapFailed': { readonly user: string; readonly page: string; readonly reason: string };
  /** `elapsed` in s. */
  readonly 'webmail.answered': { readonly method: string; readonly target: string; readonly status: number; readonly user: string | null; readonly note: string; readonly elapsed: number };
  readonly 'webmail.malformed': { readonly reason: string; readonly offset: number };
  /** `idle` in s. */
  readonly 'webmail.idleClosed': { readonly idle: number };
};

export const WEBMAIL_STATE_TYPES: readonly (keyof WebmailStateData)[] = [
  'webmail.sessionCreated',
  'webmail.sessionEnded',
  'webmail.loginRefused',
  'webmail.imapDone',
  'webmail.imapFailed',
  'webmail.answered',
  'webmail.malformed',
  'webmail.idleClosed',
];
