/**
 * The parts of a mail server's scenario shared by the SMTP, IMAP and POP3
 * server services of one node: its domain and its accounts. They are
 * declared once, on the node's `smtp-server` service (the server that
 * receives the mail); the node's `imap-server` and `pop3-server` read the
 * same mailboxes (mail-store.ts). See docs/scenario-format.md, "E-mail".
 */
import { z } from '../../scenario/zod';

/** A user name: an RFC 5321 §4.1.2 dot-atom local part, kept to letters, digits and ._- so it reads well everywhere (IMAP LOGIN, POP3 USER). */
export const userSchema = z
  .string()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?$/)
  .describe('a user name (1 to 64 letters, digits and ._-, starting and ending with a letter or digit)');

/** RFC 1035 §2.3.1 host name rules: labels of letters, digits and hyphens. */
export const domainSchema = z
  .string()
  .regex(/^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/)
  .describe('a domain name such as "example.com"');

export const passwordSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[\x21-\x7e]+$/)
  .describe('a password (1 to 100 printable ASCII characters, no spaces)');

export const MailAccountSchema = z
  .strictObject({
    user: userSchema,
    password: passwordSchema,
  })
  .describe('an account object (user and password)');

export type MailAccount = z.infer<typeof MailAccountSchema>;

export const MAX_ACCOUNTS = 100;
export const accountsSchema = z.array(MailAccountSchema).max(MAX_ACCOUNTS).describe(`a list of at most ${MAX_ACCOUNTS} accounts`);
