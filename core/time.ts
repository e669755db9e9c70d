/**
 * Dates and instants in Asia/Jakarta (WIB), the office's time zone. A calendar date is handled
 * as a day number (days since 1970-01-01) so that working-day arithmetic is integer arithmetic.
 * WIB has been UTC+7 without daylight saving since 1964, so the conversions below are exact for
 * every date this system meets (a test checks them against luxon's tz database). Parsing of
 * user-typed timestamps goes through luxon. Nothing here reads the clock: `now` is always passed.
 */
import { DateTime } from 'luxon';
import { PengaduanError } from './errors.js';

export const ZONE = 'Asia/Jakarta';
export const WIB_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil). */
export function dayFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number. */
export function civilFromDay(day: number): { y: number; m: number; d: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a `YYYY-MM-DD` date, or undefined when it is not a real date. */
export function tryDayFromIso(date: string): number | undefined {
  const m = ISO_DATE.exec(date);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const day = dayFromCivil(y, mo, d);
  const back = civilFromDay(day);
  return back.m === mo && back.d === d ? day : undefined;
}

export function dayFromIso(date: string): number {
  const day = tryDayFromIso(date);
  if (day === undefined) {
    throw new PengaduanError('TANGGAL_TIDAK_VALID', `Tanggal "${date}" tidak valid. Gunakan format TTTT-BB-HH, misalnya 2026-03-17.`);
  }
  return day;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function isoFromDay(day: number): string {
  const { y, m, d } = civilFromDay(day);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Weekday of a day number, 1 = Monday … 7 = Sunday (ISO). 1970-01-01 was a Thursday. */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The instant of a WIB wall-clock time on a day: `wibInstant(day, 12)` is noon WIB. */
export function wibInstant(day: number, hh = 0, mm = 0): number {
  return day * DAY_MS + (hh * 60 + mm) * 60_000 - WIB_OFFSET_MS;
}

/** The WIB calendar date (day number) of an instant. */
export function wibDay(epochMs: number): number {
  return Math.floor((epochMs + WIB_OFFSET_MS) / DAY_MS);
}

export function yearOfDay(day: number): number {
  return civilFromDay(day).y;
}

/** An instant as the register writes it: `YYYY-MM-DD HH:mm:ss` in WIB. */
export function formatWib(epochMs: number): string {
  return new Date(epochMs + WIB_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** An instant as people read it on a page: `2026-03-17 09:00 WIB`. */
export function jamWib(epochMs: number): string {
  return `${formatWib(epochMs).slice(0, 16)} WIB`;
}

/** An instant as ISO 8601 with the WIB offset: `2026-03-17T09:00:00+07:00`. */
export function isoWib(epochMs: number): string {
  return `${new Date(epochMs + WIB_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * The register's own `YYYY-MM-DD HH:mm:ss` (WIB), parsed without regular expressions or
 * allocation: the SLA sweep reads a few of these per complaint, over the whole register.
 */
export function parseRegisterTimestamp(s: string): number | undefined {
  if (s.length !== 19 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 32 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) {
    return undefined;
  }
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  const h = digits(s, 11, 2);
  const mi = digits(s, 14, 2);
  const se = digits(s, 17, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > (DAYS_IN_MONTH[m - 1] ?? 0) || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 59) return undefined;
  if (m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return undefined;
  return dayFromCivil(y, m, d) * DAY_MS + ((h * 60 + mi) * 60 + se) * 1000 - WIB_OFFSET_MS;
}

const REGISTER_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Parses a timestamp: ISO 8601 with an offset or `Z`; without one it is read as WIB (also the
 * register's `YYYY-MM-DD HH:mm[:ss]`); a bare date is midnight WIB. Returns epoch milliseconds,
 * or undefined when the text is not a timestamp.
 */
export function tryParseInstant(text: string): number | undefined {
  const fast = parseRegisterTimestamp(text);
  if (fast !== undefined) return fast;
  const s = text.trim();
  const reg = REGISTER_TIMESTAMP.exec(s);
  if (reg) {
    const day = tryDayFromIso(reg[1] ?? '');
    const h = Number(reg[2]);
    const mi = Number(reg[3]);
    const se = Number(reg[4] ?? '0');
    if (day === undefined || h > 23 || mi > 59 || se > 59) return undefined;
    return day * DAY_MS + ((h * 60 + mi) * 60 + se) * 1000 - WIB_OFFSET_MS;
  }
  const dateOnly = tryDayFromIso(s);
  if (dateOnly !== undefined) return dateOnly * DAY_MS - WIB_OFFSET_MS;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(s)) return undefined;
  const dt = DateTime.fromISO(s, { zone: ZONE, setZone: false });
  return dt.isValid ? dt.toMillis() : undefined;
}

export function parseInstant(text: string, what = 'Waktu'): number {
  const ms = tryParseInstant(text);
  if (ms === undefined) {
    throw new PengaduanError(
      'TANGGAL_TIDAK_VALID',
      `${what} "${text}" tidak valid. Gunakan TTTT-BB-HH, TTTT-BB-HH JJ:MM, atau ISO 8601 (misalnya 2026-03-17T09:30:00+07:00).`,
    );
  }
  return ms;
}

const DAY_NAMES = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'] as const;
const MONTH_NAMES = [
  'Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni',
  'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember',
] as const;

export function namaHari(day: number): string {
  return DAY_NAMES[isoWeekday(day) - 1] ?? '';
}

export function namaBulan(month: number): string {
  return MONTH_NAMES[month - 1] ?? '';
}

/** `Kamis, 2 April 2026`. */
export function tanggalPanjang(day: number): string {
  const { y, m, d } = civilFromDay(day);
  return `${namaHari(day)}, ${d} ${namaBulan(m)} ${y}`;
}
