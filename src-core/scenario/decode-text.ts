/**
 * A scenario file's bytes → its text. Scenario files are UTF-8 (RFC 8259
 * §8.1); anything else is refused with one issue that says what is wrong and
 * where, instead of being decoded with replacement characters (U+FFFD) that
 * would then surface as a puzzling JSON error, or not at all.
 *
 * Checks, in order (the first that fails is reported):
 *  1. UTF-16 or UTF-32 text, known by its byte-order mark or, without one, by
 *     the pattern of zero bytes around the first ASCII characters (RFC 4627 §3);
 *  2. not a text file: a NUL byte anywhere (JSON text never contains one), or
 *     at least BINARY_SHARE of the first SAMPLE_BYTES are control characters
 *     JSON never holds (all but tab, LF, CR) or invalid UTF-8 — checked
 *     before any JSON rule, so a binary file is named as such, never
 *     reported as, say, "nested too deeply";
 *  3. invalid UTF-8: the first ill-formed sequence (Unicode 15, Table 3-7: no
 *     overlong forms, no surrogates, nothing above U+10FFFF), by its byte
 *     offset, with the line and column where the text stops being readable.
 * A UTF-8 byte-order mark is accepted and dropped.
 *
 * Byte offsets count from 0 at the first byte of the file (BOM included), as
 * hex editors and `cmp -l` minus one show them.
 */
import type { ScenarioIssue } from './errors';
import { textLocation } from './json-text';

export type DecodeResult = { ok: true; text: string } | { ok: false; issue: ScenarioIssue };

/** How much of the file the "mostly not text" check looks at. */
export const SAMPLE_BYTES = 4096;
/** A sample at least this share of control characters and invalid UTF-8 is not text. */
export const BINARY_SHARE = 0.3;
/** Shorter samples are never called binary for their share: a few stray bytes are reported where they are. */
const MIN_SAMPLE_BYTES = 64;

const SAVE_AS_UTF8 = 'save the file as UTF-8';

const strict = new TextDecoder('utf-8', { fatal: true });

export function decodeText(bytes: Uint8Array): DecodeResult {
  const wide = wideEncoding(bytes);
  if (wide !== undefined) {
    return refuse(`the file is ${wide} text, but scenario files are UTF-8: ${SAVE_AS_UTF8}`);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return refuse(`not a text file${fileKind(bytes)}: byte ${nul} is a NUL (0x00), which JSON text never contains`);
  }
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const odd = nonTextBytes(sample);
  if (sample.length >= MIN_SAMPLE_BYTES && odd >= BINARY_SHARE * sample.length) {
    const first = sample.length < bytes.length ? `of its first ${sample.length}` : `of its ${sample.length}`;
    return refuse(`not a text file${fileKind(bytes)}: ${odd} ${first} bytes are control characters or invalid UTF-8`);
  }
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    return invalidUtf8(bytes);
  }
}

function refuse(message: string, where?: { line: number; column: number }): DecodeResult {
  return { ok: false, issue: { path: '', message, ...where } };
}

function invalidUtf8(bytes: Uint8Array): DecodeResult {
  for (let i = 0; i < bytes.length; ) {
    const step = readSequence(bytes, i);
    if (step.ok) {
      i += step.length;
      continue;
    }
    const shown = Array.from(bytes.subarray(i, i + step.shown), hex).join(' ');
    const cut = step.truncated ? ', cut off by the end of the file' : '';
    // The bytes before i are valid UTF-8, so the text up to there is what an editor shows.
    const before = strict.decode(bytes.subarray(0, i));
    return refuse(`byte ${i}: invalid UTF-8 (${shown}${cut}); ${SAVE_AS_UTF8}`, textLocation(before, before.length));
  }
  // Unreachable if readSequence agrees with TextDecoder (decode-text.test.ts checks that it does).
  return refuse(`invalid UTF-8; ${SAVE_AS_UTF8}`);
}

type Sequence = { ok: true; length: number } | { ok: false; shown: number; truncated: boolean };

/**
 * The well-formed UTF-8 sequence starting at `i` (Unicode Table 3-7), or how
 * many bytes to show for the ill-formed one: its valid beginning plus the
 * first byte that cannot continue it.
 */
export function readSequence(bytes: Uint8Array, i: number): Sequence {
  const lead = bytes[i]!;
  if (lead < 0x80) return { ok: true, length: 1 };
  let more: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) more = 1;
  else if (lead === 0xe0) [more, low] = [2, 0xa0];
  else if (lead === 0xed) [more, high] = [2, 0x9f];
  else if (lead >= 0xe1 && lead <= 0xef) more = 2;
  else if (lead === 0xf0) [more, low] = [3, 0x90];
  else if (lead === 0xf4) [more, high] = [3, 0x8f];
  else if (lead >= 0xf1 && lead <= 0xf3) more = 3;
  else return { ok: false, shown: 1, truncated: false }; // 80..C1 (continuation or overlong lead), F5..FF
  for (let k = 1; k <= more; k++) {
    const byte = bytes[i + k];
    if (byte === undefined) return { ok: false, shown: k, truncated: true };
    const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
    if (byte < min || byte > max) return { ok: false, shown: k + 1, truncated: false };
  }
  return { ok: true, length: more + 1 };
}

/**
 * Control characters other than tab, LF and CR — the only ones JSON text may
 * hold, as whitespace (RFC 8259 §2; inside strings every control character
 * is escaped, §7) — plus bytes of ill-formed UTF-8 (one per ill-formed sequence).
 */
function nonTextBytes(sample: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < sample.length; ) {
    const byte = sample[i]!;
    if (byte < 0x80) {
      if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) || byte === 0x7f) count++;
      i++;
      continue;
    }
    const step = readSequence(sample, i);
    if (step.ok) {
      i += step.length;
    } else {
      // A sequence cut off by the end of the sample is not counted: the file may go on.
      if (!step.truncated) count++;
      i += step.truncated ? step.shown : Math.max(1, step.shown - 1);
    }
  }
  return count;
}

/**
 * UTF-32 or UTF-16 by byte-order mark, else by RFC 4627 §3: the first two
 * characters of JSON text are ASCII, so zero bytes around them give the encoding away.
 */
function wideEncoding(bytes: Uint8Array): string | undefined {
  const [b0, b1, b2, b3] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) return 'UTF-32BE';
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return 'UTF-32LE';
  if (b0 === 0xfe && b1 === 0xff) return 'UTF-16BE';
  if (b0 === 0xff && b1 === 0xfe) return 'UTF-16LE';
  if (bytes.length < 4 || b0 === undefined || b1 === undefined || b2 === undefined || b3 === undefined) return undefined;
  const ascii = (b: number) => b !== 0 && b < 0x80;
  if (b0 === 0 && b1 === 0 && b2 === 0 && ascii(b3)) return 'UTF-32BE';
  if (ascii(b0) && b1 === 0 && b2 === 0 && b3 === 0) return 'UTF-32LE';
  if (b0 === 0 && ascii(b1) && b2 === 0 && ascii(b3)) return 'UTF-16BE';
  if (ascii(b0) && b1 === 0 && ascii(b2) && b3 === 0) return 'UTF-16LE';
  return undefined;
}

/** Files people may pick by mistake, among them the app's own exports (PNG, pcapng). */
const SIGNATURES: readonly { bytes: readonly number[]; kind: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], kind: 'a PNG image' },
  { bytes: [0x0a, 0x0d, 0x0d, 0x0a], kind: 'a pcapng packet capture' },
  { bytes: [0xd4, 0xc3, 0xb2, 0xa1], kind: 'a pcap packet capture' },
  { bytes: [0xa1, 0xb2, 0xc3, 0xd4], kind: 'a pcap packet capture' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'a ZIP archive' },
  { bytes: [0x1f, 0x8b], kind: 'a gzip archive' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], kind: 'a PDF document' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'a JPEG image' },
];

/** " (it looks like a PNG image)", or "" for a kind we do not know. */
function fileKind(bytes: Uint8Array): string {
  const match = SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[i] === b));
  return match === undefined ? '' : ` (it looks like ${match.kind})`;
}

function hex(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}
