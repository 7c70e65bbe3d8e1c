/**
 * What the POP3 engines report (past tense), and the state events they
 * become (report.ts). Times are SimTime (integer ns) in events, seconds in
 * state data; sizes are octets of the message as stored (CRLF line ends,
 * before byte-stuffing), as RFC 1939 §5 STAT and LIST count them.
 */
import type { Cause } from '../../engine/face';
import type { SimTime } from '../../sim/time';

export const PROTOCOL = 'pop3';

/** Why a login was refused: no such user, a wrong password, or the maildrop held by another session (§8). */
export type LoginFailure = 'no-such-user' | 'bad-password' | 'locked';

/** Why a session ended without QUIT: the connection broke, or the autologout timer ran out (§3). */
export type AbortReason = 'connection-broken' | 'autologout';

interface Where {
  readonly cause: Cause;
  readonly connection: string;
}

export type Pop3Event =
  /** Server: USER and PASS accepted, the maildrop locked; it holds `messages` of `octets` in all. */
  | ({ readonly type: 'pop3.loggedIn'; readonly user: string; readonly messages: number; readonly octets: number } & Where)
  | ({ readonly type: 'pop3.loginFailed'; readonly user: string; readonly reason: LoginFailure } & Where)
  /** Server: a message sent by RETR (`lines` null) or its head and `lines` body lines by TOP. */
  | ({ readonly type: 'pop3.retrieved'; readonly user: string; readonly number: number; readonly uid: number; readonly octets: number; readonly lines: number | null } & Where)
  /** Server: DELE marked a message; it goes only at UPDATE (QUIT). */
  | ({ readonly type: 'pop3.marked'; readonly user: string; readonly number: number } & Where)
  /** Server: RSET unmarked `unmarked` messages. */
  | ({ readonly type: 'pop3.reset'; readonly user: string; readonly unmarked: number } & Where)
  /** Server: the UPDATE state after QUIT (§6): the marked messages were expunged from the maildrop; `left` remain. */
  | ({ readonly type: 'pop3.deleted'; readonly user: string; readonly numbers: readonly number[]; readonly uids: readonly number[]; readonly left: number } & Where)
  /** Server: a session ended without QUIT: nothing was deleted, the lock released. `user`: null before a login; `discarded`: deletion marks dropped. */
  | { readonly type: 'pop3.aborted'; readonly user: string | null; readonly reason: AbortReason; readonly discarded: number; readonly connection: string }
  /** Server: a command refused: unknown, in the wrong state, bad arguments, a line too long; the reply was "-ERR …". */
  | ({ readonly type: 'pop3.error'; readonly command: string; readonly state: string; readonly reply: string } & Where)
  /** Client: STAT answered. */
  | ({ readonly type: 'pop3.mailboxListed'; readonly user: string; readonly messages: number; readonly octets: number } & Where)
  /** Client: a message arrived whole (RETR); its Subject read from its header ("" without one). */
  | ({ readonly type: 'pop3.downloaded'; readonly number: number; readonly octets: number; readonly subject: string } & Where)
  /** Client: the session ended with QUIT answered; `elapsed`: from the connect to the QUIT's answer. */
  | ({ readonly type: 'pop3.done'; readonly user: string; readonly messages: number; readonly octets: number; readonly kept: boolean; readonly elapsed: SimTime } & Where)
  /** Client: it could not read the mailbox (refused, a -ERR, a broken connection). */
  | { readonly type: 'pop3.failed'; readonly user: string; readonly reason: string; readonly cause: Cause; readonly connection: string | null };

/** The POP3 state types and their data (plain JSON; docs/trace-format.md). */
export type Pop3StateData = {
  readonly 'pop3.loggedIn': { readonly user: string; readonly messages: number; readonly octets: number };
  readonly 'pop3.loginFailed': { readonly user: string; readonly reason: LoginFailure };
  readonly 'pop3.retrieved': { readonly user: string; readonly number: number; readonly uid: number; readonly octets: number; readonly lines: number | null };
  readonly 'pop3.marked': { readonly user: string; readonly number: number };
  readonly 'pop3.reset': { readonly user: string; readonly unmarked: number };
  readonly 'pop3.deleted': { readonly user: string; readonly numbers: readonly number[]; readonly uids: readonly number[]; readonly left: number };
  readonly 'pop3.aborted': { readonly user: string | null; readonly reason: AbortReason; readonly discarded: number };
  readonly 'pop3.error': { readonly command: string; readonly state: string; readonly reply: string };
  readonly 'pop3.mailboxListed': { readonly user: string; readonly messages: number; readonly octets: number };
  readonly 'pop3.downloaded': { readonly number: number; readonly octets: number; readonly subject: string };
  /** `elapsed` in s. */
  readonly 'pop3.done': { readonly user: string; readonly messages: number; readonly octets: number; readonly kept: boolean; readonly elapsed: number };
  readonly 'pop3.failed': { readonly user: string; readonly reason: string };
};

export const POP3_STATE_TYPES: readonly (keyof Pop3StateData)[] = [
  'pop3.loggedIn',
  'pop3.loginFailed',
  'pop3.retrieved',
  'pop3.marked',
  'pop3.reset',
  'pop3.deleted',
  'pop3.aborted',
  'pop3.error',
  'pop3.mailboxListed',
  'pop3.downloaded',
  'pop3.done',
  'pop3.failed',
];
