/**
 * A complaint that has been through the whole heavy path, with every column a document reads,
 * and the office context around it: for view-model tests, template checks and the benchmark.
 */
import { parseSettings } from '../../core/settings.js';
import type { StaffMember } from '../../core/context.js';
import type { DocumentContext } from '../../core/dokumen/view.js';
import type { RegisterRecord } from '../../core/record.js';
import { PERSYARATAN_LABEL, type Peran } from '../../sheets-schema/index.js';
import { SAMPLE_STAFF } from '../../functions/local/sample.js';
import { wibInstant, dayFromIso } from '../../core/time.js';

export const STAFF: ReadonlyMap<string, StaffMember> = new Map(
  SAMPLE_STAFF.map((s) => [s.email, { email: s.email, nama: s.nama, nip: s.nip, jabatan: s.jabatan, roles: [s.peran] }]),
);

function sampleEmail(peran: Peran): string {
  const member = SAMPLE_STAFF.find((s) => s.peran === peran);
  if (!member) throw new Error(`test: no sample staff member is ${peran}`);
  return member.email;
}

/** The e-mail of the sample office's staff member of each role (functions/local/sample.ts). */
export const PETUGAS = sampleEmail('petugas');
export const SUBKOOR = sampleEmail('subkoordinator');
export const KOORDINATOR = sampleEmail('koordinator');
export const SEKRETARIS = sampleEmail('sekretaris');
export const KEPALA = sampleEmail('kepala');

/** The Pengaturan rows of the fixture office (its contact lines and status page). */
export const OFFICE_SETTINGS: readonly { kunci: string; nilai: string }[] = [
  { kunci: 'email', nilai: 'dpmptsp@payakumbuhkota.go.id' },
  { kunci: 'situs', nilai: 'dpmptsp.payakumbuhkota.go.id' },
  { kunci: 'url_cek_status', nilai: 'https://dpmptsp.payakumbuhkota.go.id/cek' },
];

export function documentContext(overrides: Partial<DocumentContext> = {}): DocumentContext {
  return {
    settings: parseSettings(OFFICE_SETTINGS),
    staff: STAFF,
    now: wibInstant(dayFromIso('2026-11-26'), 10, 30),
    logo: null,
    ...overrides,
  };
}

const ALL = Object.values(PERSYARATAN_LABEL).join('; ');

/** `n` participants of a meeting, with long names and agencies as real lists have. */
export function participants(n: number): { nama: string; instansi: string }[] {
  const agencies = ['DLH Kota Payakumbuh', 'Dinas Pertanian Kota Payakumbuh', 'DPMPTSP Kota Payakumbuh', 'Dinas PUPR Kota Payakumbuh', 'Kelurahan Koto Tangah', 'Pemilik usaha'];
  return Array.from({ length: n }, (_, i) => ({ nama: `Peserta Rapat Nomor ${i + 1}, S.T., M.Si.`, instansi: agencies[i % agencies.length] ?? '' }));
}

export function signedRecord(overrides: RegisterRecord = {}): RegisterRecord {
  return {
    nomor: 'PGD-2026-0042',
    kode_akses: 'K7QH3M',
    diterima_pada: '2026-11-16 08:15:00',
    kanal: 'formulir_kertas',
    dicatat_oleh: PETUGAS,
    nama_pelapor: 'Hj. Asmawati',
    nik_pelapor: '1376014501700002',
    alamat_pelapor: 'Jl. Soekarno Hatta No. 12, Payakumbuh',
    telepon_pelapor: '081374400007',
    email_pelapor: 'asmawati@contoh.id',
    kelurahan: 'Tanjung Pauh',
    kecamatan: 'Payakumbuh Barat',
    nama_usaha: 'Pabrik Tahu Bersaudara',
    alamat_usaha: 'Jl. Tanjung Pauh No. 8, Kelurahan Tanjung Pauh',
    bidang_usaha: 'Industri',
    jenis_izin: 'NIB dan Persetujuan Lingkungan',
    isi_pengaduan: 'Limbah cair pabrik tahu dibuang ke saluran irigasi sawah warga.\nAir saluran berbau dan berwarna keruh sejak dua bulan terakhir.',
    harapan: 'Pabrik membuat instalasi pengolahan limbah.',
    bukti: 'Foto saluran irigasi (3 lembar) dan video.',
    status: 'DITANDATANGANI',
    persyaratan_diterima: ALL,
    persyaratan_kurang: '',
    catatan_pemeriksaan: 'Lengkap.',
    kategori: 'berat',
    alasan_kategori: 'Pencemaran saluran irigasi; perlu tim teknis.',
    disposisi: 'Koordinator segera rapatkan dengan DLH dan pemilik pabrik.',
    disposisi_pada: '2026-11-17 09:00:00',
    instruksi_koordinator: 'Undang DLH dan pemilik pabrik.',
    nomor_undangan: '007/UND-PGD/DPMPTSP/XI/2026',
    rapat_tanggal: '2026-11-26',
    rapat_jam: '09:00',
    rapat_tempat: 'Ruang Rapat DPMPTSP Kota Payakumbuh',
    rapat_agenda: 'Pembahasan pengaduan limbah cair Pabrik Tahu Bersaudara di Tanjung Pauh',
    rapat_undangan: JSON.stringify([
      { nama: 'Kepala Dinas Lingkungan Hidup', instansi: 'DLH Kota Payakumbuh', kelompok: 'opd_terkait' },
      { nama: 'Tim Teknis Perizinan', instansi: 'DPMPTSP Kota Payakumbuh', kelompok: 'tim_teknis' },
      { nama: 'Pemilik Pabrik Tahu Bersaudara', instansi: '', kelompok: 'pemilik_usaha' },
    ]),
    rapat_hadir: JSON.stringify(participants(6)),
    rapat_pembahasan: 'Pabrik belum memiliki instalasi pengolahan air limbah (IPAL).\nDLH telah meninjau lokasi pada 20 November 2026.',
    rapat_kesimpulan: 'Pabrik membangun IPAL sederhana dalam 30 hari dan berhenti membuang limbah ke saluran irigasi.',
    rapat_tindak_lanjut: JSON.stringify([
      { uraian: 'Membangun IPAL sederhana', pelaksana: 'Pemilik pabrik', tenggat: '2026-12-28' },
      { uraian: 'Pemantauan kualitas air saluran', pelaksana: 'DLH Kota Payakumbuh', tenggat: '' },
    ]),
    paraf_koordinator_pada: '2026-11-27 09:00:00',
    paraf_sekretaris_pada: '2026-11-27 11:00:00',
    nomor_ba: '012/BA-PGD/DPMPTSP/XI/2026',
    ditandatangani_pada: '2026-11-30 09:00:00',
    tenggat: '2026-11-25',
    ...overrides,
  };
}
