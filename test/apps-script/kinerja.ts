/**
 * Spreadsheet service calls per action, counted by the fakes, on a register that holds `size`
 * complaints (the first real, the rest copies with their own numbers, written straight into the
 * sheet). Shared by the test (the count must not grow with the register) and the bench
 * (`BENCH_ONLY=apps-script npm run bench`, which also reports the bundle's size).
 */
import { dayFromIso, wibInstant } from '../../core/time.js';
import { HEAVY_PATH, office, register, STAFF, submit, type Office } from './fixture.js';
import { builtBundle } from './harness.js';

export interface Measured {
  readonly step: string;
  readonly spreadsheet: number;
  readonly total: number;
  readonly ms: number;
}

/** Copies the first complaint's row `size - 1` times under new numbers, in one write. */
function fill(o: Office, size: number): void {
  const sheet = o.s.fakes.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Pengaduan');
  if (!sheet || size <= 1) return;
  const width = sheet.getLastColumn();
  const [header = [], first = []] = sheet.getRange(1, 1, 2, width).getValues();
  const at = (h: string): number => header.indexOf(h);
  const rows = Array.from({ length: size - 1 }, (_, i): unknown[] => {
    const r = first.map((v: unknown): unknown => (typeof v === 'string' ? `'${v}` : v));
    r[at('Nomor Registrasi')] = `'PGD-2025-${String(i + 1).padStart(5, '0')}`;
    r[at('ID Respons Formulir')] = `'salinan-${i}`;
    return r;
  });
  // Room below, as a real sheet has: growing the grid is one more call, whatever the size.
  if (sheet.getMaxRows() < size + 100) sheet.insertRowsAfter(sheet.getMaxRows(), size + 100 - sheet.getMaxRows());
  sheet.getRange(3, 1, rows.length, width).setValues(rows);
}

export async function measure(size: number): Promise<Measured[]> {
  const o = await office();
  const out: Measured[] = [];
  const count = (step: string, fn: () => unknown): void => {
    o.s.fakes.calls.reset();
    const t = performance.now();
    const r = fn() as { ok?: boolean; pesan?: string } | undefined;
    if (r && r.ok === false) throw new Error(`${step}: ${r.pesan ?? ''}`);
    out.push({ step, spreadsheet: o.s.fakes.calls.service('Spreadsheet'), total: o.s.fakes.calls.total, ms: performance.now() - t });
  };
  submit(o);
  fill(o, size);
  count('formulir (onFormSubmit)', () => submit(o, { nama_pelapor: 'Pelapor Baru' }));
  o.s.as(STAFF.petugas);
  count('catat pengaduan', () => o.s.call('catatPengaduan', { kanal: 'surat', nama_pelapor: 'Budi', alamat_pelapor: 'Jl. A', isi_pengaduan: 'Isi.' }));
  const nomor = String(register(o)[0]?.['Nomor Registrasi']);
  o.s.fakes.select('Pengaduan', 'A2');
  count('buka dialog (periksa)', () => o.s.call('aksi_periksa'));
  for (const step of HEAVY_PATH) {
    if (step.on) o.s.setNow(wibInstant(dayFromIso(step.on), 14, 0));
    o.s.as(STAFF[step.role]);
    count(step.aksi, () => o.s.call('kirimAksi', { aksi: step.aksi, nomor, masukan: step.masukan }));
  }
  return out;
}

/** The bench's table (bench/run.ts loads this file by path: it needs the Apps Script types). */
export async function benchAppsScript(quick: boolean): Promise<void> {
  const built = await builtBundle();
  process.stdout.write(`\nApps Script: Code.js ${(Buffer.byteLength(built.code) / 1024).toFixed(0)} KB, ${built.globals.length} top-level functions; Dialog.html ${(Buffer.byteLength(built.dialog) / 1024).toFixed(0)} KB\n`);
  const sizes = quick ? [10, 1_000] : [10, 10_000];
  const results = [];
  for (const n of sizes) results.push(await measure(n));
  process.stdout.write(`${'step'.padEnd(28)} ${sizes.map((n) => `SpreadsheetApp calls (${n})`.padStart(30)).join('')} ${sizes.map((n) => `all calls (${n})`.padStart(20)).join('')} ${sizes.map((n) => `ms in vm (${n})`.padStart(18)).join('')}\n`);
  for (const [i, m] of (results[0] ?? []).entries()) {
    const row = results.map((r) => r[i]);
    process.stdout.write(
      `${m.step.padEnd(28)} ${row.map((r) => String(r?.spreadsheet ?? '').padStart(30)).join('')} ${row.map((r) => String(r?.total ?? '').padStart(20)).join('')} ${row.map((r) => (r?.ms ?? 0).toFixed(0).padStart(18)).join('')}\n`,
    );
  }
}
