/** SMTP's numbers (RFC 5321, RFC 6409, RFC 4954). */

export const PROTOCOL = 'smtp';

/** Relay between servers (RFC 5321 §4.5.4.2 names no port; IANA: 25). */
export const SMTP_PORT = 25;
/** Message submission by a user agent (RFC 6409 §3.1). */
export const SUBMISSION_PORT = 587;

/** RFC 5321 §4.5.3.1.4: a command line is at most 512 octets, CRLF included. */
export const MAX_COMMAND_LINE = 512;
/** §4.5.3.1.5: a reply line is at most 512 octets, CRLF included. */
export const MAX_REPLY_LINE = 512;
/** §4.5.3.1.6: a text line of the message is at most 1000 octets, CRLF included. */
export const MAX_TEXT_LINE = 1000;
/** §4.5.3.1.8: a server accepts at least 100 recipients; we take this many. */
export const MAX_RECIPIENTS = 100;
/** The largest message the server takes (advertised with SIZE, RFC 1870). */
export const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/** §4.5.3.2.7: a server waits at least 5 minutes for the next command. */
export const SERVER_TIMEOUT_MS = 5 * 60 * 1000;
/** §4.5.3.2: a client waits 5 minutes for the greeting and most replies, 10 minutes for the reply to the end of data. */
export const CLIENT_REPLY_TIMEOUT_MS = 5 * 60 * 1000;
export const CLIENT_DATA_END_TIMEOUT_MS = 10 * 60 * 1000;
/**
 * How long a mail server's queue waits for a connection to open (the SYN
 * answered). RFC 5321 §4.5.3.2 gives timeouts from the greeting on, none for
 * the connect; this is Postfix's smtp_connect_timeout (30 s). Without it a
 * server that is switched off would hold the attempt for the minutes TCP
 * retransmits its SYN (transport/tcp/config.ts).
 */
export const CONNECT_TIMEOUT_MS = 30 * 1000;
