/**
 * The register Sheet as the register service's tables (core/register.ts `RegisterTables`), read
 * and written through SpreadsheetApp. The same rules as the workbook and the Sheets API adapter
 * (core/table.ts): columns by header, rows by registration number, each writer its own columns.
 *
 * The cost of an action does not grow with the register. Small tabs (Peran, Pengaturan, Libur,
 * Penomoran) are read whole in one call. The large ones (Pengaduan, Riwayat) are read lazily: the
 * header row, then only the columns and rows the operation asks for, each in one call. Writes are
 * buffered and sent by `commit()`: one `setValues` per run of adjacent changed cells of a row,
 * one per block of appended rows. Before writing, the registration numbers are read again (one
 * call) and every changed row is located by its number, so a person who sorted the sheet while
 * the action ran does not get values written into another complaint's row.
 *
 * Text is written so that Sheets keeps it as typed (a citizen's `=IMPORTXML(…)` stays text,
 * `0812…` keeps its zero, `2026-04-02` is not turned into a date), the way the functions write
 * with `valueInputOption: RAW`: into a cell formatted as plain text ('@', as Setup formats the
 * register's text columns) as it is, anywhere else behind an apostrophe, the quote prefix Sheets
 * does not store. Each written range's formats are read first (one call), so a column someone
 * re-formatted by hand gets neither a stray apostrophe nor a formula.
 */
import { TABS, type Column, type Penulis, type Tab, type TabKey } from '../sheets-schema/index.js';
import { PengaduanError } from '../core/errors.js';
import type { CellValue } from '../core/record.js';
import type { RegisterTables, TableLike } from '../core/register.js';
import { assertAppenders, assertWriter, columnPositions, duplicateKeyError, missingColumnError, scalarCell, type Row } from '../core/table.js';
import { formatWib, isoFromDay, wibDay } from '../core/time.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Admin-typed columns Setup formats as plain text ('@'), so an 18-digit NIP or a leading zero
 * survives typing (the register's own text columns are formatted so too, see siapkan.ts).
 */
export const PLAIN_TEXT: Partial<Record<TabKey, readonly string[]>> = { peran: ['email', 'nip'], pengaturan: ['kunci', 'nilai'] };
/** The number format of a plain-text cell. */
export const TEXT_FORMAT = '@';

/** Tabs small enough to read whole; the others are read by column and by row. */
const WHOLE: readonly TabKey[] = ['peran', 'pengaturan', 'libur', 'penomoran'];

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** A cell as getValues() returns it, as the register's text or number. */
export function readCell(v: unknown, column: Column | undefined): CellValue {
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return scalarCell(v, column);
  if (isDate(v)) {
    const ms = v.getTime();
    if (Number.isNaN(ms)) return '';
    // The spreadsheet's time zone is Asia/Jakarta (Setup sets it), so a Date is the instant a person meant.
    return column?.type === 'tanggal' ? isoFromDay(wibDay(ms)) : formatWib(ms);
  }
  // Nothing else comes out of getValues(); anything that did is not a register value.
  return '';
}

/** A value as setValues() must receive it to be stored literally in a cell of `format`. */
export function literal(v: CellValue | undefined, format = ''): string | number {
  if (v === undefined || v === '') return '';
  if (typeof v === 'number' || format === TEXT_FORMAT) return v;
  return `'${v}`;
}

interface PendingRow {
  /** The row number when it was read; relocated by key at commit. */
  rowNumber: number;
  key: string;
  cells: Map<number, CellValue>;
}

/** One tab of the register Sheet. */
export class SheetTable implements TableLike {
  readonly tab: Tab;
  private readonly sheet: Sheet;
  private readonly whole: boolean;
  private headerCache: string[] | undefined;
  private colOf: Map<string, number> | undefined;
  private lastRowCache: number | undefined;
  private data: unknown[][] | undefined;
  private readonly columnCache = new Map<string, unknown[]>();
  private readonly rowCache = new Map<number, unknown[]>();
  private index: { key: string; rows: Map<string, number>; dup: Map<string, number[]>; byRow: Map<number, string> } | undefined;
  private readonly updates = new Map<number, PendingRow>();
  private readonly appended: Row[] = [];
  private replacement: readonly Row[] | undefined;

  constructor(tab: Tab, sheet: Sheet, whole: boolean) {
    this.tab = tab;
    this.sheet = sheet;
    this.whole = whole;
  }

  /** Writes `rows` at (row, col), each text literal for the format its cell has now. */
  private write(row: number, col: number, rows: readonly (readonly (CellValue | undefined)[])[]): void {
    const range = this.sheet.getRange(row, col, rows.length, rows[0]?.length ?? 0);
    const formats = range.getNumberFormats();
    range.setValues(rows.map((line, i) => line.map((v, j) => literal(v, formats[i]?.[j]))));
  }

  private loadWhole(): unknown[][] {
    if (!this.data) {
      const values = this.sheet.getDataRange().getValues();
      this.headerCache = (values[0] ?? []).map((h) => String(h));
      this.lastRowCache = values.length;
      this.data = values.slice(1);
    }
    return this.data;
  }

  private header(): string[] {
    if (!this.headerCache) {
      if (this.whole) this.loadWhole();
      else {
        const width = this.sheet.getLastColumn();
        this.headerCache = width === 0 ? [] : (this.sheet.getRange(1, 1, 1, width).getValues()[0] ?? []).map((h) => String(h));
      }
    }
    return this.headerCache ?? [];
  }

  private positions(): Map<string, number> {
    this.colOf ??= columnPositions(this.tab, this.header());
    return this.colOf;
  }

  hasColumn(key: string): boolean {
    return this.positions().has(key);
  }

  private col(key: string): number {
    const i = this.positions().get(key);
    if (i === undefined) throw missingColumnError(this.tab, key);
    return i;
  }

  private columnOf(key: string): Column | undefined {
    return this.tab.columns.find((c) => c.key === key);
  }

  /** The last row that holds data (the header is row 1). */
  lastRow(): number {
    if (this.lastRowCache === undefined) {
      if (this.whole) this.loadWhole();
      else this.lastRowCache = this.sheet.getLastRow();
    }
    return this.lastRowCache ?? 0;
  }

  private rawColumn(key: string): unknown[] {
    const c = this.col(key);
    if (this.whole || this.data) return this.loadWhole().map((r) => r[c]);
    let values = this.columnCache.get(key);
    if (!values) {
      const n = this.lastRow() - 1;
      values = n <= 0 ? [] : this.sheet.getRange(2, c + 1, n, 1).getValues().map((r): unknown => r[0]);
      this.columnCache.set(key, values);
    }
    return values;
  }

  private rawRow(rowNumber: number): unknown[] {
    if (this.whole || this.data) return this.loadWhole()[rowNumber - 2] ?? [];
    let values = this.rowCache.get(rowNumber);
    if (!values) {
      const width = this.header().length;
      values = width === 0 ? [] : (this.sheet.getRange(rowNumber, 1, 1, width).getValues()[0] ?? []);
      this.rowCache.set(rowNumber, values);
    }
    return values;
  }

  private toRow(raw: readonly unknown[], rowNumber: number): Row {
    const out: Row = {};
    for (const [key, i] of this.positions()) out[key] = readCell(raw[i], this.columnOf(key));
    const pending = this.updates.get(rowNumber);
    if (pending) for (const [i, v] of pending.cells) for (const [key, j] of this.positions()) if (i === j) out[key] = v;
    return out;
  }

  rows(): { rowNumber: number; values: Row }[] {
    if (this.whole) this.loadWhole();
    if (!this.data) {
      const width = this.header().length;
      const n = this.lastRow() - 1;
      this.data = n <= 0 || width === 0 ? [] : this.sheet.getRange(2, 1, n, width).getValues();
    }
    const out: { rowNumber: number; values: Row }[] = [];
    const mapped = [...this.positions().values()];
    this.data.forEach((raw, i) => {
      if (mapped.every((c) => readCell(raw[c], undefined) === '')) return;
      out.push({ rowNumber: i + 2, values: this.toRow(raw, i + 2) });
    });
    const first = this.lastRow() + 1;
    this.appended.forEach((values, i) => out.push({ rowNumber: first + i, values: { ...values } }));
    return out;
  }

  /**
   * The given columns of every data row, aligned by row, one read per column whatever the
   * register's size (for the lists in the dialogs). Rows blank in all of them are left out.
   */
  select(keys: readonly string[]): { rowNumber: number; values: Row }[] {
    const present = keys.filter((k) => this.hasColumn(k));
    const columns = present.map((k) => [k, this.rawColumn(k), this.columnOf(k)] as const);
    const n = Math.max(0, this.lastRow() - 1);
    const out: { rowNumber: number; values: Row }[] = [];
    for (let i = 0; i < n; i++) {
      const values: Row = {};
      let blank = true;
      for (const [k, raw, column] of columns) {
        const v = readCell(raw[i], column);
        values[k] = v;
        if (v !== '') blank = false;
      }
      if (!blank) out.push({ rowNumber: i + 2, values });
    }
    return out;
  }

  columnValues(key: string): string[] {
    const column = this.columnOf(key);
    const out = this.rawColumn(key)
      .map((v) => String(readCell(v, column)).trim())
      .filter((v) => v !== '');
    for (const a of this.appended) {
      const v = a[key];
      if (v !== undefined && String(v).trim() !== '') out.push(String(v).trim());
    }
    return out;
  }

  find(key: string, value: string): number | undefined {
    if (this.index?.key !== key) {
      const rows = new Map<string, number>();
      const dup = new Map<string, number[]>();
      const byRow = new Map<number, string>();
      const column = this.columnOf(key);
      this.rawColumn(key).forEach((raw, i) => {
        const v = String(readCell(raw, column)).trim();
        if (v === '') return;
        byRow.set(i + 2, v);
        const first = rows.get(v);
        if (first === undefined) rows.set(v, i + 2);
        else dup.set(v, [...(dup.get(v) ?? [first]), i + 2]);
      });
      this.index = { key, rows, dup, byRow };
    }
    const wanted = value.trim();
    const dup = this.index.dup.get(wanted);
    if (dup) throw duplicateKeyError(this.tab, key, value, dup);
    const hit = this.index.rows.get(wanted);
    if (hit !== undefined) return hit;
    const i = this.appended.findIndex((a) => String(a[key] ?? '').trim() === wanted);
    return i < 0 ? undefined : this.lastRow() + 1 + i;
  }

  get(rowNumber: number): Row {
    const first = this.lastRow() + 1;
    if (rowNumber >= first) return { ...(this.appended[rowNumber - first] ?? {}) };
    const raw = this.rawRow(rowNumber);
    // The row was found by its key in an earlier read: a sort in between would hand back another row.
    const keyColumn = this.tab.keyColumn;
    if (!this.whole && keyColumn && this.index?.key === keyColumn) {
      const expected = this.index.byRow.get(rowNumber) ?? '';
      const found = String(readCell(raw[this.col(keyColumn)], undefined)).trim();
      if (found !== expected) throw this.changed();
    }
    return this.toRow(raw, rowNumber);
  }

  private changed(): PengaduanError {
    return new PengaduanError(
      'REGISTER_BERUBAH',
      `Tab "${this.tab.name}" diurutkan atau diubah susunannya saat tindakan berjalan; tidak ada yang disimpan. Ulangi tindakannya.`,
    );
  }

  update(rowNumber: number, patch: Row, writer: Penulis): void {
    assertWriter(this.tab, Object.keys(patch), writer);
    const first = this.lastRow() + 1;
    if (rowNumber >= first) {
      const row = this.appended[rowNumber - first];
      if (!row) throw new Error(`Row ${rowNumber} of ${this.tab.name} does not exist`, { cause: { code: 'BARIS_TIDAK_ADA' } });
      Object.assign(row, patch);
      return;
    }
    const keyColumn = this.tab.keyColumn;
    const key = keyColumn ? String(readCell(this.rawRow(rowNumber)[this.col(keyColumn)], undefined)).trim() : '';
    const pending = this.updates.get(rowNumber) ?? { rowNumber, key, cells: new Map<number, CellValue>() };
    for (const [k, v] of Object.entries(patch)) pending.cells.set(this.col(k), v ?? '');
    this.updates.set(rowNumber, pending);
    if (this.index && Object.hasOwnProperty.call(patch, this.index.key)) this.index = undefined;
  }

  append(values: Row, writers: readonly Penulis[]): number {
    assertAppenders(this.tab, Object.keys(values), writers);
    for (const k of Object.keys(values)) this.col(k);
    this.appended.push({ ...values });
    return this.lastRow() + this.appended.length;
  }

  replaceAll(rows: readonly Row[], writer: Penulis): void {
    assertWriter(this.tab, this.tab.columns.map((c) => c.key), writer);
    for (const c of this.tab.columns) this.col(c.key);
    this.replacement = rows;
  }

  /** Whether anything waits to be written. */
  get dirty(): boolean {
    return this.updates.size > 0 || this.appended.length > 0 || this.replacement !== undefined;
  }

  /** Writes what the operation changed. Rows are located again by their key first. */
  commit(): void {
    if (this.replacement) this.writeReplacement(this.replacement);
    if (this.updates.size > 0) this.writeUpdates();
    if (this.appended.length > 0) this.writeAppends();
    this.updates.clear();
    this.appended.length = 0;
    this.replacement = undefined;
  }

  private writeUpdates(): void {
    const keyColumn = this.tab.keyColumn;
    let where: Map<string, number[]> | undefined;
    if (keyColumn && !this.whole) {
      // A column moved since the header was read would shift every write: refuse instead.
      const width = this.header().length;
      const header = width === 0 ? [] : (this.sheet.getRange(1, 1, 1, width).getValues()[0] ?? []).map((h) => String(h));
      if (header.join('\u0000') !== this.header().join('\u0000')) throw this.changed();
      // The numbers as they stand now: a sort between the read and this write moves rows.
      const c = this.col(keyColumn);
      const last = this.sheet.getLastRow();
      const now = last < 2 ? [] : this.sheet.getRange(2, c + 1, last - 1, 1).getValues();
      where = new Map();
      now.forEach((r, i) => {
        const v = String(readCell(r[0], undefined)).trim();
        if (v !== '') where?.set(v, [...(where.get(v) ?? []), i + 2]);
      });
    }
    for (const pending of this.updates.values()) {
      let rowNumber = pending.rowNumber;
      if (where && keyColumn) {
        const rows = where.get(pending.key) ?? [];
        if (rows.length !== 1) {
          throw new PengaduanError(
            'REGISTER_BERUBAH',
            rows.length === 0
              ? `Baris pengaduan ${pending.key} hilang dari tab "${this.tab.name}" saat tindakan berjalan; tidak ada yang disimpan. Periksa tab itu, lalu ulangi.`
              : `Nomor ${pending.key} kini tercatat di baris ${rows.join(', ')} tab "${this.tab.name}"; hapus baris salinannya, lalu ulangi. Tidak ada yang disimpan.`,
          );
        }
        rowNumber = rows[0] ?? rowNumber;
      }
      const cols = [...pending.cells.keys()].sort((a, b) => a - b);
      let start = 0;
      for (let i = 1; i <= cols.length; i++) {
        if (i < cols.length && cols[i] === (cols[i - 1] ?? 0) + 1) continue;
        const run = cols.slice(start, i);
        const first = run[0] ?? 0;
        this.write(rowNumber, first + 1, [run.map((c) => pending.cells.get(c))]);
        start = i;
      }
    }
  }

  private lineOf(values: Row, first: number, width: number): CellValue[] {
    const line: CellValue[] = new Array<CellValue>(width).fill('');
    for (const [key, i] of this.positions()) if (i >= first && i < first + width) line[i - first] = values[key] ?? '';
    return line;
  }

  private span(): { first: number; width: number } {
    const cols = [...this.positions().values()];
    const first = Math.min(...cols);
    return { first, width: Math.max(...cols) - first + 1 };
  }

  private ensureRows(lastNeeded: number): void {
    const max = this.sheet.getMaxRows();
    if (lastNeeded > max) this.sheet.insertRowsAfter(max, lastNeeded - max);
  }

  private writeAppends(): void {
    const { first, width } = this.span();
    // Appended below the last row as it is now, so a row another execution added is never overwritten.
    const start = this.sheet.getLastRow() + 1;
    this.ensureRows(start + this.appended.length - 1);
    this.write(start, first + 1, this.appended.map((r) => this.lineOf(r, first, width)));
  }

  private writeReplacement(rows: readonly Row[]): void {
    const { first, width } = this.span();
    const last = this.sheet.getLastRow();
    if (rows.length > 0) {
      this.ensureRows(rows.length + 1);
      this.write(2, first + 1, rows.map((r) => this.lineOf(r, first, width)));
    }
    if (last > rows.length + 1) this.sheet.getRange(rows.length + 2, first + 1, last - rows.length - 1, width).clearContent();
  }
}

/** The register's tabs in one spreadsheet, for one operation. */
export class SheetRegister implements RegisterTables {
  private readonly tables = new Map<TabKey, SheetTable>();
  readonly spreadsheet: Spreadsheet;

  constructor(spreadsheet: Spreadsheet) {
    this.spreadsheet = spreadsheet;
  }

  table(key: TabKey): SheetTable {
    let t = this.tables.get(key);
    if (!t) {
      const tab: Tab = TABS[key];
      const sheet = this.spreadsheet.getSheetByName(tab.name);
      if (!sheet) {
        throw new PengaduanError('TAB_TIDAK_DITEMUKAN', `Tab "${tab.name}" tidak ditemukan di spreadsheet. Jalankan menu Admin → Siapkan spreadsheet, atau kembalikan nama tabnya.`);
      }
      t = new SheetTable(tab, sheet, WHOLE.includes(key));
      this.tables.set(key, t);
    }
    return t;
  }

  /** Writes every tab's changes; the register (its key check) first, then the rest. */
  commit(): void {
    const order = [...this.tables.entries()].sort(([a], [b]) => (a === 'pengaduan' ? -1 : b === 'pengaduan' ? 1 : 0));
    for (const [, t] of order) if (t.dirty) t.commit();
  }
}
