/**
 * DNS fuzz targets: the codec (RFC 1035 §4.1), the dissector and DNS-over-TCP
 * framing (RFC 1035 §4.2.2). The engines are fuzzed through the engine face
 * (face-targets.ts), with the DNS oracle's checks (dns-oracle.ts).
 *
 * Checks beyond "does not throw": a decoded message encodes and decodes
 * back to itself; a decode error points inside the message; the framing
 * reassembler gives exactly the frames of the whole stream however it is
 * cut.
 */
import { decodeDns, encodeDns, type DnsMessage } from '../../../src-core/protocols/dns/codec';
import { dissectDns } from '../../../src-core/protocols/dns/dissect';
import { DnsStreamReassembler } from '../../../src-core/protocols/dns/tcp-framing';
import { checkTree, messageEvent } from './dissect-check';
import { dnsDictionary, dnsMessages, dnsTcpStreams } from './dns-seeds';
import { check, chunks, equalBytes, inputRng, type FuzzTarget } from './target';

const TCP_CONNECTION = 'tcp:10.0.0.1:49152-10.0.0.2:53';

export function dnsTargets(): FuzzTarget[] {
  return [
    {
      name: 'dns.decode',
      seeds: dnsMessages,
      dictionary: dnsDictionary,
      run(input) {
        const r = decodeDns(input);
        if (r.ok) return 'ok';
        check(r.error.offset >= 0 && r.error.offset <= input.length, () => `error offset ${r.error.offset} outside the ${input.length}-byte message`);
        return 'rejected';
      },
    },
    {
      name: 'dns.reencode',
      seeds: dnsMessages,
      dictionary: dnsDictionary,
      run(input) {
        const r = decodeDns(input);
        if (!r.ok) return 'rejected';
        const again = decodeDns(encodeDns(r.value));
        check(again.ok, () => `our encoding of a message we decoded does not decode: ${again.ok ? '' : again.error.message}`);
        const [a, b] = [canonical(r.value), canonical(again.value)];
        check(a === b, () => `decode(encode(m)) differs from m: ${a} became ${b}`);
        return 'ok';
      },
    },
    {
      name: 'dns.dissect',
      seeds: dnsMessages,
      dictionary: dnsDictionary,
      run: (input) => checkTree(dissectDns(messageEvent('dns', input)), input.length),
    },
    {
      name: 'dns.dissect.tcp',
      seeds: () => dnsTcpStreams(dnsMessages()),
      dictionary: dnsDictionary,
      run: (input) => checkTree(dissectDns(messageEvent('dns', input, TCP_CONNECTION)), input.length),
    },
    {
      name: 'dns.tcp-framing',
      seeds: () => dnsTcpStreams(dnsMessages()),
      dictionary: dnsDictionary,
      run(input) {
        const r = new DnsStreamReassembler();
        const got: Uint8Array[] = [];
        let error: number | null = null;
        for (const chunk of chunks(input, inputRng(input))) {
          r.push(chunk);
          for (let item = r.poll(); item && error === null; item = r.poll()) {
            if (item.type === 'error') error = item.error.offset;
            else got.push(item.bytes);
          }
          if (error !== null) break;
        }
        const want = frames(input);
        check(got.length === want.messages.length && got.every((m, i) => equalBytes(m, want.messages[i]!)), () => `reassembled ${got.length} messages, the stream holds ${want.messages.length} (or they differ)`);
        check(error === want.error, () => `framing error at ${error}, expected at ${want.error}`);
        if (error !== null) {
          const again = r.poll();
          check(again?.type === 'error' && again.error.offset === error, () => 'the framing error is not repeated by the next poll');
          return 'rejected';
        }
        check(r.pending === want.pending, () => `${r.pending} bytes pending, ${want.pending} expected`);
        return 'ok';
      },
    },
  ];
}

/** The frames of a whole stream, read in one go: the oracle for the reassembler. */
function frames(stream: Uint8Array): { messages: Uint8Array[]; error: number | null; pending: number } {
  const messages: Uint8Array[] = [];
  for (let at = 0; ; ) {
    if (stream.length - at < 2) return { messages, error: null, pending: stream.length - at };
    const length = (stream[at]! << 8) | stream[at + 1]!;
    if (length === 0) return { messages, error: at, pending: 0 };
    if (stream.length - at - 2 < length) return { messages, error: null, pending: stream.length - at };
    messages.push(stream.subarray(at + 2, at + 2 + length));
    at += 2 + length;
  }
}

/** A message as text for comparison; names compare case-insensitively (RFC 4343: compression may change their case). */
function canonical(m: DnsMessage): string {
  const names = new Set(['name', 'host', 'exchange', 'mname', 'rname']);
  return JSON.stringify(m, (key, value: unknown) => {
    if (value instanceof Uint8Array) return [...value];
    if (typeof value === 'string' && names.has(key)) return value.toLowerCase();
    return value;
  });
}
