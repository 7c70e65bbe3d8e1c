/**
 * Date and time in header fields (RFC 5322 §3.3):
 * `[day-of-week ","] day month year hour ":" minute [":" second] zone`,
 * e.g. `Mon, 05 Jan 2026 09:00:00 +0000`.
 *
 * Times are SimTime (ns since the run's start); the run starts at the same
 * instant as HTTP's (http/objects.ts SIM_EPOCH_S: 2026-01-05 09:00:00 UTC),
 * so the Date of a mail and of a web page sent at one moment agree. We
 * write UTC as "+0000" (§3.3: "+0000" is the zone of a time in UTC; "-0000"
 * would say the local zone is unknown).
 *
 * Reading accepts the obsolete forms of §4.3 too: two- and three-digit
 * years (§4.3: 00–49 are 2000–2049, 50–999 add 1900), the zone names UT,
 * GMT, EST/EDT, CST/CDT, MST/MDT, PST/PDT (military letters count as
 * -0000, as §4.3 says they should), comments, and no seconds. The day name
 * is not checked against the date.
 */
import { civilFromDays, epochSecondsAt, epochSecondsFromUtc, type EpochSeconds } from '../../http/http-date';
import { SIM_EPOCH_S } from '../../http/objects';
import { NS_PER_S, type SimTime } from '../../../sim/time';

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const SECONDS_PER_DAY = 86_400;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** The date-time (§3.3) of EpochSeconds in UTC: `Mon, 05 Jan 2026 09:00:00 +0000`. Fractions of a second are dropped. */
export function formatMailDateSeconds(time: EpochSeconds): string {
  const t = Math.floor(time);
  const days = Math.floor(t / SECONDS_PER_DAY);
  const secs = t - days * SECONDS_PER_DAY;
  const { year, month, day } = civilFromDays(days);
  const weekday = DAY_NAMES[(((days + 4) % 7) + 7) % 7]!; // 1970-01-01 was a Thursday
  return `${weekday}, ${pad(day, 2)} ${MONTH_NAMES[month - 1]!} ${pad(year, 4)} ${pad(Math.floor(secs / 3600), 2)}:${pad(Math.floor(secs / 60) % 60, 2)}:${pad(secs % 60, 2)} +0000`;
}

/** The Date field's value for a simulated time (ns since the run's start). */
export function formatMailDate(at: SimTime, epoch: EpochSeconds = SIM_EPOCH_S): string {
  return formatMailDateSeconds(epochSecondsAt(at, epoch));
}

const ZONES: Record<string, number> = { UT: 0, GMT: 0, Z: 0, EST: -500, EDT: -400, CST: -600, CDT: -500, MST: -700, MDT: -600, PST: -800, PDT: -700 };

/** EpochSeconds (UTC) of a §3.3 date-time, or null when it is not one or names a date that does not exist. */
export function parseMailDate(text: string): EpochSeconds | null {
  let s = text;
  // Comments (§3.2.2), not nested here: "(PST)" after the zone is common.
  for (let k = 0; k < 4 && s.includes('('); k++) s = s.replace(/\([^()]*\)/g, ' ');
  const m = /^\s*(?:[A-Za-z]{3}\s*,\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{2,4})\s+(\d{1,2})\s*:\s*(\d{2})(?:\s*:\s*(\d{2}))?\s+([+-]\d{4}|[A-Za-z]{1,5})\s*$/.exec(s);
  if (!m) return null;
  const month = MONTH_NAMES.findIndex((n) => n.toLowerCase() === m[2]!.toLowerCase()) + 1;
  if (month === 0) return null;
  let year = Number(m[3]);
  if (m[3]!.length === 2) year += year < 50 ? 2000 : 1900;
  else if (m[3]!.length === 3) year += 1900;
  const zone = m[7]!;
  let offset: number;
  if (/^[+-]\d{4}$/.test(zone)) {
    const n = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3));
    if (Number(zone.slice(3)) > 59) return null;
    offset = zone[0] === '-' ? -n : n;
  } else {
    const named = ZONES[zone.toUpperCase()];
    if (named === undefined && zone.length !== 1) return null;
    const z = named ?? 0;
    offset = Math.sign(z) * (Math.floor(Math.abs(z) / 100) * 60 + (Math.abs(z) % 100));
  }
  const utc = epochSecondsFromUtc(year, month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? '0'), 60);
  return utc === null ? null : utc - offset * 60;
}

/** The SimTime of a parsed date, for a run starting at `epoch`. */
export function simTimeOfMailDate(text: string, epoch: EpochSeconds = SIM_EPOCH_S): SimTime | null {
  const s = parseMailDate(text);
  return s === null ? null : Math.round((s - epoch) * NS_PER_S);
}
