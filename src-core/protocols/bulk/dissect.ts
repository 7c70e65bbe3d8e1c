/**
 * Dissector of the bulk-transfer protocol (codec.ts): over TCP the message
 * is the 8-byte length that opens the stream; over UDP a datagram's header
 * and its piece of the file. Which one is told by the message's connection
 * ("tcp:…" or "udp:…"). Malformed bytes give problem nodes, never a throw.
 */
import { field, problem, type FieldNode } from '../../dissect/field';
import type { MessageEvent } from '../../trace/types';
import { DATAGRAM_FIELDS, DATAGRAM_HEADER_BYTES, type BulkDecodeErrorCode, decodeDatagram, decodeStreamHeader, STREAM_FIELDS, STREAM_HEADER_BYTES } from './codec';

const range = ([start, end]: readonly [number, number]) => [start, end - start] as const;

export function dissectBulk(message: MessageEvent): FieldNode[] {
  const b = message.bytes;
  const children = message.connection?.startsWith('udp:') ? datagramFields(b) : streamFields(b);
  return [field('Bulk transfer', 'bulk', message.summary, 0, b.length, children)];
}

function streamFields(b: Uint8Array): FieldNode[] {
  const header = decodeStreamHeader(b);
  if (!header.ok) return [problem('Length', 'bulk.length', header.error.message, 0, Math.min(b.length, STREAM_HEADER_BYTES))];
  const fields = [field('Length', 'bulk.length', `${header.value.length} bytes follow`, ...range(STREAM_FIELDS.length))];
  if (b.length > STREAM_HEADER_BYTES) fields.push(field('Data', 'bulk.data', `${b.length - STREAM_HEADER_BYTES} bytes`, STREAM_HEADER_BYTES, b.length - STREAM_HEADER_BYTES));
  return fields;
}

function datagramFields(b: Uint8Array): FieldNode[] {
  const decoded = decodeDatagram(b);
  if (!decoded.ok) {
    const e = decoded.error;
    return [problem('Malformed datagram', '_ws.malformed', `${e.message} (${e.code})`, e.offset, problemLength(e.code, b.length))];
  }
  const { header, data, offset } = decoded.value;
  return [
    field('Sequence number', 'bulk.seq', header.seq, ...range(DATAGRAM_FIELDS.seq)),
    field('Datagrams', 'bulk.count', header.count, ...range(DATAGRAM_FIELDS.count)),
    field('Total length', 'bulk.total', `${header.total} bytes`, ...range(DATAGRAM_FIELDS.total)),
    field('Data', 'bulk.data', `${data.length} bytes: file bytes ${offset}–${offset + data.length - 1}`, DATAGRAM_HEADER_BYTES, data.length),
  ];
}

/** How many bytes a datagram's problem covers, from the error's offset: the field at fault, or the data. */
function problemLength(code: BulkDecodeErrorCode, length: number): number {
  switch (code) {
    case 'truncated':
      return length;
    case 'bad-seq':
    case 'bad-count':
      return 4;
    case 'too-long':
    case 'bad-total':
      return 8;
    case 'bad-length':
      return length - DATAGRAM_HEADER_BYTES;
  }
}
