/**
 * Scenario schemas of the socket-programming pair: the two upper-case
 * servers (services) and their clients (actions). See docs/scenario-format.md.
 */
import { lineSchema, nodeRefSchema, nonNegativeMsSchema, portSchema, positiveMsSchema } from '../../scenario/fields';
import { z } from '../../scenario/zod';

export const DEFAULT_UDP_TIMEOUT_MS = 1000;

/** Answers each UDP datagram with the same text in upper case. */
export const UdpUpperServerSchema = z
  .strictObject({ type: z.literal('udp-upper-server'), port: portSchema })
  .describe('a service object');

/** Accepts TCP connections and answers each line with the same line in upper case. */
export const TcpUpperServerSchema = z
  .strictObject({ type: z.literal('tcp-upper-server'), port: portSchema })
  .describe('a service object');

/** Sends `line` in one UDP datagram to server:port and waits up to timeoutMs for the reply. */
export const UdpUpperClientSchema = z
  .strictObject({
    type: z.literal('udp-upper-client'),
    atMs: nonNegativeMsSchema,
    node: nodeRefSchema,
    server: nodeRefSchema,
    port: portSchema,
    line: lineSchema,
    timeoutMs: positiveMsSchema.default(DEFAULT_UDP_TIMEOUT_MS),
  })
  .describe('an action object');

/** Connects to server:port over TCP, sends `line`, reads the reply, closes. */
export const TcpUpperClientSchema = z
  .strictObject({
    type: z.literal('tcp-upper-client'),
    atMs: nonNegativeMsSchema,
    node: nodeRefSchema,
    server: nodeRefSchema,
    port: portSchema,
    line: lineSchema,
  })
  .describe('an action object');

export const SOCKETS_SERVICE_SCHEMAS = [UdpUpperServerSchema, TcpUpperServerSchema] as const;
export const SOCKETS_ACTION_SCHEMAS = [UdpUpperClientSchema, TcpUpperClientSchema] as const;

export type UdpUpperServerService = z.output<typeof UdpUpperServerSchema>;
export type TcpUpperServerService = z.output<typeof TcpUpperServerSchema>;
export type UdpUpperClientAction = z.output<typeof UdpUpperClientSchema>;
export type TcpUpperClientAction = z.output<typeof TcpUpperClientSchema>;
