/**
 * Tests of core/time.ts: day numbers, ISO dates, WIB calendar dates of instants, and the parsing
 * of timestamps typed by staff. Expected values come from independent sources (the platform's
 * `Date.UTC`, and luxon's tz database for Asia/Jakarta), never from the code under test.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { PengaduanError } from '../../core/errors.js';
import {
  jamWib,
  civilFromDay,
  dayFromCivil,
  dayFromIso,
  formatWib,
  isoFromDay,
  isoWeekday,
  isoWib,
  namaBulan,
  namaHari,
  parseInstant,
  tanggalPanjang,
  tryDayFromIso,
  tryParseInstant,
  wibDay,
  yearOfDay,
  ZONE,
} from '../../core/time.js';
import { mulberry32 } from '../helpers/prng.js';

const DAY_MS = 86_400_000;

/** Day number of a date according to the platform (an oracle independent of core/time.ts). */
const utcDay = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY_MS;

/** Deterministic PRNG (mulberry32), so that sampled cases are the same on every run. */

describe('day numbers', () => {
  it('1970-01-01 is day 0 and 2026-03-17 is day 20529', () => {
    expect(dayFromCivil(1970, 1, 1)).toBe(0);
    expect(dayFromCivil(2026, 3, 17)).toBe(utcDay(2026, 3, 17));
    expect(utcDay(2026, 3, 17)).toBe(20529);
  });

  it('round-trips every day from 1900-01-01 to 2100-12-31 and agrees with Date.UTC', () => {
    const first = utcDay(1900, 1, 1);
    const last = utcDay(2100, 12, 31);
    const problems: string[] = [];
    for (let day = first; day <= last; day++) {
      const expectedIso = new Date(day * DAY_MS).toISOString().slice(0, 10);
      const iso = isoFromDay(day);
      if (iso !== expectedIso) problems.push(`isoFromDay(${day}) = ${iso}, expected ${expectedIso}`);
      const back = tryDayFromIso(expectedIso);
      if (back !== day) problems.push(`tryDayFromIso(${expectedIso}) = ${back}, expected ${day}`);
      const { y, m, d } = civilFromDay(day);
      if (dayFromCivil(y, m, d) !== day) problems.push(`dayFromCivil(civilFromDay(${day})) != ${day}`);
      if (problems.length > 10) break;
    }
    expect(problems).toEqual([]);
    expect(last - first + 1).toBe(73_414); // 201 years, 49 of them leap (1900 and 2100 are not)
  });

  it.each([
    ['1900-02-28', 1900], // Wednesday, 1900 is not a leap year
    ['2000-02-29', 2000], // Tuesday, 2000 is a leap year
    ['2024-02-29', 2024], // Thursday
    ['2027-12-31', 2027], // Friday
  ])('yearOfDay(%s) is %i', (iso, year) => {
    expect(yearOfDay(dayFromIso(iso))).toBe(year);
  });
});

describe('dates that are not real dates', () => {
  it.each([
    ['2026-02-29', 'no 29 February in 2026'],
    ['1900-02-29', '1900 is not a leap year'],
    ['2100-02-29', '2100 is not a leap year'],
    ['2026-04-31', 'April has 30 days'],
    ['2026-13-01', 'month 13'],
    ['2026-00-10', 'month 0'],
    ['2026-03-00', 'day 0'],
    ['2026-03-32', 'day 32'],
    ['2026-3-1', 'no zero padding'],
    ['26-03-17', 'two-digit year'],
    ['17-03-2026', 'day first'],
    ['2026/03/17', 'slashes'],
    ['2026-03-17 ', 'trailing space'],
    ['2026-03-17T00:00', 'a timestamp, not a date'],
    ['', 'empty'],
  ])('rejects %j (%s)', (text) => {
    expect(tryDayFromIso(text)).toBeUndefined();
    expect(() => dayFromIso(text)).toThrow(PengaduanError);
  });

  it('dayFromIso says, in Indonesian, which text was wrong and what format to use', () => {
    let caught: unknown;
    try {
      dayFromIso('2026-02-29');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(PengaduanError);
    expect((caught as PengaduanError).code).toBe('TANGGAL_TIDAK_VALID');
    expect((caught as PengaduanError).message).toContain('"2026-02-29"');
    expect((caught as PengaduanError).message).toContain('TTTT-BB-HH');
  });
});

describe('isoWeekday (1 = Monday … 7 = Sunday)', () => {
  it.each([
    ['1970-01-01', 4], // Thursday
    ['2026-03-16', 1], // Monday
    ['2026-03-17', 2], // Tuesday
    ['2026-03-18', 3], // Wednesday
    ['2026-03-19', 4], // Thursday
    ['2026-03-20', 5], // Friday
    ['2026-03-21', 6], // Saturday
    ['2026-03-22', 7], // Sunday
    ['1969-12-31', 3], // Wednesday, a negative day number
    ['1900-01-01', 1], // Monday
  ])('%s is weekday %i', (iso, weekday) => {
    expect(isoWeekday(dayFromIso(iso))).toBe(weekday);
  });

  it('agrees with Date#getUTCDay for every day from 1900 to 2100', () => {
    const wrong: number[] = [];
    for (let day = utcDay(1900, 1, 1); day <= utcDay(2100, 12, 31); day++) {
      const expected = ((new Date(day * DAY_MS).getUTCDay() + 6) % 7) + 1;
      if (isoWeekday(day) !== expected) wrong.push(day);
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ['2026-03-16', 'Senin'], // Monday
    ['2026-03-17', 'Selasa'], // Tuesday
    ['2026-03-18', 'Rabu'], // Wednesday
    ['2026-03-19', 'Kamis'], // Thursday
    ['2026-03-20', 'Jumat'], // Friday
    ['2026-03-21', 'Sabtu'], // Saturday
    ['2026-03-22', 'Minggu'], // Sunday
  ])('namaHari(%s) is %s', (iso, name) => {
    expect(namaHari(dayFromIso(iso))).toBe(name);
  });

  it('writes long Indonesian dates and month names', () => {
    expect(tanggalPanjang(dayFromIso('2026-04-02'))).toBe('Kamis, 2 April 2026'); // Thursday
    expect(tanggalPanjang(dayFromIso('2027-12-31'))).toBe('Jumat, 31 Desember 2027'); // Friday
    expect(namaBulan(1)).toBe('Januari');
    expect(namaBulan(8)).toBe('Agustus');
    expect(namaBulan(13)).toBe('');
  });
});

describe('the WIB date of an instant', () => {
  it.each([
    ['2026-03-17T16:59:59.999Z', '2026-03-17', '2026-03-17 23:59:59'], // Tuesday, last millisecond in WIB
    ['2026-03-17T17:00:00.000Z', '2026-03-18', '2026-03-18 00:00:00'], // Wednesday, midnight WIB
    ['2026-03-16T17:00:00.000Z', '2026-03-17', '2026-03-17 00:00:00'], // Tuesday, first instant
    ['2026-03-17T00:00:00.000Z', '2026-03-17', '2026-03-17 07:00:00'], // Tuesday, UTC midnight is 07:00 WIB
    ['2026-12-31T17:00:00.000Z', '2027-01-01', '2027-01-01 00:00:00'], // Friday, new year in WIB first
    ['1969-12-31T17:00:00.000Z', '1970-01-01', '1970-01-01 00:00:00'], // Thursday, epoch in WIB
    ['1969-12-31T16:59:59.000Z', '1969-12-31', '1969-12-31 23:59:59'], // Wednesday, before the epoch
  ])('%s is %s in WIB (%s)', (utc, wibDate, wibText) => {
    const ms = Date.parse(utc);
    expect(isoFromDay(wibDay(ms))).toBe(wibDate);
    expect(formatWib(ms)).toBe(wibText);
  });

  it('isoWib writes the instant with the +07:00 offset, and it parses back to the same second', () => {
    const ms = Date.parse('2026-03-17T02:30:45Z');
    expect(isoWib(ms)).toBe('2026-03-17T09:30:45+07:00');
    expect(Date.parse(isoWib(ms))).toBe(ms);
    expect(isoWib(Date.parse('2026-03-17T17:00:00Z'))).toBe('2026-03-18T00:00:00+07:00');
  });

  it("matches luxon's Asia/Jakarta zone for 3,000 sampled instants from 1970 to 2100", () => {
    const random = mulberry32(20260317);
    const from = Date.UTC(1970, 0, 1);
    const to = Date.UTC(2100, 11, 31, 23, 59, 59);
    const instants: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const ms = from + Math.floor(random() * (to - from));
      // A random instant, and the two instants either side of that day's WIB midnight.
      const midnightWib = Math.floor((ms + 7 * 3600_000) / DAY_MS) * DAY_MS - 7 * 3600_000;
      instants.push(ms, midnightWib, midnightWib - 1);
    }
    const problems: string[] = [];
    for (const ms of instants) {
      const dt = DateTime.fromMillis(ms, { zone: ZONE });
      if (dt.offset !== 7 * 60) problems.push(`${dt.toISO()}: luxon offset ${dt.offset}`);
      if (isoFromDay(wibDay(ms)) !== dt.toISODate()) problems.push(`${ms}: wibDay ${isoFromDay(wibDay(ms))} vs ${dt.toISODate()}`);
      const text = dt.toFormat('yyyy-MM-dd HH:mm:ss');
      if (formatWib(ms) !== text) problems.push(`${ms}: formatWib ${formatWib(ms)} vs ${text}`);
      if (problems.length > 10) break;
    }
    expect(instants).toHaveLength(3000);
    expect(problems).toEqual([]);
  });
});

describe('tryParseInstant', () => {
  const at = (utc: string): number => Date.parse(utc);

  it.each([
    ['2026-03-17T09:30:00+07:00', at('2026-03-17T02:30:00Z'), 'ISO with the WIB offset'],
    ['2026-03-17T09:30:00+09:00', at('2026-03-17T00:30:00Z'), 'ISO with another offset (WIT)'],
    ['2026-03-17T09:30:00-03:00', at('2026-03-17T12:30:00Z'), 'ISO with a negative offset'],
    ['2026-03-17T02:30:00Z', at('2026-03-17T02:30:00Z'), 'ISO in UTC'],
    ['2026-03-17T02:30:00.250Z', at('2026-03-17T02:30:00.250Z'), 'ISO with milliseconds'],
    ['2026-03-17T09:30:00', at('2026-03-17T02:30:00Z'), 'ISO without offset is WIB'],
    ['2026-03-17T09:30:00.500', at('2026-03-17T02:30:00.500Z'), 'ISO with milliseconds without offset is WIB'],
    ['2026-03-17T09:30', at('2026-03-17T02:30:00Z'), 'ISO without seconds is WIB'],
    ['2026-03-17 09:30:15', at('2026-03-17T02:30:15Z'), "the register's own format"],
    ['2026-03-17 09:30', at('2026-03-17T02:30:00Z'), "the register's format without seconds"],
    ['2026-03-17 00:00', at('2026-03-16T17:00:00Z'), 'midnight WIB is the previous UTC day'],
    ['2026-03-17 23:59:59', at('2026-03-17T16:59:59Z'), 'the last second of a WIB day'],
    ['2026-03-17', at('2026-03-16T17:00:00Z'), 'a bare date is midnight WIB'],
    ['  2026-03-17 09:30  ', at('2026-03-17T02:30:00Z'), 'surrounding spaces are ignored'],
    ['2024-02-29 12:00', at('2024-02-29T05:00:00Z'), 'a leap day'],
  ])('reads %j (%s)', (text, expected) => {
    expect(tryParseInstant(text)).toBe(expected);
    expect(parseInstant(text)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'blank'],
    ['kemarin', 'a word'],
    ['17/03/2026', 'day/month/year'],
    ['17-03-2026 09:30', 'day first'],
    ['2026-3-17 09:30', 'no zero padding in the date'],
    ['2026-03-17 9:30', 'no zero padding in the hour'],
    ['2026-02-29 10:00', 'not a real date'],
    ['2026-02-29T10:00:00+07:00', 'not a real date, with an offset'],
    ['2026-03-17 24:00', 'hour 24'],
    ['2026-03-17 09:60', 'minute 60'],
    ['2026-03-17 09:30:60', 'second 60'],
    ['2026-03-17T25:00:00Z', 'hour 25 with Z'],
    ['2026-03-17T09:30:00+07:00 lalu', 'trailing text'],
    ['2026-03-17T', 'a dangling T'],
    ['1773714600000', 'epoch milliseconds'],
    ['Tue Mar 17 2026 09:30:00 GMT+0700', "JavaScript's Date#toString"],
  ])('rejects %j (%s)', (text) => {
    expect(tryParseInstant(text)).toBeUndefined();
  });

  it('parseInstant names the field and the text in its Indonesian error', () => {
    expect(() => parseInstant('kemarin sore', 'Waktu diterima')).toThrow(/Waktu diterima "kemarin sore" tidak valid/);
    try {
      parseInstant('2026-13-01');
      expect.unreachable('parseInstant accepted month 13');
    } catch (e) {
      expect(e).toBeInstanceOf(PengaduanError);
      expect((e as PengaduanError).code).toBe('TANGGAL_TIDAK_VALID');
    }
  });

  it('reads back what formatWib and isoWib write, for sampled instants (to the second)', () => {
    const random = mulberry32(7);
    const problems: string[] = [];
    for (let i = 0; i < 500; i++) {
      const ms = Math.floor((Date.UTC(2024, 0, 1) + random() * (Date.UTC(2028, 0, 1) - Date.UTC(2024, 0, 1))) / 1000) * 1000;
      if (tryParseInstant(formatWib(ms)) !== ms) problems.push(`formatWib ${formatWib(ms)}`);
      if (tryParseInstant(isoWib(ms)) !== ms) problems.push(`isoWib ${isoWib(ms)}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('jamWib', () => {
  it('reads an instant to the minute, in WIB', () => {
    expect(jamWib(Date.parse('2026-03-17T02:05:59Z'))).toBe('2026-03-17 09:05 WIB');
    expect(jamWib(Date.parse('2026-12-31T17:00:00Z'))).toBe('2027-01-01 00:00 WIB');
  });
});
