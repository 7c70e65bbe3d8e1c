/**
 * `l7 run --out/--pcap`: the trace and the capture written while the run
 * goes on, so a long run never holds its whole JSON text or capture in
 * memory (the JSON of a 10^9-byte transfer would pass V8's largest string).
 *
 * Rules:
 * - The files come out byte for byte as traceToJson / traceToPcapng would
 *   write them at the end.
 * - pcapng: each transport message's block depends only on the message as
 *   sent, so blocks are written as soon as messages are in the trace.
 * - JSON: an event is written once it is settled (a message received or
 *   lost, or any state event); events go out in trace order, so one message
 *   still in flight holds back those after it until it settles or the run
 *   ends. The header (end time, stop reason) is known only at the end, so the
 *   events go to a scratch file, and the end writes header, events and
 *   metrics into the destination's temporary file.
 * - Nothing half-written is ever left under the user's name: each file is
 *   written beside its destination under a temporary name, flushed, and
 *   renamed over it at the end (files/atomic-write.ts's rule); on failure the
 *   temporary files are removed and the destination is untouched.
 */
import { closeSync, fsyncSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { TraceContent } from '../../src-core/trace/json';
import { traceJsonEvent, traceJsonHead, traceJsonTail } from '../../src-core/trace/json';
import { pcapngHead, pcapngPacketBlock } from '../../src-core/trace/pcapng';
import type { TraceEvent } from '../../src-core/trace/types';

/** Bytes gathered before a write to the file. */
const WRITE_CHUNK = 1 << 22;

function temporaryBeside(path: string, role: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${role}.tmp`);
}

function settled(e: TraceEvent): boolean {
  return e.kind === 'state' || e.receivedAt !== null || e.lost !== null;
}

/** A file written in appended pieces, buffered; a file takes either strings (UTF-8) or bytes, not both. */
class AppendFile {
  private readonly fd: number;
  private pending: (string | Uint8Array)[] = [];
  private pendingBytes = 0;

  constructor(
    readonly path: string,
    private readonly chunkBytes = WRITE_CHUNK,
  ) {
    this.fd = openSync(path, 'w');
  }

  append(piece: string | Uint8Array): void {
    this.pending.push(piece);
    this.pendingBytes += piece.length;
    if (this.pendingBytes >= this.chunkBytes) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const strings = typeof this.pending[0] === 'string';
    const data = strings ? Buffer.from((this.pending as string[]).join(''), 'utf8') : Buffer.concat(this.pending as Uint8Array[]);
    for (let at = 0; at < data.length; ) at += writeSync(this.fd, data, at, data.length - at);
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** Appends another file's bytes, a chunk at a time. */
  appendFileContent(path: string): void {
    this.flush();
    const from = openSync(path, 'r');
    try {
      const chunk = Buffer.alloc(WRITE_CHUNK);
      for (let n = readSync(from, chunk); n > 0; n = readSync(from, chunk)) {
        for (let at = 0; at < n; ) at += writeSync(this.fd, chunk, at, n - at);
      }
    } finally {
      closeSync(from);
    }
  }

  /** Flushed to the disk and closed. */
  finish(): void {
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
  }

  close(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
  }
}

export interface TraceFileTargets {
  /** The trace's JSON. */
  readonly json: string | null;
  /** The capture (pcapng). */
  readonly pcap: string | null;
}

/** A file that could not be created or written; `target` says which. */
export class TraceFileError extends Error {
  constructor(readonly target: keyof TraceFileTargets, override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

export class TraceFiles {
  private readonly events: AppendFile | null;
  private readonly capture: AppendFile | null;
  private jsonWritten = 0;
  private pcapWritten = 0;
  /** The first write that failed while the run went on. */
  private failure: TraceFileError | null = null;

  /**
   * Opens the temporary files; throws TraceFileError when one cannot be
   * created. Writes go out every `writeChunkBytes` gathered.
   */
  constructor(
    private readonly targets: TraceFileTargets,
    writeChunkBytes = WRITE_CHUNK,
  ) {
    let events: AppendFile | null = null;
    try {
      events = targets.json ? new AppendFile(temporaryBeside(targets.json, 'events'), writeChunkBytes) : null;
    } catch (error) {
      throw new TraceFileError('json', error);
    }
    try {
      this.capture = targets.pcap ? new AppendFile(temporaryBeside(targets.pcap, 'capture'), writeChunkBytes) : null;
    } catch (error) {
      if (events) {
        events.close();
        rmSync(events.path, { force: true });
      }
      throw new TraceFileError('pcap', error);
    }
    this.events = events;
    this.capture?.append(pcapngHead());
  }

  /** Writes what the trace has that can be written now (call between steps of the run). */
  /**
   * Writes what the trace has that can be written now (call between steps
   * of the run). Never throws: a write that fails (a full disk) stops the
   * writing, removes the temporary files, and finish() reports it, so the
   * run itself goes on to its summary.
   */
  progress(events: readonly TraceEvent[]): void {
    if (this.failure) return;
    if (this.capture) {
      try {
        this.writeBlocks(events);
      } catch (error) {
        this.fail(new TraceFileError('pcap', error));
        return;
      }
    }
    if (this.events) {
      try {
        for (; this.jsonWritten < events.length && settled(events[this.jsonWritten]!); this.jsonWritten++) {
          this.events.append(traceJsonEvent(events[this.jsonWritten]!, this.jsonWritten));
        }
      } catch (error) {
        this.fail(new TraceFileError('json', error));
      }
    }
  }

  private writeBlocks(events: readonly TraceEvent[]): void {
    for (; this.pcapWritten < events.length; this.pcapWritten++) {
      const block = pcapngPacketBlock(events[this.pcapWritten]!);
      if (block) this.capture!.append(block);
    }
  }

  private fail(error: TraceFileError): void {
    this.failure = error;
    this.discard();
  }

  /**
   * The run is over: writes the rest and puts each file in place, the trace
   * first, then the capture (so a trace that cannot be written leaves both
   * previous files as they were). Throws TraceFileError naming the file.
   */
  finish(trace: TraceContent): void {
    if (this.failure) throw this.failure;
    try {
      if (this.events) this.finishTrace(trace);
      if (this.capture) this.finishCapture(trace);
    } catch (error) {
      this.discard();
      throw error;
    }
  }

  private finishTrace(trace: TraceContent): void {
    const events = trace.events;
    const parts = this.events!;
    const whole = temporaryBeside(this.targets.json!, 'trace');
    try {
      for (; this.jsonWritten < events.length; this.jsonWritten++) parts.append(traceJsonEvent(events[this.jsonWritten]!, this.jsonWritten));
      parts.finish();
      const file = new AppendFile(whole);
      try {
        file.append(traceJsonHead(trace.header, trace.nodes));
        file.appendFileContent(parts.path);
        file.append(traceJsonTail(events.length, trace.metrics));
        file.finish();
      } catch (error) {
        file.close();
        throw error;
      }
      renameSync(whole, this.targets.json!);
    } catch (error) {
      rmSync(whole, { force: true });
      throw new TraceFileError('json', error);
    } finally {
      rmSync(parts.path, { force: true });
    }
  }

  private finishCapture(trace: TraceContent): void {
    try {
      this.writeBlocks(trace.events);
      this.capture!.finish();
      renameSync(this.capture!.path, this.targets.pcap!);
    } catch (error) {
      throw new TraceFileError('pcap', error);
    }
  }

  /** Removes the temporary files (after a failure); the destinations are untouched. */
  discard(): void {
    for (const f of [this.events, this.capture]) {
      if (!f) continue;
      f.close();
      rmSync(f.path, { force: true });
    }
  }
}
