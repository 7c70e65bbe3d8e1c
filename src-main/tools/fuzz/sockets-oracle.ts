/**
 * The oracle of the upper-case line protocol (Kurose & Ross §2.7;
 * src-core/protocols/sockets/line-codec.ts): over UDP a datagram is a line,
 * over TCP each line ends with "\n". Every byte string is a valid line, so
 * nothing is a refusal.
 *
 * Check: the server answers every line the fuzzer sent, in order, with that
 * line in upper case (String.prototype.toUpperCase, as Python's str.upper()
 * for ASCII), and nothing else.
 */
import type { TransportName } from '../../../src-core/engine/face';
import { decodeText, encodeLine } from '../../../src-core/protocols/sockets/line-codec';
import type { Checker, Framed, Oracle, Sent, Verdict } from './oracle';
import { lineDictionary, lineSeeds } from './sockets';
import { check, concat, equalBytes } from './target';

function frames(stream: Uint8Array): Framed {
  const messages: { payload: Uint8Array; end: number }[] = [];
  for (let at = 0, nl = stream.indexOf(0x0a); nl >= 0; at = nl + 1, nl = stream.indexOf(0x0a, at)) messages.push({ payload: stream.subarray(at, nl), end: nl + 1 });
  return { messages, error: null };
}

class LinesChecker implements Checker {
  /** The replies due, per transport, oldest first. */
  private readonly due: Record<TransportName, Uint8Array[]> = { udp: [], tcp: [] };

  asked(line: Uint8Array, transport: TransportName): void {
    this.due[transport].push(encodeLine(decodeText(line).toUpperCase(), false));
  }

  sent(message: Uint8Array, { transport, toFuzzer, who }: Sent): Verdict {
    if (!toFuzzer) return 'ok';
    const want = this.due[transport].shift();
    check(want !== undefined, () => `${who} sent the fuzzer a ${transport === 'udp' ? 'datagram' : 'line'} it did not ask for`);
    check(equalBytes(message, want), () => `${who} answered a line with ${JSON.stringify(decodeText(message))}, not ${JSON.stringify(decodeText(want))}`);
    return 'ok';
  }

  settled(): void {
    const left = this.due.udp.length + this.due.tcp.length;
    check(left === 0, () => `${left} line${left === 1 ? '' : 's'} the fuzzer sent got no answer`);
  }
}

export const socketsOracle: Oracle = {
  protocol: 'sockets',
  frames,
  requests: lineSeeds,
  streams: (requests) => [...requests.filter((r) => r.at(-1) === 0x0a), concat(requests)],
  replies: lineSeeds,
  dictionary: lineDictionary,
  prompt: () => null,
  answerTo: (_query, reply) => reply,
  checker: () => new LinesChecker(),
};
