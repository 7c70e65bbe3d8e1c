/**
 * The webmail's web sessions: who is logged in, by session id. The id goes
 * to the browser in a cookie; the user name and password stay here, on the
 * server (the browser never gets the IMAP password back), and are used to
 * log in to IMAP for each page, as webmail programs keep them in their
 * server-side session.
 *
 * Rules:
 * - An id is 64 random bits (two env.random32 draws, 16 hex digits): not
 *   guessable from another id, and the same under the same seed. Should
 *   the draws give an id in use (a 2^-64 chance with a fair source; every
 *   time with a constant one), a serial number after a "-" makes it unique.
 * - A session not used for SESSION_IDLE_MS ends (expires); a POST /logout
 *   ends it at once. A cookie naming no live session is no session.
 */
import type { SimTime } from '../../sim/time';
import { ms } from '../../sim/time';

/** 30 minutes, a common webmail default (Roundcube's session_lifetime is 10 min, Gmail's far longer). */
export const SESSION_IDLE_MS = 30 * 60 * 1000;

export interface WebSession {
  readonly id: string;
  readonly user: string;
  readonly password: string;
  lastUsed: SimTime;
}

const hex8 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');

export class SessionTable {
  private readonly sessions = new Map<string, WebSession>();
  private serial = 0;

  constructor(private readonly random32: () => number) {}

  create(user: string, password: string, now: SimTime): WebSession {
    const drawn = `${hex8(this.random32())}${hex8(this.random32())}`;
    const id = this.sessions.has(drawn) ? `${drawn}-${++this.serial}` : drawn;
    const s = { id, user, password, lastUsed: now };
    this.sessions.set(id, s);
    return s;
  }

  /** The live session of `id`, marked used now; undefined when there is none. */
  use(id: string | null, now: SimTime): WebSession | undefined {
    if (id === null) return undefined;
    const s = this.sessions.get(id);
    if (s) s.lastUsed = now;
    return s;
  }

  end(id: string): WebSession | undefined {
    const s = this.sessions.get(id);
    this.sessions.delete(id);
    return s;
  }

  all(): Iterable<WebSession> {
    return this.sessions.values();
  }

  /** The sessions idle for SESSION_IDLE_MS by `now`, removed. */
  expire(now: SimTime): WebSession[] {
    const gone = [...this.sessions.values()].filter((s) => s.lastUsed + ms(SESSION_IDLE_MS) <= now);
    for (const s of gone) this.sessions.delete(s.id);
    return gone;
  }
}
