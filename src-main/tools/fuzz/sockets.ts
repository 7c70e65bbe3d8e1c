/**
 * Fuzz targets of the course's upper-case line protocol (Kurose & Ross
 * §2.7; src-core/protocols/sockets): the line splitter fed a stream in
 * random reads, and the dissector. (The servers and clients are fuzzed
 * through the engine face: face-targets.ts.) Every byte string is a valid
 * stream or datagram here (text is decoded with replacement characters), so
 * nothing is 'rejected' except a dissection with a problem node.
 *
 * Check: the splitter gives exactly the lines of the whole stream, and the
 * bytes after the last "\n" as pending, however the stream is cut.
 */
import { dissectSockets } from '../../../src-core/protocols/sockets/dissect';
import { decodeText, encodeLine, LineSplitter } from '../../../src-core/protocols/sockets/line-codec';
import { checkTree, messageEvent } from './dissect-check';
import { check, chunks, concat, inputRng, type FuzzTarget } from './target';

const LINES = ['hello, world 42', '', 'a', 'Grüße aus Köln — ß', 'tab\there', 'carriage\r', 'x'.repeat(100), '日本語のテキスト', '\u0000nul'];

export function lineSeeds(): Uint8Array[] {
  return [
    ...LINES.map((l) => encodeLine(l, true)),
    ...LINES.map((l) => encodeLine(l, false)),
    concat(LINES.map((l) => encodeLine(l, true))),
    concat([encodeLine('two', true), encodeLine('unfinished', false)]),
  ];
}

export const lineDictionary = (): Uint8Array[] => [new Uint8Array([0x0a]), new Uint8Array([0x0d, 0x0a]), new Uint8Array([0xc3]), new Uint8Array([0xe6, 0x97]), new Uint8Array([0xff]), new Uint8Array([0xf0, 0x9f, 0x98, 0x80])];

export function socketsTargets(): FuzzTarget[] {
  return [
    {
      name: 'sockets.lines',
      seeds: lineSeeds,
      dictionary: lineDictionary,
      run(input) {
        const splitter = new LineSplitter();
        const got: string[] = [];
        for (const chunk of chunks(input, inputRng(input))) {
          splitter.push(chunk);
          for (let line = splitter.poll(); line !== null; line = splitter.poll()) got.push(line);
        }
        const want: string[] = [];
        let end = 0;
        for (let i = input.indexOf(0x0a); i >= 0; i = input.indexOf(0x0a, end)) {
          want.push(decodeText(input.subarray(end, i)));
          end = i + 1;
        }
        check(got.length === want.length && got.every((l, i) => l === want[i]), () => `split into ${got.length} lines, the stream holds ${want.length} (or they differ)`);
        check(splitter.partialBytes === input.length - end, () => `${splitter.partialBytes} bytes pending, ${input.length - end} expected`);
        return 'ok';
      },
    },
    {
      name: 'sockets.dissect',
      seeds: lineSeeds,
      dictionary: lineDictionary,
      run: (input) => checkTree(dissectSockets(messageEvent('sockets', input)), input.length),
    },
  ];
}
