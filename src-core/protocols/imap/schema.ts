/**
 * Scenario schemas of IMAP: the IMAP server (a service; its accounts and
 * mailboxes are the node's `smtp-server`'s, protocols/mail/schema.ts) and
 * a user agent reading a mailbox (an action). See docs/imap.md.
 */
import { nodeRefSchema, nonNegativeMsSchema, portSchema } from '../../scenario/fields';
import { z } from '../../scenario/zod';
import { passwordSchema, userSchema } from '../mail/schema';

export const IMAP_PORT = 143;

export const ImapServerSchema = z
  .strictObject({
    type: z.literal('imap-server'),
    port: portSchema.default(IMAP_PORT),
  })
  .describe('a service object');

const folderSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x20-\x7e]+$/)
  .describe('a mailbox name (1 to 200 printable ASCII characters)');

export const ImapReadSchema = z
  .strictObject({
    type: z.literal('imap-read'),
    atMs: nonNegativeMsSchema,
    node: nodeRefSchema,
    /** The node whose IMAP server holds the mailbox. */
    server: nodeRefSchema,
    user: userSchema,
    password: passwordSchema,
    folder: folderSchema.default('INBOX'),
    /** After reading, flag every message \Deleted and EXPUNGE. */
    deleteAfter: z.boolean().default(false).describe('true or false'),
    port: portSchema.default(IMAP_PORT),
  })
  .describe('an action object');

export type ImapServerService = z.infer<typeof ImapServerSchema>;
export type ImapReadAction = z.infer<typeof ImapReadSchema>;

export const IMAP_SERVICE_SCHEMAS = [ImapServerSchema] as const;
export const IMAP_ACTION_SCHEMAS = [ImapReadSchema] as const;
