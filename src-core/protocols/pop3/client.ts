/**
 * The user agent reading a mailbox over POP3 (Kurose & Ross §2.3.4): it
 * connects, waits for the greeting, logs in with USER and PASS, asks STAT
 * and LIST, then retrieves each message with RETR; in "download-and-delete"
 * mode it deletes each one after retrieving it (DELE), in
 * "download-and-keep" mode it leaves them on the server. QUIT ends the
 * session (and makes the server expunge what was marked, RFC 1939 §6).
 *
 * Rules:
 * - One command at a time: the next goes when the answer to the last is in
 *   (no pipelining); each command's trace cause is the answer it follows.
 * - A "-ERR" answer stops the reading: pop3.failed, then QUIT, so the
 *   server releases the maildrop at once; nothing marked is deleted
 *   unless the QUIT is answered.
 * - A connection that fails or ends before QUIT's answer is a failure too.
 */
import type { Cause, EngineEnv, SocketAddr, SocketId, StreamEvent } from '../../engine/face';
import { EngineBase } from '../../engine/base';
import type { SimTime } from '../../sim/time';
import { commandSummary, encodeCommand, latin1, type Pop3Command } from './codec';
import { PROTOCOL, type Pop3Event } from './events';
import { subjectOf } from './message-parts';
import { ResponseReader, type Pop3Response } from './response-reader';

export interface Pop3ReadCommand {
  readonly server: SocketAddr;
  readonly user: string;
  readonly password: string;
  /** true: download-and-keep; false: download-and-delete. */
  readonly keep: boolean;
}

type Step = 'greeting' | 'USER' | 'PASS' | 'STAT' | 'LIST' | 'RETR' | 'DELE' | 'QUIT';

const MULTILINE: ReadonlySet<Step> = new Set(['LIST', 'RETR']);

interface Reading {
  readonly command: Pop3ReadCommand;
  readonly socket: SocketId;
  readonly started: SimTime;
  readonly reader: ResponseReader;
  connection: string | null;
  step: Step;
  /** Message numbers from LIST still to retrieve, in order. */
  queue: number[];
  /** The message being retrieved or deleted. */
  current: number;
  downloaded: number;
  octets: number;
  /** A -ERR came: the QUIT now under way ends a failed reading. */
  failed: boolean;
  over: boolean;
}

export class Pop3ClientEngine extends EngineBase<Pop3Event, Pop3ReadCommand> {
  private readonly readings = new Map<SocketId, Reading>();

  constructor(private readonly env: EngineEnv) {
    super(PROTOCOL);
  }

  override handleCommand(command: Pop3ReadCommand, now: SimTime): void {
    const socket = this.env.socketId();
    const reader = new ResponseReader();
    reader.expect(false);
    this.readings.set(socket, { command, socket, started: now, reader, connection: null, step: 'greeting', queue: [], current: 0, downloaded: 0, octets: 0, failed: false, over: false });
    this.out.connect(socket, command.server);
  }

  override handleStream(e: StreamEvent, now: SimTime): void {
    const r = this.readings.get(e.socket);
    if (!r) return;
    switch (e.type) {
      case 'connected':
        r.connection = e.connection;
        return;
      case 'data': {
        if (r.over) return;
        let k = 0;
        for (const read of r.reader.push(e.data)) {
          const cause = e.messages[k++] ?? null;
          if (!read.ok) {
            this.fail(r, `the server's answer is not POP3: ${read.error.message}`, cause, false);
            return;
          }
          this.answered(r, read.response, cause, now);
          if (r.over) return;
        }
        return;
      }
      case 'peerClosed':
      case 'closed':
        if (!r.over) this.fail(r, r.step === 'greeting' && r.connection === null ? 'the connection could not be made' : `the server closed the connection during ${r.step === 'greeting' ? 'the greeting' : r.step}`, null, e.type === 'peerClosed');
        if (e.type === 'closed') this.readings.delete(e.socket);
        return;
      case 'failed':
        if (!r.over) this.fail(r, `could not connect: ${e.detail}`, null, false);
        this.readings.delete(e.socket);
        return;
      case 'accepted':
      case 'acked':
        return;
    }
  }

  private answered(r: Reading, response: Pop3Response, cause: Cause, now: SimTime): void {
    const where = { cause, connection: r.connection ?? '' };
    if (r.step === 'QUIT') {
      r.over = true;
      this.out.close(r.socket);
      if (!r.failed) this.out.event({ type: 'pop3.done', user: r.command.user, messages: r.downloaded, octets: r.octets, kept: r.command.keep, elapsed: now - r.started, ...where });
      return;
    }
    if (!response.status.ok) {
      this.fail(r, `${r.step === 'greeting' ? 'greeting' : r.step} refused: -ERR ${response.status.text}`.trimEnd(), cause, true);
      return;
    }
    switch (r.step) {
      case 'greeting':
        this.send(r, 'USER', [r.command.user], cause);
        return;
      case 'USER':
        this.send(r, 'PASS', [r.command.password], cause);
        return;
      case 'PASS':
        this.send(r, 'STAT', [], cause);
        return;
      case 'STAT': {
        const m = /^(\d+) (\d+)/.exec(response.status.text);
        if (!m) {
          this.fail(r, `STAT answered without a count and size: "+OK ${response.status.text}"`, cause, true);
          return;
        }
        this.out.event({ type: 'pop3.mailboxListed', user: r.command.user, messages: Number(m[1]), octets: Number(m[2]), ...where });
        if (Number(m[1]) === 0) this.send(r, 'QUIT', [], cause);
        else this.send(r, 'LIST', [], cause);
        return;
      }
      case 'LIST':
        r.queue = latin1(response.data ?? new Uint8Array(0))
          .split('\r\n')
          .map((line) => /^(\d+)(?: |$)/.exec(line)?.[1])
          .filter((n): n is string => n !== undefined)
          .map(Number);
        this.next(r, cause);
        return;
      case 'RETR': {
        const data = response.data ?? new Uint8Array(0);
        r.downloaded++;
        r.octets += data.length;
        this.out.event({ type: 'pop3.downloaded', number: r.current, octets: data.length, subject: subjectOf(data), ...where });
        if (r.command.keep) this.next(r, cause);
        else this.send(r, 'DELE', [String(r.current)], cause);
        return;
      }
      case 'DELE':
        this.next(r, cause);
        return;
    }
  }

  /** RETR the next message of LIST's, or QUIT when none is left. */
  private next(r: Reading, cause: Cause): void {
    const n = r.queue.shift();
    if (n === undefined) {
      this.send(r, 'QUIT', [], cause);
      return;
    }
    r.current = n;
    this.send(r, 'RETR', [String(n)], cause);
  }

  private send(r: Reading, keyword: Exclude<Step, 'greeting'>, args: readonly string[], cause: Cause): void {
    const command: Pop3Command = { keyword, args };
    r.step = keyword;
    r.reader.expect(MULTILINE.has(keyword));
    this.out.write(r.socket, encodeCommand(command), this.out.label(commandSummary(command), cause));
  }

  /** Reports the failure; with a live connection, QUIT (answered or not, the reading is over) — else the socket is closed. */
  private fail(r: Reading, reason: string, cause: Cause, quit: boolean): void {
    if (!r.failed) this.out.event({ type: 'pop3.failed', user: r.command.user, reason, cause, connection: r.connection });
    r.failed = true;
    if (quit && r.step !== 'QUIT' && r.connection !== null) {
      this.send(r, 'QUIT', [], cause);
      return;
    }
    r.over = true;
    this.out.close(r.socket);
  }
}
