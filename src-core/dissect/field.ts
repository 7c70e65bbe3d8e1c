/**
 * The field tree the inspector shows (Wireshark's habit, doc/README.dissector):
 * every field has a display name, a dotted filter id ("tcp.flags.syn"), a
 * value as text, and the byte range it occupies in the message's bytes, so
 * the hex dump can highlight it. Malformed input adds a node with a severity
 * instead of throwing.
 */
import type { MessageEvent } from '../trace/types';

export interface FieldNode {
  /** Display name: "Source Port". */
  readonly name: string;
  /** Dotted filter id: "tcp.srcport". */
  readonly filter: string;
  /** The value as shown: "49152", "0x0018 (PSH, ACK)". */
  readonly value: string;
  /** Byte range in the message's bytes: [offset, offset + length). */
  readonly offset: number;
  readonly length: number;
  readonly children: readonly FieldNode[];
  /** Set on nodes that report a problem with the bytes. */
  readonly severity?: 'warning' | 'error';
}

/** Builds the tree of one message from its bytes. Never throws. */
export type Dissector = (message: MessageEvent) => FieldNode[];

export function field(
  name: string,
  filter: string,
  value: string | number,
  offset: number,
  length: number,
  children: readonly FieldNode[] = [],
): FieldNode {
  return { name, filter, value: String(value), offset, length, children };
}

export function problem(name: string, filter: string, message: string, offset: number, length: number, severity: 'warning' | 'error' = 'error'): FieldNode {
  return { name, filter, value: message, offset, length, children: [], severity };
}

export function hex(value: number, digits: number): string {
  return `0x${value.toString(16).padStart(digits, '0')}`;
}

/** Shows text with control characters escaped ("\r\n"), as a protocol analyser would. */
export function printable(text: string): string {
  return text.replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
}

/** The node and its children moved `by` bytes on: a dissection of bytes that sit inside a larger message. */
export function shifted(n: FieldNode, by: number): FieldNode {
  return { ...n, offset: n.offset + by, children: n.children.map((c) => shifted(c, by)) };
}
