/**
 * Documents through the command line: produced by the steps that produce them and recorded in
 * the register, re-rendered on demand, refused before their step, never undoing a step when a
 * template is broken, and the demo that leaves every document of both paths in a folder.
 */
import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { JENIS_DOKUMEN } from '../../sheets-schema/index.js';
import { TEMPLATE_FILE } from '../../core/dokumen/kontrak.js';
import { TEMPLATE_DIR } from '../../functions/dokumen/render.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { useCliRegister } from '../helpers/cli-register.js';
import { PETUGAS } from '../helpers/dokumen-fixtures.js';
import { shippedTemplateWith } from '../helpers/dokumen-render.js';
import { readDocxFile } from '../helpers/docx.js';
import { exists } from '../helpers/files.js';
import { BIDI, SANDBOX_ESCAPE } from '../helpers/hostile-text.js';

const NOW = '2026-11-26T10:00:00+07:00';
const sample = useCliRegister('pengaduan-dok-', NOW);
const cli = (args: string[], env: Record<string, string> = {}): Promise<CliRun> => sample.cli(args, { env });
const record = (nomor: string): Promise<Record<string, string>> => sample.record(nomor);
const inDir = (...parts: string[]): string => path.join(sample.dir, ...parts);

const complaint = {
  kanal: 'formulir_kertas',
  nama_pelapor: 'Pelapor Dokumen',
  telepon_pelapor: '081200000001',
  nama_usaha: 'Usaha Uji',
  isi_pengaduan: 'Baris pertama.\nBaris kedua dengan {{kode_akses}} dan ||<w:p/>||.',
};

describe('documents of the sample register (npm start)', () => {
  it('the sample complaints have their documents next to the register, linked from their rows', async () => {
    const folder = inDir('register-dokumen');
    const numbers = await readdir(folder);
    expect(numbers.length).toBe(7);
    const list = await cli(['daftar', '--json']);
    const rows = JSON.parse(list.out) as Record<string, string>[];
    const done = rows.find((r) => r.status === 'SELESAI' && r.nomor_ba);
    expect(done).toBeDefined();
    for (const jenis of JENIS_DOKUMEN) {
      const link = done?.[`berkas_${jenis}`] ?? '';
      expect(link, jenis).toMatch(new RegExp(`^register-dokumen/.+_${jenis.replace(/_/g, '-')}\\.docx$`));
      const doc = await readDocxFile(inDir(link));
      expect(doc.invalid).toEqual([]);
    }
  });
});

describe('documents produced by the steps', () => {
  let nomor = '';
  it('catat produces the Tanda Terima and the Lembar Pengaduan and records their paths', async () => {
    const r = await cli(['catat', '--data', JSON.stringify(complaint), '--sebagai', PETUGAS]);
    expect(r.code, r.err).toBe(0);
    nomor = r.out.split('\n')[0] ?? '';
    expect(r.out).toMatch(/Dokumen Tanda Terima Pengaduan Masyarakat: register-dokumen\/PGD-2026-\d{4}\/PGD-2026-\d{4}_tanda-terima\.docx/);
    expect(r.out).toMatch(/Dokumen Lembar Pengaduan: /);
    const row = await record(nomor);
    expect(row.berkas_tanda_terima).toBe(`register-dokumen/${nomor}/${nomor}_tanda-terima.docx`);
    const doc = await readDocxFile(inDir(row.berkas_tanda_terima ?? ''));
    expect(doc.text).toContain(nomor);
    expect(doc.text).toContain(row.kode_akses ?? '?');
    const lembar = await readDocxFile(inDir(row.berkas_lembar_pengaduan ?? ''));
    expect(lembar.text).toContain('Baris pertama.\nBaris kedua dengan {{kode_akses}} dan ||<w:p/>||.');
  });

  it('a final Berita Acara is refused before the signature, and nothing changes', async () => {
    const before = await readFile(sample.register);
    const r = await cli(['dokumen', nomor, 'berita_acara']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/belum ditandatangani|belum ada/);
    expect(Buffer.compare(before, await readFile(sample.register))).toBe(0);
  });

  it('an unknown document type lists the types', async () => {
    const r = await cli(['dokumen', nomor, 'surat_cinta']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/tanda_terima, lembar_pengaduan/);
  });

  it('--keluar writes a copy and leaves the register untouched', async () => {
    const before = await readFile(sample.register);
    const out = inDir('salinan', 'tanda-terima.docx');
    const missing = await cli(['dokumen', nomor, 'tanda-terima', '--keluar', out]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/Folder ".*salinan" untuk --keluar tidak ada/);
    await mkdir(path.dirname(out));
    const r = await cli(['dokumen', nomor, 'tanda-terima', '--keluar', out]);
    expect(r.code, r.err).toBe(0);
    expect((await readDocxFile(out)).text).toContain(nomor);
    expect(Buffer.compare(before, await readFile(sample.register))).toBe(0);
  });

  it('"semua" renders every document available at this stage', async () => {
    const out = inDir('semua');
    const r = await cli(['dokumen', nomor, 'semua', '--keluar', out, '--json']);
    expect(r.code, r.err).toBe(0);
    expect((await readdir(out)).sort()).toEqual([`${nomor}_lembar-pengaduan.docx`, `${nomor}_tanda-terima.docx`]);
  });

  it('--pdf without LibreOffice keeps the .docx and says how to get PDF', async () => {
    const r = await cli(['dokumen', nomor, 'tanda_terima', '--pdf'], { PENGADUAN_SOFFICE: inDir('tidak-ada', 'soffice') });
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/LibreOffice .* tidak ditemukan[\s\S]*\.docx tetap tersimpan/);
    expect(await exists(inDir('register-dokumen', nomor, `${nomor}_tanda-terima.docx`))).toBe(true);
  });
});

describe('right-to-left text on the terminal', () => {
  it('an override typed by a citizen ends with its line in the command output', async () => {
    const r = await cli(['catat', '--data', JSON.stringify({ ...complaint, telepon_pelapor: '081200000009', nama_pelapor: `Budi ${BIDI.RLO}evil` }), '--tanpa-dokumen']);
    expect(r.code, r.err).toBe(0);
    const status = await cli(['status', r.out.split('\n')[0] ?? '']);
    const lines = status.out.split('\n').filter((l) => l.includes(BIDI.RLO));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l.endsWith(BIDI.PDF)).toBe(true);
  });
});

describe('a broken template', () => {
  let templates: string;
  beforeAll(async () => {
    templates = inDir('template-rusak');
    await mkdir(templates);
    for (const f of Object.values(TEMPLATE_FILE)) await copyFile(path.join(TEMPLATE_DIR, f), path.join(templates, f));
    const bytes = await shippedTemplateWith('tanda_terima', (xml) => xml.replace('{{kode_akses}}', `{{!${SANDBOX_ESCAPE}}}`));
    await writeFile(path.join(templates, TEMPLATE_FILE.tanda_terima), bytes);
  });

  it('does not undo the registration: the complaint is recorded, the failure reported', async () => {
    const r = await cli(['catat', '--data', JSON.stringify({ ...complaint, telepon_pelapor: '081200000002' })], { PENGADUAN_TEMPLATE_DIR: templates });
    expect(r.code, r.err).toBe(0);
    const nomor = r.out.split('\n')[0] ?? '';
    expect(r.out).toMatch(/! Tanda Terima Pengaduan Masyarakat belum dibuat: Template .*tanda-terima\.docx.* tidak dapat dipakai/);
    expect(r.out).toMatch(/tidak diizinkan/);
    expect(r.out).toContain(`buat ulang dengan: pengaduan dokumen ${nomor} tanda_terima`);
    const row = await record(nomor);
    expect(row.status).toBe('DITERIMA');
    expect(row.berkas_tanda_terima ?? '').toBe('');
    expect(row.berkas_lembar_pengaduan).toMatch(/lembar-pengaduan\.docx$/);
    expect(process.env.PENGADUAN_PWNED).toBeUndefined();
  });

  it('asking for that document again is an administrator problem (exit 3)', async () => {
    const r = await cli(['dokumen', 'PGD-2026-0001', 'tanda_terima'], { PENGADUAN_TEMPLATE_DIR: templates });
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/tanda-terima\.docx[\s\S]*tidak diizinkan/);
  });
});

describe('demo', () => {
  it('walks the light and the heavy path and leaves every document in the folder', async () => {
    const out = inDir('demo');
    const r = await runCli(['demo', '--keluar', out], { cwd: sample.dir, now: NOW });
    expect(r.code, r.err).toBe(0);
    const files = await readdir(out);
    for (const jenis of JENIS_DOKUMEN) expect(files.some((f) => f.endsWith(`_${jenis.replace(/_/g, '-')}.docx`)), jenis).toBe(true);
    expect(r.out).toMatch(new RegExp(`${files.length} dokumen`));
    for (const f of files) expect((await readDocxFile(path.join(out, f))).invalid, f).toEqual([]);
    expect(await readdir(sample.dir)).not.toContain('register-demo.xlsx');
  });

  it('refuses a folder that already holds files (sample documents never overwrite real ones), and stray arguments', async () => {
    const full = inDir('register-dokumen');
    const r = await runCli(['demo', '--keluar', full], { cwd: sample.dir, now: NOW });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/tidak kosong/);
    const extra = await runCli(['demo', 'lagi', '--keluar', inDir('demo-baru')], { cwd: sample.dir, now: NOW });
    expect(extra.code).toBe(2);
  });

  it('needs --keluar', async () => {
    const r = await runCli(['demo'], { cwd: sample.dir, now: NOW });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--keluar FOLDER/);
  });
});
