/**
 * HTTP dates (RFC 9110 §5.6.7): the Date, Expires, Last-Modified and
 * If-Modified-Since fields carry a time to the second, in UTC.
 *
 * Units: every time here is `EpochSeconds`, seconds since 1970-01-01T00:00:00Z
 * (Unix time, no leap seconds). The simulation runs from a configurable
 * epoch, so an engine turns its SimTime (ns since the start of the run) into
 * an HTTP time with `epochSecondsAt(simTime, epoch)`.
 *
 * src-core reads no wall clock, so the calendar arithmetic is done here
 * (days from a civil date and back: Howard Hinnant's algorithms, exact for
 * the proleptic Gregorian calendar) rather than with `Date`.
 */
import { NS_PER_S, type SimTime } from '../../sim/time';

/** Seconds since 1970-01-01T00:00:00Z; may be fractional. */
export type EpochSeconds = number;

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const LONG_DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const SECONDS_PER_DAY = 86_400;

/** The HTTP time at a simulated time: `epoch` (the run's start, EpochSeconds) plus SimTime (ns) as seconds. */
export function epochSecondsAt(simTime: SimTime, epoch: EpochSeconds): EpochSeconds {
  return epoch + simTime / NS_PER_S;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The proleptic Gregorian date (month 1–12) of a day count since 1970-01-01. */
export function civilFromDays(days: number): { readonly year: number; readonly month: number; readonly day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Days in a month (1–12) of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * EpochSeconds of a UTC calendar time, or null when the date does not exist
 * (month outside 1–12, day past the month's end, hour > 23, minute > 59,
 * second > `maxSecond`).
 */
export function epochSecondsFromUtc(
  year: number, month: number, day: number, hour: number, minute: number, second: number, maxSecond = 59,
): EpochSeconds | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > maxSecond) return null;
  return daysFromCivil(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
}

const FIRST_FORMATTABLE = daysFromCivil(0, 1, 1) * SECONDS_PER_DAY;
const LAST_FORMATTABLE = daysFromCivil(10_000, 1, 1) * SECONDS_PER_DAY - 1;

/**
 * The IMF-fixdate (RFC 9110 §5.6.7), the one form a sender generates:
 * `Sun, 06 Nov 1994 08:49:37 GMT`. Fractions of a second are dropped
 * (rounded down: a date names the second it falls in). Throws a RangeError
 * outside years 0000–9999, which the four-digit year cannot show.
 */
export function formatHttpDate(time: EpochSeconds): string {
  const t = Math.floor(time);
  if (!Number.isFinite(t) || t < FIRST_FORMATTABLE || t > LAST_FORMATTABLE) {
    throw new RangeError(`formatHttpDate: ${time} is outside years 0000–9999`);
  }
  const days = Math.floor(t / SECONDS_PER_DAY);
  const secs = t - days * SECONDS_PER_DAY;
  const { year, month, day } = civilFromDays(days);
  const weekday = DAY_NAMES[(((days + 4) % 7) + 7) % 7]!; // 1970-01-01 was a Thursday
  return `${weekday}, ${pad(day, 2)} ${MONTH_NAMES[month - 1]!} ${pad(year, 4)} ${pad(Math.floor(secs / 3600), 2)}:${pad(Math.floor(secs / 60) % 60, 2)}:${pad(secs % 60, 2)} GMT`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

const SHORT_DAY = DAY_NAMES.join('|');
const LONG_DAY = LONG_DAY_NAMES.join('|');
const MONTH = MONTH_NAMES.join('|');
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
// The three forms of RFC 9110 §5.6.7. Names are matched ignoring case and
// the day name is not checked against the date: recipients "are encouraged
// to be robust in parsing timestamps" (ibid.).
const IMF_FIXDATE = new RegExp(`^(?:${SHORT_DAY}), (\\d{2}) (${MONTH}) (\\d{4}) ${TIME} GMT$`, 'i');
const RFC850_DATE = new RegExp(`^(?:${LONG_DAY}), (\\d{2})-(${MONTH})-(\\d{2}) ${TIME} GMT$`, 'i');
const ASCTIME_DATE = new RegExp(`^(?:${SHORT_DAY}) (${MONTH}) ( \\d|\\d{2}) ${TIME} (\\d{4})$`, 'i');

export interface ParseHttpDateOptions {
  /**
   * The recipient's current time (EpochSeconds), for the two-digit year of
   * the obsolete rfc850 form: a year that would be more than 50 years in the
   * future means the most recent past year with the same last two digits
   * (RFC 9110 §5.6.7). Without it, 00–69 are 2000–2069 and 70–99 are
   * 1970–1999 (the rule of RFC 6265 §5.1.1).
   */
  readonly now?: EpochSeconds;
}

/**
 * An HTTP date in any of the three forms a recipient accepts (RFC 9110
 * §5.6.7): IMF-fixdate `Sun, 06 Nov 1994 08:49:37 GMT`, the obsolete rfc850
 * `Sunday, 06-Nov-94 08:49:37 GMT` and asctime `Sun Nov  6 08:49:37 1994`.
 * Surrounding whitespace is ignored. A second of 60 (a leap second, allowed
 * by the grammar) counts as the first second of the next minute. Null when
 * the text is none of these or names a date that does not exist.
 */
export function parseHttpDate(text: string, options: ParseHttpDateOptions = {}): EpochSeconds | null {
  const s = text.trim();
  let m = IMF_FIXDATE.exec(s);
  if (m) return fromParts(Number(m[3]), m[2]!, Number(m[1]), m[4]!, m[5]!, m[6]!);
  m = RFC850_DATE.exec(s);
  if (m) return fromParts(fullYear(Number(m[3]), options.now), m[2]!, Number(m[1]), m[4]!, m[5]!, m[6]!);
  m = ASCTIME_DATE.exec(s);
  if (m) return fromParts(Number(m[6]), m[1]!, Number(m[2]!.trim()), m[3]!, m[4]!, m[5]!);
  return null;
}

function fromParts(year: number, monthName: string, day: number, hh: string, mm: string, ss: string): EpochSeconds | null {
  const month = MONTH_NAMES.findIndex((name) => name.toLowerCase() === monthName.toLowerCase()) + 1;
  return epochSecondsFromUtc(year, month, day, Number(hh), Number(mm), Number(ss), 60);
}

function fullYear(twoDigits: number, now: EpochSeconds | undefined): number {
  if (now === undefined) return twoDigits < 70 ? 2000 + twoDigits : 1900 + twoDigits;
  const currentYear = civilFromDays(Math.floor(now / SECONDS_PER_DAY)).year;
  const candidate = currentYear - (currentYear % 100) + twoDigits;
  // The century that puts the year within (now − 50, now + 50]: a year more
  // than 50 years ahead is taken from the century before.
  if (candidate > currentYear + 50) return candidate - 100;
  if (candidate <= currentYear - 50) return candidate + 100;
  return candidate;
}
