/**
 * What the SMTP engines report (docs/trace-format.md, "SMTP"). Times are
 * SimTime (ns); causes are the messages that led to the event.
 */
import type { Cause } from '../../engine/face';
import type { SimTime } from '../../sim/time';
import type { RecipientResult } from './client-session';

export { PROTOCOL } from './constants';

/** A server mail for a domain goes to (an MX exchange, or the domain itself), with its address when it has one. */
export interface RelayHost {
  readonly name: string;
  readonly preference: number;
  readonly address: number | null;
}

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
  /** Queue: it needs the mail servers of `domain` (the module's glue asks DNS and answers with a `resolved` command). */
  | { readonly type: 'smtp.mxNeeded'; readonly domain: string }
  /** Queue: a message waits to be relayed to these recipients of one domain. */
  | { readonly type: 'smtp.queued'; readonly id: string; readonly domain: string; readonly to: readonly string[]; readonly cause: Cause }
  /** Queue: connecting to one of the domain's servers (attempt 1, 2 …); `joins`: the first message of the connection it goes on instead, null for a connection of its own. */
  | { readonly type: 'smtp.relayAttempt'; readonly id: string; readonly domain: string; readonly host: string; readonly address: string; readonly attempt: number; readonly cause: Cause; readonly joins: string | null }
  /** Queue: the next server took the message for these recipients. */
  | { readonly type: 'smtp.relayed'; readonly id: string; readonly to: readonly string[]; readonly host: string; readonly reply: string; readonly connection: string }
  /** Queue: every server was tried; these recipients wait for the next attempt at `retryAt`. */
  | { readonly type: 'smtp.deferred'; readonly id: string; readonly to: readonly string[]; readonly reply: string; readonly attempt: number; readonly retryAt: SimTime }
  /** Queue: given up for these recipients; a bounce goes to the sender (null: none, the message was itself a bounce). */
  | { readonly type: 'smtp.bounced'; readonly id: string; readonly to: readonly string[]; readonly reason: string; readonly toSender: string | null }
  /** User agent: it wrote a message (`contentType` of its top-level entity), and what it encoded to keep it 7-bit (compose.ts). */
  | { readonly type: 'smtp.composed'; readonly id: string; readonly bytes: number; readonly contentType: string; readonly encoded: readonly string[] }
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
  readonly 'smtp.queued': { readonly id: string; readonly domain: string; readonly to: readonly string[] };
  /** `joins` only when it goes on another message's connection. */
  readonly 'smtp.relayAttempt': { readonly id: string; readonly domain: string; readonly host: string; readonly address: string; readonly attempt: number; readonly joins?: string };
  readonly 'smtp.relayed': { readonly id: string; readonly to: readonly string[]; readonly host: string; readonly reply: string };
  readonly 'smtp.deferred': { readonly id: string; readonly to: readonly string[]; readonly reply: string; readonly attempt: number; readonly retryAt: number };
  readonly 'smtp.bounced': { readonly id: string; readonly to: readonly string[]; readonly reason: string; readonly toSender: string | null };
  readonly 'smtp.composed': { readonly id: string; readonly bytes: number; readonly contentType: string; readonly encoded: readonly string[] };
  readonly 'smtp.submitted': { readonly id: string; readonly results: readonly { readonly to: string; readonly outcome: string; readonly reply: string }[] };
};

export const SMTP_STATE_TYPES: readonly (keyof SmtpStateData)[] = ['smtp.refused', 'smtp.malformed', 'smtp.authenticated', 'smtp.accepted', 'smtp.delivered', 'smtp.relayNeeded', 'smtp.timedOut', 'smtp.queued', 'smtp.relayAttempt', 'smtp.relayed', 'smtp.deferred', 'smtp.bounced', 'smtp.composed', 'smtp.submitted'];
