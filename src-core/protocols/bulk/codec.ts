/**
 * The bulk-transfer wire format: a header so the receiver knows how much is
 * coming, then the file. Every number is big-endian (network order).
 *
 * The file: byte i of a transfer is i mod 256 (00 01 … ff 00 01 …). A
 * pattern, not random data, so the sink can check every byte arrived in
 * its place, and the sender never holds the file: one 64 KiB chunk of the
 * pattern (PATTERN_CHUNK) serves every write, since TCP's send buffer keeps
 * a reference to what is written, not a copy (transport/tcp/send-buffer.ts).
 *
 * Over TCP the stream is the 8-byte length, then the file:
 *
 *   0                 8
 *   +-----------------+------------------ - -
 *   | length (uint64) | file: `length` bytes
 *   +-----------------+------------------ - -
 *
 * Over UDP each datagram is a 16-byte header, then a piece of the file:
 *
 *   0        4        8                 16
 *   +--------+--------+-----------------+----- - -
 *   | seq    | count  | total (uint64)  | data
 *   +--------+--------+-----------------+----- - -
 *
 * - seq: 1 … count, in sending order; count: datagrams in the transfer;
 *   total: bytes of the file.
 * - Every datagram but the last carries the same number of data bytes D, so
 *   datagram `seq` < count holds file bytes [(seq − 1)·D, seq·D) and the
 *   last one ends the file: a datagram says where its data belongs without
 *   an offset field.
 *
 * Decoders never throw: malformed bytes give a typed error with the offset
 * of the field at fault, as the transport codecs do (transport/errors.ts).
 */

export const STREAM_HEADER_BYTES = 8;
export const DATAGRAM_HEADER_BYTES = 16;
/** The largest UDP payload over IPv4: 65535 less 20 (IPv4 header) and 8 (UDP header). */
export const MAX_UDP_PAYLOAD = 65_507;
/** 2^26 datagrams per transfer at most, so a sink's record of which arrived stays under 8 MiB. */
export const MAX_DATAGRAMS = 2 ** 26;

/** Byte range [start, end) of each field, for the inspector. */
export const STREAM_FIELDS = { length: [0, 8] } as const;
export const DATAGRAM_FIELDS = { seq: [0, 4], count: [4, 8], total: [8, 16] } as const;

export interface DatagramHeader {
  readonly seq: number;
  readonly count: number;
  readonly total: number;
}

export interface Datagram {
  readonly header: DatagramHeader;
  /** Its piece of the file: a view into the input bytes. */
  readonly data: Uint8Array;
  /** File offset of data[0]. */
  readonly offset: number;
}

export type BulkDecodeErrorCode = 'truncated' | 'too-long' | 'bad-seq' | 'bad-count' | 'bad-total' | 'bad-length';

export interface BulkDecodeError {
  readonly code: BulkDecodeErrorCode;
  readonly message: string;
  /** Byte offset of the field at fault. */
  readonly offset: number;
}

export type BulkDecodeResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: BulkDecodeError };

function fail(code: BulkDecodeErrorCode, message: string, offset: number): { ok: false; error: BulkDecodeError } {
  return { ok: false, error: { code, message, offset } };
}

// --- the file ------------------------------------------------------------------

export const PATTERN_CHUNK_BYTES = 65_536;

/** 64 KiB of the pattern, starting at a file offset that is a multiple of 256. Shared and never written to. */
export const PATTERN_CHUNK: Uint8Array = (() => {
  const chunk = new Uint8Array(PATTERN_CHUNK_BYTES);
  for (let i = 0; i < chunk.length; i++) chunk[i] = i & 0xff;
  return chunk;
})();

/** Writes file bytes [fileOffset, fileOffset + target.length) into `target`. */
export function fillPattern(target: Uint8Array, fileOffset: number): void {
  let written = 0;
  let phase = fileOffset & 0xff;
  while (written < target.length) {
    const take = Math.min(target.length - written, PATTERN_CHUNK_BYTES - phase);
    target.set(PATTERN_CHUNK.subarray(phase, phase + take), written);
    written += take;
    phase = 0;
  }
}

/** Whether `data` is file bytes [fileOffset, fileOffset + data.length). */
export function isPattern(data: Uint8Array, fileOffset: number): boolean {
  const phase = fileOffset & 0xff;
  for (let i = 0; i < data.length; i++) if (data[i] !== ((phase + i) & 0xff)) return false;
  return true;
}

// --- uint64 --------------------------------------------------------------------

const TWO_32 = 2 ** 32;

function writeUint64(view: DataView, at: number, value: number): void {
  view.setUint32(at, Math.floor(value / TWO_32));
  view.setUint32(at + 4, value >>> 0);
}

/** A uint64 field, or null when it exceeds 2^53 − 1 (a JavaScript number is exact only that far). */
function readUint64(view: DataView, at: number): number | null {
  const high = view.getUint32(at);
  if (high > 0x1f_ffff) return null;
  return high * TWO_32 + view.getUint32(at + 4);
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

// --- TCP: the stream header ----------------------------------------------------

export function encodeStreamHeader(length: number): Uint8Array {
  if (!Number.isSafeInteger(length) || length < 0) throw new RangeError(`a transfer length must be a safe integer ≥ 0, got ${length}`);
  const bytes = new Uint8Array(STREAM_HEADER_BYTES);
  writeUint64(viewOf(bytes), 0, length);
  return bytes;
}

/** The announced length from the first 8 bytes of a stream (more bytes may follow; they are not looked at). */
export function decodeStreamHeader(bytes: Uint8Array): BulkDecodeResult<{ readonly length: number }> {
  if (bytes.length < STREAM_HEADER_BYTES) return fail('truncated', `${bytes.length} bytes, the length field needs ${STREAM_HEADER_BYTES}`, 0);
  const length = readUint64(viewOf(bytes), 0);
  if (length === null) return fail('too-long', 'the length exceeds 2^53 − 1 bytes', 0);
  return { ok: true, value: { length } };
}

/** Collects a stream's first 8 bytes however the segments cut them. */
export class StreamHeaderReader {
  private readonly bytes = new Uint8Array(STREAM_HEADER_BYTES);
  private have = 0;

  /** Takes what it needs of `data`; returns how many bytes it took. */
  push(data: Uint8Array): number {
    const take = Math.min(STREAM_HEADER_BYTES - this.have, data.length);
    this.bytes.set(data.subarray(0, take), this.have);
    this.have += take;
    return take;
  }

  get complete(): boolean {
    return this.have === STREAM_HEADER_BYTES;
  }

  decode(): BulkDecodeResult<{ readonly length: number }> {
    return decodeStreamHeader(this.bytes.subarray(0, this.have));
  }
}

// --- UDP: datagrams ------------------------------------------------------------

/** Data bytes each datagram of `datagramBytes` carries. */
export function dataBytesPer(datagramBytes: number): number {
  return datagramBytes - DATAGRAM_HEADER_BYTES;
}

/** How many datagrams of `datagramBytes` a file of `total` bytes needs. */
export function datagramCount(total: number, datagramBytes: number): number {
  return Math.ceil(total / dataBytesPer(datagramBytes));
}

/** Datagram `seq` (1-based) of a transfer of `total` bytes in datagrams of `datagramBytes`, with its piece of the file. */
export function encodeDatagram(seq: number, total: number, datagramBytes: number): Uint8Array {
  const per = dataBytesPer(datagramBytes);
  const count = datagramCount(total, datagramBytes);
  if (!Number.isInteger(seq) || seq < 1 || seq > count) throw new RangeError(`datagram ${seq} of ${count}`);
  const offset = (seq - 1) * per;
  const length = Math.min(per, total - offset);
  const bytes = new Uint8Array(DATAGRAM_HEADER_BYTES + length);
  const view = viewOf(bytes);
  view.setUint32(0, seq);
  view.setUint32(4, count);
  writeUint64(view, 8, total);
  fillPattern(bytes.subarray(DATAGRAM_HEADER_BYTES), offset);
  return bytes;
}

/**
 * A datagram, checked for consistency: seq within count, and its data
 * length where a datagram of that transfer must have it (D bytes before the
 * last, the rest of the file in the last).
 */
export function decodeDatagram(bytes: Uint8Array): BulkDecodeResult<Datagram> {
  if (bytes.length < DATAGRAM_HEADER_BYTES) return fail('truncated', `${bytes.length} bytes, the header needs ${DATAGRAM_HEADER_BYTES}`, 0);
  const view = viewOf(bytes);
  const seq = view.getUint32(0);
  const count = view.getUint32(4);
  const total = readUint64(view, 8);
  if (count === 0 || count > MAX_DATAGRAMS) return fail('bad-count', `${count} datagrams (expected 1 to ${MAX_DATAGRAMS})`, 4);
  if (seq === 0 || seq > count) return fail('bad-seq', `datagram ${seq} of ${count}`, 0);
  if (total === null) return fail('too-long', 'the total exceeds 2^53 − 1 bytes', 8);
  if (total < count) return fail('bad-total', `${total} bytes cannot fill ${count} datagrams`, 8);
  const data = bytes.subarray(DATAGRAM_HEADER_BYTES);
  if (data.length === 0) return fail('bad-length', 'no data after the header', DATAGRAM_HEADER_BYTES);
  // Every datagram but the last has D = its own length; the last ends the file.
  const offset = seq < count ? (seq - 1) * data.length : total - data.length;
  if (!fitsTransfer(seq, count, total, data.length, offset)) {
    return fail('bad-length', `${data.length} data bytes do not fit datagram ${seq} of ${count} in a file of ${total} bytes`, DATAGRAM_HEADER_BYTES);
  }
  return { ok: true, value: { header: { seq, count, total }, data, offset } };
}

/** Whether a datagram's length agrees with its place: before the last, ⌈total / D⌉ = count; the last, D = offset / (count − 1) ≥ its length. */
function fitsTransfer(seq: number, count: number, total: number, length: number, offset: number): boolean {
  if (seq < count) return Math.ceil(total / length) === count;
  if (offset < 0) return false;
  if (count === 1) return offset === 0;
  return offset % (count - 1) === 0 && offset / (count - 1) >= length;
}
