/** Dissector of the upper-case line protocol: the text and, over TCP, its "\n" terminator. */
import { field, printable, type FieldNode } from '../../dissect/field';
import type { MessageEvent } from '../../trace/types';
import { decodeText } from './line-codec';

export function dissectSockets(message: MessageEvent): FieldNode[] {
  const b = message.bytes;
  const terminated = b.length > 0 && b[b.length - 1] === 0x0a;
  const textLength = terminated ? b.length - 1 : b.length;
  const text = decodeText(b.subarray(0, textLength));
  const children: FieldNode[] = [field('Line', 'sockets.line', `"${printable(text)}"`, 0, textLength)];
  if (terminated) children.push(field('Line terminator', 'sockets.eol', '\\n', textLength, 1));
  return [field('Upper-case line protocol', 'sockets', message.summary, 0, b.length, children)];
}
