/**
 * TCP options (RFC 9293 §3.2).
 *
 * Rules:
 * - Kind 0 (End of Option List) is one byte and ends the list; the rest of
 *   the header is padding.
 * - Kind 1 (No-Operation) is one byte.
 * - Every other kind is [kind, length, data...] where length counts the kind
 *   and length bytes, so length >= 2, and the option must end within the
 *   header.
 * - Kind 2 (Maximum Segment Size) has length 4 and a 16-bit value
 *   (RFC 9293 §3.7.1).
 * - Options fill the header up to the data offset, at most 40 bytes; the
 *   encoder pads the end with zero bytes (EOL then zeros, RFC 9293 §3.1
 *   "Padding ... composed of zeros").
 */
import { decodeError } from '../errors';
import type { DecodeResult } from '../errors';
import { TCP_OPTION_KIND } from './segment';
import type { TcpOption } from './segment';

export const TCP_MAX_OPTIONS_LENGTH = 40;

/** Bytes the options take before padding. Throws RangeError on an unencodable option. */
export function optionsLength(options: readonly TcpOption[]): number {
  let length = 0;
  for (const option of options) {
    if (option.kind === 'mss') {
      if (!Number.isInteger(option.value) || option.value < 0 || option.value > 0xffff) {
        throw new RangeError(`MSS ${option.value} is not a 16-bit value`);
      }
      length += 4;
    } else {
      if (!Number.isInteger(option.type) || option.type < 2 || option.type > 255) {
        throw new RangeError(`raw option type ${option.type} must be 2..255 (EOL and NOP are padding)`);
      }
      if (option.data.length > TCP_MAX_OPTIONS_LENGTH - 2) {
        throw new RangeError(`option ${option.type} with ${option.data.length} data bytes cannot fit in the header`);
      }
      length += 2 + option.data.length;
    }
  }
  if (length > TCP_MAX_OPTIONS_LENGTH) throw new RangeError(`options take ${length} bytes, the maximum is 40`);
  return length;
}

/** Write options at `offset`; the caller has zeroed the padding after them. */
export function writeOptions(bytes: Uint8Array, offset: number, options: readonly TcpOption[]): void {
  let at = offset;
  for (const option of options) {
    if (option.kind === 'mss') {
      bytes[at] = TCP_OPTION_KIND.MSS;
      bytes[at + 1] = 4;
      bytes[at + 2] = option.value >>> 8;
      bytes[at + 3] = option.value & 0xff;
      at += 4;
    } else {
      bytes[at] = option.type;
      bytes[at + 1] = 2 + option.data.length;
      bytes.set(option.data, at + 2);
      at += 2 + option.data.length;
    }
  }
}

/**
 * Parse the options in bytes[start, end). Errors carry the offset of the bad
 * byte. Raw option data are views into `bytes`.
 */
export function readOptions(bytes: Uint8Array, start: number, end: number): DecodeResult<TcpOption[]> {
  const options: TcpOption[] = [];
  let at = start;
  while (at < end) {
    const kind = bytes[at]!;
    if (kind === TCP_OPTION_KIND.EOL) break;
    if (kind === TCP_OPTION_KIND.NOP) {
      at += 1;
      continue;
    }
    if (at + 1 >= end) return decodeError('bad-option', `option ${kind} has no length byte`, at);
    const length = bytes[at + 1]!;
    if (length < 2) return decodeError('bad-option', `option ${kind} has length ${length} (minimum 2)`, at + 1);
    if (at + length > end) {
      return decodeError('bad-option', `option ${kind} of length ${length} runs past the header`, at + 1);
    }
    if (kind === TCP_OPTION_KIND.MSS) {
      if (length !== 4) return decodeError('bad-option', `MSS option has length ${length} (must be 4)`, at + 1);
      options.push({ kind: 'mss', value: (bytes[at + 2]! << 8) | bytes[at + 3]! });
    } else {
      options.push({ kind: 'raw', type: kind, data: bytes.subarray(at + 2, at + length) });
    }
    at += length;
  }
  return { ok: true, value: options };
}
