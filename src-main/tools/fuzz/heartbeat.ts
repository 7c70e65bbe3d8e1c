/**
 * The heartbeat between the fuzzing thread and its watchdog, in shared
 * memory: before each input the fuzzing thread writes the target's name,
 * the input's index and bytes, then bumps a counter. The watchdog reads
 * them when the counter stops moving, i.e. while the thread is stuck in
 * that input, so it can say which input hung even though that thread can
 * no longer say anything.
 *
 * Layout: Int32 [0] counter, [1] index, [2] name length, [3] input length
 * (as given; at most MAX_INPUT bytes are kept), then NAME_BYTES of name,
 * then MAX_INPUT of input.
 */
const HEADER = 16;
const NAME_BYTES = 128;
export const MAX_INPUT = 1 << 16;

export function heartbeatBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER + NAME_BYTES + MAX_INPUT);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class HeartbeatWriter {
  private readonly ints: Int32Array;
  private readonly bytes: Uint8Array;
  private lastName = '';

  constructor(buffer: SharedArrayBuffer) {
    this.ints = new Int32Array(buffer, 0, 4);
    this.bytes = new Uint8Array(buffer);
  }

  beat(target: string, input: Uint8Array, index: number): void {
    if (target !== this.lastName) {
      const name = encoder.encode(target).subarray(0, NAME_BYTES);
      this.bytes.set(name, HEADER);
      this.ints[2] = name.length;
      this.lastName = target;
    }
    this.bytes.set(input.subarray(0, MAX_INPUT), HEADER + NAME_BYTES);
    this.ints[3] = input.length;
    this.ints[1] = index;
    Atomics.add(this.ints, 0, 1);
  }
}

export interface Beat {
  readonly count: number;
  readonly target: string;
  readonly index: number;
  /** The input's bytes, cut at MAX_INPUT. */
  readonly input: Uint8Array;
  readonly length: number;
}

export function readHeartbeat(buffer: SharedArrayBuffer): Beat {
  const ints = new Int32Array(buffer, 0, 4);
  const bytes = new Uint8Array(buffer);
  const count = Atomics.load(ints, 0);
  const length = ints[3]!;
  return {
    count,
    index: ints[1]!,
    target: decoder.decode(bytes.slice(HEADER, HEADER + ints[2]!)),
    input: bytes.slice(HEADER + NAME_BYTES, HEADER + NAME_BYTES + Math.min(length, MAX_INPUT)),
    length,
  };
}
