/**
 * Tests of core/calendar.ts, the working-day calendar. Edge cases are a named list in the style of
 * date-fns' addBusinessDays tests: every date literal carries its weekday, and holidays say which
 * holiday they are. Expected dates were counted by hand on the printed calendar of
 * shared/data/hari-libur-2024-2027.csv; the spreadsheet cross-check (workday-crosscheck.test.ts)
 * covers every day exhaustively.
 */
import { describe, expect, it } from 'vitest';
import { missingCalendarMessage, parseYearRange, WorkCalendar } from '../../core/calendar.js';
import { PengaduanError } from '../../core/errors.js';
import { dayFromIso, isoFromDay, isoWeekday } from '../../core/time.js';
import { DEFAULT_LIBUR, DEFAULT_TAHUN_KALENDER } from '../../sheets-schema/index.js';

const cal = new WorkCalendar({ holidays: DEFAULT_LIBUR, years: DEFAULT_TAHUN_KALENDER });
const d = dayFromIso;

/** addWorkdays on ISO dates, so that failures print dates rather than day numbers. */
function addWorkdays(calendar: WorkCalendar, start: string, n: number): string | undefined {
  const day = calendar.addWorkdays(d(start), n);
  return day === undefined ? undefined : isoFromDay(day);
}

interface AddCase {
  readonly name: string;
  readonly start: string;
  readonly n: number;
  readonly expected: string | undefined;
}

const ADD_WORKDAYS_CASES: readonly AddCase[] = [
  // DESIGN.md §5
  {
    name: 'the DESIGN example: received Tuesday before Nyepi and Idulfitri 2026, due Thursday 2 April',
    start: '2026-03-17', // Tuesday
    n: 7,
    expected: '2026-04-02', // Thursday (18-24 Mar are Nyepi, Idulfitri and cuti bersama)
  },
  {
    name: 'one day earlier (Monday, a work-from-anywhere day that still counts) is due one working day earlier',
    start: '2026-03-16', // Monday, WFA but a working day
    n: 7,
    expected: '2026-04-01', // Wednesday
  },

  // Ordinary weeks and weekends
  {
    name: 'an ordinary Monday is due Wednesday of the next week',
    start: '2026-03-02', // Monday
    n: 7,
    expected: '2026-03-11', // Wednesday
  },
  {
    name: 'received on a Friday',
    start: '2026-03-06', // Friday
    n: 7,
    expected: '2026-03-17', // Tuesday
  },
  {
    name: 'received on a Saturday: counting starts on Monday, so it is due like a Friday receipt',
    start: '2026-03-07', // Saturday
    n: 7,
    expected: '2026-03-17', // Tuesday
  },
  {
    name: 'received on a Sunday: due like a Friday receipt',
    start: '2026-03-08', // Sunday
    n: 7,
    expected: '2026-03-17', // Tuesday
  },
  {
    name: 'one working day after a Friday is the Monday',
    start: '2026-03-13', // Friday
    n: 1,
    expected: '2026-03-16', // Monday
  },
  {
    name: 'one working day after a Saturday is the Monday',
    start: '2026-03-14', // Saturday
    n: 1,
    expected: '2026-03-16', // Monday
  },

  // Holidays
  {
    name: 'received on a holiday (Kenaikan) followed by cuti bersama',
    start: '2026-05-14', // Thursday, Kenaikan Yesus Kristus
    n: 7,
    expected: '2026-05-26', // Tuesday (15 May cuti bersama; 27 May Iduladha is not reached)
  },
  {
    name: 'a due date that would fall on Iduladha and its cuti bersama moves past both',
    start: '2026-05-18', // Monday
    n: 7,
    expected: '2026-05-29', // Friday (27 May Iduladha, 28 May cuti bersama)
  },
  {
    name: 'received on Good Friday, with Easter on the Sunday',
    start: '2026-04-03', // Friday, Wafat Yesus Kristus
    n: 7,
    expected: '2026-04-14', // Tuesday
  },
  {
    name: 'a holiday on a Saturday (Kemerdekaan 2024) changes nothing',
    start: '2024-08-16', // Friday
    n: 1,
    expected: '2024-08-19', // Monday (17 Aug 2024 is a Saturday)
  },

  // Idulfitri stretches
  {
    name: 'Idulfitri 2024: received the Friday before six days off (8-12 and 15 April)',
    start: '2024-04-05', // Friday
    n: 7,
    expected: '2024-04-24', // Wednesday
  },
  {
    name: 'Idulfitri 2024: received the Thursday before, one working day is used first',
    start: '2024-04-04', // Thursday
    n: 7,
    expected: '2024-04-23', // Tuesday
  },
  {
    name: 'Idulfitri 2024: received in the middle of the stretch',
    start: '2024-04-10', // Wednesday, Idul Fitri 1445 H
    n: 1,
    expected: '2024-04-16', // Tuesday
  },
  {
    name: 'Idulfitri 2025: received the Thursday before Nyepi, Idulfitri and cuti bersama (28 Mar-7 Apr)',
    start: '2025-03-27', // Thursday, WFA but a working day
    n: 7,
    expected: '2025-04-16', // Wednesday (Good Friday 18 Apr is not reached)
  },
  {
    name: 'Idulfitri 2025: received on a work-from-anywhere Monday',
    start: '2025-03-24', // Monday, WFA but a working day
    n: 7,
    expected: '2025-04-11', // Friday
  },
  {
    name: 'Idulfitri 2025: a long count runs into Good Friday too',
    start: '2025-03-27', // Thursday
    n: 8,
    expected: '2025-04-17', // Thursday
  },
  {
    name: 'Idulfitri 2025: one more working day skips Good Friday and the weekend',
    start: '2025-03-27', // Thursday
    n: 9,
    expected: '2025-04-21', // Monday (18 Apr Wafat Yesus Kristus, 20 Apr Paskah)
  },
  {
    name: 'Idulfitri 2026: received the Friday before the stretch',
    start: '2026-03-13', // Friday
    n: 7,
    expected: '2026-03-31', // Tuesday (16, 17 Mar count; 18-24 Mar do not)
  },
  {
    name: 'Idulfitri 2027: received the Friday before Nyepi, Idulfitri and cuti bersama (8-12 and 15 March)',
    start: '2027-03-05', // Friday
    n: 7,
    expected: '2027-03-24', // Wednesday
  },
  {
    name: 'Idulfitri 2027: the eighth working day jumps over cuti bersama Wafat and Good Friday',
    start: '2027-03-05', // Friday
    n: 8,
    expected: '2027-03-29', // Monday (25 Mar cuti bersama, 26 Mar Wafat Yesus Kristus)
  },

  // Year boundaries
  {
    name: 'late December 2024 into January 2025 (Natal, cuti bersama, Tahun Baru)',
    start: '2024-12-23', // Monday
    n: 7,
    expected: '2025-01-06', // Monday
  },
  {
    name: 'late December 2025 into January 2026',
    start: '2025-12-24', // Wednesday
    n: 7,
    expected: '2026-01-07', // Wednesday
  },
  {
    name: 'late December 2026 into January 2027, including Isra Mikraj on 5 January',
    start: '2026-12-23', // Wednesday
    n: 7,
    expected: '2027-01-07', // Thursday
  },
  {
    name: 'late December 2027, still inside the covered years',
    start: '2027-12-20', // Monday
    n: 7,
    expected: '2027-12-30', // Thursday (24-26 Dec off)
  },
  {
    name: 'the last covered day is reachable',
    start: '2027-12-21', // Tuesday
    n: 7,
    expected: '2027-12-31', // Friday
  },

  // n = 0: the start itself, as WORKDAY.INTL(start, 0, ...) does
  {
    name: 'n = 0 on a working day is the day itself',
    start: '2026-03-17', // Tuesday
    n: 0,
    expected: '2026-03-17', // Tuesday
  },
  {
    name: 'n = 0 on a Saturday is the Saturday itself (no rolling forward)',
    start: '2026-03-21', // Saturday, Idulfitri
    n: 0,
    expected: '2026-03-21', // Saturday
  },
  {
    name: 'n = 0 on a holiday is the holiday itself',
    start: '2026-03-20', // Friday, cuti bersama
    n: 0,
    expected: '2026-03-20', // Friday
  },

  // Outside the covered years: never guessed at
  {
    name: 'a due date that would spill into 2028 is unknown',
    start: '2027-12-22', // Wednesday
    n: 7,
    expected: undefined, // the 7th working day is in January 2028
  },
  {
    name: 'a start on the last covered day with n = 1 is unknown',
    start: '2027-12-31', // Friday
    n: 1,
    expected: undefined,
  },
  {
    name: 'a start before 2024 is unknown, even when the answer would be in 2024',
    start: '2023-12-29', // Friday
    n: 7,
    expected: undefined,
  },
  {
    name: 'a start after 2027 is unknown',
    start: '2028-01-03', // Monday
    n: 7,
    expected: undefined,
  },
  {
    name: 'n = 0 outside the covered years is unknown too',
    start: '2028-01-03', // Monday
    n: 0,
    expected: undefined,
  },
  {
    name: 'the first covered day (Tahun Baru) counts from the next working day',
    start: '2024-01-01', // Monday, Tahun Baru 2024
    n: 1,
    expected: '2024-01-02', // Tuesday
  },

  // Invalid n
  {
    name: 'a negative n is refused (WORKDAY backwards is not supported)',
    start: '2026-03-17', // Tuesday
    n: -1,
    expected: undefined,
  },
  {
    name: 'a fractional n is refused',
    start: '2026-03-17', // Tuesday
    n: 1.5,
    expected: undefined,
  },
  {
    name: 'NaN is refused',
    start: '2026-03-17', // Tuesday
    n: Number.NaN,
    expected: undefined,
  },
];

describe('WorkCalendar.addWorkdays (the default 2024-2027 calendar)', () => {
  it.each(ADD_WORKDAYS_CASES)('$name', ({ start, n, expected }) => {
    expect(addWorkdays(cal, start, n)).toBe(expected);
  });

  it('lands on a working day for every n >= 1 from every start in 2024-2027 (n = 1..10)', () => {
    const bad: string[] = [];
    for (let day = cal.firstDay; day <= cal.lastDay; day++) {
      for (let n = 1; n <= 10; n++) {
        const due = cal.addWorkdays(day, n);
        if (due === undefined) continue;
        if (cal.isWorkingDay(due) !== true || due <= day) bad.push(`${isoFromDay(day)}+${n} -> ${isoFromDay(due)}`);
        if (cal.workdaysBetween(day, due) !== n) bad.push(`${isoFromDay(day)}+${n}: ${cal.workdaysBetween(day, due)} between`);
      }
    }
    expect(bad).toEqual([]);
  });
});

interface BetweenCase {
  readonly name: string;
  readonly a: string;
  readonly b: string;
  readonly expected: number | undefined;
}

const WORKDAYS_BETWEEN_CASES: readonly BetweenCase[] = [
  { name: 'the same day is 0', a: '2026-03-17', b: '2026-03-17', expected: 0 }, // Tuesday, Tuesday
  { name: 'a Friday to the next Monday is 1 (the Monday)', a: '2026-03-13', b: '2026-03-16', expected: 1 }, // Friday, Monday
  { name: 'a Saturday to the Sunday is 0', a: '2026-03-14', b: '2026-03-15', expected: 0 }, // Saturday, Sunday
  { name: 'the start day is excluded, the end day included', a: '2026-03-16', b: '2026-03-17', expected: 1 }, // Monday, Tuesday
  { name: 'the DESIGN example spans exactly 7', a: '2026-03-17', b: '2026-04-02', expected: 7 }, // Tuesday, Thursday
  { name: 'reversed, it is -7', a: '2026-04-02', b: '2026-03-17', expected: -7 }, // Thursday, Tuesday
  { name: 'the Idulfitri 2026 stretch is 0 working days', a: '2026-03-17', b: '2026-03-24', expected: 0 }, // Tuesday, Tuesday cuti bersama
  { name: 'a start on the last day of 2023 is unknown, even to count 2024', a: '2023-12-31', b: '2024-12-31', expected: undefined }, // Sunday, Tuesday
  { name: '2024 after Tahun Baru has 238 working days', a: '2024-01-01', b: '2024-12-31', expected: 238 }, // Monday Tahun Baru, Tuesday
  { name: '2025 has 237 working days', a: '2024-12-31', b: '2025-12-31', expected: 237 }, // Tuesday, Wednesday
  { name: '2026 has 240 working days', a: '2025-12-31', b: '2026-12-31', expected: 240 }, // Wednesday, Thursday
  { name: '2027 has 242 working days', a: '2026-12-31', b: '2027-12-31', expected: 242 }, // Thursday, Friday
  { name: 'an end in 2028 is unknown', a: '2027-12-30', b: '2028-01-03', expected: undefined }, // Thursday, Monday
  { name: 'a start in 2023 is unknown', a: '2023-12-29', b: '2024-01-02', expected: undefined }, // Friday, Tuesday
];

describe('WorkCalendar.workdaysBetween (working days in (a, b])', () => {
  it.each(WORKDAYS_BETWEEN_CASES)('$name', ({ a, b, expected }) => {
    expect(cal.workdaysBetween(d(a), d(b))).toBe(expected);
  });

  it('agrees with a naive day-by-day count from every start to 0..40 days later', () => {
    const holidays = new Set(DEFAULT_LIBUR.map((h) => h.tanggal));
    const naiveWorking = (day: number): boolean => isoWeekday(day) <= 5 && !holidays.has(isoFromDay(day));
    const bad: string[] = [];
    for (let a = cal.firstDay; a <= cal.lastDay && bad.length < 10; a++) {
      let count = 0;
      for (let k = 0; k <= 40 && a + k <= cal.lastDay; k++) {
        if (k > 0 && naiveWorking(a + k)) count++;
        if (cal.workdaysBetween(a, a + k) !== count) bad.push(`(${isoFromDay(a)}, ${isoFromDay(a + k)}]`);
        if (cal.workdaysBetween(a + k, a) !== -count) bad.push(`reversed (${isoFromDay(a + k)}, ${isoFromDay(a)}]`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('WorkCalendar day queries', () => {
  it.each([
    ['2026-03-17', true], // Tuesday
    ['2026-03-20', false], // Friday, cuti bersama
    ['2026-03-21', false], // Saturday, Idulfitri
    ['2026-03-28', false], // Saturday
    ['2026-03-29', false], // Sunday
    ['2025-03-24', true], // Monday, WFA is a working day
    ['2026-12-17', true], // Thursday, Hari Jadi Kota Payakumbuh is a working day
    ['2023-12-29', undefined], // Friday, before coverage
    ['2028-01-03', undefined], // Monday, after coverage
  ] as const)('isWorkingDay(%s) is %s', (iso, expected) => {
    expect(cal.isWorkingDay(d(iso))).toBe(expected);
  });



  it('covers exactly 2024-01-01 to 2027-12-31', () => {
    expect(isoFromDay(cal.firstDay)).toBe('2024-01-01');
    expect(isoFromDay(cal.lastDay)).toBe('2027-12-31');
    expect(cal.covers(d('2023-12-31'))).toBe(false); // Sunday
    expect(cal.covers(d('2024-01-01'))).toBe(true); // Monday
    expect(cal.covers(d('2027-12-31'))).toBe(true); // Friday
    expect(cal.covers(d('2028-01-01'))).toBe(false); // Saturday
  });

  it('coverageProblem names the first missing year in Indonesian, and is silent when all is covered', () => {
    expect(cal.coverageProblem(d('2026-03-17'), d('2027-12-31'))).toBeUndefined();
    const msg = cal.coverageProblem(d('2026-03-17'), d('2028-01-03'));
    expect(msg).toBe(missingCalendarMessage(2028, { from: 2024, to: 2027 }));
    expect(msg).toContain('Kalender hari libur tahun 2028 belum tersedia');
    expect(msg).toContain('2024-2027');
    expect(msg).toContain('tab Libur');
    expect(cal.coverageProblem(d('2023-06-01'))).toContain('tahun 2023');
  });
});

describe('a holiday table extended by the admin', () => {
  it('an extra holiday moves the DESIGN example from Thursday 2 April to Monday 6 April', () => {
    const extended = new WorkCalendar({
      holidays: [...DEFAULT_LIBUR, { tanggal: '2026-03-30' }], // Monday, e.g. a libur daerah
      years: DEFAULT_TAHUN_KALENDER,
    });
    expect(addWorkdays(extended, '2026-03-17', 7)).toBe('2026-04-06'); // Tuesday -> Monday (3 Apr is Good Friday)
    expect(addWorkdays(cal, '2026-03-17', 7)).toBe('2026-04-02'); // the default calendar is unchanged
  });

  it('a holiday listed twice counts once', () => {
    const twice = new WorkCalendar({ holidays: [...DEFAULT_LIBUR, { tanggal: '2026-03-20' }], years: DEFAULT_TAHUN_KALENDER });
    expect(addWorkdays(twice, '2026-03-17', 7)).toBe('2026-04-02'); // Thursday
  });

  it('the order of the holiday rows does not matter', () => {
    const reversed = new WorkCalendar({ holidays: [...DEFAULT_LIBUR].reverse(), years: DEFAULT_TAHUN_KALENDER });
    expect(addWorkdays(reversed, '2026-03-17', 7)).toBe('2026-04-02'); // Thursday
  });

  it('extending the years to 2028 makes a due date in January 2028 known', () => {
    const to2028 = new WorkCalendar({ holidays: [...DEFAULT_LIBUR, { tanggal: '2028-01-01' }], years: { from: 2024, to: 2028 } });
    expect(addWorkdays(to2028, '2027-12-22', 7)).toBe('2028-01-03'); // Wednesday -> Monday
    expect(to2028.workdaysBetween(d('2027-12-22'), d('2028-01-03'))).toBe(7);
  });

  it('a calendar without holidays counts weekdays only', () => {
    const bare = new WorkCalendar({ holidays: [], years: { from: 2026, to: 2026 } });
    expect(addWorkdays(bare, '2026-03-17', 7)).toBe('2026-03-26'); // Tuesday -> Thursday
    expect(bare.workdaysBetween(d('2025-12-31'), d('2026-12-31'))).toBeUndefined(); // 2025 not covered
    expect(bare.workdaysBetween(d('2026-01-01'), d('2026-12-31'))).toBe(260); // 261 weekdays minus 1 Jan
  });

  it('a holiday outside the covered years is accepted and ignored', () => {
    const withFuture = new WorkCalendar({ holidays: [...DEFAULT_LIBUR, { tanggal: '2030-01-01' }], years: DEFAULT_TAHUN_KALENDER });
    expect(addWorkdays(withFuture, '2026-03-17', 7)).toBe('2026-04-02');
    expect(withFuture.covers(d('2030-01-01'))).toBe(false);
  });
});

describe('invalid calendar settings', () => {
  function codeOf(build: () => unknown): string | undefined {
    try {
      build();
    } catch (e) {
      return e instanceof PengaduanError ? e.code : `not a PengaduanError: ${String(e)}`;
    }
    return undefined;
  }

  it.each([
    ['2026-02-29', 'not a real date'],
    ['2026-3-20', 'no zero padding'],
    ['20-03-2026', 'day first'],
    ['20/03/2026', 'slashes'],
    ['', 'empty'],
    [' 2026-03-20', 'leading space'],
  ])('a holiday dated %j (%s) throws PENGATURAN_TIDAK_VALID', (tanggal) => {
    expect(codeOf(() => new WorkCalendar({ holidays: [...DEFAULT_LIBUR, { tanggal }], years: DEFAULT_TAHUN_KALENDER }))).toBe(
      'PENGATURAN_TIDAK_VALID',
    );
  });

  it('the message quotes the bad holiday date', () => {
    expect(() => new WorkCalendar({ holidays: [{ tanggal: '2026-3-20' }], years: DEFAULT_TAHUN_KALENDER })).toThrow(
      /Tanggal libur "2026-3-20" tidak valid/,
    );
  });

  it.each([
    [{ from: 2027, to: 2024 }, 'reversed'],
    [{ from: 1899, to: 2024 }, 'before 1900'],
    [{ from: 2024, to: 3000 }, 'after 2999'],
    [{ from: 2024.5, to: 2027 }, 'not an integer'],
    [{ from: Number.NaN, to: 2027 }, 'NaN'],
  ])('a year range %j (%s) throws PENGATURAN_TIDAK_VALID', (years) => {
    expect(codeOf(() => new WorkCalendar({ holidays: [], years }))).toBe('PENGATURAN_TIDAK_VALID');
  });

  it('a single-year range is valid', () => {
    expect(codeOf(() => new WorkCalendar({ holidays: [], years: { from: 2026, to: 2026 } }))).toBeUndefined();
  });
});

describe('parseYearRange (the "Tahun kalender" setting)', () => {
  it.each([
    ['2024-2027', { from: 2024, to: 2027 }],
    ['2026', { from: 2026, to: 2026 }],
    [' 2024 - 2027 ', { from: 2024, to: 2027 }],
    ['2024–2027', { from: 2024, to: 2027 }], // en dash, as word processors type it
    ['2024 – 2028', { from: 2024, to: 2028 }],
    ['2026-2026', { from: 2026, to: 2026 }],
  ])('reads %j', (text, expected) => {
    expect(parseYearRange(text)).toEqual(expected);
  });

  it.each([
    ['2027-2024', 'reversed'],
    ['24-27', 'two-digit years'],
    ['2024-2027-2028', 'three years'],
    ['2024 sampai 2027', 'words'],
    ['2024,2027', 'a comma'],
    ['', 'empty'],
    ['tahun 2026', 'a word before'],
  ])('rejects %j (%s)', (text) => {
    expect(parseYearRange(text)).toBeUndefined();
  });
});
