/**
 * Every tab of the register (workbook or Google Sheet): the register itself, the append-only
 * history, roles, holidays, settings, numbering counters and the de-identified dashboard.
 * The single source of truth for headers: adapters, validation lists, the Form and the docs are
 * generated from here.
 */
import {
  BIDANG_USAHA,
  CARA_PENYAMPAIAN,
  JENIS_DOKUMEN,
  JENIS_DOKUMEN_LABEL,
  JENIS_LIBUR,
  type JenisDokumen,
  KANAL,
  KATEGORI,
  KECAMATAN,
  PERAN,
  PERSYARATAN_LABEL,
  STATUS,
  STATUS_SLA,
  type Status,
} from './enums.js';
import { KELURAHAN_NAMA } from './wilayah.js';
import { col, MAX_TEKS, MAX_TEKS_PANJANG, type Column, type Tab } from './columns.js';

const long = { maxLength: MAX_TEKS_PANJANG } as const;

/** The register column holding where a document is (a path beside the local register, or a Drive link). */
export const berkasColumn = (jenis: JenisDokumen): `berkas_${JenisDokumen}` => `berkas_${jenis}`;
const short = { maxLength: MAX_TEKS } as const;
const persyaratanLabels = Object.values(PERSYARATAN_LABEL);

export const REGISTER_COLUMNS = [
  // Identity and intake: written once when the complaint is registered.
  col('nomor', 'Nomor Registrasi', 'teks', 'intake', { required: true, note: 'Dibuat otomatis; jangan diubah.' }),
  col('kode_akses', 'Kode Akses', 'teks', 'intake', { required: true, pii: true, note: 'Untuk cek status oleh pelapor.' }),
  col('diterima_pada', 'Waktu Diterima (WIB)', 'waktu', 'intake', { required: true }),
  col('kanal', 'Kanal', 'pilihan', 'intake', { required: true, values: KANAL }),
  col('nomor_lapor', 'Nomor Tiket SP4N-LAPOR!', 'teks', 'intake', { maxLength: 40, essential: true }),
  col('id_respons_formulir', 'ID Respons Formulir', 'teks', 'intake', { hidden: true, maxLength: 200, essential: true }),
  col('dicatat_oleh', 'Dicatat Oleh', 'email', 'intake'),
  col('nama_pelapor', 'Nama Pelapor', 'teks', 'intake', { required: true, pii: true, maxLength: 200 }),
  col('nik_pelapor', 'NIK Pelapor', 'teks', 'intake', { pii: true, maxLength: 16 }),
  col('alamat_pelapor', 'Alamat Pelapor', 'teks', 'intake', { pii: true, ...short }),
  col('telepon_pelapor', 'Telepon/WhatsApp Pelapor', 'telepon', 'intake', { pii: true, maxLength: 20 }),
  col('email_pelapor', 'E-mail Pelapor', 'email', 'intake', { pii: true, maxLength: 254 }),
  col('kelurahan', 'Kelurahan Lokasi', 'teks', 'intake', { maxLength: 100 }),
  col('kecamatan', 'Kecamatan Lokasi', 'pilihan', 'intake', { values: KECAMATAN }),
  col('nama_usaha', 'Usaha/Kegiatan yang Diadukan', 'teks', 'intake', { pii: true, ...short }),
  col('alamat_usaha', 'Alamat Usaha/Kegiatan', 'teks', 'intake', { pii: true, ...short }),
  col('bidang_usaha', 'Bidang Usaha', 'pilihan', 'intake', { values: BIDANG_USAHA }),
  col('jenis_izin', 'Izin yang Berkaitan', 'teks', 'intake', { ...short }),
  col('isi_pengaduan', 'Isi Pengaduan', 'teks_panjang', 'intake', { required: true, pii: true, ...long }),
  col('harapan', 'Harapan Pelapor', 'teks_panjang', 'intake', { pii: true, ...long }),
  col('bukti', 'Bukti Pendukung (tautan/keterangan)', 'teks_panjang', 'intake', { pii: true, maxLength: 5000 }),
  col('persetujuan_data', 'Persetujuan Penggunaan Data', 'ya_tidak', 'intake'),

  // The procedure: written by the SOP actions (core/sop.ts).
  col('status', 'Status', 'pilihan', 'alur', { required: true, values: STATUS }),
  col('tahap', 'Tahap', 'teks', 'alur', { note: 'Keterangan status dalam bahasa sehari-hari.' }),
  col('menunggu', 'Menunggu Tindakan', 'teks', 'alur'),
  col('persyaratan_diterima', 'Persyaratan Diterima', 'daftar', 'alur', { values: persyaratanLabels, essential: true }),
  col('persyaratan_kurang', 'Persyaratan Kurang', 'daftar', 'alur', { values: persyaratanLabels }),
  col('catatan_pemeriksaan', 'Catatan Pemeriksaan', 'teks_panjang', 'alur', { ...long }),
  col('kategori', 'Kategori', 'pilihan', 'alur', { values: KATEGORI }),
  col('alasan_kategori', 'Alasan Penilaian', 'teks_panjang', 'alur', { ...long }),
  col('jawaban', 'Jawaban kepada Pelapor', 'teks_panjang', 'alur', { ...long }),
  col('cara_jawaban', 'Cara Penyampaian Jawaban', 'pilihan', 'alur', { values: CARA_PENYAMPAIAN }),
  col('disposisi', 'Disposisi Kepala', 'teks_panjang', 'alur', { ...long }),
  col('disposisi_pada', 'Tanggal Disposisi', 'waktu', 'alur'),
  col('instruksi_koordinator', 'Instruksi Koordinator', 'teks_panjang', 'alur', { ...long }),
  col('nomor_undangan', 'Nomor Surat Undangan', 'teks', 'alur', { maxLength: 100, essential: true }),
  col('rapat_tanggal', 'Tanggal Rapat', 'tanggal', 'alur'),
  col('rapat_jam', 'Jam Rapat', 'jam', 'alur'),
  col('rapat_tempat', 'Tempat Rapat', 'teks', 'alur', { ...short }),
  col('rapat_agenda', 'Agenda Rapat', 'teks_panjang', 'alur', { ...long }),
  col('rapat_undangan', 'Pihak yang Diundang', 'json', 'alur', { ...long }),
  col('rapat_hadir', 'Peserta Rapat', 'json', 'alur', { ...long }),
  col('rapat_pembahasan', 'Pembahasan Rapat', 'teks_panjang', 'alur', { ...long }),
  col('rapat_kesimpulan', 'Kesimpulan Rapat', 'teks_panjang', 'alur', { ...long }),
  col('rapat_tindak_lanjut', 'Tindak Lanjut', 'json', 'alur', { ...long }),
  col('catatan_revisi', 'Catatan Revisi BA', 'teks_panjang', 'alur', { ...long }),
  col('koreksi_sekretaris', 'Koreksi Sekretaris', 'teks_panjang', 'alur', { ...long }),
  col('paraf_koordinator_pada', 'Paraf Koordinator', 'waktu', 'alur'),
  col('paraf_sekretaris_pada', 'Paraf Sekretaris', 'waktu', 'alur'),
  col('nomor_ba', 'Nomor Berita Acara', 'teks', 'alur', { maxLength: 100, essential: true }),
  col('ditandatangani_pada', 'Ditandatangani Kepala', 'waktu', 'alur'),
  col('diserahkan_pada', 'Diserahkan kepada Pelapor', 'waktu', 'alur'),
  col('cara_penyerahan', 'Cara Penyerahan', 'pilihan', 'alur', { values: CARA_PENYAMPAIAN }),
  col('alasan_penutupan', 'Alasan Penutupan', 'teks_panjang', 'alur', { ...long }),
  col('diteruskan_kepada', 'Diteruskan kepada', 'teks', 'alur', { ...short }),
  col('selesai_pada', 'Waktu Selesai/Ditutup', 'waktu', 'alur'),
  col('jejak_status', 'Jejak Status (sistem)', 'json', 'alur', {
    hidden: true,
    essential: true,
    note: 'Riwayat status ringkas untuk menghitung SLA; jangan diubah.',
  }),
  col('diperbarui_pada', 'Terakhir Diperbarui', 'waktu', 'alur'),
  col('diperbarui_oleh', 'Diperbarui Oleh', 'email', 'alur'),

  // The documents: where the latest rendering of each is kept (a path next to the local register,
  // or a Drive link), written by the document renderer only.
  ...JENIS_DOKUMEN.map((jenis) =>
    col(berkasColumn(jenis), `Berkas ${JENIS_DOKUMEN_LABEL[jenis]}`, 'teks', 'dokumen', { maxLength: 2000, note: 'Dibuat otomatis; buat ulang dengan perintah dokumen.' }),
  ),

  // The SLA clock: recomputed by every action and by the daily sweep (core/sla.ts).
  col('tenggat', 'Jatuh Tempo', 'tanggal', 'sla'),
  col('hari_kerja_terpakai', 'Hari Kerja Terpakai', 'angka', 'sla'),
  col('hari_kerja_sisa', 'Sisa Hari Kerja', 'angka', 'sla', { note: 'Negatif berarti lewat jatuh tempo.' }),
  col('hari_kerja_dijeda', 'Hari Kerja Dijeda', 'angka', 'sla'),
  col('status_sla', 'Status SLA', 'pilihan', 'sla', { values: STATUS_SLA }),
  col('hari_per_tahap', 'Hari Kerja per Tahap', 'json', 'sla', { hidden: true }),
  col('sla_dihitung_pada', 'SLA Dihitung pada', 'waktu', 'sla', { hidden: true }),

  // Free notes of the staff: the system never writes here.
  col('catatan_staf', 'Catatan Staf', 'teks_panjang', 'staf', { ...long }),
] as const satisfies readonly Column[];

export type RegisterKey = (typeof REGISTER_COLUMNS)[number]['key'];

export const RIWAYAT_COLUMNS = [
  col('waktu', 'Waktu (WIB)', 'waktu', 'alur', { required: true }),
  col('nomor', 'Nomor Registrasi', 'teks', 'alur', { required: true }),
  col('aksi', 'Aksi', 'teks', 'alur', { required: true }),
  col('dari_status', 'Dari Status', 'pilihan', 'alur', { values: STATUS }),
  col('ke_status', 'Ke Status', 'pilihan', 'alur', { required: true, values: STATUS }),
  col('oleh_email', 'Oleh (e-mail)', 'email', 'alur', { required: true, pii: true }),
  col('oleh_nama', 'Oleh (nama)', 'teks', 'alur', { pii: true }),
  col('oleh_peran', 'Sebagai', 'pilihan', 'alur', { values: PERAN }),
  col('masukan', 'Masukan', 'json', 'alur', { pii: true, ...long }),
  col('keterangan', 'Keterangan', 'teks_panjang', 'alur', { ...long }),
] as const satisfies readonly Column[];
export type RiwayatKey = (typeof RIWAYAT_COLUMNS)[number]['key'];

export const PERAN_COLUMNS = [
  col('email', 'E-mail', 'email', 'admin', { required: true, pii: true }),
  col('peran', 'Peran', 'pilihan', 'admin', { required: true, values: PERAN }),
  col('nama', 'Nama', 'teks', 'admin', { required: true, pii: true }),
  col('nip', 'NIP', 'teks', 'admin', { pii: true, maxLength: 18 }),
  col('jabatan', 'Jabatan', 'teks', 'admin'),
  col('aktif', 'Aktif', 'ya_tidak', 'admin', { essential: true, note: 'Isi "tidak" untuk mencabut peran tanpa menghapus baris.' }),
] as const satisfies readonly Column[];
export type PeranKey = (typeof PERAN_COLUMNS)[number]['key'];

export const LIBUR_COLUMNS = [
  col('tanggal', 'Tanggal', 'tanggal', 'admin', { required: true }),
  col('nama', 'Keterangan', 'teks', 'admin', { required: true }),
  col('jenis', 'Jenis', 'pilihan', 'admin', { required: true, values: JENIS_LIBUR }),
] as const satisfies readonly Column[];
export type LiburKey = (typeof LIBUR_COLUMNS)[number]['key'];

export const PENGATURAN_COLUMNS = [
  col('kunci', 'Kunci', 'teks', 'admin', { required: true, note: 'Kode pengaturan; jangan diubah.' }),
  col('nilai', 'Nilai', 'teks', 'admin', { essential: true }),
  col('keterangan', 'Keterangan', 'teks', 'admin'),
] as const satisfies readonly Column[];
export type PengaturanKey = (typeof PENGATURAN_COLUMNS)[number]['key'];

export const PENOMORAN_COLUMNS = [
  col('seri', 'Seri', 'teks', 'alur', { required: true }),
  col('tahun', 'Tahun', 'angka', 'alur', { required: true }),
  col('terakhir', 'Nomor Urut Terakhir', 'angka', 'alur', { required: true }),
] as const satisfies readonly Column[];
export type PenomoranKey = (typeof PENOMORAN_COLUMNS)[number]['key'];

/** The dashboard column holding the working days a complaint spent in a status (one column per status). */
export const stageColumn = (s: Status): string => `hari_${s.toLowerCase()}`;
const stageColumns = STATUS.map((s) => col(stageColumn(s), `Hari ${s}`, 'angka', 'sla'));

export const DASBOR_COLUMNS = [
  col('nomor', 'Nomor Registrasi', 'teks', 'sla'),
  col('bulan', 'Bulan', 'teks', 'sla', { note: 'YYYY-MM' }),
  col('tanggal_diterima', 'Tanggal Diterima', 'tanggal', 'sla'),
  col('kanal', 'Kanal', 'pilihan', 'sla', { values: KANAL }),
  col('kategori', 'Kategori', 'pilihan', 'sla', { values: KATEGORI }),
  col('status', 'Status', 'pilihan', 'sla', { values: STATUS }),
  col('tahap', 'Tahap', 'teks', 'sla'),
  col('terbuka', 'Masih Terbuka', 'ya_tidak', 'sla'),
  col('tenggat', 'Jatuh Tempo', 'tanggal', 'sla'),
  col('tanggal_selesai', 'Tanggal Selesai', 'tanggal', 'sla'),
  col('hari_kerja_terpakai', 'Hari Kerja Terpakai', 'angka', 'sla'),
  col('status_sla', 'Status SLA', 'pilihan', 'sla', { values: STATUS_SLA }),
  col('tepat_waktu', 'Tepat Waktu', 'teks', 'sla', { note: 'ya / tidak / kosong bila masih terbuka' }),
  col('kecamatan', 'Kecamatan', 'pilihan', 'sla', { values: KECAMATAN }),
  col('bidang_usaha', 'Bidang Usaha', 'pilihan', 'sla', { values: BIDANG_USAHA }),
  ...stageColumns,
  // The kelurahan is typed freely by the complainant, and free text never reaches the dashboard:
  // only a name on the official list (sheets-schema/wilayah.ts) does, else the cell stays blank.
  // Last, so that a register made before it gains the column at the end, in the schema's order.
  col('kelurahan', 'Kelurahan', 'pilihan', 'sla', { values: KELURAHAN_NAMA }),
] as const satisfies readonly Column[];

export const TABS = {
  pengaduan: {
    key: 'pengaduan',
    name: 'Pengaduan',
    purpose: 'Register resmi: satu baris per pengaduan.',
    columns: REGISTER_COLUMNS,
    keyColumn: 'nomor',
    changeColumn: 'diperbarui_pada',
  },
  riwayat: {
    key: 'riwayat',
    name: 'Riwayat',
    purpose: 'Jejak setiap tindakan (siapa, kapan, masukan). Hanya ditambah, tidak pernah diubah.',
    columns: RIWAYAT_COLUMNS,
    appendOnly: true,
  },
  peran: {
    key: 'peran',
    name: 'Peran',
    purpose: 'Siapa memegang peran apa. Satu baris per e-mail dan peran.',
    columns: PERAN_COLUMNS,
  },
  libur: {
    key: 'libur',
    name: 'Libur',
    purpose: 'Hari libur nasional dan cuti bersama (SKB 3 Menteri). Tambahkan setiap tahun.',
    columns: LIBUR_COLUMNS,
    keyColumn: 'tanggal',
  },
  pengaturan: {
    key: 'pengaturan',
    name: 'Pengaturan',
    purpose: 'Identitas kantor, pejabat penandatangan, SLA dan format nomor.',
    columns: PENGATURAN_COLUMNS,
    keyColumn: 'kunci',
  },
  penomoran: {
    key: 'penomoran',
    name: 'Penomoran',
    purpose: 'Nomor urut terakhir per seri dan tahun, agar nomor tidak pernah dipakai ulang.',
    columns: PENOMORAN_COLUMNS,
  },
  dasbor: {
    key: 'dasbor',
    name: 'Dasbor',
    purpose: 'Data tanpa identitas untuk Looker Studio; diisi ulang oleh perhitungan SLA.',
    columns: DASBOR_COLUMNS,
    keyColumn: 'nomor',
    derived: true,
  },
} as const satisfies Record<string, Tab>;

export type TabKey = keyof typeof TABS;
export const TAB_KEYS = Object.keys(TABS) as TabKey[];

/**
 * Register intake columns the system fills or that identify a complaint (its number, access code,
 * received time, channel, SP4N ticket, Form response, who recorded it): unlike the complainant's
 * own words and contacts, which staff may correct, they are the system's.
 */
const IDENTIFYING_INTAKE: ReadonlySet<string> = new Set(['nomor', 'kode_akses', 'diterima_pada', 'kanal', 'nomor_lapor', 'id_respons_formulir', 'dicatat_oleh']);

/** A column only the system writes (the procedure, the clock, the documents, the identity of a complaint). */
export function isSystemColumn(column: Column): boolean {
  return column.writer === 'alur' || column.writer === 'sla' || column.writer === 'dokumen' || IDENTIFYING_INTAKE.has(column.key);
}

/** A tab only the system writes (the history, the counters, the dashboard). */
export const isSystemTab = (tab: Tab): boolean => tab.columns.every(isSystemColumn);

/** A tab only administrators fill (roles, holidays, settings). */
export const isAdminTab = (tab: Tab): boolean => tab.columns.every((c) => c.writer === 'admin');
