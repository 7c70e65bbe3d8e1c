/**
 * Idle timeouts of a server's connections (HTTP keep-alive, SMTP's 5
 * minutes, POP3's and IMAP's autologout): the engine's deadline is the
 * earliest moment one of its open connections has been idle for `timeout`.
 * The deadline is weak: an idle session does not keep a finished run alive.
 */
import type { SimTime } from '../sim/time';
import type { Deadline } from './face';

/** `since`: when a connection went idle, or null when it is busy or closing (no deadline of its own). */
export function idleDeadline<C>(connections: Iterable<C>, since: (c: C) => SimTime | null, timeout: SimTime): Deadline | null {
  let at: SimTime | null = null;
  for (const c of connections) {
    const idle = since(c);
    if (idle === null) continue;
    const due = idle + timeout;
    if (at === null || due < at) at = due;
  }
  return at === null ? null : { at, weak: true };
}

/** True when a connection idle since `since` (null: not idle) has reached its timeout by `now`. */
export function idledOut(since: SimTime | null, timeout: SimTime, now: SimTime): boolean {
  return since !== null && since + timeout <= now;
}
