/**
 * Message-ID (RFC 5322 §3.6.4): `"<" id-left "@" id-right ">"`, unique
 * world-wide. §3.6.4 suggests the right part be a domain name and the left
 * part something unique on that host, such as a time and a sequence number.
 *
 * Ours is deterministic (src-core has no randomness of its own): made only
 * from what the caller gives, the sender's domain, the simulated time and a
 * sequence number the caller keeps per host, plus an FNV-1a hash of an
 * optional salt (the sender's address, say), all in dot-atom text.
 */
import type { SimTime } from '../../../sim/time';
import { utf8 } from './types';

export interface MessageIdInputs {
  /** The id-right: the sending host's domain. */
  readonly domain: string;
  /** When the message is made. */
  readonly at: SimTime;
  /** A counter the caller increments for each message of that host. */
  readonly sequence: number;
  /** Anything else that tells messages apart (the sender's address). */
  readonly salt?: string;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const c of utf8(text)) h = Math.imul(h ^ c, 0x01000193);
  return h >>> 0;
}

/** `<t.seq.hash@domain>`, every part base 36. */
export function makeMessageId(inputs: MessageIdInputs): string {
  const left = [Math.max(0, Math.floor(inputs.at)).toString(36), Math.max(0, Math.floor(inputs.sequence)).toString(36), fnv1a(inputs.salt ?? '').toString(36)].join('.');
  return `<${left}.l7@${inputs.domain}>`;
}
