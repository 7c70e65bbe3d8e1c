/**
 * What the IMAP engines report (past tense), and the state events they
 * become (report.ts). Times are SimTime (integer ns) in events, seconds in
 * state data; sizes in bytes (RFC822.SIZE).
 */
import type { Cause } from '../../engine/face';
import type { SimTime } from '../../sim/time';

export const PROTOCOL = 'imap';

interface On {
  readonly cause: Cause;
  readonly connection: string;
}

export type ImapEvent =
  /** Server: LOGIN with the right password (RFC 9051 §6.2.3): authenticated state. */
  | ({ readonly type: 'imap.loggedIn'; readonly user: string } & On)
  /** Server: LOGIN refused (no such user, wrong password): NO [AUTHENTICATIONFAILED]. */
  | ({ readonly type: 'imap.loginFailed'; readonly user: string; readonly reason: string } & On)
  /** Server: SELECT or EXAMINE opened a folder (selected state). */
  | ({ readonly type: 'imap.selected'; readonly user: string; readonly folder: string; readonly exists: number; readonly readOnly: boolean; readonly uidValidity: number; readonly uidNext: number } & On)
  /** Server: CREATE made a folder. */
  | ({ readonly type: 'imap.created'; readonly user: string; readonly folder: string } & On)
  /** Server: one FETCH command answered: `uids` the messages, `items` what was asked, `seen` those whose \Seen it set (§6.4.5). */
  | ({ readonly type: 'imap.fetched'; readonly folder: string; readonly uids: readonly number[]; readonly items: readonly string[]; readonly seen: readonly number[] } & On)
  /** Server: STORE (or a FETCH of a body) changed a message's flags. */
  | ({ readonly type: 'imap.flagsChanged'; readonly folder: string; readonly uid: number; readonly flags: readonly string[]; readonly added: readonly string[]; readonly removed: readonly string[] } & On)
  /** Server: EXPUNGE (or CLOSE) removed the \Deleted messages: `numbers` each as it was when removed (§7.5.1). */
  | ({ readonly type: 'imap.expunged'; readonly folder: string; readonly uids: readonly number[]; readonly numbers: readonly number[]; readonly silent: boolean } & On)
  /** Server: a malformed or unknown command, or one in the wrong state; answered BAD (or NO). */
  | ({ readonly type: 'imap.bad'; readonly reply: 'BAD' | 'NO'; readonly tag: string | null; readonly reason: string; readonly offset: number } & On)
  /** Server: LOGOUT (BYE, then OK). */
  | ({ readonly type: 'imap.loggedOut'; readonly user: string | null } & On)
  /** Server: no command for the autologout time (§5.4): BYE and close. */
  | { readonly type: 'imap.autologout'; readonly idle: SimTime; readonly connection: string }
  /** Client: one message's body arrived. */
  | ({ readonly type: 'imap.messageRead'; readonly uid: number; readonly size: number; readonly subject: string | null; readonly flags: readonly string[] } & On)
  /** Client: the folder was read (and, with deleteAfter, emptied); LOGOUT done. */
  | ({ readonly type: 'imap.mailboxRead'; readonly user: string; readonly folder: string; readonly messages: number; readonly bytes: number; readonly deleted: number; readonly elapsed: SimTime } & On)
  /** Client: the session stopped: refused login, a NO or BAD, a broken connection or a malformed response. */
  | { readonly type: 'imap.readFailed'; readonly reason: string; readonly cause: Cause; readonly connection: string | null };

/** The IMAP state types and their data (plain JSON; docs/trace-format.md). */
export type ImapStateData = {
  readonly 'imap.loggedIn': { readonly user: string };
  readonly 'imap.loginFailed': { readonly user: string; readonly reason: string };
  readonly 'imap.selected': { readonly user: string; readonly folder: string; readonly exists: number; readonly readOnly: boolean; readonly uidValidity: number; readonly uidNext: number };
  readonly 'imap.created': { readonly user: string; readonly folder: string };
  readonly 'imap.fetched': { readonly folder: string; readonly uids: readonly number[]; readonly items: readonly string[]; readonly seen: readonly number[] };
  readonly 'imap.flagsChanged': { readonly folder: string; readonly uid: number; readonly flags: readonly string[]; readonly added: readonly string[]; readonly removed: readonly string[] };
  readonly 'imap.expunged': { readonly folder: string; readonly uids: readonly number[]; readonly numbers: readonly number[]; readonly silent: boolean };
  readonly 'imap.bad': { readonly reply: 'BAD' | 'NO'; readonly tag: string | null; readonly reason: string; readonly offset: number };
  readonly 'imap.loggedOut': { readonly user: string | null };
  /** `idle` in s. */
  readonly 'imap.autologout': { readonly idle: number };
  readonly 'imap.messageRead': { readonly uid: number; readonly size: number; readonly subject: string | null; readonly flags: readonly string[] };
  /** `elapsed` in s, from the connect to the LOGOUT's OK. */
  readonly 'imap.mailboxRead': { readonly user: string; readonly folder: string; readonly messages: number; readonly bytes: number; readonly deleted: number; readonly elapsed: number };
  readonly 'imap.readFailed': { readonly reason: string };
};

export const IMAP_STATE_TYPES: readonly (keyof ImapStateData)[] = [
  'imap.loggedIn',
  'imap.loginFailed',
  'imap.selected',
  'imap.created',
  'imap.fetched',
  'imap.flagsChanged',
  'imap.expunged',
  'imap.bad',
  'imap.loggedOut',
  'imap.autologout',
  'imap.messageRead',
  'imap.mailboxRead',
  'imap.readFailed',
];
