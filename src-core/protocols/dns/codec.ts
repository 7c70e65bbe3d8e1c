/** DNS codec (RFC 1035 §4, RFC 3596 for AAAA): the public entry points. */
export { encodeDns, parseIpv6, splitName } from './writer';
export { decodeDns, decodeDnsWithLayout } from './reader';
export type { DnsLayout, RecordSpan, QuestionSpan, NameSpan } from './reader';
export * from './types';
export * from './constants';
