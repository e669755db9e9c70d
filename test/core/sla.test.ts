/**
 * Tests of core/sla.ts, the SLA clock of DESIGN.md §5: 7 working days from the day of receipt,
 * pauses while waiting for the complainant, the clock's states, working days per stage, and the
 * refusal to guess outside the years the holiday table covers. Times are WIB wall-clock text,
 * turned into instants with the platform's parser ('+07:00'), not with core/time.ts.
 */
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../core/calendar.js';
import { computeSla, dueDay, type SlaOk, type SlaResult, type SlaRules, type TimelineEntry } from '../../core/sla.js';
import { dayFromIso, isoFromDay } from '../../core/time.js';
import { DEFAULT_LIBUR, DEFAULT_TAHUN_KALENDER, type Status } from '../../sheets-schema/index.js';

const cal = new WorkCalendar({ holidays: DEFAULT_LIBUR, years: DEFAULT_TAHUN_KALENDER });
const RULES: SlaRules = { days: 7, atRisk: 2 };

/** An instant from WIB wall-clock text: '2026-03-17 09:00' or '2026-03-17 23:59:59'. */
function wib(text: string): number {
  const [date, time = '00:00'] = text.split(' ');
  const ms = Date.parse(`${date}T${time.length === 5 ? `${time}:00` : time}+07:00`);
  if (Number.isNaN(ms)) throw new Error(`bad test time ${text}`);
  return ms;
}

const step = (status: Status, when: string): TimelineEntry => ({ status, at: wib(when) });

/** The result with days as ISO dates, so that failures read as dates. */
function view(r: SlaResult): Record<string, unknown> {
  if (!r.ok) return { state: r.state, year: r.year };
  return {
    state: r.state,
    received: isoFromDay(r.receivedDay),
    due: isoFromDay(r.dueDay),
    asOf: isoFromDay(r.asOfDay),
    closed: r.closedDay === undefined ? undefined : isoFromDay(r.closedDay),
    used: r.usedDays,
    left: r.leftDays,
    paused: r.pausedDays,
  };
}

function ok(r: SlaResult): SlaOk {
  if (!r.ok) throw new Error(`expected a computed clock, got ${r.state}: ${r.message}`);
  return r;
}

/** The invariants every computed clock satisfies, whatever the scenario. */
function expectConsistent(r: SlaOk, rules: SlaRules = RULES): void {
  const elapsed = cal.workdaysBetween(r.receivedDay, r.asOfDay);
  const stages = Object.values(r.perStage).reduce((sum, n) => sum + (n ?? 0), 0);
  expect(stages, 'per-stage days add up to the working days from receipt to as-of').toBe(elapsed);
  expect(r.usedDays + r.pausedDays, 'used + paused = elapsed').toBe(elapsed);
  expect(r.usedDays + r.leftDays, 'used + left = the service time').toBe(rules.days);
  expect(r.dueDay).toBe(cal.addWorkdays(r.receivedDay, rules.days + r.pausedDays));
}

// The DESIGN example: received Tuesday 17 March 2026, due Thursday 2 April 2026
// (18-24 March are Nyepi, Idulfitri and cuti bersama; 3 April is Good Friday).
const RECEIVED = '2026-03-17 09:00'; // Tuesday

describe('an open complaint received Tuesday 17 March 2026 (due Thursday 2 April), read on different days', () => {
  it.each([
    { now: '2026-03-17 10:00', state: 'TEPAT_WAKTU', used: 0, left: 7, why: 'the receipt day itself' }, // Tuesday
    { now: '2026-03-16 10:00', state: 'TEPAT_WAKTU', used: 0, left: 7, why: 'a clock behind the receipt reads as the receipt day' }, // Monday
    { now: '2026-03-20 10:00', state: 'TEPAT_WAKTU', used: 0, left: 7, why: 'holidays use no days' }, // Friday, cuti bersama
    { now: '2026-03-25 10:00', state: 'TEPAT_WAKTU', used: 1, left: 6, why: 'the first working day after receipt' }, // Wednesday
    { now: '2026-03-29 23:59:59', state: 'TEPAT_WAKTU', used: 3, left: 4, why: 'Sunday night, last second' }, // Sunday
    { now: '2026-03-30 00:00', state: 'TEPAT_WAKTU', used: 4, left: 3, why: 'Monday at midnight WIB: one more day' }, // Monday
    { now: '2026-03-31 10:00', state: 'RAWAN', used: 5, left: 2, why: '2 days left is at risk (threshold 2)' }, // Tuesday
    { now: '2026-04-01 10:00', state: 'RAWAN', used: 6, left: 1, why: '1 day left' }, // Wednesday
    { now: '2026-04-02 08:00', state: 'RAWAN', used: 7, left: 0, why: 'the due day itself is not late' }, // Thursday
    { now: '2026-04-02 23:59:59', state: 'RAWAN', used: 7, left: 0, why: 'the last second of the due day' }, // Thursday
    { now: '2026-04-06 08:00', state: 'TERLAMBAT', used: 8, left: -1, why: 'one working day late (3 Apr Good Friday, weekend)' }, // Monday
    { now: '2026-04-10 16:00', state: 'TERLAMBAT', used: 12, left: -5, why: 'five working days late' }, // Friday
  ])('$now: $state, $used used, $left left ($why)', ({ now, state, used, left }) => {
    const r = ok(computeSla(cal, RULES, { receivedAt: wib(RECEIVED), timeline: [], now: wib(now) }));
    expect(view(r)).toMatchObject({ state, due: '2026-04-02', used, left, paused: 0, closed: undefined });
    expect(r.perStage).toEqual({ DITERIMA: used });
    expectConsistent(r);
  });

  it('an empty timeline and a timeline holding only the receipt give the same clock', () => {
    const now = wib('2026-03-31 10:00'); // Tuesday
    const empty = computeSla(cal, RULES, { receivedAt: wib(RECEIVED), timeline: [], now });
    const receiptOnly = computeSla(cal, RULES, { receivedAt: wib(RECEIVED), timeline: [step('DITERIMA', RECEIVED)], now });
    expect(receiptOnly).toEqual(empty);
  });

  it.each([
    { atRisk: 3, now: '2026-03-30 10:00', state: 'RAWAN' }, // Monday, 3 left
    { atRisk: 3, now: '2026-03-27 10:00', state: 'TEPAT_WAKTU' }, // Friday, 4 left
    { atRisk: 0, now: '2026-04-01 10:00', state: 'TEPAT_WAKTU' }, // Wednesday, 1 left
    { atRisk: 0, now: '2026-04-02 10:00', state: 'RAWAN' }, // Thursday, due day
  ])('the at-risk threshold is configurable: with $atRisk, $now is $state', ({ atRisk, now, state }) => {
    const r = computeSla(cal, { days: 7, atRisk }, { receivedAt: wib(RECEIVED), timeline: [], now: wib(now) });
    expect(r.state).toBe(state);
  });

  it('the service time is configurable: 5 working days are due Tuesday 31 March', () => {
    const rules = { days: 5, atRisk: 2 };
    const r = ok(computeSla(cal, rules, { receivedAt: wib(RECEIVED), timeline: [], now: wib('2026-03-25 10:00') }));
    expect(view(r)).toMatchObject({ due: '2026-03-31', used: 1, left: 4, state: 'TEPAT_WAKTU' });
    expectConsistent(r, rules);
  });

  // Late means more working days used than allowed: on the holiday and weekend right after a
  // Thursday due date no working day has passed, so the clock reads 0 left and RAWAN, and a
  // complaint closed then is still on time.
  it('a late clock never shows 0 working days left (Good Friday after a Thursday due date)', () => {
    for (const now of ['2026-04-03 10:00', '2026-04-04 10:00', '2026-04-05 10:00']) {
      // Friday Good Friday, Saturday, Sunday Easter
      const r = ok(computeSla(cal, RULES, { receivedAt: wib(RECEIVED), timeline: [], now: wib(now) }));
      expect(r.state === 'TERLAMBAT', `${now}: state ${r.state}, leftDays ${r.leftDays}`).toBe(r.leftDays < 0);
    }
  });
});

describe('receipt and reading near midnight WIB', () => {
  it.each([
    { receivedUtc: '2026-03-09T16:59:59Z', received: '2026-03-09', due: '2026-03-25' }, // Monday 23:59:59 WIB -> Wednesday
    { receivedUtc: '2026-03-09T17:00:00Z', received: '2026-03-10', due: '2026-03-26' }, // Tuesday 00:00 WIB -> Thursday
    { receivedUtc: '2026-03-06T17:00:00Z', received: '2026-03-07', due: '2026-03-17' }, // Saturday 00:00 WIB -> Tuesday
  ])('received $receivedUtc is received on $received WIB and due $due', ({ receivedUtc, received, due }) => {
    const r = ok(computeSla(cal, RULES, { receivedAt: Date.parse(receivedUtc), timeline: [], now: Date.parse(receivedUtc) }));
    expect(view(r)).toMatchObject({ received, due, used: 0, left: 7 });
  });

  it.each([
    { closedUtc: '2026-03-25T16:59:59Z', state: 'SELESAI_TEPAT_WAKTU', closed: '2026-03-25' }, // Wednesday 23:59:59 WIB, the due day
    { closedUtc: '2026-03-25T17:00:00Z', state: 'SELESAI_TERLAMBAT', closed: '2026-03-26' }, // Thursday 00:00 WIB, a day late
  ])('a complaint of Monday 9 March closed at $closedUtc is $state', ({ closedUtc, state, closed }) => {
    const timeline = [step('DITERIMA', '2026-03-09 23:59:59'), { status: 'SELESAI' as const, at: Date.parse(closedUtc) }];
    const r = ok(computeSla(cal, RULES, { receivedAt: wib('2026-03-09 23:59:59'), timeline, now: wib('2026-04-30 10:00') }));
    expect(view(r)).toMatchObject({ state, closed, due: '2026-03-25' });
    expectConsistent(r);
  });
});

describe('a closed complaint', () => {
  const handled = [
    step('DITERIMA', RECEIVED), // Tuesday
    step('DIPERIKSA', '2026-03-25 10:00'), // Wednesday
    step('DITANGANI_LANGSUNG', '2026-03-26 11:00'), // Thursday
  ];

  it('closed on the due day is on time, and the clock stops at closing', () => {
    const timeline = [...handled, step('SELESAI', '2026-04-02 15:00')]; // Thursday
    const r = ok(computeSla(cal, RULES, { receivedAt: wib(RECEIVED), timeline, now: wib('2026-04-20 10:00') }));
    expect(view(r)).toEqual({
      state: 'SELESAI_TEPAT_WAKTU',
      received: '2026-03-17',
      due: '2026-04-02',
      asOf: '2026-04-02',
      closed: '2026-04-02',
      used: 7,
      left: 0,
      paused: 0,
    });
    // DITERIMA (17 Mar, 25 Mar] = 1; DIPERIKSA (25, 26] = 1; DITANGANI_LANGSUNG (26 Mar, 2 Apr] = 5.
    expect(r.perStage).toEqual({ DITERIMA: 1, DIPERIKSA: 1, DITANGANI_LANGSUNG: 5 });
    expectConsistent(r);
  });

  it('closed one working day after the due date is late', () => {
    const timeline = [...handled, step('SELESAI', '2026-04-06 09:00')]; // Monday
    const r = ok(computeSla(cal, RULES, { receivedAt: wib(RECEIVED), timeline, now: wib('2026-04-20 10:00') }));
    expect(view(r)).toMatchObject({ state: 'SELESAI_TERLAMBAT', closed: '2026-04-06', used: 8, left: -1 });
    expect(r.perStage).toEqual({ DITERIMA: 1, DIPERIKSA: 1, DITANGANI_LANGSUNG: 6 });
    expectConsistent(r);
  });

  it('DITUTUP (forwarded to another agency) on a holiday is closed on time with no day used', () => {
    const timeline = [step('DITERIMA', RECEIVED), step('DITUTUP', '2026-03-20 10:00')]; // Friday, cuti bersama
    const r = ok(computeSla(cal, RULES, { receivedAt: wib(RECEIVED), timeline, now: wib('2026-04-20 10:00') }));
    expect(view(r)).toMatchObject({ state: 'SELESAI_TEPAT_WAKTU', closed: '2026-03-20', used: 0, left: 7 });
    expect(r.perStage).toEqual({ DITERIMA: 0 });
  });

  it('closed straight out of a pause is on time: the pause never counted', () => {
    const timeline = [
      step('DITERIMA', RECEIVED), // Tuesday
      step('MENUNGGU_KELENGKAPAN', '2026-03-26 10:00'), // Thursday
      step('DITUTUP', '2026-04-10 10:00'), // Friday, complainant never completed the requirements
    ];
    const r = ok(computeSla(cal, RULES, { receivedAt: wib(RECEIVED), timeline, now: wib('2026-04-20 10:00') }));
    // paused (26 Mar, 10 Apr] = 27, 30, 31 Mar, 1, 2, 6, 7, 8, 9, 10 Apr = 10 working days.
    expect(view(r)).toMatchObject({ state: 'SELESAI_TEPAT_WAKTU', used: 2, paused: 10, left: 5 });
    expect(r.perStage).toEqual({ DITERIMA: 2, MENUNGGU_KELENGKAPAN: 10 });
    expectConsistent(r);
  });
});

describe('pauses in MENUNGGU_KELENGKAPAN', () => {
  it('a pause that starts and ends on the same day costs nothing', () => {
    const timeline = [
      step('DITERIMA', RECEIVED), // Tuesday
      step('MENUNGGU_KELENGKAPAN', '2026-03-25 10:00'), // Wednesday
      step('DIPERIKSA', '2026-03-25 15:00'), // Wednesday, completed the same afternoon
    ];
    const r = ok(computeSla(cal, RULES, { receivedAt: wib(RECEIVED), timeline, now: wib('2026-03-26 10:00') }));
    expect(view(r)).toMatchObject({ state: 'TEPAT_WAKTU', due: '2026-04-02', used: 2, left: 5, paused: 0 });
    expect(r.perStage).toEqual({ DITERIMA: 1, MENUNGGU_KELENGKAPAN: 0, DIPERIKSA: 1 });
    expectConsistent(r);
  });

  const acrossWeekend = [
    step('DITERIMA', RECEIVED), // Tuesday
    step('MENUNGGU_KELENGKAPAN', '2026-03-26 10:00'), // Thursday
    step('DIPERIKSA', '2026-03-31 11:00'), // Tuesday: paused (26, 31] = Fri 27, Mon 30, Tue 31
  ];

  it('a multi-day pause across a weekend moves the due date by its 3 working days (Thursday 2 -> Wednesday 8 April)', () => {
    const r = ok(computeSla(cal, RULES, { receivedAt: wib(RECEIVED), timeline: acrossWeekend, now: wib('2026-04-06 10:00') })); // Monday
    expect(view(r)).toMatchObject({ state: 'RAWAN', due: '2026-04-08', used: 5, left: 2, paused: 3 });
    expect(r.perStage).toEqual({ DITERIMA: 2, MENUNGGU_KELENGKAPAN: 3, DIPERIKSA: 3 });
    expectConsistent(r);
  });

  it('after that pause, the original due day is no longer at risk', () => {
    const r = ok(computeSla(cal, RULES, { receivedAt: wib(RECEIVED), timeline: acrossWeekend, now: wib('2026-04-02 10:00') })); // Thursday
    expect(view(r)).toMatchObject({ state: 'TEPAT_WAKTU', due: '2026-04-08', used: 4, left: 3 });
    expectConsistent(r);
  });

  it.each([
    { resumed: '2026-03-28 10:00', paused: 0, due: '2026-04-02', why: 'Friday to Saturday: no working day in (Fri, Sat]' }, // Saturday
    { resumed: '2026-03-30 08:00', paused: 1, due: '2026-04-06', why: 'Friday to Monday morning: the Monday counts as paused' }, // Monday
  ])('a pause from Friday afternoon: $why', ({ resumed, paused, due }) => {
    const timeline = [
      step('DITERIMA', RECEIVED), // Tuesday
      step('MENUNGGU_KELENGKAPAN', '2026-03-27 15:00'), // Friday
      step('DIPERIKSA', resumed),
    ];
    const r = ok(computeSla(cal, RULES, { receivedAt: wib(RECEIVED), timeline, now: wib('2026-04-01 10:00') })); // Wednesday
    expect(view(r)).toMatchObject({ paused, due });
    expectConsistent(r);
  });

  it('a pause over the Idulfitri holidays costs only the working days in it', () => {
    const timeline = [
      step('DITERIMA', RECEIVED), // Tuesday
      step('MENUNGGU_KELENGKAPAN', '2026-03-17 10:00'), // Tuesday, the same day
      step('DIPERIKSA', '2026-03-25 09:00'), // Wednesday: paused (17, 25] = Wed 25 only
    ];
    const r = ok(computeSla(cal, RULES, { receivedAt: wib(RECEIVED), timeline, now: wib('2026-03-26 10:00') }));
    expect(view(r)).toMatchObject({ paused: 1, due: '2026-04-06', used: 1, left: 6 }); // Monday (3 Apr Good Friday)
    expectConsistent(r);
  });

  it('two pauses add up', () => {
    const timeline = [
      step('DITERIMA', RECEIVED), // Tuesday
      step('MENUNGGU_KELENGKAPAN', '2026-03-25 10:00'), // Wednesday
      step('DIPERIKSA', '2026-03-26 10:00'), // Thursday: 1 paused
      step('MENUNGGU_KELENGKAPAN', '2026-03-27 10:00'), // Friday
      step('DIPERIKSA', '2026-03-31 10:00'), // Tuesday: 2 paused (Mon 30, Tue 31)
    ];
    const r = ok(computeSla(cal, RULES, { receivedAt: wib(RECEIVED), timeline, now: wib('2026-04-01 10:00') }));
    expect(view(r)).toMatchObject({ paused: 3, due: '2026-04-08', used: 3, left: 4, state: 'TEPAT_WAKTU' });
    expect(r.perStage).toEqual({ DITERIMA: 1, MENUNGGU_KELENGKAPAN: 3, DIPERIKSA: 2 });
    expectConsistent(r);
  });

  it('a complaint paused right now is DIJEDA, and its due date keeps moving', () => {
    const timeline = [step('DITERIMA', RECEIVED), step('MENUNGGU_KELENGKAPAN', '2026-03-26 10:00')]; // Tuesday, Thursday
    const monday = ok(computeSla(cal, RULES, { receivedAt: wib(RECEIVED), timeline, now: wib('2026-04-06 10:00') })); // Monday
    // paused (26 Mar, 6 Apr] = 27, 30, 31 Mar, 1, 2, 6 Apr = 6; due 17 Mar + 13 working days.
    expect(view(monday)).toMatchObject({ state: 'DIJEDA', paused: 6, due: '2026-04-13', used: 2, left: 5 });
    expectConsistent(monday);

    const later = ok(computeSla(cal, RULES, { receivedAt: wib(RECEIVED), timeline, now: wib('2026-04-20 10:00') })); // Monday
    expect(view(later)).toMatchObject({ state: 'DIJEDA', used: 2, left: 5 }); // long past 2 April, still not late
    expect(later.dueDay).toBeGreaterThan(monday.dueDay);
    expectConsistent(later);
  });

  it('a complaint in any other open status is not DIJEDA', () => {
    const timeline = [step('DITERIMA', RECEIVED), step('MENUNGGU_KELENGKAPAN', '2026-03-26 10:00'), step('DIPERIKSA', '2026-03-30 10:00')];
    const r = computeSla(cal, RULES, { receivedAt: wib(RECEIVED), timeline, now: wib('2026-03-31 10:00') });
    expect(r.state).toBe('TEPAT_WAKTU');
  });
});

describe('receipt on a weekend or holiday', () => {
  it('received on a Saturday, counting starts on Monday', () => {
    const r = ok(computeSla(cal, RULES, { receivedAt: wib('2026-03-07 10:00'), timeline: [], now: wib('2026-03-09 10:00') })); // Saturday, Monday
    expect(view(r)).toMatchObject({ received: '2026-03-07', due: '2026-03-17', used: 1, left: 6 }); // Tuesday
    expectConsistent(r);
  });

  it('received on a holiday (Kenaikan, Thursday 14 May 2026) is due Tuesday 26 May', () => {
    const r = ok(computeSla(cal, RULES, { receivedAt: wib('2026-05-14 10:00'), timeline: [], now: wib('2026-05-15 10:00') })); // Thursday, Friday cuti bersama
    expect(view(r)).toMatchObject({ due: '2026-05-26', used: 0, left: 7, state: 'TEPAT_WAKTU' });
  });
});

describe('outside the years the holiday table covers', () => {
  it('received Wednesday 22 December 2027, due in January 2028: KALENDER_TIDAK_TERSEDIA naming 2028', () => {
    const r = computeSla(cal, RULES, { receivedAt: wib('2027-12-22 10:00'), timeline: [], now: wib('2027-12-23 10:00') }); // Wednesday, Thursday
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.state).toBe('KALENDER_TIDAK_TERSEDIA');
    expect(r.year).toBe(2028);
    expect(r.message).toContain('Kalender hari libur tahun 2028 belum tersedia');
    expect(r.message).toContain('2024-2027');
    expect(r.message).toContain('tab Libur');
  });

  it('received Tuesday 21 December 2027 is still due inside 2027 (Friday 31 December)', () => {
    const r = ok(computeSla(cal, RULES, { receivedAt: wib('2027-12-21 10:00'), timeline: [], now: wib('2027-12-23 10:00') }));
    expect(view(r)).toMatchObject({ due: '2027-12-31', used: 2, left: 5 });
  });

  it('read in January 2028, a December 2027 complaint needs the 2028 calendar', () => {
    const r = computeSla(cal, RULES, { receivedAt: wib('2027-12-20 10:00'), timeline: [], now: wib('2028-01-03 10:00') }); // Monday, Monday
    expect(view(r)).toEqual({ state: 'KALENDER_TIDAK_TERSEDIA', year: 2028 });
  });

  it('received before 2024: KALENDER_TIDAK_TERSEDIA naming 2023', () => {
    const r = computeSla(cal, RULES, { receivedAt: wib('2023-12-28 10:00'), timeline: [], now: wib('2024-01-02 10:00') }); // Thursday, Tuesday
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.year).toBe(2023);
    expect(r.message).toContain('tahun 2023 belum tersedia');
  });

  it('received at 23:30 WIB on 31 December 2023 (16:30 UTC) is still 2023; at 00:00 WIB it is 2024', () => {
    const before = computeSla(cal, RULES, { receivedAt: Date.parse('2023-12-31T16:30:00Z'), timeline: [], now: wib('2024-01-02 10:00') });
    const after = computeSla(cal, RULES, { receivedAt: Date.parse('2023-12-31T17:00:00Z'), timeline: [], now: wib('2024-01-02 10:00') });
    expect(view(before)).toEqual({ state: 'KALENDER_TIDAK_TERSEDIA', year: 2023 });
    expect(view(after)).toMatchObject({ received: '2024-01-01', due: '2024-01-10', used: 1 }); // Monday Tahun Baru -> Wednesday
  });

  it('once the admin adds 2028, the same complaint is due Monday 3 January 2028', () => {
    const to2028 = new WorkCalendar({ holidays: [...DEFAULT_LIBUR, { tanggal: '2028-01-01' }], years: { from: 2024, to: 2028 } });
    const r = ok(computeSla(to2028, RULES, { receivedAt: wib('2027-12-22 10:00'), timeline: [], now: wib('2027-12-23 10:00') }));
    expect(view(r)).toMatchObject({ due: '2028-01-03', used: 1, left: 6, state: 'TEPAT_WAKTU' });
  });
});

describe('dueDay', () => {
  it.each([
    { received: '2026-03-17', paused: 0, due: '2026-04-02' }, // Tuesday -> Thursday
    { received: '2026-03-17', paused: 3, due: '2026-04-08' }, // Tuesday -> Wednesday
    { received: '2027-12-21', paused: 0, due: '2027-12-31' }, // Tuesday -> Friday
    { received: '2027-12-22', paused: 0, due: undefined }, // Wednesday -> January 2028, unknown
  ])('received $received with $paused paused days is due $due', ({ received, paused, due }) => {
    const day = dueDay(cal, dayFromIso(received), RULES, paused);
    expect(day === undefined ? undefined : isoFromDay(day)).toBe(due);
  });
});

describe('invariants over every receipt day of 2026, read 0 to 20 days later', () => {
  it('used + left = 7, per-stage days = used, and the state follows the days left', () => {
    const problems: string[] = [];
    for (let received = dayFromIso('2026-01-01'); received <= dayFromIso('2026-12-31'); received++) {
      for (let k = 0; k <= 20; k++) {
        const receivedAt = Date.parse(`${isoFromDay(received)}T09:00:00+07:00`);
        const r = computeSla(cal, RULES, { receivedAt, timeline: [], now: receivedAt + k * 86_400_000 });
        if (!r.ok) {
          problems.push(`${isoFromDay(received)}+${k}: ${r.state}`);
          continue;
        }
        const expectedState = r.leftDays < 0 ? 'TERLAMBAT' : r.leftDays <= 2 ? 'RAWAN' : 'TEPAT_WAKTU';
        if (r.usedDays + r.leftDays !== 7 || r.perStage.DITERIMA !== r.usedDays || r.state !== expectedState) {
          problems.push(`${isoFromDay(received)}+${k}: ${JSON.stringify(view(r))}`);
        }
        if (r.dueDay !== cal.addWorkdays(received, 7)) problems.push(`${isoFromDay(received)}: due ${isoFromDay(r.dueDay)}`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });
});

describe('read on a day past the covered years', () => {
  const cal2027 = new WorkCalendar({ holidays: DEFAULT_LIBUR, years: { from: 2024, to: 2027 } });
  it('keeps the due date of an open complaint due inside them, and still says the calendar is missing', () => {
    const receivedAt = Date.parse('2027-12-20T09:00:00+07:00'); // Monday
    const r = computeSla(cal2027, RULES, { receivedAt, timeline: [{ status: 'DIPERIKSA', at: receivedAt }], now: Date.parse('2028-01-03T09:00:00+07:00') }); // Monday
    expect(r.ok).toBe(false);
    expect(r.state).toBe('KALENDER_TIDAK_TERSEDIA');
    expect(!r.ok && r.dueDay !== undefined ? isoFromDay(r.dueDay) : undefined).toBe('2027-12-30'); // Thursday (Fri 24 Dec is cuti bersama)
  });
  it('gives no due date while the complaint is paused, since the pause may run into the missing year', () => {
    const receivedAt = Date.parse('2027-12-20T09:00:00+07:00'); // Monday
    const r = computeSla(cal2027, RULES, { receivedAt, timeline: [{ status: 'MENUNGGU_KELENGKAPAN', at: receivedAt }], now: Date.parse('2028-01-03T09:00:00+07:00') });
    expect(!r.ok && r.dueDay).toBeUndefined();
  });
});
