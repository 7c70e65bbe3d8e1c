/**
 * Dissectors by protocol. A protocol without one gets a plain "Data" node,
 * so every message can be inspected to the byte.
 */
import { PROTOCOL_MODULES } from '../protocols/registry';
import type { MessageEvent } from '../trace/types';
import { field, type Dissector, type FieldNode } from './field';
import { dissectTcp } from './tcp';
import { dissectUdp } from './udp';

/** The transport dissectors, then each protocol module's (protocols/registry.ts). */
const DISSECTORS: Readonly<Record<string, Dissector>> = {
  tcp: dissectTcp,
  udp: dissectUdp,
  ...Object.fromEntries(PROTOCOL_MODULES.flatMap((m) => (m.dissector ? [[m.protocol, m.dissector] as const] : []))),
};

export function dissect(message: MessageEvent): FieldNode[] {
  const d = DISSECTORS[message.protocol];
  try {
    if (d) return d(message);
  } catch (error) {
    // A dissector must not throw; if one does, show the bytes and say so.
    return [
      field('Data', 'data', `${message.bytes.length} bytes`, 0, message.bytes.length),
      { name: 'Dissector error', filter: '_ws.malformed', value: error instanceof Error ? error.message : String(error), offset: 0, length: 0, children: [], severity: 'error' },
    ];
  }
  return [field('Data', 'data', `${message.bytes.length} bytes`, 0, message.bytes.length)];
}

export type { FieldNode } from './field';
