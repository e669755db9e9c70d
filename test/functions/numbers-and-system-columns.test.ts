/**
 * The register's own bookkeeping against hand edits: numbers are never reused or duplicated, and
 * the columns the system depends on cannot silently disappear.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PERSYARATAN } from '../../sheets-schema/index.js';
import { WorkbookRegister } from '../../functions/register/workbook.js';
import { performAction, registerComplaints, seedDefaults } from '../../core/register.js';
import { cli, columnOf, complaint, fixedClock, readBook, removeDir, sheetOf, tempDir } from '../helpers/wb-fixtures.js';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await tempDir('numbers');
  file = path.join(dir, 'register.xlsx');
});
afterEach(async () => {
  await removeDir(dir);
});

async function register(n: number): Promise<string[]> {
  const r = await new WorkbookRegister(file).transaction((book) => registerComplaints(book, Array.from({ length: n }, (_, i) => complaint({ nama_pelapor: `P${i}` })), 'x@lokal', fixedClock()), { seed: seedDefaults });
  return r.map((x) => x.nomor);
}

async function edit(fn: (wb: Awaited<ReturnType<typeof readBook>>) => void): Promise<void> {
  const wb = await readBook(file);
  fn(wb);
  await wb.xlsx.writeFile(file);
}

describe('a registration number whose row a person deleted', () => {
  it('is never issued again, even with the Penomoran counters cleared', async () => {
    const [, second] = await register(2);
    await edit((wb) => {
      sheetOf(wb, 'pengaduan').spliceRows(3, 1); // PGD-2026-0002
      const counters = sheetOf(wb, 'penomoran');
      counters.spliceRows(2, counters.rowCount);
    });
    const [next] = await register(1);
    expect(second).toBe('PGD-2026-0002');
    expect(next).toBe('PGD-2026-0003'); // the history still lists 0002
  });

  it('refuses a deleted Penomoran tab instead of starting the counters again', async () => {
    await register(1);
    await edit((wb) => wb.removeWorksheet(sheetOf(wb, 'penomoran').id));
    const run = await cli(['--register', file, 'catat', '--data', JSON.stringify(complaint())], dir);
    expect(run.code).toBe(3);
    expect(run.err).toContain('Tab "Penomoran" tidak ditemukan');
  });
});

describe('a Berita Acara number typed by hand', () => {
  it('is refused when the same sequence of the year is taken, whatever the padding or month', async () => {
    const [a, b] = await register(2);
    const clock = fixedClock(Date.parse('2026-03-17T09:00:00+07:00')); // Tuesday
    const walk = (nomor: string, nomorBa?: string) =>
      new WorkbookRegister(file).transaction((book) => {
        const steps: [string, string, unknown][] = [
          ['periksa', 'petugas@contoh.go.id', { persyaratan: [...PERSYARATAN] }],
          ['nilai', 'sub@contoh.go.id', { kategori: 'berat', alasan: 'x' }],
          ['disposisi', 'kepala@contoh.go.id', { disposisi: 'x' }],
          ['perintah_undangan', 'koor@contoh.go.id', {}],
          ['kirim_undangan', 'sub@contoh.go.id', { tanggal: '2026-03-17', jam: '10:00', tempat: 'R', agenda: 'A', undangan: [{ nama: 'DLH', kelompok: 'opd_terkait' }] }],
          ['catat_hasil_rapat', 'sub@contoh.go.id', { hadir: [{ nama: 'A' }], pembahasan: 'p', kesimpulan: 'k' }],
          ['paraf_koordinator', 'koor@contoh.go.id', {}],
          ['paraf_sekretaris', 'sek@contoh.go.id', {}],
          ['tandatangani', 'kepala@contoh.go.id', nomorBa ? { nomor_ba: nomorBa } : {}],
        ];
        for (const [aksi, who, inputs] of steps) performAction(book, nomor, aksi, who, inputs, clock);
      });
    await edit((wb) => {
      const peran = sheetOf(wb, 'peran');
      for (const [email, role] of [['petugas@contoh.go.id', 'petugas'], ['sub@contoh.go.id', 'subkoordinator'], ['koor@contoh.go.id', 'koordinator'], ['sek@contoh.go.id', 'sekretaris'], ['kepala@contoh.go.id', 'kepala']]) {
        peran.addRow([email, role, 'N', '', '', 'ya']);
      }
    });
    await walk(a ?? '');
    const bytes = await readFile(file);
    for (const given of ['1/BA-PGD/DPMPTSP/III/2026', '001/BA-PGD/DPMPTSP/IV/2026']) {
      const err = await walk(b ?? '', given).then(() => undefined, (e: unknown) => e as { code?: string; message?: string });
      expect(err?.code).toBe('NOMOR_SUDAH_DIPAKAI');
      expect(err?.message).toContain(a);
      expect(Buffer.compare(await readFile(file), bytes)).toBe(0);
    }
  });
});

describe('a system column that a person deleted', () => {
  it.each([
    ['Pengaduan', 'Jejak Status (sistem)'],
    ['Pengaduan', 'Nomor Berita Acara'],
    ['Pengaturan', 'Nilai'],
    ['Peran', 'Aktif'],
  ] as const)('%s!%s is refused, not re-added empty', async (tab, header) => {
    await register(1);
    await edit((wb) => {
      const key = tab === 'Pengaduan' ? 'pengaduan' : tab === 'Pengaturan' ? 'pengaturan' : 'peran';
      const ws = sheetOf(wb, key);
      if (key === 'peran') ws.addRow(['a@contoh.go.id', 'kepala', 'A', '', '', 'tidak']);
      ws.spliceColumns(columnOf(ws, header), 1);
    });
    const bytes = await readFile(file);
    const run = await cli(['--register', file, 'sla'], dir);
    expect(run.code).toBe(3);
    expect(run.err).toContain(`"${header}"`);
    expect(Buffer.compare(await readFile(file), bytes)).toBe(0);
  });
});
