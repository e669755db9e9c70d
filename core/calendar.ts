/**
 * The working-day calendar of a government office: Monday to Friday, minus national holidays and
 * cuti bersama, for the years whose holiday table is known to be complete. It is built once into
 * a precomputed index (a running count of working days per date), so that counting or adding
 * working days is two array look-ups, never a day-by-day loop. A date outside the covered years
 * is never guessed at: the methods answer `undefined` and `coverageProblem` says which year is
 * missing.
 */
import { PengaduanError } from './errors.js';
import { dayFromCivil, isoWeekday, tryDayFromIso, yearOfDay } from './time.js';

export interface YearRange {
  readonly from: number;
  readonly to: number;
}

export interface CalendarSpec {
  readonly holidays: readonly { readonly tanggal: string }[];
  readonly years: YearRange;
}

export class WorkCalendar {
  readonly years: YearRange;
  /** First and last day numbers covered. */
  readonly firstDay: number;
  readonly lastDay: number;
  /** cum[i]: working days in [firstDay, firstDay + i]. */
  private readonly cum: Int32Array;
  /** The covered working days, ascending. */
  private readonly workdays: Int32Array;
  private readonly holidaySet: ReadonlySet<number>;

  constructor(spec: CalendarSpec) {
    const { from, to } = spec.years;
    if (!Number.isInteger(from) || !Number.isInteger(to) || from > to || from < 1900 || to > 2999) {
      throw new PengaduanError('PENGATURAN_TIDAK_VALID', `Rentang tahun kalender ${from}-${to} tidak valid.`);
    }
    this.years = { from, to };
    this.firstDay = dayFromCivil(from, 1, 1);
    this.lastDay = dayFromCivil(to, 12, 31);
    const holidays = new Set<number>();
    for (const h of spec.holidays) {
      const day = tryDayFromIso(h.tanggal);
      if (day === undefined) {
        throw new PengaduanError('PENGATURAN_TIDAK_VALID', `Tanggal libur "${h.tanggal}" tidak valid (format TTTT-BB-HH).`);
      }
      holidays.add(day);
    }
    this.holidaySet = holidays;
    const n = this.lastDay - this.firstDay + 1;
    this.cum = new Int32Array(n);
    const list: number[] = [];
    let count = 0;
    for (let i = 0; i < n; i++) {
      const day = this.firstDay + i;
      if (isoWeekday(day) <= 5 && !holidays.has(day)) {
        count++;
        list.push(day);
      }
      this.cum[i] = count;
    }
    this.workdays = Int32Array.from(list);
  }

  covers(day: number): boolean {
    return day >= this.firstDay && day <= this.lastDay; // false for NaN
  }

  /** Whether `day` is a working day; undefined outside the covered years. */
  isWorkingDay(day: number): boolean | undefined {
    if (!this.covers(day)) return undefined;
    return isoWeekday(day) <= 5 && !this.holidaySet.has(day);
  }

  /** Working days in (a, b]; negative when b < a. Undefined when either is not covered. */
  workdaysBetween(a: number, b: number): number | undefined {
    // Typed-array reads out of range (or at a fractional/NaN index) give undefined: one check covers all.
    const cb = this.cum[b - this.firstDay];
    const ca = this.cum[a - this.firstDay];
    return cb === undefined || ca === undefined ? undefined : cb - ca;
  }

  /**
   * The n-th working day after `start` (n >= 0), as a spreadsheet's
   * `WORKDAY.INTL(start, n, 1, holidays)`: when start is not a working day, counting begins at the
   * next one; n = 0 gives start itself. Undefined when the answer lies outside the covered years.
   */
  addWorkdays(start: number, n: number): number | undefined {
    if (!this.covers(start) || !Number.isInteger(n) || n < 0) return undefined;
    if (n === 0) return start;
    const index = (this.cum[start - this.firstDay] as number) + n - 1;
    return index < this.workdays.length ? this.workdays[index] : undefined;
  }

  /** Which year is missing for the given days, as an Indonesian sentence; undefined if all covered. */
  coverageProblem(...days: number[]): string | undefined {
    const missing = days.find((d) => !this.covers(d));
    if (missing === undefined) return undefined;
    return missingCalendarMessage(yearOfDay(missing), this.years);
  }
}

export function missingCalendarMessage(year: number, years: YearRange): string {
  return (
    `Kalender hari libur tahun ${year} belum tersedia (kalender saat ini mencakup ${years.from}-${years.to}). ` +
    `Admin: tambahkan libur nasional dan cuti bersama tahun ${year} di tab Libur, lalu perluas "Tahun kalender" di tab Pengaturan.`
  );
}

/** Parses "2024-2027" or "2026" into a range. */
export function parseYearRange(text: string): YearRange | undefined {
  const m = /^\s*(\d{4})\s*(?:[-–]\s*(\d{4}))?\s*$/.exec(text);
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = Number(m[2] ?? m[1]);
  return from <= to ? { from, to } : undefined;
}

