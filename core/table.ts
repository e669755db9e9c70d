/**
 * What every register adapter (the local workbook, Google Sheets) shares: how a header is matched
 * to the schema, how a cell a spreadsheet program wrote becomes the register's text or number,
 * and the rule that each writer writes only its own columns.
 */
import type { Column, Penulis, Tab } from '../sheets-schema/index.js';
import { PengaduanError } from './errors.js';
import { formatWib, isoFromDay, WIB_OFFSET_MS } from './time.js';
import type { CellValue } from './record.js';

export type Row = Record<string, CellValue>;

/** Headers match whatever their case and spacing: staff retype them. */
function normalizeHeader(h: string): string {
  return h.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Maps the header row to column keys: `headers[i]` is the text of column i (0-based). Two
 * columns with the same header are refused (the register would be ambiguous).
 */
export function columnPositions(tab: Tab, headers: readonly string[]): Map<string, number> {
  const byHeader = new Map(tab.columns.map((c) => [normalizeHeader(c.header), c] as const));
  const positions = new Map<string, number>();
  headers.forEach((h, i) => {
    const column = byHeader.get(normalizeHeader(h));
    if (!column) return;
    if (positions.has(column.key)) {
      throw new PengaduanError('REGISTER_RUSAK', `Tab "${tab.name}" memiliki dua kolom berjudul "${column.header}". Hapus atau ganti nama salah satunya.`);
    }
    positions.set(column.key, i);
  });
  return positions;
}

/**
 * A date-time stored as a spreadsheet serial number (days since 1899-12-30, wall clock of the
 * register's time zone, WIB) as the register's text: an ISO date for date columns, a WIB time
 * for the rest.
 */
export function fromSerial(serial: number, column: Column | undefined): string {
  // Not a date a spreadsheet can hold (a phone number pasted into the column): kept as typed, so
  // that only its own row is reported as unreadable.
  if (!(serial >= 0 && serial <= 2_958_465)) return String(serial);
  return fromWallClock(Math.round((serial - 25_569) * 86_400_000), column);
}

/**
 * A date-time as the register's wall clock (WIB) in milliseconds, read as if it were UTC (what a
 * serial number or an .xlsx date holds): an ISO date for date columns, a WIB time for the rest.
 */
export function fromWallClock(wallClockMs: number, column: Column | undefined): string {
  if (column?.type === 'tanggal') return isoFromDay(Math.floor(wallClockMs / 86_400_000));
  return formatWib(wallClockMs - WIB_OFFSET_MS);
}

/** The schema's date and time columns: a number there is a date a person typed, not a count. */
export const isDateColumn = (column: Column | undefined): boolean => column?.type === 'tanggal' || column?.type === 'waktu';

/**
 * A plain spreadsheet value (text, number, checkbox, empty), as Google Sheets hands it to the
 * functions' API and to Apps Script, as the register's text or number: a checkbox as ya/tidak,
 * a number in a date column as the date it stands for.
 */
export function scalarCell(value: string | number | boolean | null | undefined, column: Column | undefined): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'ya' : 'tidak';
  if (typeof value === 'number' && isDateColumn(column)) return fromSerial(value, column);
  return value;
}

/** Refuses (a programming error) a write by `writer` into a column it does not own. */
export function assertWriter(tab: Tab, keys: Iterable<string>, writer: Penulis): void {
  for (const key of keys) {
    const column = tab.columns.find((c) => c.key === key);
    if (!column) throw new PengaduanError('KOLOM_TIDAK_DITEMUKAN', `Kolom dengan kunci "${key}" tidak ada dalam skema tab "${tab.name}".`);
    if (column.writer !== writer) {
      throw new Error(`Writer ${writer} may not write column ${key} (owned by ${column.writer})`, { cause: { code: 'KOLOM_BUKAN_MILIK_PENULIS' } });
    }
  }
}

/** Refuses an appended row with a column none of `writers` owns. */
export function assertAppenders(tab: Tab, keys: Iterable<string>, writers: readonly Penulis[]): void {
  for (const key of keys) {
    const column = tab.columns.find((c) => c.key === key);
    if (!column || !writers.includes(column.writer)) {
      throw new Error(`Writers ${writers.join(',')} may not write column ${key}`, { cause: { code: 'KOLOM_BUKAN_MILIK_PENULIS' } });
    }
  }
}

/** The message for a value found in two rows of a keyed tab (a row pasted twice). */
export function duplicateKeyError(tab: Tab, key: string, value: string, rows: readonly number[]): PengaduanError {
  const header = tab.columns.find((c) => c.key === key)?.header ?? key;
  return new PengaduanError(
    'REGISTER_RUSAK',
    `${header} "${value.trim().slice(0, 60)}" tercatat di lebih dari satu baris tab "${tab.name}" (baris ${rows.join(', ')}). Hapus baris salinannya, lalu ulangi.`,
  );
}

export function missingColumnError(tab: Tab, key: string): PengaduanError {
  const header = tab.columns.find((c) => c.key === key)?.header ?? key;
  return new PengaduanError('KOLOM_TIDAK_DITEMUKAN', `Kolom "${header}" tidak ditemukan di tab "${tab.name}".`);
}

/** A spreadsheet's column letters for a 1-based column number: 1 → A, 27 → AA. */
export function columnLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
