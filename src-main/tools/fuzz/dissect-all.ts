/**
 * The generic `dissect()` (src-core/dissect/index.ts) for every protocol
 * name a trace uses, and one it has no dissector for. dissect() catches a
 * dissector's exception and shows a "Dissector error" node instead; that
 * node is a bug (a dissector must not throw), so here it fails a check. A
 * protocol without a dissector must get one "Data" node over all bytes.
 */
import { dissect } from '../../../src-core/dissect/index';
import { checkTree, messageEvent } from './dissect-check';
import { dnsDictionary, dnsMessages, dnsTcpStreams } from './dns-seeds';
import { httpRequestSeeds, httpResponseSeeds } from './http-seeds';
import { lineSeeds } from './sockets';
import { check, type FuzzTarget } from './target';
import { fixTcp, fixUdp, tcpSeeds, udpSeeds } from './transport';

function target(protocol: string, seeds: () => Uint8Array[], options: { connection?: string; suffix?: string; fixup?: (b: Uint8Array) => Uint8Array } = {}): FuzzTarget {
  const connection = options.connection ?? null;
  return {
    name: `dissect:${protocol}${options.suffix ?? ''}`,
    seeds,
    ...(options.fixup ? { fixup: options.fixup } : {}),
    ...(protocol === 'dns' ? { dictionary: dnsDictionary } : {}),
    run(input) {
      const tree = dissect(messageEvent(protocol, input, connection));
      const error = tree.find((n) => n.name === 'Dissector error');
      check(!error, () => `the ${protocol} dissector threw: ${error?.value}`);
      return checkTree(tree, input.length);
    },
  };
}

export function dissectTargets(): FuzzTarget[] {
  const other: FuzzTarget = {
    name: 'dissect:other',
    seeds: () => [...lineSeeds(), ...dnsMessages().slice(0, 4)],
    run(input) {
      const tree = dissect(messageEvent('no-dissector', input));
      check(tree.length === 1 && tree[0]!.filter === 'data' && tree[0]!.offset === 0 && tree[0]!.length === input.length, () => 'a protocol without a dissector does not get one Data node over its bytes');
      return checkTree(tree, input.length);
    },
  };
  return [
    target('tcp', tcpSeeds, { fixup: fixTcp }),
    target('udp', udpSeeds, { fixup: fixUdp }),
    target('sockets', lineSeeds),
    target('dns', dnsMessages),
    target('dns', () => dnsTcpStreams(dnsMessages()), { connection: 'tcp:10.0.0.1:49152-10.0.0.2:53', suffix: '/tcp' }),
    target('http', () => [...httpRequestSeeds(), ...httpResponseSeeds()], { connection: 'tcp:10.0.0.1:49152-10.0.0.2:80' }),
    other,
  ];
}
