/**
 * Shared fixtures of the local-register tests: temporary folders, a fixed clock, a valid complaint
 * to vary, the `pengaduan` CLI called in-process with captured output, and direct reads of a saved
 * .xlsx through exceljs (as a person's spreadsheet program would see it, mapped by header here
 * only so that tests can find cells; the adapter under test does its own mapping).
 */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { Clock } from '../../core/register.js';
import { TABS, type TabKey } from '../../sheets-schema/index.js';
import { runCli, tempDir as makeTempDir, type CliRun } from './cli.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Tuesday 17 March 2026, 09:00 WIB: receipt day of DESIGN.md §5's example (due Thu 2 Apr 2026). */
export const NOW_ISO = '2026-03-17T09:00:00+07:00';
export const NOW = Date.parse(NOW_ISO);

/** A clock with deterministic "randomness" (the access code is not under test here). */
export function fixedClock(now = NOW): Clock {
  let seed = 1;
  return {
    now,
    randomBytes: (n) => {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = (seed = (seed * 73 + 41) % 251);
      return out;
    },
  };
}

/** A valid complaint by letter; override fields to vary it. */
export function complaint(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kanal: 'surat',
    nama_pelapor: 'Budi Santoso',
    telepon_pelapor: '081266110002',
    alamat_pelapor: 'Jl. Soekarno Hatta No. 12, Payakumbuh',
    nama_usaha: 'Peternakan Ayam Sumber Rezeki',
    isi_pengaduan: 'Bau dari kandang ayam tercium sampai ke permukiman.',
    ...overrides,
  };
}

/** A temporary folder per test file (remove it afterwards with removeDir). */
export async function tempDir(prefix: string): Promise<string> {
  return (await makeTempDir(`pengaduan-${prefix}-`)).dir;
}

export async function removeDir(dir: string | undefined): Promise<void> {
  if (dir) await rm(dir, { recursive: true, force: true });
}

export type { CliRun };

/** Runs the `pengaduan` CLI in-process with the clock fixed by PENGADUAN_WAKTU (NOW_ISO unless env says otherwise). */
export async function cli(argv: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  return runCli(argv, { cwd, now: NOW_ISO, env });
}

export async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

export function sheetOf(wb: ExcelJS.Workbook, tab: TabKey): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(TABS[tab].name);
  if (!ws) throw new Error(`test: sheet ${TABS[tab].name} missing`);
  return ws;
}

/** The texts of row 1, by column number (1-based), up to the last used header cell. */
export function headersOf(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: false }, (c, n) => {
    out[n - 1] = typeof c.value === 'string' ? c.value : JSON.stringify(c.value);
  });
  return Array.from(out, (h) => h ?? '');
}

/** Column number (1-based) of a header text; throws when absent or doubled. */
export function columnOf(ws: ExcelJS.Worksheet, header: string): number {
  const hits = headersOf(ws).flatMap((h, i) => (h === header ? [i + 1] : []));
  if (hits.length !== 1) throw new Error(`test: header "${header}" found ${hits.length} times`);
  return hits[0] ?? 0;
}

/** Data rows (2..last) that hold a value, as header → cell value. */
export function dataRows(ws: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  const headers = headersOf(ws);
  const out: Record<string, ExcelJS.CellValue>[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const rec: Record<string, ExcelJS.CellValue> = {};
    let any = false;
    headers.forEach((h, i) => {
      const v = row.getCell(i + 1).value;
      if (v !== null && v !== undefined && v !== '') any = true;
      rec[h] = v ?? null;
    });
    if (any) out.push(rec);
  }
  return out;
}

/** Files in a folder other than the register itself (temporary files, lock folders). */
export async function strays(dir: string, keep: readonly string[]): Promise<string[]> {
  return (await readdir(dir)).filter((f) => !keep.includes(f)).sort();
}
