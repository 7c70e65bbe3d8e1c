/**
 * What every dissector promises (src-core/dissect/field.ts): it never throws,
 * and every node of its tree points at bytes of the message. A tree with a
 * problem node (one with a severity) is the dissector's typed rejection.
 */
import type { FieldNode } from '../../../src-core/dissect/field';
import type { MessageEvent } from '../../../src-core/trace/types';
import { check, type Outcome } from './target';

/** The addresses every fuzzed segment and datagram travels between (their checksums depend on them). */
export const SRC_ADDR = '10.0.0.1';
export const DST_ADDR = '10.0.0.2';

export function messageEvent(protocol: string, bytes: Uint8Array, connection: string | null = null): MessageEvent {
  return {
    kind: 'message',
    id: 0,
    layer: protocol === 'tcp' || protocol === 'udp' ? 'transport' : 'application',
    protocol,
    from: 'a',
    to: 'b',
    src: { addr: SRC_ADDR, port: 49152 },
    dst: { addr: DST_ADDR, port: 53 },
    sentAt: 0,
    receivedAt: 1,
    summary: 'fuzz',
    bytes,
    connection,
    causedBy: null,
    carries: [],
    retransmission: false,
    timing: null,
    lost: null,
  };
}

/** Checks every node's byte range; 'rejected' when the tree reports a problem. */
export function checkTree(nodes: readonly FieldNode[], length: number): Outcome {
  let problem = false;
  const visit = (n: FieldNode, path: string) => {
    const where = `${path}${n.filter}`;
    check(Number.isInteger(n.offset) && Number.isInteger(n.length) && n.offset >= 0 && n.length >= 0 && n.offset + n.length <= length, () => `node ${where} covers [${n.offset}, ${n.offset + n.length}) of a ${length}-byte message`);
    check(n.value !== 'undefined' && n.value !== 'NaN', () => `node ${where} shows the value ${n.value}`);
    if (n.severity) problem = true;
    for (const c of n.children) visit(c, `${where} > `);
  };
  for (const n of nodes) visit(n, '');
  return problem ? 'rejected' : 'ok';
}
