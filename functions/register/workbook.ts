/**
 * The local register: a `.xlsx` workbook with the schema's tabs, for offices without a Google
 * account (the embedded default). It behaves like the Google Sheet is meant to:
 * - columns are found by their header, rows by their key value (the registration number), so a
 *   workbook that a person re-sorted, filtered, or gave extra columns still works, and the extra
 *   columns and cells survive every write;
 * - a tab or column the schema has and the workbook lacks is added (never removed or reordered);
 * - each writer touches only the columns it owns (sheets-schema's `writer`);
 * - every change happens inside `transaction()`: an exclusive lock file (proper-lockfile, so two
 *   processes never interleave a read-modify-write), the whole workbook read fresh, and an atomic
 *   replace on save (write a temporary file, fsync, rename), so a crash mid-write leaves the old
 *   file intact.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import lockfile from 'proper-lockfile';
import { TABS, TAB_KEYS, type Column, type Penulis, type Tab, type TabKey } from '../../sheets-schema/index.js';
import { fsReason, isKnownFsError } from '../files.js';
import { PengaduanError } from '../../core/errors.js';
import type { CellValue } from '../../core/record.js';
import { assertAppenders, assertWriter, columnPositions, duplicateKeyError, fromWallClock, missingColumnError, type Row } from '../../core/table.js';

export type { Row };

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };

/** A cell's value as the register's text or number, whatever a spreadsheet program wrote there. */
function readCell(value: ExcelJS.CellValue, column: Column | undefined): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'ya' : 'tidak';
  // Excel stores dates as local wall-clock values; exceljs hands them back as UTC fields.
  if (value instanceof Date) return fromWallClock(value.getTime(), column);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return readCell(value.result, column);
    if ('error' in value) return '';
  }
  return '';
}

/** One tab of the workbook, mapped by header. */
export class Table {
  readonly tab: Tab;
  private readonly sheet: ExcelJS.Worksheet;
  private readonly colOf = new Map<string, number>();
  private readonly columnByKey: Map<string, Column>;
  private readonly markDirty: () => void;
  private index: Map<string, number> | undefined;
  private duplicates: Map<string, number[]> | undefined;
  private indexColumn: string | undefined;

  constructor(tab: Tab, sheet: ExcelJS.Worksheet, markDirty: () => void) {
    this.tab = tab;
    this.sheet = sheet;
    this.markDirty = markDirty;
    this.columnByKey = new Map(tab.columns.map((c) => [c.key, c]));
    const headers: string[] = [];
    sheet.getRow(1).eachCell({ includeEmpty: false }, (c, colNumber) => {
      headers[colNumber - 1] = String(readCell(c.value, undefined));
    });
    for (const [key, i] of columnPositions(tab, Array.from(headers, (h) => h ?? ''))) this.colOf.set(key, i + 1);
  }

  hasColumn(key: string): boolean {
    return this.colOf.has(key);
  }

  /** Whether any row below the header holds a value. */
  hasData(): boolean {
    return (this.sheet.lastRow?.number ?? 1) > 1;
  }

  /** Adds the schema's columns that the sheet lacks, at the end; returns their headers. */
  addMissingColumns(): string[] {
    const added: string[] = [];
    let last = Math.max(0, this.sheet.getRow(1).cellCount, this.sheet.columnCount);
    for (const c of this.tab.columns) {
      if (this.colOf.has(c.key)) continue;
      last += 1;
      this.colOf.set(c.key, last);
      const cellRef = this.sheet.getRow(1).getCell(last);
      cellRef.value = c.header;
      styleHeader(cellRef);
      added.push(c.header);
    }
    if (added.length > 0) this.markDirty();
    return added;
  }

  private col(key: string): number {
    const n = this.colOf.get(key);
    if (n === undefined) {
      throw missingColumnError(this.tab, key);
    }
    return n;
  }

  private readRow(rowNumber: number): Row {
    const row = this.sheet.getRow(rowNumber);
    const out: Row = {};
    for (const [key, n] of this.colOf) out[key] = readCell(row.getCell(n).value, this.columnByKey.get(key));
    return out;
  }

  private isBlankRow(rowNumber: number): boolean {
    const row = this.sheet.getRow(rowNumber);
    for (const n of this.colOf.values()) {
      const v = readCell(row.getCell(n).value, undefined);
      if (v !== '') return false;
    }
    return true;
  }

  /** Every non-blank data row, with its current row number (valid only inside this transaction). */
  rows(): { rowNumber: number; values: Row }[] {
    const out: { rowNumber: number; values: Row }[] = [];
    const last = this.sheet.actualRowCount === 0 ? 0 : this.sheet.lastRow?.number ?? 0;
    for (let r = 2; r <= last; r++) {
      if (this.isBlankRow(r)) continue;
      out.push({ rowNumber: r, values: this.readRow(r) });
    }
    return out;
  }

  /** Values of one column in every data row (for numbering and duplicate checks). */
  columnValues(key: string): string[] {
    const n = this.col(key);
    const out: string[] = [];
    const last = this.sheet.lastRow?.number ?? 0;
    for (let r = 2; r <= last; r++) {
      const v = readCell(this.sheet.getRow(r).getCell(n).value, undefined);
      if (v !== '') out.push(String(v).trim());
    }
    return out;
  }

  /**
   * The row whose `key` column equals `value` (trimmed, exact), or undefined. A value found in
   * two rows (a row pasted twice) is ambiguous: refused, like two columns with one header.
   */
  find(key: string, value: string): number | undefined {
    if (this.indexColumn !== key || !this.index) {
      const n = this.col(key);
      const index = new Map<string, number>();
      const dup = new Map<string, number[]>();
      const last = this.sheet.lastRow?.number ?? 0;
      for (let r = 2; r <= last; r++) {
        const v = String(readCell(this.sheet.getRow(r).getCell(n).value, undefined)).trim();
        if (v === '') continue;
        const first = index.get(v);
        if (first === undefined) index.set(v, r);
        else dup.set(v, [...(dup.get(v) ?? [first]), r]);
      }
      this.index = index;
      this.duplicates = dup;
      this.indexColumn = key;
    }
    const rows = this.duplicates?.get(value.trim());
    if (rows) {
      throw duplicateKeyError(this.tab, key, value, rows);
    }
    return this.index.get(value.trim());
  }

  get(rowNumber: number): Row {
    return this.readRow(rowNumber);
  }

  private writeCell(row: ExcelJS.Row, key: string, value: CellValue | undefined): void {
    const cell = row.getCell(this.col(key));
    // A string is always written as a string cell: text that looks like a formula stays text.
    cell.value = value === undefined || value === '' ? null : value;
  }

  /** Writes `patch` into the row; every column must belong to `writer`. */
  update(rowNumber: number, patch: Row, writer: Penulis): void {
    assertWriter(this.tab, Object.keys(patch), writer);
    const row = this.sheet.getRow(rowNumber);
    for (const [k, v] of Object.entries(patch)) this.writeCell(row, k, v);
    // Rows do not move on update: the index stays valid unless its own column changed.
    if (this.indexColumn !== undefined && Object.hasOwn(patch, this.indexColumn)) this.index = undefined;
    this.markDirty();
  }

  /** Appends a row after the last used one; columns owned by other writers are left empty. */
  append(values: Row, writers: readonly Penulis[]): number {
    assertAppenders(this.tab, Object.keys(values), writers);
    const rowNumber = (this.sheet.lastRow?.number ?? 1) + 1;
    const row = this.sheet.getRow(rowNumber);
    for (const [k, v] of Object.entries(values)) this.writeCell(row, k, v);
    this.index = undefined;
    this.markDirty();
    return rowNumber;
  }

  /** Replaces every data row (for derived tabs such as the dashboard). */
  replaceAll(rows: readonly Row[], writer: Penulis): void {
    assertWriter(this.tab, this.tab.columns.map((c) => c.key), writer);
    // Overwrite in place, then blank what is left below (exceljs's spliceRows leaves the last rows).
    const last = this.sheet.lastRow?.number ?? 1;
    rows.forEach((values, i) => {
      const row = this.sheet.getRow(i + 2);
      for (const c of this.tab.columns) this.writeCell(row, c.key, values[c.key]);
    });
    for (let r = rows.length + 2; r <= last; r++) {
      const row = this.sheet.getRow(r);
      for (const c of this.tab.columns) this.writeCell(row, c.key, undefined);
    }
    this.index = undefined;
    this.markDirty();
  }
}

function styleHeader(cell: ExcelJS.Cell): void {
  cell.font = { bold: true };
  cell.fill = HEADER_FILL;
  cell.alignment = { vertical: 'middle', wrapText: true };
}

function widthOf(c: Column): number {
  if (c.type === 'teks_panjang' || c.type === 'json') return 40;
  if (c.type === 'waktu') return 20;
  return Math.min(30, Math.max(12, c.header.length + 2));
}

function addSheet(wb: ExcelJS.Workbook, tab: Tab): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(tab.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = tab.columns.map((c) => ({ header: c.header, key: c.key, width: widthOf(c), hidden: c.hidden ?? false }));
  ws.getRow(1).eachCell((cell) => styleHeader(cell));
  ws.getRow(1).height = 32; // two lines of a wrapped header
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: tab.columns.length } };
  // No data-validation lists here: exceljs expands a validated range into one entry per cell on
  // every load (100,000 rows × a dozen columns made each command take seconds). The Google Sheet
  // gets its validation lists from Setup; here the service validates every value it writes.
  return ws;
}

/** The workbook in memory during one transaction. */
export class RegisterBook {
  readonly workbook: ExcelJS.Workbook;
  readonly created: boolean;
  /** Tabs and columns added to bring an older workbook up to the schema. */
  readonly upgraded: string[] = [];
  private dirty: boolean;
  private readonly tables = new Map<TabKey, Table>();

  constructor(workbook: ExcelJS.Workbook, created: boolean) {
    this.workbook = workbook;
    this.created = created;
    this.dirty = created;
    for (const key of TAB_KEYS) {
      const tab: Tab = TABS[key];
      let sheet = workbook.getWorksheet(tab.name);
      if (!sheet && !created && !tab.derived) {
        throw new PengaduanError(
          'TAB_TIDAK_DITEMUKAN',
          `Tab "${tab.name}" tidak ditemukan di register (tab yang ada: ${workbook.worksheets.map((w) => w.name).join(', ')}). ` +
            `Bila namanya diubah, kembalikan menjadi "${tab.name}".`,
        );
      }
      if (!sheet) {
        sheet = addSheet(workbook, tab);
        if (!created) this.upgraded.push(`tab ${tab.name}`);
        this.dirty = true;
      }
      const table = new Table(tab, sheet, () => {
        this.dirty = true;
      });
      if (!created && !tab.derived && table.hasData()) {
        const lost = tab.columns.filter((c) => (c.required || c.essential) && !table.hasColumn(c.key)).map((c) => `"${c.header}"`);
        if (lost.length > 0) {
          throw new PengaduanError(
            'KOLOM_TIDAK_DITEMUKAN',
            `Tab "${tab.name}" tidak memiliki kolom ${lost.join(', ')} yang diperlukan sistem. Bila judul kolomnya diubah, kembalikan seperti semula; bila terhapus, pulihkan dari versi sebelumnya.`,
          );
        }
      }
      for (const h of table.addMissingColumns()) this.upgraded.push(`kolom "${h}" di tab ${tab.name}`);
      this.tables.set(key, table);
    }
  }

  table(key: TabKey): Table {
    const t = this.tables.get(key);
    if (!t) throw new PengaduanError('TAB_TIDAK_DITEMUKAN', `Tab "${key}" tidak ditemukan.`);
    return t;
  }

  get isDirty(): boolean {
    return this.dirty;
  }
}

export interface TransactionOptions {
  /** Save the workbook when the callback changed it (default true). */
  readonly write?: boolean;
  /** Called once on a new workbook, inside the same transaction (seed data). */
  readonly seed?: (book: RegisterBook) => void | Promise<void>;
  /** Receives how long each phase took, in milliseconds (for benchmarks). */
  readonly onTimings?: (t: { lock: number; load: number; work: number; save: number }) => void;
  /**
   * Files staged by the transaction (documents): put in place once the register is saved, still
   * under the lock, or thrown away when the transaction fails.
   */
  readonly staged?: { commit(): Promise<void>; discard(): Promise<void> };
}

/** An operating-system file error as a coded Indonesian one; other errors pass through. */
function fileError(e: unknown, file: string, doing: 'membaca' | 'menyimpan' | 'mengunci'): unknown {
  if (!isKnownFsError(e)) return e;
  const tail = doing === 'menyimpan' ? ' Perubahan TIDAK tersimpan; register tetap seperti sebelumnya.' : '';
  return new PengaduanError('BERKAS_TIDAK_DAPAT_DIAKSES', `Gagal ${doing} register "${file}" (${fsReason(e)}).${tail}`, { cause: e });
}

// A live holder refreshes its lock every 5 s; one not refreshed for 20 s belongs to a process
// that died, and is taken over. Waiting gives up after about a minute.
const LOCK_OPTIONS = {
  realpath: false,
  stale: 20_000,
  update: 5_000,
  retries: { retries: 120, minTimeout: 100, maxTimeout: 500, factor: 1.3 },
} as const;

/** The local register file. */
export class WorkbookRegister {
  readonly file: string;
  /** What the last transaction added to bring the workbook up to the schema (tabs, columns). */
  lastUpgrades: readonly string[] = [];
  /** Called once when another process holds the register and this one starts waiting. */
  private readonly onWait: (() => void) | undefined;
  private readonly lockOptions: Omit<typeof LOCK_OPTIONS, 'stale' | 'update'> & { stale: number; update: number };
  /** `staleMs`: how long an unrefreshed lock lives before another process may take it (tests shorten it). */
  constructor(file: string, options: { onWait?: () => void; staleMs?: number } = {}) {
    this.file = path.resolve(file);
    this.onWait = options.onWait;
    const stale = options.staleMs ?? LOCK_OPTIONS.stale;
    this.lockOptions = { ...LOCK_OPTIONS, stale, update: Math.min(LOCK_OPTIONS.update, Math.floor(stale / 4)) };
  }

  async exists(): Promise<boolean> {
    try {
      await stat(this.file);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * LibreOffice (`.~lock.NAME#`) and Excel (`~$NAME`) mark a file they have open. Writing under
   * them would be lost the moment the person saves their copy, so a writing command refuses.
   */
  private async refuseIfOpenInSpreadsheet(): Promise<void> {
    const dir = path.dirname(this.file);
    const base = path.basename(this.file);
    for (const marker of [`.~lock.${base}#`, `~$${base}`, `~$${base.slice(2)}`]) {
      try {
        const owner = (await readFile(path.join(dir, marker), 'utf8')).split(',')[1]?.trim();
        throw new PengaduanError(
          'REGISTER_TERKUNCI',
          `Register "${base}" sedang dibuka di program lembar kerja${owner ? ` oleh ${owner}` : ''}. Tutup berkasnya dulu, lalu ulangi perintah; perubahan yang ditulis sekarang akan tertimpa saat berkas itu disimpan.`,
        );
      } catch (e) {
        if (e instanceof PengaduanError) throw e;
      }
    }
  }

  private async load(): Promise<RegisterBook> {
    const workbook = new ExcelJS.Workbook();
    let buffer: Buffer;
    try {
      buffer = await readFile(this.file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        workbook.creator = 'Layanan Pengaduan DPMPTSP';
        return new RegisterBook(workbook, true);
      }
      throw fileError(e, this.file, 'membaca');
    }
    try {
      await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    } catch (e) {
      throw new PengaduanError('REGISTER_RUSAK', `Berkas register "${this.file}" tidak dapat dibaca sebagai .xlsx. Pulihkan dari cadangan.`, { cause: e });
    }
    if (workbook.worksheets.length === 0) {
      // A zip that is not a spreadsheet (a renamed .docx, a workbook that lost xl/workbook.xml).
      throw new PengaduanError('REGISTER_RUSAK', `Berkas register "${this.file}" tidak dapat dibaca sebagai .xlsx: tidak berisi lembar kerja. Pulihkan dari cadangan.`);
    }
    return new RegisterBook(workbook, false);
  }

  private async save(book: RegisterBook): Promise<void> {
    const dir = path.dirname(this.file);
    const tmp = path.join(dir, `.${path.basename(this.file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    const data = await book.workbook.xlsx.writeBuffer({ zip: { zlib: { level: 1 } } } as Partial<ExcelJS.XlsxWriteOptions>);
    const handle = await open(tmp, 'wx');
    try {
      await handle.writeFile(new Uint8Array(data));
      await handle.sync();
    } catch (e) {
      await handle.close();
      await unlink(tmp).catch(() => undefined);
      throw e;
    }
    await handle.close();
    try {
      await rename(tmp, this.file);
    } catch (e) {
      // E.g. EBUSY while the register is open in a program that locks it: leave no stray copy.
      await unlink(tmp).catch(() => undefined);
      throw e;
    }
    // Make the rename itself durable.
    const d = await open(dir, 'r');
    try {
      await d.sync();
    } catch {
      // Some file systems do not support fsync on a directory; the rename is still atomic.
    } finally {
      await d.close();
    }
  }

  /** Runs `fn` on a fresh read of the workbook under an exclusive lock, then saves atomically. */
  async transaction<T>(fn: (book: RegisterBook) => T | Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const dir = path.dirname(this.file);
    try {
      await stat(dir);
    } catch {
      throw new PengaduanError('BERKAS_TIDAK_DITEMUKAN', `Folder "${dir}" untuk register tidak ada. Buat foldernya atau pilih --register lain.`);
    }
    if (options.write ?? true) await this.refuseIfOpenInSpreadsheet();
    let release: () => Promise<void>;
    const t0 = performance.now();
    // A lock can be lost while held (the process stalled past the stale time and another took
    // it over): then nothing may be saved over the other process's work. proper-lockfile's
    // default would throw from a timer and crash the process instead.
    let compromised: Error | undefined;
    const lockOptions = { ...this.lockOptions, onCompromised: (e: Error) => void (compromised = e) };
    // The lock is refreshed by a timer, which cannot run while the process is busy. A stretch of
    // work close to the stale time may have let another process take the lock over before the
    // timer could tell: measured by a heartbeat, such a transaction saves nothing.
    let lastBeat = 0;
    let worstGap = 0;
    const lockMayBeLost = (): boolean => compromised !== undefined || Math.max(worstGap, performance.now() - lastBeat) > this.lockOptions.stale * 0.75;
    try {
      try {
        release = await lockfile.lock(this.file, { ...lockOptions, retries: 0 });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') throw e;
        this.onWait?.();
        release = await lockfile.lock(this.file, lockOptions);
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ELOCKED') {
        throw new PengaduanError(
          'REGISTER_TERKUNCI',
          `Register "${this.file}" masih dipakai proses lain setelah ditunggu sekitar satu menit. Coba lagi sebentar lagi; bila tidak ada yang sedang memakainya, hapus folder "${path.basename(this.file)}.lock".`,
          { cause: e },
        );
      }
      throw fileError(e, this.file, 'mengunci');
    }
    lastBeat = performance.now();
    const heartbeat = setInterval(() => {
      const t = performance.now();
      worstGap = Math.max(worstGap, t - lastBeat);
      lastBeat = t;
    }, 250);
    heartbeat.unref();
    try {
      const t1 = performance.now();
      let result: T;
      let t2: number;
      let t3: number;
      try {
        const book = await this.load();
        this.lastUpgrades = book.upgraded;
        t2 = performance.now();
        if (book.created && options.seed) await options.seed(book);
        result = await fn(book);
        t3 = performance.now();
        if (lockMayBeLost()) {
          throw new PengaduanError(
            'REGISTER_TERKUNCI',
            `Perintah ini terlalu lama sehingga kunci register "${path.basename(this.file)}" diambil alih proses lain. Tidak ada yang disimpan; ulangi perintahnya.`,
            { cause: compromised },
          );
        }
        if ((options.write ?? true) && book.isDirty) {
          try {
            await this.save(book);
          } catch (e) {
            throw fileError(e, this.file, 'menyimpan');
          }
        }
      } catch (e) {
        await options.staged?.discard();
        throw e;
      }
      await options.staged?.commit();
      options.onTimings?.({ lock: t1 - t0, load: t2 - t1, work: t3 - t2, save: performance.now() - t3 });
      return result;
    } finally {
      clearInterval(heartbeat);
      // A lock taken over by another process is no longer ours to release.
      await release().catch((e: unknown) => {
        if (!compromised) throw e;
      });
    }
  }
}
