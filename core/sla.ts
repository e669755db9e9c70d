/**
 * The SLA clock (DESIGN.md §5): 7 working days from the day of receipt (day 0), the same as a
 * spreadsheet's WORKDAY.INTL(received, 7, 1, holidays). Working days spent waiting for the
 * complainant to complete the requirements do not count: the due date moves by them. The clock
 * reads the complaint's status timeline, so it also tells how many working days each stage took.
 *
 * Counting rule: a stage that starts on day a and ends on day b consumed the working days in
 * (a, b]. The stages therefore add up to the working days between receipt and today (or closing),
 * and a pause that starts and ends on the same day costs nothing.
 */
import { isFinalStatus, isPausedStatus, type Status, type StatusSla } from '../sheets-schema/index.js';
import { missingCalendarMessage, type WorkCalendar } from './calendar.js';
import { wibDay, wibInstant, yearOfDay } from './time.js';

export interface TimelineEntry {
  readonly status: Status;
  /** Epoch milliseconds when the complaint entered this status. */
  readonly at: number;
}

export interface SlaRules {
  /** Service time in working days (7). */
  readonly days: number;
  /** At risk when this many working days or fewer are left (2). */
  readonly atRisk: number;
}

export interface SlaInput {
  readonly receivedAt: number;
  /** Status changes in time order; the first is the receipt. An empty list means just received. */
  readonly timeline: readonly TimelineEntry[];
  readonly now: number;
}

export interface SlaOk {
  readonly ok: true;
  readonly state: Exclude<StatusSla, 'KALENDER_TIDAK_TERSEDIA'>;
  readonly receivedDay: number;
  readonly dueDay: number;
  /** The day the clock was read at: today, or the closing day. */
  readonly asOfDay: number;
  readonly closedDay: number | undefined;
  /** Working days counted against the SLA (pauses excluded). */
  readonly usedDays: number;
  /** Working days left until the due date; negative when past it. */
  readonly leftDays: number;
  readonly pausedDays: number;
  /** Working days each status consumed (pauses included, under their own status). */
  readonly perStage: Partial<Record<Status, number>>;
}

export interface SlaMissingCalendar {
  readonly ok: false;
  readonly state: 'KALENDER_TIDAK_TERSEDIA';
  readonly year: number;
  readonly message: string;
  /**
   * The due date when it is still known: an open complaint, not paused, due inside the covered
   * years, read on a day past them (the first days of a year whose holidays are not entered yet).
   */
  readonly dueDay?: number;
}

export type SlaResult = SlaOk | SlaMissingCalendar;

function missing(cal: WorkCalendar, day: number): SlaMissingCalendar {
  const year = yearOfDay(day);
  return { ok: false, state: 'KALENDER_TIDAK_TERSEDIA', year, message: missingCalendarMessage(year, cal.years) };
}

/** Due date of a complaint received on `receivedDay` with `pausedDays` paused working days. */
export function dueDay(cal: WorkCalendar, receivedDay: number, rules: SlaRules, pausedDays = 0): number | undefined {
  return cal.addWorkdays(receivedDay, rules.days + pausedDays);
}

export function computeSla(cal: WorkCalendar, rules: SlaRules, input: SlaInput): SlaResult {
  const receivedDay = wibDay(input.receivedAt);
  if (!cal.covers(receivedDay)) return missing(cal, receivedDay);
  const timeline = input.timeline;
  const last = timeline.length > 0 ? timeline[timeline.length - 1] : undefined;
  const closed = last !== undefined && isFinalStatus(last.status);
  const closedDay = closed ? Math.max(receivedDay, wibDay(last.at)) : undefined;
  const asOfDay = closedDay ?? Math.max(receivedDay, wibDay(input.now));
  if (!cal.covers(asOfDay)) {
    const result = missing(cal, asOfDay);
    if (closed || last === undefined || isPausedStatus(last.status) || asOfDay < cal.firstDay) return result;
    // Read on the last covered day instead: the pauses are all in the past, so the due date is exact.
    const known = computeSla(cal, rules, { ...input, now: wibInstant(cal.lastDay, 12) });
    return known.ok ? { ...result, dueDay: known.dueDay } : result;
  }

  const perStage: Partial<Record<Status, number>> = {};
  let paused = 0;
  if (timeline.length === 0) {
    perStage.DITERIMA = cal.workdaysBetween(receivedDay, asOfDay);
  } else {
    for (let i = 0; i < timeline.length; i++) {
      const entry = timeline[i] as TimelineEntry;
      if (closed && i === timeline.length - 1) break;
      const next = timeline[i + 1];
      const from = Math.min(asOfDay, Math.max(receivedDay, wibDay(entry.at)));
      const to = next === undefined ? asOfDay : Math.min(asOfDay, Math.max(from, wibDay(next.at)));
      const days = cal.workdaysBetween(from, to) as number;
      perStage[entry.status] = (perStage[entry.status] ?? 0) + days;
      if (isPausedStatus(entry.status)) paused += days;
    }
  }

  const due = cal.addWorkdays(receivedDay, rules.days + paused);
  if (due === undefined) return missing(cal, Math.max(cal.lastDay + 1, receivedDay));
  const usedDays = (cal.workdaysBetween(receivedDay, asOfDay) as number) - paused;
  const leftDays = cal.workdaysBetween(asOfDay, due) as number;

  // Late means more working days used than allowed (leftDays < 0), not merely a later date: the
  // weekend or holiday right after the due date costs nothing, since nobody could work on it.
  let state: SlaOk['state'];
  if (closedDay !== undefined) state = leftDays >= 0 ? 'SELESAI_TEPAT_WAKTU' : 'SELESAI_TERLAMBAT';
  else if (last !== undefined && isPausedStatus(last.status)) state = 'DIJEDA';
  else if (leftDays < 0) state = 'TERLAMBAT';
  else if (leftDays <= rules.atRisk) state = 'RAWAN';
  else state = 'TEPAT_WAKTU';

  return { ok: true, state, receivedDay, dueDay: due, asOfDay, closedDay, usedDays, leftDays, pausedDays: paused, perStage };
}
