/**
 * `pengaduan dasbor-url` (the Looker Studio Linking API URL that creates leadership's report on
 * the register's Dasbor tab) and `pengaduan halaman-cek` (the citizens' status page as one HTML
 * file for any web host, calling the deployed status function).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DASBOR_COLUMNS } from '../../sheets-schema/index.js';
import { PengaduanError } from '../../core/errors.js';
import { linkingUrl, lookerReport } from '../../core/looker.js';
import { defaultSettingValues } from '../../core/settings.js';
import { cekPage } from '../http/pages/cek.js';
import { fsReason } from '../files.js';
import type { Io } from './main.js';

export function dasborUrlCommand(
  io: Io,
  opt: { sheet?: string | undefined; gid?: string | undefined; template?: string | undefined; json?: boolean | undefined },
): number {
  const sheet = opt.sheet ?? io.env.PENGADUAN_SPREADSHEET_ID;
  if (sheet === undefined || sheet.trim() === '') {
    throw new PengaduanError('ARGUMEN_TIDAK_VALID', 'dasbor-url memerlukan --sheet ID_SPREADSHEET (atau alamat lengkap tab Dasbor).\nLihat: pengaduan --help');
  }
  const template = opt.template ?? io.env.PENGADUAN_LOOKER_TEMPLATE ?? '';
  const { url, parameters } = linkingUrl({ sheet, ...(opt.gid !== undefined ? { gid: opt.gid } : {}), template });
  const report = lookerReport();
  if (opt.json) {
    io.out(JSON.stringify({ url, parameter: parameters, laporan: report }, null, 2));
    return 0;
  }
  const lines = [
    'Buka tautan ini saat masuk dengan akun Google kantor yang dapat membuka spreadsheet register,',
    'lalu klik "Edit and share" / "Simpan" untuk menyimpan laporannya:',
    '',
    url,
    '',
    `Sumber data: hanya tab ${report.dataSource.tab}, kolom ${report.dataSource.range} (${DASBOR_COLUMNS.length} kolom tanpa data pribadi); sel tersembunyi tidak dibaca.`,
    template === ''
      ? 'Tanpa --template: laporan kosong dengan sumber data itu. Susun halamannya menurut docs/looker-studio.md, lalu simpan ID laporannya di PENGADUAN_LOOKER_TEMPLATE untuk membuat ulang laporan yang sama.'
      : `Templat: laporan ${template} (halaman: ${report.pages.map((p) => p.title).join(', ')}).`,
  ];
  io.out(lines.join('\n'));
  return 0;
}

/** A status function address a citizen's browser may call: https, or http on this computer. */
function statusUrlOf(value: string | undefined): string {
  const text = (value ?? '').trim();
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  const local = url?.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (!url || !(url.protocol === 'https:' || local) || url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new PengaduanError(
      'ARGUMEN_TIDAK_VALID',
      'halaman-cek memerlukan --status-url dengan alamat https fungsi pengaduan-status (tanpa ?… atau #…), misalnya https://asia-southeast2-PROYEK.cloudfunctions.net/pengaduan-status.\nLihat: pengaduan --help',
    );
  }
  return url.href;
}

export async function cekPageCommand(io: Io, opt: { 'status-url'?: string | undefined; keluar?: string | undefined }): Promise<number> {
  const statusUrl = statusUrlOf(opt['status-url']);
  const settings = defaultSettingValues();
  const page = cekPage({ instansi: settings.nama_instansi, statusUrl, kontak: settings.telepon, standalone: true });
  if (opt.keluar === undefined) {
    io.out(page.html);
    return 0;
  }
  const file = path.resolve(io.cwd, opt.keluar);
  try {
    await writeFile(file, page.html, 'utf8');
  } catch (e) {
    throw new PengaduanError('BERKAS_TIDAK_DAPAT_DIAKSES', `Halaman tidak dapat ditulis ke "${opt.keluar}" (${fsReason(e)}).`, { cause: e });
  }
  io.out(
    [
      `Halaman cek status ditulis: ${file}`,
      `Unggah berkas itu ke situs kantor. Halaman memanggil ${statusUrl} dengan POST;`,
      `isi PENGADUAN_CORS_ORIGIN fungsi itu dengan alamat situs tersebut (misalnya https://dpmptsp.payakumbuhkota.go.id).`,
      'Kebijakan keamanan (Content-Security-Policy) sudah ada di dalam halaman; bila server web dapat mengirim header, kirim juga:',
      `  Content-Security-Policy: ${page.csp}`,
    ].join('\n'),
  );
  return 0;
}
