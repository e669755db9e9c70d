/**
 * One complaint by letter through the whole heavy path on the command line, as staff would run
 * it, with each step's documents checked where the register says they are: the receipt with the
 * requirements received, the working paper with the grading, the disposition, the invitation
 * dated when it was sent, the draft Berita Acara through a return for revision and the paraf, and
 * the signed Berita Acara with its number and every participant. Also: steps without documents
 * (--tanpa-dokumen), the JSON of catat, and all documents again as PDF at the end.
 */
import { execFileSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JENIS_DOKUMEN, JENIS_DOKUMEN_LABEL, PERSYARATAN, PERSYARATAN_LABEL, type JenisDokumen } from '../../sheets-schema/index.js';
import type { CliRun } from '../helpers/cli.js';
import { useCliRegister } from '../helpers/cli-register.js';
import { KEPALA, KOORDINATOR, PETUGAS, SEKRETARIS, SUBKOOR } from '../helpers/dokumen-fixtures.js';
import { readDocxFile } from '../helpers/docx.js';
import { exists, pdfTestsRun } from '../helpers/files.js';

const NOW = '2026-11-26T10:00:00+07:00';

const sample = useCliRegister('pengaduan-alur-', NOW);
const cli = (args: string[], now = NOW): Promise<CliRun> => sample.cli(args, { now });
const record = (nomor: string): Promise<Record<string, string>> => sample.record(nomor);
const inDir = (...parts: string[]): string => path.join(sample.dir, ...parts);
const fileName = (nomor: string, jenis: JenisDokumen): string => `register-dokumen/${nomor}/${nomor}_${jenis.replace(/_/g, '-')}.docx`;

async function docText(link: string): Promise<string> {
  const doc = await readDocxFile(inDir(link));
  expect(doc.invalid, link).toEqual([]);
  return doc.text;
}
/** The "Dokumen LABEL: PATH" lines a command printed, as [label, path]. */
function listed(out: string): [string, string][] {
  return [...out.matchAll(/^ {2}Dokumen (.+?): (\S+)$/gm)].map((m) => [m[1] ?? '', m[2] ?? '']);
}
const expected = (nomor: string, ...jenis: JenisDokumen[]): [string, string][] => jenis.map((j) => [JENIS_DOKUMEN_LABEL[j], fileName(nomor, j)]);

async function proses(nomor: string, aksi: string, sebagai: string, data: unknown, now: string, extra: string[] = []): Promise<CliRun> {
  const r = await cli(['proses', nomor, aksi, '--sebagai', sebagai, '--data', JSON.stringify(data), ...extra], now);
  expect(r.code, `${aksi}: ${r.err}`).toBe(0);
  expect(r.out).not.toMatch(/belum dibuat/);
  // The sample office has every name and NIP: no blank is left to fill by hand.
  expect(r.out).not.toMatch(/^ +catatan:/m);
  return r;
}

const ALL_LABELS = PERSYARATAN.map((p) => PERSYARATAN_LABEL[p]);
const HADIR = Array.from({ length: 20 }, (_, i) => ({ nama: `Peserta Rapat Ke-${i + 1} Binti Contoh`, instansi: i % 2 === 0 ? 'DLH Kota Payakumbuh' : 'Kelurahan Koto Tangah' }));

describe('a complaint by letter through the heavy path, document by document', () => {
  let nomor = '';
  let nomorUndangan = '';
  let nomorBa = '';

  it('catat --json: the receipt and the working paper, as links (no document bytes in the JSON)', async () => {
    const data = {
      kanal: 'surat',
      nama_pelapor: 'Syafril Alur',
      telepon_pelapor: '081299990001',
      alamat_pelapor: 'Jl. Sudirman No. 5, Payakumbuh',
      nama_usaha: 'Penggilingan Padi Sinar Alur',
      alamat_usaha: 'Kelurahan Koto Tangah',
      isi_pengaduan: 'Debu sekam dari penggilingan padi masuk ke rumah warga.\nSuara mesin terdengar sampai malam.',
    };
    const r = await cli(['catat', '--data', JSON.stringify(data), '--sebagai', PETUGAS, '--json']);
    expect(r.code, r.err).toBe(0);
    const results = JSON.parse(r.out) as { nomor: string; dokumen: { jenis: string; link?: string; warnings: string[]; error?: string }[] }[];
    expect(results).toHaveLength(1);
    nomor = results[0]?.nomor ?? '';
    expect(nomor).toMatch(/^PGD-2026-\d{4}$/);
    expect(results[0]?.dokumen).toEqual([
      { jenis: 'tanda_terima', link: fileName(nomor, 'tanda_terima'), warnings: [] },
      { jenis: 'lembar_pengaduan', link: fileName(nomor, 'lembar_pengaduan'), warnings: [] },
    ]);
    expect(r.out).not.toMatch(/"bytes"|"data"/);
    expect(r.out.length).toBeLessThan(20_000);
    const receipt = await docText(fileName(nomor, 'tanda_terima'));
    for (const label of ALL_LABELS) expect(receipt).toContain(`☐${label}`);
    expect(receipt).toContain('Kelengkapan persyaratan akan diperiksa petugas');
  });

  it('periksa (all requirements): the Tanda Terima and the Lembar Pengaduan show every requirement received', async () => {
    const r = await proses(nomor, 'periksa', PETUGAS, { persyaratan: [...PERSYARATAN], catatan: 'Lengkap, diterima dengan surat.' }, '2026-11-26T11:00:00+07:00');
    expect(r.out).toMatch(/Diterima -> Diperiksa/);
    expect(listed(r.out)).toEqual(expected(nomor, 'tanda_terima', 'lembar_pengaduan'));
    const receipt = await docText(fileName(nomor, 'tanda_terima'));
    for (const label of ALL_LABELS) expect(receipt).toContain(`☑${label}`);
    expect(receipt).not.toContain('☐');
    expect(receipt).toContain('Persyaratan lengkap.');
    expect(receipt).toContain('Surat/pos');
    // A letter is received by an officer, who signs: not the electronic receipt of the online form.
    expect(receipt).not.toMatch(/elektronik/);
    expect(receipt).toMatch(/Petugas Penerima,\s*\n+Rina Marlina/);
    expect(receipt).toContain('Payakumbuh, 26 November 2026');
    const lembar = await docText(fileName(nomor, 'lembar_pengaduan'));
    expect(lembar.match(/☑/g)).toHaveLength(PERSYARATAN.length);
    expect(lembar).toContain('Lengkap, diterima dengan surat.');
  });

  it('nilai berat: the Lembar Pengaduan is ticked Berat', async () => {
    const r = await proses(nomor, 'nilai', SUBKOOR, { kategori: 'berat', alasan: 'Dampak lingkungan bagi permukiman; perlu tim teknis.' }, '2026-11-26T13:00:00+07:00');
    expect(listed(r.out)).toEqual(expected(nomor, 'lembar_pengaduan'));
    const lembar = await docText(fileName(nomor, 'lembar_pengaduan'));
    expect(lembar).toMatch(/☑\s*Berat/);
    expect(lembar).toMatch(/☐\s*Ringan/);
    expect(lembar).toMatch(/☐\s*Sedang/);
    expect(lembar).toContain('Dampak lingkungan bagi permukiman; perlu tim teknis.');
    expect(lembar).toContain('Andi Saputra, S.E.');
  });

  it('disposisi: the Lembar Disposisi, dated that day', async () => {
    const r = await proses(nomor, 'disposisi', KEPALA, { disposisi: 'Koordinator segera rapatkan dengan DLH dan pemilik penggilingan.' }, '2026-11-27T09:00:00+07:00');
    expect(listed(r.out)).toEqual(expected(nomor, 'lembar_disposisi'));
    const t = await docText(fileName(nomor, 'lembar_disposisi'));
    expect(t).toContain('Koordinator segera rapatkan dengan DLH dan pemilik penggilingan.');
    expect(t).toContain('Payakumbuh, 27 November 2026');
    expect(t).toContain(nomor);
  });

  it('perintah_undangan: no document', async () => {
    const r = await proses(nomor, 'perintah_undangan', KOORDINATOR, { instruksi: 'Undang DLH dan pemilik usaha.' }, '2026-11-27T10:00:00+07:00');
    expect(listed(r.out)).toEqual([]);
  });

  it('kirim_undangan: the Undangan with its number and the day it was sent', async () => {
    const r = await proses(
      nomor,
      'kirim_undangan',
      SUBKOOR,
      {
        tanggal: '2026-12-01',
        jam: '09:30',
        tempat: 'Ruang Rapat DPMPTSP Kota Payakumbuh',
        agenda: 'Pembahasan pengaduan debu penggilingan padi',
        undangan: [
          { nama: 'Kepala Dinas Lingkungan Hidup', instansi: 'DLH Kota Payakumbuh', kelompok: 'opd_terkait' },
          { nama: 'Pemilik Penggilingan Padi Sinar Alur', instansi: '', kelompok: 'pemilik_usaha' },
        ],
      },
      '2026-11-27T14:00:00+07:00',
    );
    nomorUndangan = /Nomor surat undangan: (\S+)/.exec(r.out)?.[1] ?? '';
    expect(nomorUndangan).toMatch(/^\d{3}\/UND-PGD\/DPMPTSP\/XI\/2026$/);
    expect(listed(r.out)).toEqual(expected(nomor, 'undangan_rapat'));
    const t = await docText(fileName(nomor, 'undangan_rapat'));
    expect(t).toContain(nomorUndangan);
    expect(t).toContain('Payakumbuh, 27 November 2026');
    expect(t).toContain('Selasa, 1 Desember 2026');
    expect(t).toContain('09.30 WIB');
    expect(t).toContain('Kepala Dinas Lingkungan Hidup (DLH Kota Payakumbuh)');
    expect(t).toContain('Pemilik Penggilingan Padi Sinar Alur');
  });

  it('the meeting results cannot be recorded before the meeting day; no draft is made', async () => {
    const r = await cli(['proses', nomor, 'catat_hasil_rapat', '--sebagai', SUBKOOR, '--data', JSON.stringify({ hadir: HADIR, pembahasan: 'x', kesimpulan: 'y' })], '2026-11-30T15:00:00+07:00');
    expect(r.code).toBe(1);
    expect(r.err).toContain('2026-12-01');
    expect(await exists(inDir(fileName(nomor, 'berita_acara_draf')))).toBe(false);
    expect((await record(nomor)).berkas_berita_acara_draf ?? '').toBe('');
  });

  it('catat_hasil_rapat (20 participants, 2 follow-ups): a draft Berita Acara without a number', async () => {
    const r = await proses(
      nomor,
      'catat_hasil_rapat',
      SUBKOOR,
      {
        hadir: HADIR,
        pembahasan: 'Penggilingan belum memasang penangkap debu.\nMesin beroperasi sampai pukul 22.00 WIB.',
        kesimpulan: 'Pemilik memasang penangkap debu dan membatasi jam operasional.',
        tindak_lanjut: [
          { uraian: 'Memasang penangkap debu sekam', pelaksana: 'Pemilik penggilingan', tenggat: '' },
          { uraian: 'Pemantauan kualitas udara', pelaksana: 'DLH Kota Payakumbuh', tenggat: '' },
        ],
      },
      '2026-12-01T15:00:00+07:00',
    );
    expect(listed(r.out)).toEqual(expected(nomor, 'berita_acara_draf'));
    const t = await docText(fileName(nomor, 'berita_acara_draf'));
    expect(t).toContain('DRAF');
    expect(t).toContain('(diberikan saat ditandatangani Kepala)');
    expect(t).not.toMatch(/BA-PGD/);
    for (const p of HADIR) expect(t).toContain(p.nama);
    expect(t).toContain('Memasang penangkap debu sekam');
    expect(t).toContain('Pemantauan kualitas udara');
  });

  it('kembalikan (Koordinator): no document', async () => {
    const r = await proses(nomor, 'kembalikan', KOORDINATOR, { catatan: 'Lengkapi tenggat tindak lanjut.' }, '2026-12-02T09:00:00+07:00');
    expect(r.out).toMatch(/-> Draf Berita Acara sedang direvisi/);
    expect(listed(r.out)).toEqual([]);
  });

  it('perbaiki_draf: the draft again, with the corrected follow-ups', async () => {
    const r = await proses(
      nomor,
      'perbaiki_draf',
      SUBKOOR,
      {
        tindak_lanjut: [
          { uraian: 'Memasang penangkap debu sekam', pelaksana: 'Pemilik penggilingan', tenggat: '2027-01-04' },
          { uraian: 'Pemantauan kualitas udara', pelaksana: 'DLH Kota Payakumbuh', tenggat: '2027-01-11' },
        ],
        catatan: 'Tenggat dilengkapi.',
      },
      '2026-12-02T11:00:00+07:00',
    );
    expect(listed(r.out)).toEqual(expected(nomor, 'berita_acara_draf'));
    const t = await docText(fileName(nomor, 'berita_acara_draf'));
    expect(t).toContain('Senin, 4 Januari 2027');
    expect(t).toContain('Senin, 11 Januari 2027');
    expect(t).toContain('DRAF');
  });

  it('paraf_koordinator: no document', async () => {
    const r = await proses(nomor, 'paraf_koordinator', KOORDINATOR, {}, '2026-12-02T14:00:00+07:00');
    expect(listed(r.out)).toEqual([]);
  });

  it('paraf_sekretaris with a corrected conclusion: the draft again, with both paraf dates', async () => {
    const r = await proses(
      nomor,
      'paraf_sekretaris',
      SEKRETARIS,
      { koreksi: 'Redaksi kesimpulan diperbaiki.', kesimpulan: 'Pemilik wajib memasang penangkap debu dan menghentikan mesin pada pukul 18.00 WIB.' },
      '2026-12-03T09:00:00+07:00',
    );
    expect(listed(r.out)).toEqual(expected(nomor, 'berita_acara_draf'));
    const t = await docText(fileName(nomor, 'berita_acara_draf'));
    expect(t).toContain('Pemilik wajib memasang penangkap debu dan menghentikan mesin pada pukul 18.00 WIB.');
    expect(t).not.toContain('Pemilik memasang penangkap debu dan membatasi jam operasional.');
    expect(t).toContain('2 Desember 2026');
    expect(t).toContain('3 Desember 2026');
    expect(t).toContain('(diberikan saat ditandatangani Kepala)');
  });

  it('tandatangani: the final Berita Acara with the number printed, every participant, the meeting day in words', async () => {
    const r = await proses(nomor, 'tandatangani', KEPALA, {}, '2026-12-03T11:00:00+07:00');
    nomorBa = /Nomor Berita Acara: (\S+)/.exec(r.out)?.[1] ?? '';
    expect(nomorBa).toMatch(/^\d{3}\/BA-PGD\/DPMPTSP\/XII\/2026$/);
    expect(listed(r.out)).toEqual(expected(nomor, 'berita_acara'));
    const t = await docText(fileName(nomor, 'berita_acara'));
    expect(t).toContain(`Nomor: ${nomorBa}`);
    expect(t).not.toContain('DRAF');
    expect(t).not.toContain('(diberikan saat ditandatangani Kepala)');
    for (const p of HADIR) expect(t).toContain(p.nama);
    expect(t).toContain('Pada hari ini Selasa tanggal satu bulan Desember tahun dua ribu dua puluh enam, bertempat di Ruang Rapat DPMPTSP Kota Payakumbuh');
    expect(t).toContain('Pemilik wajib memasang penangkap debu dan menghentikan mesin pada pukul 18.00 WIB.');
    expect(t).toContain('Ir. Hendra Gunawan, M.T.');
    // The draft stays what it was: a draft.
    expect(await docText(fileName(nomor, 'berita_acara_draf'))).toContain('DRAF');
  });

  it('serahkan: no document; the register links every document of the complaint', async () => {
    const r = await proses(nomor, 'serahkan', PETUGAS, { cara: 'langsung', catatan: 'Diterima langsung oleh pelapor.' }, '2026-12-03T14:00:00+07:00');
    expect(listed(r.out)).toEqual([]);
    const row = await record(nomor);
    expect(row.status).toBe('SELESAI');
    expect(row.nomor_ba).toBe(nomorBa);
    expect(row.nomor_undangan).toBe(nomorUndangan);
    for (const jenis of JENIS_DOKUMEN) expect(row[`berkas_${jenis}`], jenis).toBe(fileName(nomor, jenis));
    expect((await readdir(inDir('register-dokumen', nomor))).sort()).toEqual(JENIS_DOKUMEN.map((j) => path.basename(fileName(nomor, j))).sort());
  });


  it.runIf(pdfTestsRun)('dokumen NOMOR semua --pdf: every document again, as PDF without template markup; the Undangan keeps its sending date', async () => {
    const r = await cli(['dokumen', nomor, 'semua', '--pdf'], '2026-12-10T10:00:00+07:00');
    expect(r.code, r.err).toBe(0);
    expect(listed(r.out)).toEqual(expected(nomor, ...JENIS_DOKUMEN));
    const pdfs = [...r.out.matchAll(/^ {2}PDF: (\S+)$/gm)].map((m) => m[1] ?? '');
    expect(pdfs).toEqual(JENIS_DOKUMEN.map((j) => fileName(nomor, j).replace(/\.docx$/, '.pdf')));
    // Lines as laid out on the page, with runs of spaces squeezed; numbers may wrap, so they are
    // looked for with all white space removed.
    const text: Record<string, string> = {};
    const bare: Record<string, string> = {};
    for (const [i, pdf] of pdfs.entries()) {
      const t = execFileSync('pdftotext', ['-layout', inDir(pdf), '-']).toString('utf8').replace(/[ \t]+/g, ' ');
      expect(t, pdf).not.toContain('{{');
      expect(t.replace(/\s+/g, ''), pdf).toContain(nomor);
      text[JENIS_DOKUMEN[i] ?? ''] = t;
      bare[JENIS_DOKUMEN[i] ?? ''] = t.replace(/\s+/g, '');
    }
    expect(bare.undangan_rapat).toContain(nomorUndangan);
    expect(bare.undangan_rapat).toContain('Payakumbuh,27November2026');
    expect(bare.undangan_rapat).not.toContain('10Desember2026');
    expect(bare.berita_acara).toContain(nomorBa);
    expect(bare.berita_acara).not.toContain('DRAF');
    expect(bare.berita_acara).toContain('PesertaRapatKe-20Binti');
    expect(bare.berita_acara_draf).toContain('DRAF');
    expect(bare.tanda_terima).toContain('Payakumbuh,26November2026');
  }, 120_000);
});

describe('steps without documents', () => {
  it('proses --tanpa-dokumen makes no file and leaves the document columns as they were', async () => {
    const r = await cli(['catat', '--data', JSON.stringify({ kanal: 'surat', nama_pelapor: 'Tanpa Dokumen', telepon_pelapor: '081299990002', nama_usaha: 'Usaha B', isi_pengaduan: 'Isi.' }), '--sebagai', PETUGAS]);
    expect(r.code, r.err).toBe(0);
    const nomor = r.out.split('\n')[0] ?? '';
    const receipt = inDir(fileName(nomor, 'tanda_terima'));
    const before = await readFile(receipt);
    const rowBefore = await record(nomor);

    const done = await proses(nomor, 'periksa', PETUGAS, { persyaratan: [...PERSYARATAN] }, '2026-11-26T11:00:00+07:00', ['--tanpa-dokumen']);
    expect(listed(done.out)).toEqual([]);
    const row = await record(nomor);
    expect(row.status).toBe('DIPERIKSA');
    expect(row.berkas_tanda_terima).toBe(rowBefore.berkas_tanda_terima);
    expect(row.berkas_lembar_pengaduan).toBe(rowBefore.berkas_lembar_pengaduan);
    expect(Buffer.compare(before, await readFile(receipt))).toBe(0);
    expect((await readdir(inDir('register-dokumen', nomor))).sort()).toEqual([`${nomor}_lembar-pengaduan.docx`, `${nomor}_tanda-terima.docx`]);
  });

  it('catat --tanpa-dokumen makes no folder and no link', async () => {
    const r = await cli(['catat', '--tanpa-dokumen', '--data', JSON.stringify({ kanal: 'surat', nama_pelapor: 'Tanpa Folder', telepon_pelapor: '081299990003', nama_usaha: 'Usaha C', isi_pengaduan: 'Isi.' })]);
    expect(r.code, r.err).toBe(0);
    const nomor = r.out.split('\n')[0] ?? '';
    expect(listed(r.out)).toEqual([]);
    expect(await exists(inDir('register-dokumen', nomor))).toBe(false);
    const row = await record(nomor);
    for (const jenis of JENIS_DOKUMEN) expect(row[`berkas_${jenis}`] ?? '', jenis).toBe('');
  });
});

describe('dokumen: the number as staff type it', () => {
  it('a number typed with a trailing space re-renders into the complaint\'s own folder and file', async () => {
    const r = await cli(['catat', '--data', JSON.stringify({ kanal: 'surat', nama_pelapor: 'Spasi Di Belakang', telepon_pelapor: '081299990004', nama_usaha: 'Usaha D', isi_pengaduan: 'Isi.' })]);
    expect(r.code, r.err).toBe(0);
    const nomor = r.out.split('\n')[0] ?? '';
    const again = await cli(['dokumen', `${nomor} `, 'tanda_terima'], '2026-11-27T09:00:00+07:00');
    expect(again.code, again.err).toBe(0);
    expect(listed(again.out)).toEqual(expected(nomor, 'tanda_terima'));
    expect((await record(nomor)).berkas_tanda_terima).toBe(fileName(nomor, 'tanda_terima'));
    expect((await readdir(inDir('register-dokumen'))).filter((f) => f.startsWith(nomor))).toEqual([nomor]);
  });
});
