/**
 * The register on Google Sheets (the Google deployment), behind the same table interface as the
 * local workbook, so the service runs unchanged on either.
 *
 * The Sheet is edited by people while a function works on it, and the Sheets API has no locks.
 * So a transaction:
 * 1. reads every tab it needs in ONE `values.batchGet` (the answer's ranges also tell each grid's size);
 * 2. runs the service on that snapshot in memory; every write is checked against the schema's
 *    owner of the column and kept as a pending cell;
 * 3. right before writing, reads the header rows and the key column again (ONE `values.batchGet`)
 *    and finds each changed row by its key (the registration number): a person who sorted,
 *    inserted or deleted rows in between moves nothing onto the wrong complaint. A row whose key
 *    disappeared or now appears twice is reported and left alone. When a column the transaction
 *    writes was moved, the whole transaction runs again on a fresh read;
 * 4. writes every changed cell in ONE `values.batchUpdate` with `valueInputOption: RAW` (text a
 *    citizen typed stays text, never a formula). Cells it does not change are sent as `null`,
 *    which the API skips, so an edit a person made meanwhile in another cell is kept.
 * A sweep over any number of complaints therefore costs three requests (a fourth only when the
 * dashboard tab must grow past its grid). Requests are retried with backoff on 429 and 5xx.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { TABS, TAB_KEYS, type Penulis, type Tab, type TabKey } from '../../sheets-schema/index.js';
import { PengaduanError } from '../../core/errors.js';
import type { CellValue } from '../../core/record.js';
import type { RegisterTables, TableLike } from '../../core/register.js';
import { GoogleApi, httpStatusOf } from '../google-api.js';
import { assertAppenders, assertWriter, columnPositions, duplicateKeyError, missingColumnError, scalarCell, columnLetters, type Row } from '../../core/table.js';

/** What the API hands back with UNFORMATTED_VALUE. */
type ApiCell = string | number | boolean | null | undefined;

/** `A`, `B`, … `Z`, `AA` for a 0-based column index. */
const columnLetter = (index: number): string => columnLetters(index + 1);

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A tab name as A1 notation wants it: always quoted, quotes doubled. */
export const a1Tab = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** The grid size an answer's range reveals ("'Pengaduan'!A1:BZ1000" → 1000 rows, 78 columns). */
function gridOfRange(range: string): { rows: number; columns: number } | undefined {
  const m = /!([A-Z]+)(\d+):([A-Z]+)(\d+)$/i.exec(range);
  if (!m) return undefined;
  return { rows: Number(m[4]), columns: columnIndex(m[3] ?? 'A') + 1 };
}

const cellOf = scalarCell;

interface Pending {
  /** The row's key as read (the registration number): where to find it again before writing. */
  readonly key: string;
  /** The row's guard column as read: a different value before writing means another step changed the row. */
  readonly guard: string | undefined;
  readonly cells: Map<string, CellValue>;
}

interface WritePlan {
  data: sheets_v4.Schema$ValueRange[];
  lost: { tab: string; key: string; reason: string }[];
  grow: { tab: Tab; rows: number }[];
}

/** One tab of the snapshot, mapped by header. */
class SheetTable implements TableLike {
  readonly positions: Map<string, number>;
  readonly grid: { rows: number; columns: number };
  /** Sheet rows (1-based numbers) → values by key; row 1 is the header. */
  private readonly data: Row[] = [];
  readonly updates = new Map<number, Pending>();
  readonly appended: Row[] = [];
  replaced: Row[] | undefined;
  /** The rows as read, by sheet row, before a replacement: only cells that differ are written. */
  previous: Row[] | undefined;
  /** Data rows as read (a replacement clears what it leaves below them). */
  readonly readCount: number;
  private index: Map<string, number[]> | undefined;
  private indexColumn: string | undefined;

  constructor(
    readonly tab: Tab,
    values: readonly (readonly ApiCell[])[],
    grid: { rows: number; columns: number },
    /** Only some columns were read: a snapshot to look at, never to write from. */
    readonly partial = false,
  ) {
    this.grid = grid;
    this.readCount = Math.max(0, values.length - 1);
    this.positions = columnPositions(tab, (values[0] ?? []).map((h) => String(h ?? '')));
    const columns = new Map(tab.columns.map((c) => [c.key, c]));
    for (let r = 1; r < values.length; r++) {
      const raw = values[r] ?? [];
      const row: Row = {};
      for (const [key, i] of this.positions) row[key] = cellOf(raw[i], columns.get(key));
      this.data[r + 1] = row;
    }
  }

  hasColumn(key: string): boolean {
    return this.positions.has(key);
  }

  /** The rows of this snapshot (sheet row numbers), blank rows skipped. */
  rows(): { rowNumber: number; values: Row }[] {
    const out: { rowNumber: number; values: Row }[] = [];
    this.data.forEach((values, rowNumber) => {
      if (Object.values(values).some((v) => v !== '')) out.push({ rowNumber, values: { ...values } });
    });
    return out;
  }

  private position(key: string): number {
    const i = this.positions.get(key);
    if (i === undefined) throw missingColumnError(this.tab, key);
    return i;
  }

  columnValues(key: string): string[] {
    this.position(key);
    const out: string[] = [];
    for (const row of this.data) if (row && row[key] !== '' && row[key] !== undefined) out.push(String(row[key]).trim());
    return out;
  }

  find(key: string, value: string): number | undefined {
    this.position(key);
    if (this.indexColumn !== key || !this.index) {
      const index = new Map<string, number[]>();
      this.data.forEach((row, r) => {
        const v = String(row[key] ?? '').trim();
        if (v !== '') index.set(v, [...(index.get(v) ?? []), r]);
      });
      this.index = index;
      this.indexColumn = key;
    }
    const rows = this.index.get(value.trim());
    if (rows && rows.length > 1) throw duplicateKeyError(this.tab, key, value, rows);
    return rows?.[0];
  }

  get(rowNumber: number): Row {
    const row = this.data[rowNumber];
    if (!row) throw new Error(`Row ${rowNumber} is not in the snapshot of ${this.tab.name}`);
    return { ...row };
  }

  update(rowNumber: number, patch: Row, writer: Penulis): void {
    assertWriter(this.tab, Object.keys(patch), writer);
    const keyColumn = this.tab.keyColumn;
    if (!keyColumn) throw new Error(`Tab ${this.tab.name} has no key column: its rows cannot be found again on Google Sheets`);
    for (const k of Object.keys(patch)) this.position(k);
    const row = this.data[rowNumber];
    if (!row) throw new Error(`Row ${rowNumber} is not in the snapshot of ${this.tab.name}`);
    const guardKey = this.tab.changeColumn;
    // A row whose own guard this transaction writes is not guarded.
    const guard = guardKey !== undefined && !Object.hasOwn(patch, guardKey) ? String(row[guardKey] ?? '') : undefined;
    const pending = this.updates.get(rowNumber) ?? { key: String(row[keyColumn] ?? '').trim(), guard, cells: new Map<string, CellValue>() };
    for (const [k, v] of Object.entries(patch)) {
      const value = v ?? '';
      // Only what changes is written: the rest of the row stays as people left it.
      if (row[k] === value && !pending.cells.has(k)) continue;
      pending.cells.set(k, value);
      row[k] = value;
    }
    if (pending.cells.size > 0) this.updates.set(rowNumber, pending);
    if (Object.hasOwn(patch, this.indexColumn ?? '')) this.index = undefined;
  }

  append(values: Row, writers: readonly Penulis[]): number {
    assertAppenders(this.tab, Object.keys(values), writers);
    for (const k of Object.keys(values)) this.position(k);
    this.appended.push({ ...values });
    const rowNumber = Math.max(this.data.length, 2);
    this.data[rowNumber] = { ...values };
    this.index = undefined;
    return rowNumber;
  }

  replaceAll(rows: readonly Row[], writer: Penulis): void {
    assertWriter(this.tab, this.tab.columns.map((c) => c.key), writer);
    this.replaced = rows.map((r) => ({ ...r }));
    this.previous ??= this.data.slice();
    this.data.length = 0;
    rows.forEach((r, i) => (this.data[i + 2] = { ...r }));
    this.index = undefined;
  }


  get changed(): boolean {
    if (this.partial && (this.updates.size > 0 || this.appended.length > 0 || this.replaced !== undefined)) {
      throw new Error(`Tab ${this.tab.name} was read for some columns only and cannot be written`);
    }
    return this.updates.size > 0 || this.appended.length > 0 || this.replaced !== undefined;
  }
}

class SheetsBook implements RegisterTables {
  constructor(private readonly tables: Map<TabKey, SheetTable>) {}
  table(key: TabKey): SheetTable {
    const t = this.tables.get(key);
    if (!t) throw new Error(`Tab ${key} was not read by this transaction (add it to "tabs")`);
    return t;
  }
  get all(): [TabKey, SheetTable][] {
    return [...this.tables];
  }
}

export interface SheetsTransactionOptions {
  /** Write the changes (default true). */
  readonly write?: boolean;
  /** The tabs to read (default: all). Reading fewer keeps a request small. */
  readonly tabs?: readonly TabKey[];
  /** Read only these columns of a tab (a read-only look-up); the others read as empty. */
  readonly columns?: Partial<Record<TabKey, readonly string[]>>;
  /** Files put in place once the register is written (documents), or thrown away on failure. */
  readonly staged?: { commit(): Promise<void>; discard(): Promise<void> };
  /** Told what the write did, rows it could not find again included. */
  readonly onWrite?: (report: WriteReport) => void;
}

/** What a write did: rows that could not be found again are reported, not guessed. */
export interface WriteReport {
  /** Rows whose registration number vanished or doubled, or that another step changed, between the read and the write. */
  readonly lost: { tab: string; key: string; reason: string }[];
}

/** A column moved while the transaction ran: it runs again on a fresh read. */
class ColumnsMoved extends Error {}

// Reads are retried by the client; writes by `write`, which locates the rows again first.
const RETRIED_METHODS = ['GET'];

export interface SheetsRegisterOptions {
  /** A client from `@googleapis/sheets`, authorised for the spreadsheet. */
  readonly client: sheets_v4.Sheets;
  readonly spreadsheetId: string;
  /** Backoff settings (tests shorten them). */
  readonly retry?: { retry?: number; retryDelay?: number; retryDelayMultiplier?: number };
}

export class SheetsRegister {
  readonly spreadsheetId: string;
  /** The header rows last seen, for reading single columns by position. */
  private readonly headers = new Map<TabKey, string[]>();
  private readonly client: sheets_v4.Sheets;
  private readonly api: GoogleApi;

  constructor(options: SheetsRegisterOptions) {
    this.client = options.client;
    this.spreadsheetId = options.spreadsheetId;
    this.api = new GoogleApi(RETRIED_METHODS, options.retry, (e, what) => apiError(e, what, this.spreadsheetId));
  }

  private async read(tabs: readonly TabKey[], columns: Partial<Record<TabKey, readonly string[]>> = {}, depth = 0): Promise<SheetsBook> {
    // A tab read for a few columns only (the citizen's status look-up) asks for those columns by
    // the header last seen, with the header row itself to check that it still stands; the first
    // time, or when it moved, the header is read first.
    const partial = tabs.filter((k) => columns[k] !== undefined);
    for (const k of partial) if (!this.headers.has(k)) await this.readHeader(k);
    const ranges: string[] = [];
    const plan: { key: TabKey; at: number; wanted?: { key: string; index: number }[] }[] = [];
    for (const k of tabs) {
      const name = a1Tab(TABS[k].name);
      const wanted = columns[k];
      if (wanted === undefined) {
        plan.push({ key: k, at: ranges.length });
        ranges.push(name);
        continue;
      }
      const positions = columnPositions(TABS[k], this.headers.get(k) ?? []);
      const found = wanted.flatMap((c) => {
        const index = positions.get(c);
        return index === undefined ? [] : [{ key: c, index }];
      });
      plan.push({ key: k, at: ranges.length, wanted: found });
      ranges.push(`${name}!1:1`, ...found.map((f) => `${name}!${columnLetter(f.index)}:${columnLetter(f.index)}`));
    }
    const data = await this.api.call<sheets_v4.Schema$BatchGetValuesResponse>('membaca register', (o) =>
      this.client.spreadsheets.values.batchGet(
        { spreadsheetId: this.spreadsheetId, ranges, valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'SERIAL_NUMBER', majorDimension: 'ROWS' },
        o,
      ),
    );
    const got = data.valueRanges ?? [];
    const tables = new Map<TabKey, SheetTable>();
    for (const { key, at, wanted } of plan) {
      const vr = got[at];
      let values = (vr?.values ?? []) as ApiCell[][];
      const grid = gridOfRange(vr?.range ?? '') ?? { rows: values.length, columns: Math.max(0, ...values.map((r) => r.length)) };
      if (wanted) {
        const header = (values[0] ?? []).map((h) => String(h ?? ''));
        if (header.join('\u0000') !== (this.headers.get(key) ?? []).join('\u0000')) {
          // The header changed since it was last seen: read again by the new one.
          this.headers.set(key, header);
          if (depth >= 2) throw new ColumnsMoved();
          return this.read(tabs, columns, depth + 1);
        }
        // The columns read, put back in their places under the header.
        const rows: ApiCell[][] = [header];
        wanted.forEach((w, i) => {
          const column = (got[at + 1 + i]?.values ?? []) as ApiCell[][];
          for (let r = 1; r < column.length; r++) (rows[r] ??= [])[w.index] = column[r]?.[0];
        });
        values = Array.from(rows, (r) => r ?? []);
      }
      tables.set(key, new SheetTable(TABS[key], values, grid, wanted !== undefined));
    }
    return new SheetsBook(tables);
  }

  private async readHeader(key: TabKey): Promise<void> {
    const data = await this.api.call<sheets_v4.Schema$BatchGetValuesResponse>('membaca judul kolom register', (o) =>
      this.client.spreadsheets.values.batchGet({ spreadsheetId: this.spreadsheetId, ranges: [`${a1Tab(TABS[key].name)}!1:1`], valueRenderOption: 'UNFORMATTED_VALUE', majorDimension: 'ROWS' }, o),
    );
    this.headers.set(key, ((data.valueRanges?.[0]?.values?.[0] ?? []) as ApiCell[]).map((h) => String(h ?? '')));
  }

  /** Runs `fn` on a fresh snapshot, then writes what it changed (see the file's comment). */
  async transaction<T>(fn: (book: RegisterTables) => T | Promise<T>, options: SheetsTransactionOptions = {}): Promise<T> {
    const tabs = options.tabs ?? TAB_KEYS;
    for (let attempt = 1; ; attempt++) {
      try {
        const book = await this.read(tabs, options.columns);
        const result = await fn(book);
        if ((options.write ?? true) && book.all.some(([, t]) => t.changed)) options.onWrite?.(await this.write(book));
        await options.staged?.commit();
        return result;
      } catch (e) {
        if (e instanceof ColumnsMoved && attempt < 3) continue;
        await options.staged?.discard();
        if (e instanceof ColumnsMoved) {
          throw new PengaduanError('REGISTER_TERKUNCI', 'Kolom register sedang dipindahkan orang lain; tidak ada yang ditulis. Ulangi sebentar lagi.');
        }
        throw e;
      }
    }
  }

  /**
   * Writes the snapshot's changes. The client never retries the write itself: a retry after a
   * wait would send ranges located before it, onto rows a person may have sorted meanwhile. On
   * 429 or 5xx the rows are located again and the write rebuilt (re-sending values that already
   * landed is harmless).
   */
  private async write(book: SheetsBook): Promise<WriteReport> {
    const changed = book.all.filter(([, t]) => t.changed);
    const keyed = changed.filter(([, t]) => t.updates.size > 0 || t.replaced !== undefined);
    let lost: WriteReport['lost'] = [];
    let grown = false;
    if (keyed.length > 0) {
      await this.api.again(async () => {
        const plan = await this.planWrite(keyed);
        lost = plan.lost;
        if (plan.grow.length > 0 && !grown) {
          await this.growTabs(plan.grow);
          grown = true;
        }
        // Normally one request; a first sweep that fills the whole dashboard is split so that no
        // request passes the size Google recommends (the API refuses 10 MB).
        for (const part of batches(plan.data)) {
          await this.api.call('menulis register', (o) =>
            this.client.spreadsheets.values.batchUpdate(
              { spreadsheetId: this.spreadsheetId, requestBody: { valueInputOption: 'RAW', data: part } },
              o,
            ),
          );
        }
      }, 5);
    }
    for (const [key, t] of changed) {
      if (t.appended.length === 0) continue;
      const header = [...t.positions].sort((a, b) => a[1] - b[1]);
      const width = (header.at(-1)?.[1] ?? 0) + 1;
      const values = t.appended.map((row) => {
        const out: CellValue[] = Array.from({ length: width }, () => '');
        for (const [k, i] of header) out[i] = row[k] ?? '';
        return out;
      });
      await this.api.call('menambah baris register', (o) =>
        this.client.spreadsheets.values.append(
          { spreadsheetId: this.spreadsheetId, range: `${a1Tab(TABS[key].name)}!A1`, valueInputOption: 'RAW', insertDataOption: 'INSERT_ROWS', requestBody: { values } },
          o,
        ),
      );
    }
    return { lost };
  }

  /**
   * Reads the header rows, the key column and the guard column again, and builds the write:
   * each changed row found by its key; a row whose key vanished or doubled, or that a procedure
   * step changed meanwhile (its "Terakhir Diperbarui" moved), is left alone and reported.
   */
  private async planWrite(keyed: readonly [TabKey, SheetTable][]): Promise<WritePlan> {
    const ranges: string[] = [];
    const column = (key: TabKey, index: number): string => `${a1Tab(TABS[key].name)}!${columnLetter(index)}:${columnLetter(index)}`;
    const layout = keyed.map(([key, t]) => {
      const keyAt = t.positions.get(t.tab.keyColumn ?? '');
      const guardKey = t.tab.changeColumn;
      const guardAt = guardKey === undefined ? undefined : t.positions.get(guardKey);
      const at = { header: ranges.push(`${a1Tab(TABS[key].name)}!1:1`) - 1, keys: -1, guard: -1 };
      if (keyAt !== undefined && (t.updates.size > 0 || t.replaced)) at.keys = ranges.push(column(key, keyAt)) - 1;
      if (guardAt !== undefined && t.updates.size > 0) at.guard = ranges.push(column(key, guardAt)) - 1;
      return { key, t, at, guardKey };
    });
    const fresh =
      (
        await this.api.call<sheets_v4.Schema$BatchGetValuesResponse>('membaca ulang register', (o) =>
          this.client.spreadsheets.values.batchGet({ spreadsheetId: this.spreadsheetId, ranges, valueRenderOption: 'UNFORMATTED_VALUE', majorDimension: 'ROWS' }, o),
        )
      ).valueRanges ?? [];
    const columnOf = (i: number): ApiCell[] => (i < 0 ? [] : ((fresh[i]?.values ?? []) as ApiCell[][]).map((r) => r[0]));
    const plan: WritePlan = { data: [], lost: [], grow: [] };
    for (const { key, t, at, guardKey } of layout) {
      const name = a1Tab(TABS[key].name);
      const header = ((fresh[at.header]?.values?.[0] ?? []) as ApiCell[]).map((h) => String(h ?? ''));
      const now = columnPositions(t.tab, header);
      const written = new Set<string>([...t.updates.values()].flatMap((p) => [...p.cells.keys()]));
      if (at.keys >= 0) written.add(t.tab.keyColumn ?? '');
      if (guardKey !== undefined && at.guard >= 0) written.add(guardKey);
      if (t.replaced) for (const c of t.tab.columns) if (t.positions.has(c.key)) written.add(c.key);
      for (const k of written) if (now.get(k) !== t.positions.get(k)) throw new ColumnsMoved();
      const keys = columnOf(at.keys).map((v) => String(v ?? '').trim());
      if (t.updates.size > 0) {
        const guardColumn = t.tab.columns.find((c) => c.key === guardKey);
        const guards = columnOf(at.guard).map((v) => String(cellOf(v, guardColumn)));
        const rowsOf = new Map<string, number[]>();
        keys.forEach((k, i) => {
          if (i > 0 && k !== '') rowsOf.set(k, [...(rowsOf.get(k) ?? []), i + 1]);
        });
        const target = new Map<number, Map<string, CellValue>>();
        for (const p of t.updates.values()) {
          const rows = rowsOf.get(p.key) ?? [];
          const row = rows[0];
          if (rows.length !== 1 || row === undefined) {
            plan.lost.push({ tab: t.tab.name, key: p.key, reason: rows.length === 0 ? 'baris tidak ditemukan lagi (dihapus saat diproses)' : `tercatat di ${rows.length} baris` });
            continue;
          }
          if (p.guard !== undefined && at.guard >= 0 && (guards[row - 1] ?? '') !== p.guard) {
            plan.lost.push({ tab: t.tab.name, key: p.key, reason: 'diubah oleh langkah lain saat diproses; nilainya sudah dihitung ulang oleh langkah itu' });
            continue;
          }
          target.set(row, p.cells);
        }
        for (const b of blocksOf(target, t.positions)) plan.data.push(...rangesOf(name, b));
      }
      if (t.replaced) {
        // A derived tab (the dashboard) is replaced whole, but only the cells that differ from
        // what it holds are sent: a daily sweep changes a few columns of the open complaints.
        // When its rows were re-sorted meanwhile, every cell is sent.
        const keyKey = t.tab.keyColumn ?? '';
        const sorted = at.keys >= 0 && keys.slice(1).some((k, i) => k !== String(t.previous?.[i + 2]?.[keyKey] ?? '').trim());
        const target = new Map<number, Map<string, CellValue>>();
        const height = Math.max(t.replaced.length, t.readCount, sorted ? keys.length - 1 : 0);
        for (let r = 0; r < height; r++) {
          const src = t.replaced[r];
          const prev = sorted ? undefined : t.previous?.[r + 2];
          const cellsOf = new Map<string, CellValue>();
          for (const k of t.positions.keys()) {
            const value = src ? (src[k] ?? '') : '';
            if (sorted || String(value) !== String(prev?.[k] ?? '')) cellsOf.set(k, value);
          }
          if (cellsOf.size > 0) target.set(r + 2, cellsOf);
        }
        for (const b of blocksOf(target, t.positions)) plan.data.push(...rangesOf(name, b));
        if (height + 1 > t.grid.rows) plan.grow.push({ tab: t.tab, rows: height + 1 - t.grid.rows });
      }
    }
    return plan;
  }

  /** The dashboard grew past its grid: add rows (the values API never does). */
  private async growTabs(grow: readonly { tab: Tab; rows: number }[]): Promise<void> {
    const meta = await this.api.call<sheets_v4.Schema$Spreadsheet>('membaca susunan tab', (o) =>
      this.client.spreadsheets.get({ spreadsheetId: this.spreadsheetId, fields: 'sheets.properties(sheetId,title)' }, o),
    );
    const idOf = new Map((meta.sheets ?? []).map((s) => [s.properties?.title ?? '', s.properties?.sheetId]));
    const requests = grow.map((g) => {
      const sheetId = idOf.get(g.tab.name);
      // Renamed or deleted since it was read: never grow another tab in its place.
      if (sheetId === undefined || sheetId === null) {
        throw new PengaduanError('TAB_TIDAK_DITEMUKAN', `Tab "${g.tab.name}" tidak ditemukan lagi di spreadsheet saat akan ditambah barisnya; tidak ada yang ditulis. Kembalikan nama tabnya atau jalankan Setup dari menu Admin.`);
      }
      return { appendDimension: { sheetId, dimension: 'ROWS', length: g.rows + 100 } };
    });
    await this.api.call('menambah baris tab', (o) =>
      this.client.spreadsheets.batchUpdate(
        {
          spreadsheetId: this.spreadsheetId,
          requestBody: { requests },
        },
        o,
      ),
    );
  }
}

/** Rows further apart than this are written as separate rectangles. */
const MAX_GAP = 20;

/** The largest write request sent: Google recommends at most 2 MB and refuses 10 MB. */
const MAX_WRITE_BYTES = 1_800_000;

/** A rectangle as value ranges small enough to send, split by rows where needed. */
function rangesOf(tab: string, b: Block): sheets_v4.Schema$ValueRange[] {
  const size = JSON.stringify(b.values).length;
  const rowsPer = Math.max(1, Math.floor((b.values.length * MAX_WRITE_BYTES) / (2 * Math.max(size, 1))));
  const out: sheets_v4.Schema$ValueRange[] = [];
  for (let i = 0; i < b.values.length; i += rowsPer) {
    const values = b.values.slice(i, i + rowsPer);
    const first = b.firstRow + i;
    out.push({ range: `${tab}!${columnLetter(b.firstColumn)}${first}:${columnLetter(b.lastColumn)}${first + values.length - 1}`, majorDimension: 'ROWS', values });
  }
  return out;
}

/** Value ranges grouped into requests of at most MAX_WRITE_BYTES. */
function batches(data: readonly sheets_v4.Schema$ValueRange[]): sheets_v4.Schema$ValueRange[][] {
  const out: sheets_v4.Schema$ValueRange[][] = [];
  let current: sheets_v4.Schema$ValueRange[] = [];
  let bytes = 0;
  for (const vr of data) {
    const size = JSON.stringify(vr).length + 1;
    if (current.length > 0 && bytes + size > MAX_WRITE_BYTES) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(vr);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

interface Block {
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
  values: (CellValue | null)[][];
  /** Cells to write in it (the rest are null). */
  cells: number;
}

/**
 * The changed cells as few rectangles as possible: one per run of adjacent written columns,
 * spanning the rows written, with `null` (skipped by the API) wherever a cell is not ours to change.
 */
function blocksOf(target: ReadonlyMap<number, ReadonlyMap<string, CellValue>>, positions: ReadonlyMap<string, number>): Block[] {
  if (target.size === 0) return [];
  const columns = [...new Set([...target.values()].flatMap((m) => [...m.keys()]))]
    .map((k) => ({ key: k, at: positions.get(k) ?? -1 }))
    .filter((c) => c.at >= 0)
    .sort((a, b) => a.at - b.at);
  const runs: { key: string; at: number }[][] = [];
  for (const c of columns) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && c.at === last.at + 1) run.push(c);
    else runs.push([c]);
  }
  // Rows far apart become separate rectangles rather than one mostly made of nulls.
  const rows = [...target.keys()].sort((a, b) => a - b);
  const spans: [number, number][] = [];
  for (const r of rows) {
    const span = spans.at(-1);
    if (span && r - span[1] <= MAX_GAP) span[1] = r;
    else spans.push([r, r]);
  }
  return spans.flatMap(([firstRow, lastRow]) =>
    runs.map((run) => {
      let cells = 0;
      const values: (CellValue | null)[][] = [];
      for (let r = firstRow; r <= lastRow; r++) {
        const m = target.get(r);
        values.push(
          run.map((c) => {
            const v = m?.get(c.key);
            if (v === undefined) return null;
            cells++;
            return v;
          }),
        );
      }
      return { firstRow, lastRow, firstColumn: run[0]?.at ?? 0, lastColumn: run.at(-1)?.at ?? 0, values, cells };
    }),
  ).filter((b) => b.cells > 0); // a run none of this span's rows writes
}

/** A Sheets API failure as the administrator's Indonesian message (nothing was written). */
function apiError(e: unknown, what: string, spreadsheetId: string): unknown {
  if (e instanceof PengaduanError) return e;
  const status = httpStatusOf(e);
  const detail = ((e as Error).message ?? '').slice(0, 200);
  if (status === 403 || status === 401) {
    return new PengaduanError('BERKAS_TIDAK_DAPAT_DIAKSES', `Gagal ${what}: akun layanan fungsi tidak memiliki akses ke spreadsheet ${spreadsheetId}. Bagikan spreadsheet itu kepadanya sebagai Editor.`, { cause: e });
  }
  if (status === 404) return new PengaduanError('BERKAS_TIDAK_DITEMUKAN', `Gagal ${what}: spreadsheet ${spreadsheetId} tidak ditemukan. Periksa PENGADUAN_SPREADSHEET_ID.`, { cause: e });
  if (status === 400 && /Unable to parse range/i.test(detail)) {
    return new PengaduanError('TAB_TIDAK_DITEMUKAN', `Gagal ${what}: ada tab register yang tidak ditemukan (${detail}). Jalankan Setup dari menu Admin, atau kembalikan nama tabnya.`, { cause: e });
  }
  if (status === 429 || (status !== undefined && status >= 500)) {
    return new PengaduanError('REGISTER_TERKUNCI', `Gagal ${what}: Google Sheets sedang sibuk atau kuota habis (HTTP ${status}) setelah beberapa kali dicoba. Tidak ada yang ditulis; ulangi beberapa menit lagi.`, { cause: e });
  }
  if (status !== undefined) return new PengaduanError('REGISTER_RUSAK', `Gagal ${what}: Google Sheets menolak permintaan (HTTP ${status}: ${detail}).`, { cause: e });
  return new PengaduanError('BERKAS_TIDAK_DAPAT_DIAKSES', `Gagal ${what}: Google Sheets tidak dapat dihubungi (${detail}).`, { cause: e });
}
