/**
 * Test-only: a scripted SMTP client (an engine) that connects, waits for
 * each complete reply (its last line: the code then a space) and then sends
 * the next step of its script, so server tests read as the dialogue of RFC
 * 5321 Appendix D. A step may hold several commands (pipelining) or raw
 * bytes (data, garbage). It records every reply line it received.
 */
import type { EngineEnv, SocketAddr, SocketId, StreamEvent } from '../../engine/face';
import { EngineBase } from '../../engine/base';
import type { SimTime } from '../../sim/time';

export class SmtpDialogueClient extends EngineBase<never, { readonly to: SocketAddr }> {
  readonly replies: string[] = [];
  closed = false;
  private socket: SocketId | null = null;
  private buffer = '';
  private step = 0;

  constructor(
    private readonly env: EngineEnv,
    /** Each step, sent once a reply (after the greeting: after the replies owed to the previous step) is complete. */
    private readonly script: readonly { readonly send: string; readonly replies?: number }[],
  ) {
    super('smtp');
  }

  override handleCommand(c: { readonly to: SocketAddr }): void {
    this.socket = this.env.socketId();
    this.out.connect(this.socket, c.to);
  }

  private owed = 1; // the greeting

  override handleStream(e: StreamEvent, _now: SimTime): void {
    if (e.socket !== this.socket) return;
    if (e.type === 'closed') this.closed = true;
    if (e.type === 'peerClosed') this.out.close(this.socket);
    if (e.type !== 'data') return;
    this.buffer += new TextDecoder('latin1').decode(e.data);
    let end: number;
    while ((end = this.buffer.indexOf('\r\n')) >= 0) {
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      this.replies.push(line);
      if (/^\d{3}( |$)/.test(line)) this.owed--;
    }
    while (this.owed <= 0 && this.step < this.script.length) {
      const next = this.script[this.step++]!;
      this.owed += next.replies ?? 1;
      this.out.write(this.socket, new TextEncoder().encode(next.send), this.out.label(next.send.split('\r\n')[0]!.slice(0, 60), e.messages[0] ?? null));
    }
  }
}
