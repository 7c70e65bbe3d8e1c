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

/** One attachment's bytes: the whole message is one trace message, kept whole for the inspector and the pcapng export. */
export const MAX_ATTACHMENT_BYTES = 4 * 1024 * 1024;
/** All the attachments of one message: base64 makes 16 MiB of them, over the server's SIZE limit (a lesson may show the 552). */
export const MAX_ATTACHMENTS_TOTAL_BYTES = 12 * 1024 * 1024;
/** Attachments of one message. */
export const MAX_ATTACHMENTS = 20;

/**
 * A file attached to a message: its text (`content`), or `size` bytes of a
 * file of its type (a real image for JPEG, PNG and GIF; else a pattern).
 * Exactly one of the two (the module's check says where).
 */
export const MailAttachmentSchema = z
  .strictObject({
    filename: z
      .string()
      .min(1)
      .max(255)
      .regex(/^[^\x00-\x1f\x7f/\\]+$/)
      .describe('a file name of 1 to 255 characters, without "/", "\\" or control characters'),
    /** Content-Type; by default from the file name's extension. */
    mediaType: z
      .string()
      .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+\/[!#$%&'*+.^_`|~0-9A-Za-z-]+$/)
      .max(127)
      .describe('a media type such as "application/pdf"')
      .optional(),
    size: z.number().int().min(0).max(MAX_ATTACHMENT_BYTES).describe(`an integer from 0 to ${MAX_ATTACHMENT_BYTES} (bytes)`).optional(),
    content: z.string().max(MAX_TEXT_CHARS).describe(`a text of at most ${MAX_TEXT_CHARS} characters`).optional(),
  })
  .describe('an attachment object (filename, and size or content)');

const addressSchema = z
  .string()
  .regex(/^[A-Za-z0-9._+-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/)
  .describe('an e-mail address such as "bob@hamburger.edu"')
  // the editor's draft of a new message starts with it (draft-action.ts)
  .meta({ examples: ['bob@hamburger.edu'] });

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
    /** An HTML version of the text: the message becomes multipart/alternative (RFC 2046 §5.1.4). */
    html: z.string().max(MAX_TEXT_CHARS).describe(`an HTML text of at most ${MAX_TEXT_CHARS} characters`).optional(),
    /** Files attached: the message becomes multipart/mixed (RFC 2046 §5.1.3), each file in base64. */
    attachments: z.array(MailAttachmentSchema).max(MAX_ATTACHMENTS).describe(`a list of at most ${MAX_ATTACHMENTS} attachments`).default([]),
    /** Submission with AUTH (587, RFC 6409), or the relay port without (25) as the course's sample dialogue does. */
    port: portSchema.default(SUBMISSION_PORT),
  })
  .describe('an action object');

export type SmtpServerService = z.infer<typeof SmtpServerSchema>;
export type MailSendAction = z.infer<typeof MailSendSchema>;
export type MailAttachment = z.infer<typeof MailAttachmentSchema>;

export const SMTP_SERVICE_SCHEMAS = [SmtpServerSchema] as const;
export const SMTP_ACTION_SCHEMAS = [MailSendSchema] as const;
