/**
 * Scenario schemas of POP3 (RFC 1939): the server (a service, reading the
 * mailboxes of the node's mail server, whose `smtp-server` service holds
 * the accounts) and a user agent reading a mailbox (an action). See
 * docs/scenario-format.md, "E-mail".
 */
import { booleanSchema, nodeRefSchema, nonNegativeMsSchema, portSchema } from '../../scenario/fields';
import { z } from '../../scenario/zod';
import { passwordSchema, userSchema } from '../mail/schema';

/** RFC 1939 §3: the POP3 server listens on TCP port 110. */
export const POP3_PORT = 110;

export const Pop3ServerSchema = z
  .strictObject({
    type: z.literal('pop3-server'),
    port: portSchema.default(POP3_PORT),
  })
  .describe('a service object');

export const Pop3ReadSchema = z
  .strictObject({
    type: z.literal('pop3-read'),
    atMs: nonNegativeMsSchema,
    node: nodeRefSchema,
    /** The mail server's node (its pop3-server). */
    server: nodeRefSchema,
    user: userSchema,
    password: passwordSchema,
    /** true: download-and-keep; false: download-and-delete (Kurose & Ross §2.3.4). */
    keep: booleanSchema.default(false),
    port: portSchema.default(POP3_PORT),
  })
  .describe('an action object');

export const POP3_SERVICE_SCHEMAS = [Pop3ServerSchema] as const;
export const POP3_ACTION_SCHEMAS = [Pop3ReadSchema] as const;

export type Pop3ServerService = z.output<typeof Pop3ServerSchema>;
export type Pop3ReadAction = z.output<typeof Pop3ReadSchema>;
