/**
 * What the SMTP engines report (docs/trace-format.md, "SMTP"). Times are
 * SimTime (ns); causes are the messages that led to the event.
 */
import type { Cause } from '../../engine/face';
import type { SimTime } from '../../sim/time';
import type { RecipientResult } from './client-session';

export { PROTOCOL } from './constants';

export type SmtpEvent =
  /** Server: a client was refused a command (a 4xx or 5xx reply), and why. */
  | { readonly type: 'smtp.refused'; readonly command: string; readonly code: number; readonly reason: string; readonly cause: Cause; readonly connection: string }
  /** Server: bytes that are not an SMTP command (not ASCII, no verb, a line too long, a bare LF). */
  | { readonly type: 'smtp.malformed'; readonly reason: string; readonly cause: Cause; readonly connection: string }
  /** Server: AUTH PLAIN (RFC 4954) succeeded or failed. */
  | { readonly type: 'smtp.authenticated'; readonly user: string; readonly ok: boolean; readonly cause: Cause; readonly connection: string }
  /** Server: a message was taken (250 after its data), with where it goes: these local users, these remote recipients (queued for relay). */
  | { readonly type: 'smtp.accepted'; readonly id: string; readonly from: string; readonly local: readonly string[]; readonly remote: readonly string[]; readonly bytes: number; readonly cause: Cause; readonly connection: string }
  /** Server: a message was put into a local user's mailbox. */
  | { readonly type: 'smtp.delivered'; readonly id: string; readonly user: string; readonly uid: number; readonly bytes: number; readonly cause: Cause; readonly connection: string }
  /** Server: a message for other domains, to be relayed by the node's outgoing queue; `message` is its bytes with the Received field added. */
  | { readonly type: 'smtp.relayNeeded'; readonly id: string; readonly from: string; readonly to: readonly string[]; readonly message: Uint8Array; readonly cause: Cause; readonly connection: string }
  /** User agent: a submission ended, with each recipient's outcome as the server answered it. */
  | { readonly type: 'smtp.submitted'; readonly id: string; readonly results: readonly RecipientResult[]; readonly elapsed: SimTime; readonly connection: string | null }
  /** Server: a session ended idle for the timeout (421). */
  | { readonly type: 'smtp.timedOut'; readonly connection: string };

export type SmtpStateData = {
  readonly 'smtp.refused': { readonly command: string; readonly code: number; readonly reason: string };
  readonly 'smtp.malformed': { readonly reason: string };
  readonly 'smtp.authenticated': { readonly user: string; readonly ok: boolean };
  readonly 'smtp.accepted': { readonly id: string; readonly from: string; readonly local: readonly string[]; readonly remote: readonly string[]; readonly bytes: number };
  readonly 'smtp.delivered': { readonly id: string; readonly user: string; readonly uid: number; readonly bytes: number };
  readonly 'smtp.relayNeeded': { readonly id: string; readonly from: string; readonly to: readonly string[]; readonly bytes: number };
  readonly 'smtp.timedOut': Record<string, never>;
  readonly 'smtp.submitted': { readonly id: string; readonly results: readonly { readonly to: string; readonly outcome: string; readonly reply: string }[] };
};

export const SMTP_STATE_TYPES: readonly (keyof SmtpStateData)[] = ['smtp.refused', 'smtp.malformed', 'smtp.authenticated', 'smtp.accepted', 'smtp.delivered', 'smtp.relayNeeded', 'smtp.timedOut', 'smtp.submitted'];
