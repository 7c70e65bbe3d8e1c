import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil, epochSecondsAt, epochSecondsFromUtc, formatHttpDate, parseHttpDate } from './http-date';

// 1994-11-06T08:49:37Z, the example of RFC 9110 §5.6.7.
const RFC_EXAMPLE = 784_111_777;
// Years 1970–9999 in seconds (the tests compare with JavaScript's Date, which is right there).
const anyTime = fc.integer({ min: 0, max: 253_402_300_799 });

describe('formatHttpDate', () => {
  it('writes the IMF-fixdate of RFC 9110 §5.6.7', () => {
    expect(formatHttpDate(RFC_EXAMPLE)).toBe('Sun, 06 Nov 1994 08:49:37 GMT');
    expect(formatHttpDate(0)).toBe('Thu, 01 Jan 1970 00:00:00 GMT');
  });

  it('drops the fraction of a second', () => {
    expect(formatHttpDate(RFC_EXAMPLE + 0.999)).toBe('Sun, 06 Nov 1994 08:49:37 GMT');
  });

  it('writes what Date.prototype.toUTCString writes, for any second of years 1970–9999', () => {
    fc.assert(
      fc.property(anyTime, (t) => {
        expect(formatHttpDate(t)).toBe(new Date(t * 1000).toUTCString());
      }),
      { seed: 9110, numRuns: 2000 },
    );
  });

  it('pads years before 1000 and refuses years a four-digit field cannot hold', () => {
    expect(formatHttpDate(epochSecondsFromUtc(999, 3, 1, 0, 0, 0)!)).toBe('Fri, 01 Mar 0999 00:00:00 GMT');
    expect(() => formatHttpDate(epochSecondsFromUtc(10_000, 1, 1, 0, 0, 0)!)).toThrow(RangeError);
    expect(() => formatHttpDate(Number.NaN)).toThrow(RangeError);
  });
});

describe('parseHttpDate', () => {
  it('reads all three forms of the RFC 9110 example as the same second', () => {
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(RFC_EXAMPLE);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT')).toBe(RFC_EXAMPLE);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994')).toBe(RFC_EXAMPLE);
    expect(parseHttpDate('Sun Nov 16 08:49:37 1994')).toBe(RFC_EXAMPLE + 10 * 86_400);
  });

  it('reads back every date it writes', () => {
    fc.assert(
      fc.property(anyTime, (t) => {
        expect(parseHttpDate(formatHttpDate(t))).toBe(t);
      }),
      { seed: 5322, numRuns: 2000 },
    );
  });

  it('ignores surrounding whitespace and the case of names, but not the day name being wrong for the date', () => {
    expect(parseHttpDate('  sun, 06 NOV 1994 08:49:37 gmt \t')).toBe(RFC_EXAMPLE);
    expect(parseHttpDate('Mon, 06 Nov 1994 08:49:37 GMT')).toBe(RFC_EXAMPLE); // not checked (robustness)
  });

  it('refuses other formats, missing parts and dates that do not exist', () => {
    for (const bad of [
      '', '0', '-1', 'never', '1994-11-06T08:49:37Z', 'Sun, 6 Nov 1994 08:49:37 GMT', 'Sun, 06 Nov 1994 08:49:37 UTC',
      'Sun, 06 Nov 1994 08:49:37 +0000', 'Sun, 06 Nov 1994 08:49 GMT', 'Sun, 06 Nov 94 08:49:37 GMT', 'Sun 06 Nov 1994 08:49:37 GMT',
      'Tue, 30 Feb 2024 00:00:00 GMT', 'Sat, 29 Feb 2025 00:00:00 GMT', 'Sun, 06 Nov 1994 24:00:00 GMT', 'Sun, 06 Nov 1994 08:60:00 GMT',
      'Sun, 06 Nov 1994 08:49:61 GMT', 'Sun, 00 Nov 1994 08:49:37 GMT', 'Sun, 06 Foo 1994 08:49:37 GMT',
    ]) {
      expect(parseHttpDate(bad), bad).toBeNull();
    }
    expect(parseHttpDate('Thu, 29 Feb 2024 00:00:00 GMT')).toBe(epochSecondsFromUtc(2024, 2, 29, 0, 0, 0));
  });

  it('counts a leap second (:60) as the first second of the next minute', () => {
    expect(parseHttpDate('Sat, 31 Dec 2016 23:59:60 GMT')).toBe(parseHttpDate('Sun, 01 Jan 2017 00:00:00 GMT'));
  });

  it('agrees with Date.parse on random IMF-fixdates', () => {
    fc.assert(
      fc.property(anyTime, (t) => {
        const text = new Date(t * 1000).toUTCString();
        expect(parseHttpDate(text)).toBe(Date.parse(text) / 1000);
      }),
      { seed: 7231, numRuns: 500 },
    );
  });

  it('puts a two-digit rfc850 year within 50 years of now, or 1970–2069 when now is not given', () => {
    const at = (year: number) => epochSecondsFromUtc(year, 6, 1, 0, 0, 0)!;
    const parseYear = (text: string, now?: number) => civilFromDays(Math.floor(parseHttpDate(text, { now })! / 86_400)).year;
    expect(parseYear('Sunday, 06-Nov-94 08:49:37 GMT')).toBe(1994);
    expect(parseYear('Sunday, 06-Nov-69 08:49:37 GMT')).toBe(2069);
    expect(parseYear('Sunday, 06-Nov-94 08:49:37 GMT', at(2024))).toBe(1994);
    expect(parseYear('Sunday, 06-Nov-74 08:49:37 GMT', at(2024))).toBe(2074);
    expect(parseYear('Sunday, 06-Nov-75 08:49:37 GMT', at(2024))).toBe(1975);
    expect(parseYear('Sunday, 06-Nov-05 08:49:37 GMT', at(2090))).toBe(2105);
  });
});

describe('calendar arithmetic', () => {
  it('days from a date and back agree with Date.UTC', () => {
    // Years 327–9999 (Date.UTC reads years 0–99 as 1900–1999).
    fc.assert(
      fc.property(fc.integer({ min: -600_000, max: 2_932_896 }), (days) => {
        const { year, month, day } = civilFromDays(days);
        expect(daysFromCivil(year, month, day)).toBe(days);
        expect(Date.UTC(year, month - 1, day) / 86_400_000).toBe(days);
      }),
      { seed: 1582, numRuns: 2000 },
    );
  });

  it('turns SimTime (ns since the run began) into seconds since the Unix epoch', () => {
    expect(epochSecondsAt(1_500_000_000, RFC_EXAMPLE)).toBe(RFC_EXAMPLE + 1.5);
    expect(formatHttpDate(epochSecondsAt(1_500_000_000, RFC_EXAMPLE))).toBe('Sun, 06 Nov 1994 08:49:38 GMT');
  });
});
