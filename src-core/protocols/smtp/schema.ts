/**
 * Scenario schemas of SMTP: a mail server (a service: the domain it takes
 * mail for, its accounts, its relay and submission ports, the resolver its
 * outgoing queue asks for MX records) and a user agent sending a message (an
 * action). See docs/scenario-format.md, "E-mail".
 */
import { nodeRefSchema, nonNegativeMsSchema, portSchema, positiveMsSchema } from '../../scenario/fields';
import { z } from '../../scenario/zod';
import { accountsSchema, domainSchema, passwordSchema, userSchema } from '../mail/schema';
import { SMTP_PORT, SUBMISSION_PORT } from './constants';

/** The text of a message a scenario writes out. */
export const MAX_TEXT_CHARS = 100_000;

const addressSchema = z
  .string()
  .regex(/^[A-Za-z0-9._+-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/)
  .describe('an e-mail address such as "bob@hamburger.edu"');

export const SmtpServerSchema = z
  .strictObject({
    type: z.literal('smtp-server'),
    /** The domain it takes mail for (the part after "@"). */
    domain: domainSchema,
    /** Its users: their mailboxes are here, and they may send through it. */
    accounts: accountsSchema.default([]),
    /** Relay between servers (25). */
    port: portSchema.default(SMTP_PORT),
    /** Submission by user agents, with AUTH (587); null for none. */
    submissionPort: portSchema.nullable().default(SUBMISSION_PORT),
    /** The local DNS server its outgoing queue asks for the MX records of other domains. */
    resolver: nodeRefSchema.optional(),
    /** The first retry of a message the next server did not take; each next one waits twice as long. */
    retryMs: positiveMsSchema.default(60_000),
    /** Attempts before a message is given up and bounced. */
    maxAttempts: z.number().int().min(1).max(20).default(5).describe('an integer from 1 to 20 (attempts)'),
  })
  .describe('a service object');

export const MailSendSchema = z
  .strictObject({
    type: z.literal('mail-send'),
    atMs: nonNegativeMsSchema,
    node: nodeRefSchema,
    /** The sender's own mail server: a node with an smtp-server. */
    server: nodeRefSchema,
    /** The sender's account on it. */
    user: userSchema,
    password: passwordSchema,
    to: z.array(addressSchema).min(1).max(100).describe('a list of 1 to 100 addresses'),
    cc: z.array(addressSchema).max(100).default([]),
    subject: z.string().max(998).default('').describe('a subject of at most 998 characters'),
    text: z.string().max(MAX_TEXT_CHARS).default('').describe(`a text of at most ${MAX_TEXT_CHARS} characters`),
    /** Submission with AUTH (587, RFC 6409), or the relay port without (25) as the course's sample dialogue does. */
    port: portSchema.default(SUBMISSION_PORT),
  })
  .describe('an action object');

export type SmtpServerService = z.infer<typeof SmtpServerSchema>;
export type MailSendAction = z.infer<typeof MailSendSchema>;

export const SMTP_SERVICE_SCHEMAS = [SmtpServerSchema] as const;
export const SMTP_ACTION_SCHEMAS = [MailSendSchema] as const;
