/**
 * Scenario schema of webmail (docs/webmail.md): a web server whose pages
 * are a user's mailbox, which it reads over IMAP from a mail server — the
 * browser speaks HTTP only, the webmail server is an IMAP client. See
 * docs/scenario-format.md, "E-mail".
 */
import { nodeRefSchema, portSchema, positiveMsSchema } from '../../scenario/fields';
import { z } from '../../scenario/zod';
import { IMAP_PORT } from '../imap/schema';

export const WEBMAIL_HTTP_PORT = 80;
export const DEFAULT_SESSION_COOKIE = 'webmail_session';

export const WebmailServerSchema = z
  .strictObject({
    type: z.literal('webmail-server'),
    /** The HTTP port browsers connect to. */
    port: portSchema.default(WEBMAIL_HTTP_PORT),
    /** The node whose imap-server keeps the mailboxes. */
    imapServer: nodeRefSchema,
    imapPort: portSchema.default(IMAP_PORT),
    /** The name of the session cookie (RFC 6265 cookie-name). */
    cookieName: z
      .string()
      .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,40}$/)
      .describe('a cookie name (1 to 40 letters, digits or !#$%&\'*+.^_`|~-)')
      .default(DEFAULT_SESSION_COOKIE),
    /** A persistent HTTP connection left idle this long is closed by the server. */
    keepAliveTimeoutMs: positiveMsSchema.default(5000),
  })
  .describe('a service object');

export type WebmailServerService = z.output<typeof WebmailServerSchema>;

export const WEBMAIL_SERVICE_SCHEMAS = [WebmailServerSchema] as const;
export const WEBMAIL_ACTION_SCHEMAS = [] as const;
