/**
 * Documents through the command line: produced by the steps that produce them and recorded in
 * the register, re-rendered on demand, refused before their step, never undoing a step when a
 * template is broken, and the demo that leaves every document of both paths in a folder.
 */
import { copyFile, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JENIS_DOKUMEN } from '../../sheets-schema/index.js';
import { TEMPLATE_FILE } from '../../core/dokumen/kontrak.js';
import { TEMPLATE_DIR } from '../../functions/dokumen/render.js';
import { runCli, tempDir, type CliRun } from '../helpers/cli.js';
import { editDocx, readDocx } from '../helpers/docx.js';

const NOW = '2026-11-26T10:00:00+07:00';
let dir: string;
let cleanup: () => Promise<void>;
let register: string;

const cli = (args: string[], env: Record<string, string> = {}, now = NOW): Promise<CliRun> => runCli(['--register', register, ...args], { cwd: dir, now, env });
const exists = (f: string): Promise<boolean> => stat(f).then(() => true, () => false);
async function record(nomor: string): Promise<Record<string, string>> {
  const r = await cli(['status', nomor, '--json']);
  expect(r.code, r.err).toBe(0);
  return (JSON.parse(r.out) as { record: Record<string, string> }).record;
}

const complaint = {
  kanal: 'formulir_kertas',
  nama_pelapor: 'Pelapor Dokumen',
  telepon_pelapor: '081200000001',
  nama_usaha: 'Usaha Uji',
  isi_pengaduan: 'Baris pertama.\nBaris kedua dengan {{kode_akses}} dan ||<w:p/>||.',
};

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('pengaduan-dok-'));
  register = path.join(dir, 'register.xlsx');
  const started = await cli(['mulai']);
  expect(started.code, started.err).toBe(0);
});
afterAll(async () => cleanup());

describe('documents of the sample register (npm start)', () => {
  it('the sample complaints have their documents next to the register, linked from their rows', async () => {
    const folder = path.join(dir, 'register-dokumen');
    const numbers = await readdir(folder);
    expect(numbers.length).toBe(7);
    const list = await cli(['daftar', '--json']);
    const rows = JSON.parse(list.out) as Record<string, string>[];
    const done = rows.find((r) => r.status === 'SELESAI' && r.nomor_ba);
    expect(done).toBeDefined();
    for (const jenis of JENIS_DOKUMEN) {
      const link = done?.[`berkas_${jenis}`] ?? '';
      expect(link, jenis).toMatch(new RegExp(`^register-dokumen/.+_${jenis.replace(/_/g, '-')}\\.docx$`));
      const doc = await readDocx(new Uint8Array(await readFile(path.join(dir, link))));
      expect(doc.invalid).toEqual([]);
    }
  });
});

describe('documents produced by the steps', () => {
  let nomor = '';
  it('catat produces the Tanda Terima and the Lembar Pengaduan and records their paths', async () => {
    const r = await cli(['catat', '--data', JSON.stringify(complaint), '--sebagai', 'rina.petugas@contoh.go.id']);
    expect(r.code, r.err).toBe(0);
    nomor = r.out.split('\n')[0] ?? '';
    expect(r.out).toMatch(/Dokumen Tanda Terima Pengaduan Masyarakat: register-dokumen\/PGD-2026-\d{4}\/PGD-2026-\d{4}_tanda-terima\.docx/);
    expect(r.out).toMatch(/Dokumen Lembar Pengaduan: /);
    const row = await record(nomor);
    expect(row.berkas_tanda_terima).toBe(`register-dokumen/${nomor}/${nomor}_tanda-terima.docx`);
    const doc = await readDocx(new Uint8Array(await readFile(path.join(dir, row.berkas_tanda_terima ?? ''))));
    expect(doc.text).toContain(nomor);
    expect(doc.text).toContain(row.kode_akses ?? '?');
    const lembar = await readDocx(new Uint8Array(await readFile(path.join(dir, row.berkas_lembar_pengaduan ?? ''))));
    expect(lembar.text).toContain('Baris pertama.\nBaris kedua dengan {{kode_akses}} dan ||<w:p/>||.');
  });

  it('a final Berita Acara is refused before the signature, and nothing changes', async () => {
    const before = await readFile(register);
    const r = await cli(['dokumen', nomor, 'berita_acara']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/belum ditandatangani|belum ada/);
    expect(Buffer.compare(before, await readFile(register))).toBe(0);
  });

  it('an unknown document type lists the types', async () => {
    const r = await cli(['dokumen', nomor, 'surat_cinta']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/tanda_terima, lembar_pengaduan/);
  });

  it('--keluar writes a copy and leaves the register untouched', async () => {
    const before = await readFile(register);
    const out = path.join(dir, 'salinan', 'tanda-terima.docx');
    const missing = await cli(['dokumen', nomor, 'tanda-terima', '--keluar', out]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/Folder ".*salinan" untuk --keluar tidak ada/);
    await mkdir(path.dirname(out));
    const r = await cli(['dokumen', nomor, 'tanda-terima', '--keluar', out]);
    expect(r.code, r.err).toBe(0);
    expect((await readDocx(new Uint8Array(await readFile(out)))).text).toContain(nomor);
    expect(Buffer.compare(before, await readFile(register))).toBe(0);
  });

  it('"semua" renders every document available at this stage', async () => {
    const out = path.join(dir, 'semua');
    const r = await cli(['dokumen', nomor, 'semua', '--keluar', out, '--json']);
    expect(r.code, r.err).toBe(0);
    expect((await readdir(out)).sort()).toEqual([`${nomor}_lembar-pengaduan.docx`, `${nomor}_tanda-terima.docx`]);
  });

  it('--pdf without LibreOffice keeps the .docx and says how to get PDF', async () => {
    const r = await cli(['dokumen', nomor, 'tanda_terima', '--pdf'], { PENGADUAN_SOFFICE: path.join(dir, 'tidak-ada', 'soffice') });
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/LibreOffice .* tidak ditemukan[\s\S]*\.docx tetap tersimpan/);
    expect(await exists(path.join(dir, 'register-dokumen', nomor, `${nomor}_tanda-terima.docx`))).toBe(true);
  });
});

describe('right-to-left text on the terminal', () => {
  it('an override typed by a citizen ends with its line in the command output', async () => {
    const r = await cli(['catat', '--data', JSON.stringify({ ...complaint, telepon_pelapor: '081200000009', nama_pelapor: 'Budi \u202Eevil' }), '--tanpa-dokumen']);
    expect(r.code, r.err).toBe(0);
    const status = await cli(['status', r.out.split('\n')[0] ?? '']);
    const lines = status.out.split('\n').filter((l) => l.includes('\u202E'));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l.endsWith('\u202C')).toBe(true);
  });
});

describe('a broken template', () => {
  let templates: string;
  beforeAll(async () => {
    templates = path.join(dir, 'template-rusak');
    await mkdir(templates);
    for (const f of Object.values(TEMPLATE_FILE)) await copyFile(path.join(TEMPLATE_DIR, f), path.join(templates, f));
    const bytes = await editDocx(new Uint8Array(await readFile(path.join(TEMPLATE_DIR, TEMPLATE_FILE.tanda_terima))), 'word/document.xml', (xml) =>
      xml.replace('{{kode_akses}}', '{{!this.constructor.constructor("return process")().env.PENGADUAN_PWNED = "1"}}'),
    );
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
    const out = path.join(dir, 'demo');
    const r = await runCli(['demo', '--keluar', out], { cwd: dir, now: NOW });
    expect(r.code, r.err).toBe(0);
    const files = await readdir(out);
    for (const jenis of JENIS_DOKUMEN) expect(files.some((f) => f.endsWith(`_${jenis.replace(/_/g, '-')}.docx`)), jenis).toBe(true);
    expect(r.out).toMatch(new RegExp(`${files.length} dokumen`));
    for (const f of files) expect((await readDocx(new Uint8Array(await readFile(path.join(out, f))))).invalid, f).toEqual([]);
    expect(await readdir(dir)).not.toContain('register-demo.xlsx');
  });

  it('refuses a folder that already holds files (sample documents never overwrite real ones), and stray arguments', async () => {
    const full = path.join(dir, 'register-dokumen');
    const r = await runCli(['demo', '--keluar', full], { cwd: dir, now: NOW });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/tidak kosong/);
    const extra = await runCli(['demo', 'lagi', '--keluar', path.join(dir, 'demo-baru')], { cwd: dir, now: NOW });
    expect(extra.code).toBe(2);
  });

  it('needs --keluar', async () => {
    const r = await runCli(['demo'], { cwd: dir, now: NOW });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--keluar FOLDER/);
  });
});
