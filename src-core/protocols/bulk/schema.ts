/**
 * Scenario schemas of the bulk-transfer protocol: the sink (a service) and
 * the sender (an action). See docs/scenario-format.md, "Bulk transfer".
 *
 * Fields that belong to one transport only (`rateMbps`, `datagramBytes`
 * for UDP) are optional here without a default, so a saved TCP transfer
 * never carries them; module.ts checks that they are given where needed.
 */
import { mbpsSchema, nodeRefSchema, nonNegativeMsSchema, portSchema } from '../../scenario/fields';
import { z } from '../../scenario/zod';
import { DATAGRAM_HEADER_BYTES, MAX_UDP_PAYLOAD } from './codec';

export const BULK_TRANSPORTS = ['tcp', 'udp'] as const;
export type BulkTransport = (typeof BULK_TRANSPORTS)[number];

/** The largest transfer a scenario may ask for (10^9 bytes); the trace, not the engines, is what grows with it. */
export const MAX_BULK_BYTES = 1_000_000_000;
/** UDP payload of each datagram unless the action says otherwise: a 1500-byte Ethernet MTU less 20 (IPv4) and 8 (UDP). */
export const DEFAULT_DATAGRAM_BYTES = 1472;
/** The smallest datagram: the 16-byte header and 16 bytes of the file, so 10^9 bytes need at most 62.5 million datagrams. */
export const MIN_DATAGRAM_BYTES = DATAGRAM_HEADER_BYTES + 16;

const transportSchema = z.enum(BULK_TRANSPORTS).describe('"tcp" or "udp"');

/** Receives transfers on `port` over `transport` and reports each one's throughput. */
export const BulkSinkSchema = z
  .strictObject({ type: z.literal('bulk-sink'), port: portSchema, transport: transportSchema.default('tcp') })
  .describe('a service object');

/** Sends `bytes` to the bulk-sink on server:port: over TCP as fast as flow control allows, over UDP at `rateMbps`. */
export const BulkSendSchema = z
  .strictObject({
    type: z.literal('bulk-send'),
    atMs: nonNegativeMsSchema,
    node: nodeRefSchema,
    server: nodeRefSchema,
    port: portSchema,
    transport: transportSchema.default('tcp'),
    bytes: z.number().int().min(1).max(MAX_BULK_BYTES).describe(`an integer from 1 to ${MAX_BULK_BYTES} (bytes)`),
    /** UDP only: the pace of the datagrams' UDP payloads, megabits per second. */
    rateMbps: mbpsSchema.optional(),
    /** UDP only: each datagram's UDP payload (header included), bytes. */
    datagramBytes: z
      .number()
      .int()
      .min(MIN_DATAGRAM_BYTES)
      .max(MAX_UDP_PAYLOAD)
      .describe(`an integer from ${MIN_DATAGRAM_BYTES} to ${MAX_UDP_PAYLOAD} (bytes)`)
      .optional(),
  })
  .describe('an action object');

export const BULK_SERVICE_SCHEMAS = [BulkSinkSchema] as const;
export const BULK_ACTION_SCHEMAS = [BulkSendSchema] as const;

export type BulkSinkService = z.output<typeof BulkSinkSchema>;
export type BulkSendAction = z.output<typeof BulkSendSchema>;
