/**
 * Tests of functions/register/workbook.ts, the local .xlsx register, against what DESIGN.md §3
 * promises of a sheet that people edit: columns mapped by header, rows found by registration
 * number, extra columns and cells kept, missing schema columns re-added, each writer confined to
 * its columns; and against what a shared file needs: one writer at a time across processes, and
 * a save that a crash cannot half-do. The workbook is edited "by a person" with exceljs directly.
 */
import { spawn } from 'node:child_process';
import { copyFile, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WorkbookRegister, type RegisterBook } from '../../functions/register/workbook.js';
import { performAction, registerComplaints, seedDefaults } from '../../core/register.js';
import { isPengaduanError } from '../../core/errors.js';
import { PERSYARATAN, TABS, TAB_KEYS } from '../../sheets-schema/index.js';
import {
  NOW_ISO,
  ROOT,
  cli,
  columnOf,
  complaint,
  dataRows,
  fixedClock,
  headersOf,
  readBook,
  removeDir,
  sheetOf,
  strays,
  tempDir,
} from '../helpers/wb-fixtures.js';

// The register's save goes through node:fs/promises; a test can make the final rename fail once.
const fsFault = vi.hoisted(() => ({ renameError: undefined as Error | undefined }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const rename: typeof actual.rename = async (from, to) => {
    const e = fsFault.renameError;
    if (e) {
      fsFault.renameError = undefined;
      throw e;
    }
    return actual.rename(from, to);
  };
  return { ...actual, default: { ...actual, rename }, rename };
});

const PETUGAS = 'rina.petugas@contoh.go.id';
const REGISTER = 'register.xlsx';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await tempDir('wb');
  file = path.join(dir, REGISTER);
  fsFault.renameError = undefined;
});
afterEach(async () => {
  await removeDir(dir);
});

/** A register with a petugas in the roles tab and `n` complaints; returns their numbers. */
async function registerWith(n: number): Promise<string[]> {
  return new WorkbookRegister(file).transaction(
    (book) => {
      book.table('peran').append({ email: PETUGAS, peran: 'petugas', nama: 'Rina Marlina', aktif: 'ya' }, ['admin']);
      const items = Array.from({ length: n }, (_, i) => complaint({ nama_pelapor: `Pelapor ${i + 1}`, isi_pengaduan: `Isi pengaduan ke-${i + 1}.` }));
      return registerComplaints(book, items, PETUGAS, fixedClock()).map((r) => r.nomor);
    },
    { seed: seedDefaults },
  );
}

/** Edits the saved workbook the way a person's spreadsheet program would, then saves it. */
async function editByPerson(edit: (wb: Awaited<ReturnType<typeof readBook>>) => void): Promise<void> {
  const wb = await readBook(file);
  edit(wb);
  await wb.xlsx.writeFile(file);
}

/** A person sorts the Pengaduan tab the other way round (newest first). */
async function reverseRegisterRows(): Promise<void> {
  await editByPerson((wb) => {
    const ws = sheetOf(wb, 'pengaduan');
    const last = ws.rowCount;
    const rows = Array.from({ length: last - 1 }, (_, i) => ws.getRow(i + 2).values as ExcelJS.CellValue[]);
    rows.reverse().forEach((values, i) => {
      ws.getRow(2 + i).values = values;
    });
  });
}

async function periksa(nomor: string): Promise<void> {
  await new WorkbookRegister(file).transaction((book) => {
    performAction(book, nomor, 'periksa', PETUGAS, { persyaratan: [...PERSYARATAN] }, fixedClock());
  });
}

/** The coded error a rejected promise carries. */
async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isPengaduanError(e)) return e.code;
    return `not a PengaduanError: ${String(e)}`;
  }
  return 'resolved';
}

const HEADERS = (key: keyof typeof TABS): string[] => TABS[key].columns.map((c) => c.header);

describe('a new register', () => {
  it('has every schema tab, and no other, with the schema headers in row 1 in schema order', async () => {
    await new WorkbookRegister(file).transaction(() => undefined, { seed: seedDefaults });
    const wb = await readBook(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(TAB_KEYS.map((k) => TABS[k].name));
    for (const key of TAB_KEYS) expect(headersOf(sheetOf(wb, key)), key).toEqual(HEADERS(key));
  });

  it('hides the system bookkeeping columns and leaves the others visible', async () => {
    await new WorkbookRegister(file).transaction(() => undefined, { seed: seedDefaults });
    const ws = sheetOf(await readBook(file), 'pengaduan');
    const hidden = TABS.pengaduan.columns.filter((c) => ws.getColumn(columnOf(ws, c.header)).hidden).map((c) => c.key);
    expect(hidden.sort()).toEqual(TABS.pengaduan.columns.filter((c) => 'hidden' in c && c.hidden).map((c) => c.key).sort());
  });

  it('is not created by a read-only transaction', async () => {
    await new WorkbookRegister(file).transaction(() => undefined, { write: false });
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('a register re-sorted by a person', () => {
  it('finds each complaint by its number, and an action writes to that row only', async () => {
    const numbers = await registerWith(3);
    await reverseRegisterRows();
    const [first, second, third] = numbers;
    expect(dataRows(sheetOf(await readBook(file), 'pengaduan')).map((r) => r['Nomor Registrasi'])).toEqual([third, second, first]);

    await periksa(first ?? '');

    const rows = dataRows(sheetOf(await readBook(file), 'pengaduan'));
    // The person's order is kept; only the first complaint (now the last row) moved on.
    expect(rows.map((r) => [r['Nomor Registrasi'], r.Status, r['Nama Pelapor']])).toEqual([
      [third, 'DITERIMA', 'Pelapor 3'],
      [second, 'DITERIMA', 'Pelapor 2'],
      [first, 'DIPERIKSA', 'Pelapor 1'],
    ]);
    const history = dataRows(sheetOf(await readBook(file), 'riwayat'));
    expect(history.filter((h) => h.Aksi === 'periksa').map((h) => h['Nomor Registrasi'])).toEqual([first]);
  });
});

describe('a register where a person inserted a column "Catatan Pribadi" in the middle', () => {
  const EXTRA = 'Catatan Pribadi';

  async function insertExtraColumn(): Promise<number> {
    let at = 0;
    await editByPerson((wb) => {
      const ws = sheetOf(wb, 'pengaduan');
      at = columnOf(ws, 'Alamat Pelapor'); // between Identity columns, far left of the alur columns
      ws.spliceColumns(at, 0, [EXTRA, 'pribadi satu', 'pribadi dua', 'pribadi tiga']);
    });
    return at;
  }

  it('writes an action under the right headers of the right row and keeps the extra column', async () => {
    const [, second] = await registerWith(3);
    await insertExtraColumn();
    const before = dataRows(sheetOf(await readBook(file), 'pengaduan'));

    await periksa(second ?? '');

    const after = dataRows(sheetOf(await readBook(file), 'pengaduan'));
    expect(after.map((r) => r[EXTRA])).toEqual(['pribadi satu', 'pribadi dua', 'pribadi tiga']);
    expect(after.map((r) => r.Status)).toEqual(['DITERIMA', 'DIPERIKSA', 'DITERIMA']);
    // Every cell the action does not own is exactly as before, the intake columns included.
    const intakeHeaders = TABS.pengaduan.columns.filter((c) => c.writer === 'intake').map((c) => c.header);
    for (const h of [...intakeHeaders, EXTRA]) expect(after.map((r) => r[h]), h).toEqual(before.map((r) => r[h]));
    expect(after[1]?.['Alamat Pelapor']).toBe('Jl. Soekarno Hatta No. 12, Payakumbuh');
    expect(after[1]?.['Persyaratan Diterima']).toContain('Diketahui Lurah');
  });

  it('registers a new complaint under the right headers, leaving the extra column empty', async () => {
    await registerWith(1);
    await insertExtraColumn();
    await new WorkbookRegister(file).transaction((book) =>
      registerComplaints(book, [complaint({ nama_pelapor: 'Pelapor Baru', alamat_pelapor: 'Jl. Baru 1' })], PETUGAS, fixedClock()),
    );
    const rows = dataRows(sheetOf(await readBook(file), 'pengaduan'));
    expect(rows.map((r) => [r['Nama Pelapor'], r['Alamat Pelapor'], r[EXTRA]])).toEqual([
      ['Pelapor 1', 'Jl. Soekarno Hatta No. 12, Payakumbuh', 'pribadi satu'],
      ['Pelapor Baru', 'Jl. Baru 1', null],
    ]);
  });

  it('still finds complaints after the same register is also re-sorted', async () => {
    const [first] = await registerWith(3);
    await insertExtraColumn();
    await reverseRegisterRows();
    await periksa(first ?? '');
    const rows = dataRows(sheetOf(await readBook(file), 'pengaduan'));
    expect(rows.map((r) => [r['Nama Pelapor'], r[EXTRA], r.Status])).toEqual([
      ['Pelapor 3', 'pribadi tiga', 'DITERIMA'],
      ['Pelapor 2', 'pribadi dua', 'DITERIMA'],
      ['Pelapor 1', 'pribadi satu', 'DIPERIKSA'],
    ]);
  });
});

describe('a register missing an optional schema column that a person deleted', () => {
  it('gets the column back at the end, with every other cell untouched', async () => {
    await registerWith(2);
    await editByPerson((wb) => {
      const ws = sheetOf(wb, 'pengaduan');
      ws.spliceColumns(columnOf(ws, 'Bidang Usaha'), 1);
    });
    const before = dataRows(sheetOf(await readBook(file), 'pengaduan'));
    expect(Object.keys(before[0] ?? {})).not.toContain('Bidang Usaha');

    const upgraded = await new WorkbookRegister(file).transaction((book: RegisterBook) => book.upgraded);

    expect(upgraded).toEqual(['kolom "Bidang Usaha" di tab Pengaduan']);
    const ws = sheetOf(await readBook(file), 'pengaduan');
    const headers = headersOf(ws);
    expect(headers.at(-1)).toBe('Bidang Usaha');
    expect(headers.slice(0, -1)).toEqual(HEADERS('pengaduan').filter((h) => h !== 'Bidang Usaha'));
    const after = dataRows(ws);
    expect(after.map((r) => r['Bidang Usaha'])).toEqual([null, null]);
    expect(after.map(({ 'Bidang Usaha': _k, ...rest }) => rest)).toEqual(before);
  });

  it('fills the re-added column for complaints registered afterwards', async () => {
    await registerWith(1);
    await editByPerson((wb) => {
      const ws = sheetOf(wb, 'pengaduan');
      ws.spliceColumns(columnOf(ws, 'Bidang Usaha'), 1);
    });
    await new WorkbookRegister(file).transaction((book) => registerComplaints(book, [complaint({ bidang_usaha: 'Kuliner' })], PETUGAS, fixedClock()));
    const rows = dataRows(sheetOf(await readBook(file), 'pengaduan'));
    expect(rows.map((r) => r['Bidang Usaha'])).toEqual([null, 'Kuliner']);
  });
});

describe('a register whose required column or data tab was renamed', () => {
  it('refuses a renamed required header instead of adding an empty one, and leaves the file as it is', async () => {
    await registerWith(1);
    await editByPerson((wb) => {
      const ws = sheetOf(wb, 'pengaduan');
      ws.getRow(1).getCell(columnOf(ws, 'Status')).value = 'Status Pengaduan';
    });
    const bytes = await readFile(file);
    expect(await codeOf(new WorkbookRegister(file).transaction(() => 'read'))).toBe('KOLOM_TIDAK_DITEMUKAN');
    expect(Buffer.compare(await readFile(file), bytes)).toBe(0);
  });

  it('refuses a renamed Pengaduan tab instead of starting an empty register', async () => {
    await registerWith(1);
    await editByPerson((wb) => {
      sheetOf(wb, 'pengaduan').name = 'Register 2026';
    });
    const bytes = await readFile(file);
    const run = await cli(['--register', file, 'catat', '--data', JSON.stringify(complaint())], dir);
    expect(run.code).toBe(3);
    expect(run.err).toContain('Tab "Pengaduan" tidak ditemukan');
    expect(Buffer.compare(await readFile(file), bytes)).toBe(0);
  });
});

describe('a register with two columns of the same header', () => {
  it.each([
    ['the exact text', 'Status'],
    ['other case and spacing', '  STATUS '],
  ])('is refused as REGISTER_RUSAK (%s) and left as it is', async (_what, duplicate) => {
    await registerWith(1);
    await editByPerson((wb) => {
      const ws = sheetOf(wb, 'pengaduan');
      ws.getRow(1).getCell(columnOf(ws, 'Tahap')).value = duplicate;
    });
    const bytes = await readFile(file);

    const attempt = new WorkbookRegister(file).transaction(() => 'read');
    await expect(attempt).rejects.toThrow(/dua kolom berjudul "Status"/);
    expect(await codeOf(new WorkbookRegister(file).transaction(() => 'read'))).toBe('REGISTER_RUSAK');
    expect(Buffer.compare(await readFile(file), bytes)).toBe(0);

    const run = await cli(['--register', file, 'daftar'], dir);
    expect(run.code).toBe(3);
    expect(run.err).toContain('Tab "Pengaduan" memiliki dua kolom berjudul "Status"');
  });
});

describe('a register whose headers a person re-typed', () => {
  it('maps a header with a line break, other spacing and bold rich text to its column', async () => {
    const [nomor] = await registerWith(1);
    await editByPerson((wb) => {
      const ws = sheetOf(wb, 'pengaduan');
      ws.getRow(1).getCell(columnOf(ws, 'Nomor Registrasi')).value = { richText: [{ text: 'Nomor\n', font: { bold: true } }, { text: '  Registrasi ' }] };
      ws.getRow(1).getCell(columnOf(ws, 'Status')).value = 'STATUS';
    });
    const seen = await new WorkbookRegister(file).transaction((book) => {
      performAction(book, nomor ?? '', 'periksa', PETUGAS, { persyaratan: [...PERSYARATAN] }, fixedClock());
      return { upgraded: book.upgraded, rows: book.table('pengaduan').rows().map((r) => [r.values.nomor, r.values.status]) };
    });
    expect(seen).toEqual({ upgraded: [], rows: [[nomor, 'DIPERIKSA']] });
  });
});

describe('a register where a person pasted a complaint row twice', () => {
  // Was a bug (fixed): Table.find returned the first row holding the number and ignores the copy, so an action
  // updates one row and leaves a second row with the same number and an older status; the SLA
  // sweep then counts the complaint twice on the dashboard. Two rows with one registration number
  // are as ambiguous as two columns with one header, and should be refused the same way.
  // Reproduce: copy row 2 of Pengaduan to row 4, then `pengaduan proses PGD-2026-0001 periksa ...`
  // → row 2 MENUNGGU_KELENGKAPAN/DIPERIKSA, row 4 still DITERIMA; `pengaduan sla` reports 3 complaints.
  it('refuses to act on that number with REGISTER_RUSAK, changing nothing', async () => {
    const [first] = await registerWith(2);
    await editByPerson((wb) => {
      const ws = sheetOf(wb, 'pengaduan');
      ws.getRow(4).values = ws.getRow(2).values;
    });
    const bytes = await readFile(file);
    const code = await codeOf(
      new WorkbookRegister(file).transaction((book) => performAction(book, first ?? '', 'periksa', PETUGAS, { persyaratan: [...PERSYARATAN] }, fixedClock())),
    );
    expect(code).toBe('REGISTER_RUSAK');
    expect(Buffer.compare(await readFile(file), bytes)).toBe(0);
  });
});

describe('writer ownership of columns', () => {
  it('refuses an update, append or replace touching a column of another writer, and writes nothing', async () => {
    const [nomor] = await registerWith(1);
    const bytes = await readFile(file);
    const attempt = new WorkbookRegister(file).transaction((book) => {
      const t = book.table('pengaduan');
      const row = t.find('nomor', nomor ?? '') ?? 0;
      const refusals = [
        () => t.update(row, { catatan_staf: 'ditulis oleh alur' }, 'alur'),
        () => t.update(row, { status: 'SELESAI' }, 'sla'),
        () => t.update(row, { tahap: 'ditulis', tenggat: '2026-01-01' }, 'alur'),
        () => t.append({ nomor: 'PGD-2026-9999', catatan_staf: 'x' }, ['intake']),
        () => t.replaceAll([], 'alur'),
        () => book.table('riwayat').append({ aksi: 'x' }, ['sla']),
      ];
      const causes = refusals.map((f) => {
        try {
          f();
          return 'not refused';
        } catch (e) {
          return ((e as Error).cause as { code?: string } | undefined)?.code ?? (e as Error).message;
        }
      });
      expect(causes).toEqual(Array(refusals.length).fill('KOLOM_BUKAN_MILIK_PENULIS'));
      // The mixed patch was checked before any cell was written.
      expect(t.get(row).tahap).toBe('Diterima');
      expect(t.get(row).tenggat).toBe('2026-04-02');
      expect(t.rows()).toHaveLength(1);
      throw new Error('stop: nothing may be saved');
    });
    await expect(attempt).rejects.toThrow('stop: nothing may be saved');
    expect(Buffer.compare(await readFile(file), bytes)).toBe(0);
  });

  it('refuses a key the schema does not know with KOLOM_TIDAK_DITEMUKAN', async () => {
    await registerWith(1);
    const code = await codeOf(new WorkbookRegister(file).transaction((book) => book.table('pengaduan').update(2, { catatan_pribadi: 'x' }, 'staf')));
    expect(code).toBe('KOLOM_TIDAK_DITEMUKAN');
  });
});

/** Runs the real `pengaduan` command in its own Node 22 process. */
function spawnCli(args: readonly string[], env: Record<string, string>): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }> {
  const node = path.join(ROOT, 'node_modules', '.bin', 'node');
  return new Promise((resolve, reject) => {
    const child = spawn(node, [path.join(ROOT, 'bin', 'pengaduan.js'), ...args], { cwd: dir, env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, out, err }));
  });
}

describe('six processes registering at the same time on a register that does not exist yet', () => {
  it('gives six distinct numbers, six rows, six history entries and a valid file', async () => {
    const runs = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        spawnCli(['--register', file, 'catat', '--data', JSON.stringify(complaint({ nama_pelapor: `Pelapor Serentak ${i + 1}` }))], { PENGADUAN_WAKTU: NOW_ISO }),
      ),
    );
    // A process that finds the register locked says it is waiting, and nothing else.
    for (const r of runs) expect({ code: r.code, err: r.err.replace(/^Menunggu register dilepas oleh proses lain…\n?$/, '') }).toEqual({ code: 0, err: '' });
    const numbers = runs.map((r) => r.out.split('\n')[0]?.trim());
    expect(new Set(numbers).size).toBe(6);
    expect([...numbers].sort()).toEqual(['PGD-2026-0001', 'PGD-2026-0002', 'PGD-2026-0003', 'PGD-2026-0004', 'PGD-2026-0005', 'PGD-2026-0006']);

    const wb = await readBook(file);
    const rows = dataRows(sheetOf(wb, 'pengaduan'));
    expect(rows.map((r) => r['Nomor Registrasi']).sort()).toEqual([...numbers].sort());
    expect(rows.map((r) => r['Nama Pelapor']).sort()).toEqual(Array.from({ length: 6 }, (_, i) => `Pelapor Serentak ${i + 1}`));
    const history = dataRows(sheetOf(wb, 'riwayat'));
    expect(history.map((h) => h['Nomor Registrasi']).sort()).toEqual([...numbers].sort());
    expect(dataRows(sheetOf(wb, 'penomoran')).map((r) => [r.Seri, r.Tahun, r['Nomor Urut Terakhir']])).toEqual([['registrasi', 2026, 6]]);
    // Seeded once, not once per process.
    expect(dataRows(sheetOf(wb, 'pengaturan')).filter((r) => r.Kunci === 'hari_sla')).toHaveLength(1);
    // No lock folder or temporary file is left behind (the outbox and documents folders may exist).
    expect((await strays(dir, [REGISTER])).filter((f) => !f.endsWith('-kotak-keluar') && !f.endsWith('-dokumen'))).toEqual([]);
  }, 60_000);
});

describe('a save interrupted before the new file replaces the old one', () => {
  async function registerOneMore(): Promise<unknown> {
    return new WorkbookRegister(file).transaction((book) => registerComplaints(book, [complaint({ nama_pelapor: 'Pelapor Gagal Simpan' })], PETUGAS, fixedClock()));
  }

  it('leaves the old file loadable and byte-for-byte unchanged, and the next save works', async () => {
    await registerWith(2);
    const bytes = await readFile(file);
    fsFault.renameError = Object.assign(new Error('EPERM: operation not permitted, rename'), { code: 'EPERM' });

    await expect(registerOneMore()).rejects.toThrow(/EPERM/);

    expect(Buffer.compare(await readFile(file), bytes)).toBe(0);
    expect(dataRows(sheetOf(await readBook(file), 'pengaduan'))).toHaveLength(2);
    await registerOneMore();
    const rows = dataRows(sheetOf(await readBook(file), 'pengaduan'));
    expect(rows.map((r) => [r['Nomor Registrasi'], r['Nama Pelapor']])).toEqual([
      ['PGD-2026-0001', 'Pelapor 1'],
      ['PGD-2026-0002', 'Pelapor 2'],
      ['PGD-2026-0003', 'Pelapor Gagal Simpan'],
    ]);
  });

  // Regression (fixed in 0b5d883): a failed rename used to leave a full hidden copy of the register.
  it('removes its temporary file when the rename fails (e.g. EBUSY while open in Excel)', async () => {
    await registerWith(1);
    fsFault.renameError = Object.assign(new Error('EBUSY: resource busy or locked, rename'), { code: 'EBUSY' });
    await expect(registerOneMore()).rejects.toThrow(/EBUSY/);
    expect(await strays(dir, [REGISTER])).toEqual([]);
  });
});

describe('a process killed by SIGKILL halfway through writing the register', () => {
  it('leaves the old file intact, and the next run works despite the stray temporary file and lock', async () => {
    await registerWith(2);
    const bytes = await readFile(file);

    const child = await new Promise<{ signal: NodeJS.Signals | null; out: string; err: string }>((resolve, reject) => {
      const p = spawn(path.join(ROOT, 'node_modules', '.bin', 'node'), ['--import', 'tsx', path.join(ROOT, 'test', 'helpers', 'wb-crash-child.ts'), file, '40'], { cwd: ROOT });
      let out = '';
      let err = '';
      p.stdout.on('data', (d: Buffer) => (out += d.toString()));
      p.stderr.on('data', (d: Buffer) => (err += d.toString()));
      p.on('error', reject);
      p.on('close', (_code, signal) => resolve({ signal, out, err }));
    });
    expect(child).toMatchObject({ signal: 'SIGKILL', out: 'half-written\n' });

    // The crash left the old register untouched, a half-written temporary file and its lock.
    expect(Buffer.compare(await readFile(file), bytes)).toBe(0);
    expect(dataRows(sheetOf(await readBook(file), 'pengaduan'))).toHaveLength(2);
    const left = await strays(dir, [REGISTER]);
    expect(left).toEqual([expect.stringMatching(new RegExp(`^\\.${REGISTER.replace('.', '\\.')}\\.\\d+\\.[0-9a-f]{8}\\.tmp$`)) as string, `${REGISTER}.lock`]);

    // The lock of a dead process is taken over once it is stale (20 s without a refresh).
    const old = new Date(Date.now() - 120_000);
    await utimes(path.join(dir, `${REGISTER}.lock`), old, old);
    const run = await cli(['--register', file, 'catat', '--data', JSON.stringify(complaint({ nama_pelapor: 'Sesudah Crash' }))], dir);
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out.split('\n')[0]).toBe('PGD-2026-0003');
    const rows = dataRows(sheetOf(await readBook(file), 'pengaduan'));
    expect(rows.map((r) => r['Nama Pelapor'])).toEqual(['Pelapor 1', 'Pelapor 2', 'Sesudah Crash']);
  }, 60_000);
});

describe('a register file that is not a workbook', () => {
  async function expectRefusedAndUntouched(content: Buffer): Promise<void> {
    await writeFile(file, content);
    expect(await codeOf(new WorkbookRegister(file).transaction(() => 'read'))).toBe('REGISTER_RUSAK');
    const run = await cli(['--register', file, 'catat', '--data', JSON.stringify(complaint())], dir);
    expect(run.code).toBe(3);
    expect(run.err).toMatch(/tidak dapat dibaca sebagai \.xlsx/);
    expect(Buffer.compare(await readFile(file), content)).toBe(0);
    expect(await strays(dir, [REGISTER])).toEqual([]);
  }

  it('refuses a text file with REGISTER_RUSAK and never overwrites it', async () => {
    await expectRefusedAndUntouched(Buffer.from('Nomor;Nama\nPGD-2026-0001;Budi\n', 'utf8'));
  });

  it('refuses an empty file with REGISTER_RUSAK and never overwrites it', async () => {
    await expectRefusedAndUntouched(Buffer.alloc(0));
  });

  it('refuses a truncated register with REGISTER_RUSAK and never overwrites it', async () => {
    await registerWith(2);
    const whole = await readFile(file);
    await expectRefusedAndUntouched(whole.subarray(0, Math.floor(whole.length / 2)));
  });

  // Regression (fixed in 0b5d883): exceljs loads such a zip as an empty workbook, which then crashed on save.
  it('refuses a zip without a workbook inside (a renamed .docx) with REGISTER_RUSAK', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'bukan register');
    await expectRefusedAndUntouched(await zip.generateAsync({ type: 'nodebuffer' }));
  });
});

describe('a copy of a valid register', () => {
  it('is read the same under another name (nothing depends on the file name)', async () => {
    const numbers = await registerWith(2);
    const copy = path.join(dir, 'salinan.xlsx');
    await copyFile(file, copy);
    const found = await new WorkbookRegister(copy).transaction((book) => numbers.map((n) => book.table('pengaduan').find('nomor', n)), { write: false });
    expect(found).toEqual([2, 3]);
  });
});
