/**
 * A register held in plain arrays, to build realistic register contents quickly (the sample
 * complaints walked through the real procedure) and hand them to the Google Sheets fake as the
 * grids a spreadsheet would hold. Not an adapter under test: it checks nothing.
 */
import { TABS, TAB_KEYS, type TabKey } from '../../sheets-schema/index.js';
import type { RegisterTables, TableLike } from '../../core/register.js';
import { seedDefaults } from '../../core/register.js';
import { seedSamples } from '../../functions/local/sample.js';
import type { Row } from '../../core/table.js';
import type { SheetCell } from '../fakes/google-sheets.js';
import { fixedClock } from './wb-fixtures.js';

class MemoryTable implements TableLike {
  readonly data: Row[] = [];
  rows(): { rowNumber: number; values: Row }[] {
    return this.data.map((values, i) => ({ rowNumber: i + 2, values: { ...values } }));
  }
  columnValues(key: string): string[] {
    return this.data.map((r) => String(r[key] ?? '').trim()).filter((v) => v !== '');
  }
  find(key: string, value: string): number | undefined {
    const i = this.data.findIndex((r) => String(r[key] ?? '').trim() === value.trim());
    return i < 0 ? undefined : i + 2;
  }
  get(rowNumber: number): Row {
    return { ...this.data[rowNumber - 2] };
  }
  update(rowNumber: number, patch: Row): void {
    Object.assign(this.data[rowNumber - 2] ?? {}, patch);
  }
  append(values: Row): number {
    this.data.push({ ...values });
    return this.data.length + 1;
  }
  replaceAll(rows: readonly Row[]): void {
    this.data.splice(0, this.data.length, ...rows.map((r) => ({ ...r })));
  }
}

export class MemoryRegister implements RegisterTables {
  readonly tables = new Map<TabKey, MemoryTable>(TAB_KEYS.map((k) => [k, new MemoryTable()]));
  table(key: TabKey): MemoryTable {
    const t = this.tables.get(key);
    if (!t) throw new Error(key);
    return t;
  }
}

/** Settings, holidays, the sample staff and the seven sample complaints as of `now`. */
export async function sampleRegister(now: number): Promise<MemoryRegister> {
  const book = new MemoryRegister();
  seedDefaults(book);
  await seedSamples(book, fixedClock(now));
  return book;
}

/** A tab as a spreadsheet grid: the schema's headers in row 1, then one row per record. */
export function gridOf(key: TabKey, rows: readonly Row[]): SheetCell[][] {
  const columns = TABS[key].columns;
  return [columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => r[c.key] ?? ''))];
}
