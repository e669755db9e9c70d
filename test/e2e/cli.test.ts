/**
 * The whole procedure end to end through the command line on a temporary workbook: the light
 * path, the heavy path with returns for revision by the Koordinator, the Sekretaris and the
 * Kepala, and refused actions that change nothing. Each step runs at its own fixed time.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir, type CliRun } from '../helpers/cli.js';
import { PERSYARATAN } from '../../sheets-schema/index.js';

const STAFF = {
  petugas: 'rina.petugas@contoh.go.id',
  subkoordinator: 'andi.subkoor@contoh.go.id',
  koordinator: 'yusuf.koordinator@contoh.go.id',
  sekretaris: 'dewi.sekretaris@contoh.go.id',
  kepala: 'kepala@contoh.go.id',
} as const;

const ALL_REQUIREMENTS = [...PERSYARATAN];

let dir: string;
let cleanup: () => Promise<void>;
let register: string;

async function cli(now: string, ...args: string[]): Promise<CliRun> {
  return runCli(['--register', register, ...args], { cwd: dir, now });
}

async function registerBytes(): Promise<Buffer> {
  return readFile(register);
}

async function row(nomor: string): Promise<Record<string, unknown>> {
  const r = await cli('2026-03-17T09:00:00+07:00', 'status', nomor, '--json');
  expect(r.code).toBe(0);
  return (JSON.parse(r.out) as { record: Record<string, unknown> }).record;
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  register = path.join(dir, 'register.xlsx');
  // The roles tab is the admin's: write it the way an admin would, in the workbook itself.
  const created = await runCli(['--register', register, 'catat', '--data', JSON.stringify({
    kanal: 'formulir_kertas', nama_pelapor: 'Pelapor Uji', telepon_pelapor: '081200000000', isi_pengaduan: 'Pengaduan pembuka register.',
  })], { cwd: dir, now: '2026-03-16T08:00:00+07:00' }); // Monday
  expect(created.code, created.err).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(register);
  const peran = wb.getWorksheet('Peran');
  if (!peran) throw new Error('no Peran tab');
  for (const [role, email] of Object.entries(STAFF)) peran.addRow([email, role, `Nama ${role}`, '', '', 'ya']);
  await wb.xlsx.writeFile(register);
});

afterAll(async () => {
  await cleanup();
});

describe('a light complaint (ringan) through the command line', () => {
  let nomor = '';

  it('is registered from a JSON file and prints its number first', async () => {
    const data = path.join(dir, 'ringan.json');
    await writeFile(data, JSON.stringify({
      kanal: 'telepon_whatsapp',
      nama_pelapor: 'Siti Rahmah',
      telepon_pelapor: '+62 812-6611-0001',
      email_pelapor: 'siti@contoh.id',
      nama_usaha: 'Bengkel Las Maju Jaya',
      isi_pengaduan: 'Bengkel beroperasi sampai tengah malam.',
    }));
    const r = await cli('2026-03-17T09:00:00+07:00', 'catat', '--data', data, '--sebagai', STAFF.petugas); // Tuesday
    expect(r.code, r.err).toBe(0);
    nomor = r.out.split('\n')[0] ?? '';
    expect(nomor).toBe('PGD-2026-0002');
    expect(r.out).toContain('Jatuh tempo: Kamis, 2 April 2026'); // DESIGN.md §5 example
    const rec = await row(nomor);
    expect(rec.telepon_pelapor).toBe('081266110001');
    expect(rec.status).toBe('DITERIMA');
    expect(rec.tenggat).toBe('2026-04-02');
  });

  it('goes periksa → nilai ringan → jawab, and closes on time', async () => {
    let r = await cli('2026-03-17T10:00:00+07:00', 'proses', nomor, 'periksa', '--sebagai', STAFF.petugas, '--data', JSON.stringify({ persyaratan: ALL_REQUIREMENTS }));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Diperiksa');
    r = await cli('2026-03-18T09:00:00+07:00', 'proses', nomor, 'nilai', '--sebagai', STAFF.subkoordinator, '--data', '{"kategori":"ringan","alasan":"Cukup penjelasan."}');
    expect(r.code, r.err).toBe(0);
    expect((await row(nomor)).status).toBe('DITANGANI_LANGSUNG');
    r = await cli('2026-03-18T14:00:00+07:00', 'proses', nomor, 'jawab', '--sebagai', STAFF.subkoordinator, '--data', '{"jawaban":"Jam operasional dibatasi.","cara":"whatsapp"}');
    expect(r.code, r.err).toBe(0);
    const rec = await row(nomor);
    expect(rec.status).toBe('SELESAI');
    expect(rec.status_sla).toBe('SELESAI_TEPAT_WAKTU');
    expect(rec.hari_kerja_terpakai).toBe(0); // Wed 18 Mar 2026 is cuti bersama Nyepi: no working day used
    expect(rec.selesai_pada).toBe('2026-03-18 14:00:00');
  });

  it('leaves an e-mail to the complainant in the outbox', async () => {
    const outbox = path.join(dir, 'register-kotak-keluar');
    const files = await readdir(outbox);
    const mine = files.filter((f) => f.includes(nomor) && f.endsWith('-pelapor.eml'));
    expect(mine.length).toBeGreaterThanOrEqual(2); // receipt, answer
    const eml = await readFile(path.join(outbox, mine[0] ?? ''), 'utf8');
    expect(eml).toContain('To: siti@contoh.id');
  });
});

describe('a heavy complaint (berat) with returns for revision', () => {
  let nomor = '';
  const step = async (now: string, aksi: string, who: keyof typeof STAFF, data?: unknown): Promise<CliRun> => {
    const args = ['proses', nomor, aksi, '--sebagai', STAFF[who]];
    if (data !== undefined) args.push('--data', JSON.stringify(data));
    const r = await cli(now, ...args);
    expect(r.code, `${aksi}: ${r.err}`).toBe(0);
    return r;
  };

  it('walks all twelve SOP steps, with three returns, to SELESAI', async () => {
    const r = await cli('2026-03-17T08:00:00+07:00', 'catat', '--data', JSON.stringify({
      kanal: 'sp4n_lapor', nomor_lapor: 'LAPOR-123', nama_pelapor: 'Budi', email_pelapor: 'budi@contoh.id',
      nama_usaha: 'Peternakan Ayam', isi_pengaduan: 'Bau kandang ayam.',
    }));
    expect(r.code, r.err).toBe(0);
    nomor = r.out.split('\n')[0] ?? '';

    // Incomplete requirements pause the clock for two working days.
    await step('2026-03-17T09:00:00+07:00', 'periksa', 'petugas', { persyaratan: ['surat_ditandatangani'] }); // Tuesday
    expect((await row(nomor)).status).toBe('MENUNGGU_KELENGKAPAN');
    await step('2026-03-26T09:00:00+07:00', 'lengkapi', 'petugas', { persyaratan: ALL_REQUIREMENTS }); // Thursday; 18-24 Mar are holidays
    let rec = await row(nomor);
    expect(rec.status).toBe('DIPERIKSA');
    expect(rec.hari_kerja_dijeda).toBe(2);
    expect(rec.tenggat).toBe('2026-04-07'); // Tuesday: Thu 2 Apr moved by Wed 25 and Thu 26 Mar (Fri 3 Apr is Wafat Isa Almasih)

    await step('2026-03-26T10:00:00+07:00', 'nilai', 'subkoordinator', { kategori: 'berat', alasan: 'Dampak lingkungan.' });
    await step('2026-03-26T11:00:00+07:00', 'disposisi', 'kepala', { disposisi: 'Rapatkan dengan DLH.' });
    await step('2026-03-26T13:00:00+07:00', 'perintah_undangan', 'koordinator');
    const invited = await step('2026-03-26T14:00:00+07:00', 'kirim_undangan', 'subkoordinator', {
      tanggal: '2026-03-30', jam: '9.30', tempat: 'Ruang Rapat', agenda: 'Bau kandang', // Monday
      undangan: [{ nama: 'DLH', instansi: 'Dinas Lingkungan Hidup', kelompok: 'opd_terkait' }, { nama: 'Pemilik', kelompok: 'pemilik_usaha' }],
    });
    expect(invited.out).toContain('Nomor surat undangan: 001/UND-PGD/DPMPTSP/III/2026');
    const early = await cli('2026-03-27T09:00:00+07:00', 'proses', nomor, 'catat_hasil_rapat', '--sebagai', STAFF.subkoordinator, '--data',
      JSON.stringify({ hadir: [{ nama: 'A' }], pembahasan: 'x', kesimpulan: 'y' }));
    expect(early.code).toBe(1);
    expect(early.err).toContain('rapat dijadwalkan 2026-03-30');
    await step('2026-03-30T15:00:00+07:00', 'catat_hasil_rapat', 'subkoordinator', {
      hadir: [{ nama: 'Drs. Zulkifli', instansi: 'DLH' }], pembahasan: 'Limbah belum dikelola.', kesimpulan: 'Perbaiki pengelolaan limbah.',
      tindak_lanjut: [{ uraian: 'Perbaiki limbah', pelaksana: 'Pemilik', tenggat: '2026-04-30' }],
    });
    await step('2026-03-31T08:00:00+07:00', 'kembalikan', 'koordinator', { catatan: 'Tambahkan peserta.' });
    expect((await row(nomor)).status).toBe('REVISI_BA');
    await step('2026-03-31T09:00:00+07:00', 'perbaiki_draf', 'subkoordinator', { hadir: [{ nama: 'Drs. Zulkifli', instansi: 'DLH' }, { nama: 'Pemilik', instansi: 'Usaha' }] });
    await step('2026-03-31T10:00:00+07:00', 'paraf_koordinator', 'koordinator');
    await step('2026-03-31T11:00:00+07:00', 'kembalikan', 'sekretaris', { catatan: 'Redaksi kesimpulan.' });
    await step('2026-03-31T13:00:00+07:00', 'perbaiki_draf', 'subkoordinator', { kesimpulan: 'Pemilik memperbaiki pengelolaan limbah dalam 30 hari.' });
    await step('2026-04-01T08:00:00+07:00', 'paraf_koordinator', 'koordinator');
    await step('2026-04-01T09:00:00+07:00', 'paraf_sekretaris', 'sekretaris', { koreksi: 'Ejaan.' });
    await step('2026-04-01T10:00:00+07:00', 'kembalikan', 'kepala', { catatan: 'Cantumkan dasar hukum.' });
    await step('2026-04-01T11:00:00+07:00', 'perbaiki_draf', 'subkoordinator', { pembahasan: 'Limbah belum dikelola sesuai Perda.' });
    await step('2026-04-01T13:00:00+07:00', 'paraf_koordinator', 'koordinator');
    await step('2026-04-01T14:00:00+07:00', 'paraf_sekretaris', 'sekretaris');
    const signed = await step('2026-04-02T09:00:00+07:00', 'tandatangani', 'kepala');
    expect(signed.out).toContain('Nomor Berita Acara: 001/BA-PGD/DPMPTSP/IV/2026');
    await step('2026-04-02T10:00:00+07:00', 'serahkan', 'petugas', { cara: 'email' });

    rec = await row(nomor);
    expect(rec.status).toBe('SELESAI');
    expect(rec.status_sla).toBe('SELESAI_TEPAT_WAKTU');
    expect(rec.hari_kerja_terpakai).toBe(5); // 25 Mar - 2 Apr is 7 working days, 2 of them paused
    expect(rec.rapat_kesimpulan).toBe('Pemilik memperbaiki pengelolaan limbah dalam 30 hari.');
    expect(String(rec.hari_per_tahap)).toContain('MENUNGGU_KELENGKAPAN:2');
    const history = await cli('2026-04-02T11:00:00+07:00', 'status', nomor, '--json');
    const actions = (JSON.parse(history.out) as { history: { aksi: string }[] }).history.map((h) => h.aksi);
    expect(actions.filter((a) => a === 'kembalikan')).toHaveLength(3);
    expect(actions[0]).toBe('catat');
    expect(actions.at(-1)).toBe('serahkan');
  });

  it('refuses to register the same SP4N-LAPOR! ticket twice', async () => {
    const before = await registerBytes();
    const r = await cli('2026-04-02T12:00:00+07:00', 'catat', '--data', JSON.stringify({
      kanal: 'sp4n_lapor', nomor_lapor: 'LAPOR-123', nama_pelapor: 'Budi', email_pelapor: 'budi@contoh.id', isi_pengaduan: 'Lagi.',
    }));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`sudah tercatat sebagai pengaduan ${nomor}`);
    expect((await registerBytes()).equals(before)).toBe(true);
  });
});

describe('refused actions', () => {
  const cases: { name: string; args: (n: string) => string[]; code: number; message: string }[] = [
    { name: 'a paraf by the petugas', args: (n) => ['proses', n, 'paraf_koordinator', '--sebagai', STAFF.petugas], code: 1, message: 'tidak dapat dilakukan' },
    { name: 'a check by the subkoordinator', args: (n) => ['proses', n, 'periksa', '--sebagai', STAFF.subkoordinator], code: 1, message: 'hanya dapat dilakukan oleh Petugas Layanan Pengaduan' },
    { name: 'an unregistered user', args: (n) => ['proses', n, 'periksa', '--sebagai', 'orang@luar.id'], code: 1, message: 'belum terdaftar' },
    { name: 'an unknown action', args: (n) => ['proses', n, 'hapus', '--sebagai', STAFF.kepala], code: 1, message: 'tidak dikenal' },
    { name: 'an unknown complaint', args: () => ['proses', 'PGD-2099-9999', 'periksa', '--sebagai', STAFF.petugas], code: 1, message: 'tidak ditemukan' },
    { name: 'a wrong kategori', args: (n) => ['proses', n, 'periksa', '--sebagai', STAFF.petugas, '--data', '{"persyaratan":["surat_palsu"]}'], code: 1, message: 'tidak dikenal' },
    { name: 'malformed JSON', args: (n) => ['proses', n, 'periksa', '--sebagai', STAFF.petugas, '--data', '{"persyaratan":'], code: 1, message: 'bukan JSON yang valid' },
    { name: 'a missing --sebagai', args: (n) => ['proses', n, 'periksa'], code: 2, message: '--sebagai' },
  ];
  let nomor = '';
  beforeAll(async () => {
    const r = await cli('2026-03-30T09:00:00+07:00', 'catat', '--data', JSON.stringify({ kanal: 'surat', nama_pelapor: 'X', alamat_pelapor: 'Jl. Y', isi_pengaduan: 'Z' }));
    nomor = r.out.split('\n')[0] ?? '';
  });
  for (const c of cases) {
    it(`refuses ${c.name} with exit code ${c.code} and changes nothing`, async () => {
      const before = await registerBytes();
      const r = await cli('2026-03-30T10:00:00+07:00', ...c.args(nomor));
      expect(r.code).toBe(c.code);
      expect(r.err).toContain(c.message);
      expect((await registerBytes()).equals(before)).toBe(true);
    });
  }
});

describe('the sla command', () => {
  it('with --pada previews another day and saves nothing', async () => {
    const before = await registerBytes();
    const r = await cli('2026-03-30T10:00:00+07:00', 'sla', '--pada', '2026-04-15', '--json');
    expect(r.code, r.err).toBe(0);
    expect((JSON.parse(r.out) as { asOf: string }).asOf).toBe('2026-04-15');
    expect((await registerBytes()).equals(before)).toBe(true);
  });

  it('recomputes every complaint at a given date and fills the dashboard tab', async () => {
    const r = await cli('2026-04-15T12:00:00+07:00', 'sla', '--json');
    expect(r.code, r.err).toBe(0);
    const s = JSON.parse(r.out) as { total: number; counts: Record<string, number>; late: { nomor: string }[] };
    expect(s.total).toBeGreaterThanOrEqual(4);
    expect(s.late.map((l) => l.nomor)).toContain('PGD-2026-0001');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(register);
    expect(wb.getWorksheet('Dasbor')?.actualRowCount).toBe(s.total + 1);
  });
});

describe('jatuh-tempo', () => {
  it('prints one due date per date, in order', async () => {
    const r = await runCli(['jatuh-tempo', '2026-03-17', '2026-03-14T23:30:00+07:00', '2026-12-24', '--hari', '7'], { cwd: dir });
    expect(r.code, r.err).toBe(0);
    // Tue 17 Mar 2026 → Thu 2 Apr (18-24 Mar are Nyepi and Idulfitri); Sat 14 Mar → Tue 31 Mar
    // (counting starts Mon 16 Mar); Thu 24 Dec 2026 (cuti bersama) → Thu 7 Jan 2027 (1 and 5 Jan are holidays).
    expect(r.out.split('\n')).toEqual(['2026-04-02', '2026-03-31', '2027-01-07']);
  });
  it('exits non-zero in Indonesian for a year the calendar does not cover', async () => {
    const r = await runCli(['jatuh-tempo', '2028-01-10'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.err).toContain('Kalender hari libur tahun 2028 belum tersedia');
  });
});

describe('the dashboard tab after repeated sweeps', () => {
  it('holds exactly one row per complaint however often the SLA is recomputed', async () => {
    const counts: number[] = [];
    for (const pada of ['2026-04-15', '2026-04-16', '2026-04-17']) {
      const r = await cli(`${pada}T12:00:00+07:00`, 'sla', '--json');
      expect(r.code, r.err).toBe(0);
      const total = (JSON.parse(r.out) as { total: number }).total;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(register);
      const ws = wb.getWorksheet('Dasbor');
      let filled = 0;
      ws?.eachRow((row, n) => {
        if (n > 1 && row.getCell(1).text !== '') filled++;
      });
      counts.push(filled - total);
    }
    expect(counts).toEqual([0, 0, 0]);
  });
});

describe('file problems', () => {
  it('a register path that is a folder gets a coded Indonesian error, exit 3', async () => {
    const { mkdir } = await import('node:fs/promises');
    const folder = path.join(dir, 'folder.xlsx');
    await mkdir(folder);
    const r = await runCli(['--register', folder, 'daftar'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.err).toContain('itu sebuah folder, bukan berkas');
  });

  it('a register open in LibreOffice refuses writes (they would be undone on its save) but still reads', async () => {
    const { rm } = await import('node:fs/promises');
    const marker = path.join(dir, '.~lock.register.xlsx#');
    await writeFile(marker, ',Rina Marlina,pc-pelayanan,28.11.2026 09:00,file:///home/rina/.config/libreoffice/4;');
    try {
      const before = await registerBytes();
      const w = await cli('2026-03-30T10:00:00+07:00', 'sla');
      expect(w.code).toBe(3);
      expect(w.err).toContain('sedang dibuka di program lembar kerja oleh Rina Marlina');
      expect((await registerBytes()).equals(before)).toBe(true);
      expect((await cli('2026-03-30T10:00:00+07:00', 'daftar')).code).toBe(0);
    } finally {
      await rm(marker);
    }
  });

  it('an outbox that cannot be written leaves the action saved and says what to send by hand', async () => {
    const reg2 = path.join(dir, 'kotak.xlsx');
    await writeFile(path.join(dir, 'kotak-kotak-keluar'), 'bukan folder');
    const r = await runCli(['--register', reg2, 'catat', '--data', JSON.stringify({ kanal: 'surat', nama_pelapor: 'A', email_pelapor: 'a@contoh.id', isi_pengaduan: 'B' })], {
      cwd: dir,
      now: '2026-03-30T09:00:00+07:00',
    });
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('perubahan sudah tersimpan di register');
    // Why, in words staff understand (files.ts), with the system's code for support.
    expect(r.err).toMatch(/\((sudah ada berkas dengan nama itu|bagian jalurnya adalah berkas, bukan folder); E[A-Z]+\)/);
    expect(r.err).toContain('kepada a@contoh.id');
    const list = await runCli(['--register', reg2, 'daftar', '--json'], { cwd: dir });
    expect((JSON.parse(list.out) as unknown[]).length).toBe(1);
  });
});

describe('layani: what the user typed', () => {
  it.each([
    [['layani', '--port', 'abc'], /--port harus nomor port 0–65535, bukan "abc"/],
    [['layani', '--port', '99999'], /--port harus nomor port/],
    [['layani', '--register', 'register.txt'], /Register harus berkas \.xlsx/],
    [['layani', 'lebih'], /layani tidak menerima argumen/],
  ])('%j is wrong usage (exit 2), said in Indonesian, and creates nothing', async (args, message) => {
    const { dir, cleanup } = await tempDir();
    try {
      const run = await runCli(args, { cwd: dir });
      expect(run.code, run.err).toBe(2);
      expect(run.err).toMatch(message);
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await cleanup();
    }
  });
});
