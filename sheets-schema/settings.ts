/**
 * The settings tab (Pengaturan): one row per setting, located by its key. These are the values an
 * office changes without a code change: its identity for letterheads, the officials who sign, the
 * SLA, the number formats, and which years the holiday table covers.
 */
export interface SettingDef {
  readonly key: string;
  readonly label: string;
  readonly default: string;
  readonly kind: 'teks' | 'angka' | 'format_nomor' | 'rentang_tahun' | 'daftar';
  readonly help: string;
}

export const SETTINGS = [
  { key: 'nama_pemda', label: 'Pemerintah daerah', default: 'Pemerintah Kota Payakumbuh', kind: 'teks', help: 'Baris pertama kop surat.' },
  {
    key: 'nama_instansi',
    label: 'Nama instansi',
    default: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    kind: 'teks',
    help: 'Nama lengkap kantor pada kop surat.',
  },
  { key: 'singkatan_instansi', label: 'Singkatan instansi', default: 'DPMPTSP', kind: 'teks', help: 'Dipakai pada nomor surat.' },
  { key: 'alamat', label: 'Alamat kantor', default: 'Jl. Veteran No. 70, Kelurahan Kapalo Koto Dibalai, Payakumbuh', kind: 'teks', help: 'Alamat pada kop surat.' },
  { key: 'kota', label: 'Kota (tempat surat)', default: 'Payakumbuh', kind: 'teks', help: 'Tempat pada "Payakumbuh, 26 November 2026".' },
  { key: 'telepon', label: 'Telepon/WhatsApp pengaduan', default: '082172494100', kind: 'teks', help: 'Nomor layanan pengaduan.' },
  { key: 'email', label: 'E-mail kantor', default: '', kind: 'teks', help: 'E-mail pada kop surat.' },
  { key: 'situs', label: 'Situs web', default: '', kind: 'teks', help: 'Alamat situs kantor.' },
  { key: 'instagram', label: 'Instagram', default: 'dpmptsp_kota_payakumbuh', kind: 'teks', help: 'Akun Instagram kantor.' },
  { key: 'nama_kepala', label: 'Nama Kepala', default: '', kind: 'teks', help: 'Penandatangan Berita Acara.' },
  { key: 'nip_kepala', label: 'NIP Kepala', default: '', kind: 'teks', help: '18 digit.' },
  { key: 'jabatan_kepala', label: 'Jabatan Kepala', default: 'Kepala Dinas', kind: 'teks', help: 'Jabatan pada blok tanda tangan.' },
  { key: 'hari_sla', label: 'Waktu layanan (hari kerja)', default: '7', kind: 'angka', help: 'Standar pelayanan: 7 hari kerja.' },
  {
    key: 'ambang_rawan',
    label: 'Ambang "hampir jatuh tempo" (hari kerja)',
    default: '2',
    kind: 'angka',
    help: 'Pengaduan dengan sisa hari kerja sebanyak ini atau kurang ditandai hampir jatuh tempo.',
  },
  {
    key: 'tahun_kalender',
    label: 'Tahun yang kalender liburnya lengkap',
    default: '2024-2027',
    kind: 'rentang_tahun',
    help: 'Misalnya 2024-2027. Perluas setelah menambahkan libur nasional dan cuti bersama tahun berikutnya di tab Libur.',
  },
  {
    key: 'format_nomor_registrasi',
    label: 'Format nomor registrasi',
    default: 'PGD-{tahun}-{urut:4}',
    kind: 'format_nomor',
    help: 'Unsur: {urut:N} nomor urut per tahun (N digit), {tahun}, {bulan}, {bulan_romawi}, {instansi}.',
  },
  {
    key: 'format_nomor_ba',
    label: 'Format nomor Berita Acara',
    default: '{urut:3}/BA-PGD/{instansi}/{bulan_romawi}/{tahun}',
    kind: 'format_nomor',
    help: 'Nomor diberikan saat Kepala menandatangani, bila tidak diisi manual.',
  },
  {
    key: 'format_nomor_undangan',
    label: 'Format nomor surat undangan',
    default: '{urut:3}/UND-PGD/{instansi}/{bulan_romawi}/{tahun}',
    kind: 'format_nomor',
    help: 'Nomor diberikan saat undangan dikirim, bila tidak diisi manual.',
  },
  {
    key: 'persyaratan_wajib',
    label: 'Persyaratan wajib',
    default:
      'surat_ditandatangani, diketahui_lurah, diketahui_rt, diketahui_rw, diketahui_lpm, diketahui_pemuda, diketahui_babinkamtibmas, diketahui_tokoh_masyarakat',
    kind: 'daftar',
    help: 'Kode persyaratan yang harus lengkap sebelum pengaduan diteruskan, dipisah koma.',
  },
  {
    key: 'logo_kop',
    label: 'Logo kop surat',
    default: '',
    kind: 'teks',
    help: 'Berkas gambar logo (PNG/JPG, paling besar 2 MB) untuk kop surat: nama berkas di samping register lokal, atau ID berkas Google Drive. Kosong: tempat logo dibiarkan kosong.',
  },
  { key: 'url_cek_status', label: 'Alamat cek status', default: '', kind: 'teks', help: 'Tautan halaman cek status untuk pelapor.' },
] as const satisfies readonly SettingDef[];

export type SettingKey = (typeof SETTINGS)[number]['key'];
