/** The Internet message codec (RFC 5322, MIME): what the SMTP, IMAP and POP3 code and the inspector use. See docs/mail-message.md. */
export { formatAddressList, formatMailbox, parseAddressList, type Mailbox } from './address';
export { base64, decodeBase64, decodeBase64Strict, encodeBase64Body } from './base64';
export { buildMessage, canonicalText, type Attachment, type BuildInput, type BuiltMessage, type BuiltPart } from './build';
export { formatParams, parseContentType, parseDisposition } from './content-type';
export { formatMailDate, formatMailDateSeconds, parseMailDate, simTimeOfMailDate } from './date';
export { decodeHeaderText, encodeHeaderText, encodeWords } from './encoded-word';
export { foldField, headerField, headerValue, parseHeaderSection, type HeaderField, type HeaderSection } from './header';
export { makeMessageId, type MessageIdInputs } from './message-id';
export { allParts, parseMessage, type MessageFields, type MimePart, type ParsedMail, type ParseMailResult } from './parse';
export { decodeQuotedPrintable, encodeQuotedPrintable } from './quoted-printable';
export { sevenBitProblems, type SevenBitProblem } from './seven-bit';
export { toSevenBit, type SevenBitChange, type SevenBitResult } from './to-seven-bit';
export { mimeTree } from './tree';
export type { ByteRange, MailProblem, MailProblemCode } from './types';
