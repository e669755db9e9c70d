/**
 * The closed vocabularies of the register: statuses, kategori, kanal (channels), peran (roles),
 * SLA clock states and the requirement checklist. Each is a `const` tuple, its type, a guard and
 * the Indonesian label staff see. Everything else (validation lists, menus, the Form, the
 * procedure printout) is generated from these lists, never retyped.
 */

/** Builds the guard for a closed vocabulary. */
function guard<T extends string>(values: readonly T[]): (v: unknown) => v is T {
  const set = new Set<string>(values);
  return (v: unknown): v is T => typeof v === 'string' && set.has(v);
}

/** Statuses of a complaint: the SOP's states (DESIGN.md §4). */
export const STATUS = [
  'DITERIMA',
  'MENUNGGU_KELENGKAPAN',
  'DIPERIKSA',
  'DITANGANI_LANGSUNG',
  'DILAPORKAN_PIMPINAN',
  'DISPOSISI_KOORDINATOR',
  'UNDANGAN_DISIAPKAN',
  'RAPAT_DIJADWALKAN',
  'DRAFT_BA',
  'REVISI_BA',
  'PARAF_KOORDINATOR',
  'PARAF_SEKRETARIS',
  'DITANDATANGANI',
  'SELESAI',
  'DITUTUP',
] as const;
export type Status = (typeof STATUS)[number];
export const isStatus = guard(STATUS);

/** Statuses in which the complaint is finished: the SLA clock stops. */
export const FINAL_STATUS = ['SELESAI', 'DITUTUP'] as const satisfies readonly Status[];
export function isFinalStatus(s: Status): boolean {
  return (FINAL_STATUS as readonly Status[]).includes(s);
}

/** Statuses in which the clock is paused (waiting for the complainant, DESIGN.md §5). */
export const PAUSED_STATUS = ['MENUNGGU_KELENGKAPAN'] as const satisfies readonly Status[];
export function isPausedStatus(s: Status): boolean {
  return (PAUSED_STATUS as readonly Status[]).includes(s);
}

/** Plain-Indonesian name of each status, as staff and citizens read it. */
export const STATUS_LABEL: Record<Status, string> = {
  DITERIMA: 'Diterima',
  MENUNGGU_KELENGKAPAN: 'Menunggu kelengkapan persyaratan',
  DIPERIKSA: 'Diperiksa, menunggu penilaian',
  DITANGANI_LANGSUNG: 'Ditangani langsung (ringan)',
  DILAPORKAN_PIMPINAN: 'Dilaporkan kepada pimpinan',
  DISPOSISI_KOORDINATOR: 'Disposisi kepada Koordinator',
  UNDANGAN_DISIAPKAN: 'Undangan rapat disiapkan',
  RAPAT_DIJADWALKAN: 'Rapat tim teknis dijadwalkan',
  DRAFT_BA: 'Draf Berita Acara menunggu paraf Koordinator',
  REVISI_BA: 'Draf Berita Acara sedang direvisi',
  PARAF_KOORDINATOR: 'Diparaf Koordinator, menunggu paraf Sekretaris',
  PARAF_SEKRETARIS: 'Diparaf Sekretaris, menunggu tanda tangan Kepala',
  DITANDATANGANI: 'Berita Acara ditandatangani, menunggu diserahkan',
  SELESAI: 'Selesai',
  DITUTUP: 'Ditutup',
};

/** Grading of a complaint by the Subkoordinator (SOP step 3). */
export const KATEGORI = ['ringan', 'sedang', 'berat'] as const;
export type Kategori = (typeof KATEGORI)[number];
export const isKategori = guard(KATEGORI);
export const KATEGORI_LABEL: Record<Kategori, string> = {
  ringan: 'Ringan',
  sedang: 'Sedang',
  berat: 'Berat',
};

/** The seven channels of the service standard. */
export const KANAL = [
  'formulir_online',
  'formulir_kertas',
  'kotak_saran',
  'sp4n_lapor',
  'surat',
  'telepon_whatsapp',
  'instagram',
] as const;
export type Kanal = (typeof KANAL)[number];
export const isKanal = guard(KANAL);
export const KANAL_LABEL: Record<Kanal, string> = {
  formulir_online: 'Formulir online (situs web)',
  formulir_kertas: 'Formulir di ruang pelayanan',
  kotak_saran: 'Kotak saran',
  sp4n_lapor: 'SP4N-LAPOR!',
  surat: 'Surat/pos',
  telepon_whatsapp: 'Telepon/WhatsApp',
  instagram: 'Instagram',
};

/** Staff roles, held per e-mail address in the roles tab. */
export const PERAN = ['petugas', 'subkoordinator', 'koordinator', 'sekretaris', 'kepala', 'admin'] as const;
export type Peran = (typeof PERAN)[number];
export const isPeran = guard(PERAN);
export const PERAN_LABEL: Record<Peran, string> = {
  petugas: 'Petugas Layanan Pengaduan',
  subkoordinator: 'Subkoordinator Pengaduan dan Pemantauan',
  koordinator: 'Koordinator',
  sekretaris: 'Sekretaris',
  kepala: 'Kepala Dinas',
  admin: 'Admin sistem',
};

/** States of the SLA clock (DESIGN.md §5). */
export const STATUS_SLA = [
  'TEPAT_WAKTU',
  'RAWAN',
  'TERLAMBAT',
  'DIJEDA',
  'SELESAI_TEPAT_WAKTU',
  'SELESAI_TERLAMBAT',
  'KALENDER_TIDAK_TERSEDIA',
] as const;
export type StatusSla = (typeof STATUS_SLA)[number];
export const isStatusSla = guard(STATUS_SLA);
export const STATUS_SLA_LABEL: Record<StatusSla, string> = {
  TEPAT_WAKTU: 'Sesuai jadwal',
  RAWAN: 'Hampir jatuh tempo',
  TERLAMBAT: 'Terlambat',
  DIJEDA: 'Dijeda (menunggu pelapor)',
  SELESAI_TEPAT_WAKTU: 'Selesai tepat waktu',
  SELESAI_TERLAMBAT: 'Selesai terlambat',
  KALENDER_TIDAK_TERSEDIA: 'Kalender libur belum tersedia',
};

/** The requirement checklist of the service standard (persyaratan). */
export const PERSYARATAN = [
  'surat_ditandatangani',
  'diketahui_lurah',
  'diketahui_rt',
  'diketahui_rw',
  'diketahui_lpm',
  'diketahui_pemuda',
  'diketahui_babinkamtibmas',
  'diketahui_tokoh_masyarakat',
] as const;
export type Persyaratan = (typeof PERSYARATAN)[number];
export const isPersyaratan = guard(PERSYARATAN);
export const PERSYARATAN_LABEL: Record<Persyaratan, string> = {
  surat_ditandatangani: 'Formulir/surat pengaduan ditandatangani pelapor',
  diketahui_lurah: 'Diketahui Lurah',
  diketahui_rt: 'Diketahui Ketua RT',
  diketahui_rw: 'Diketahui Ketua RW',
  diketahui_lpm: 'Diketahui Ketua LPM',
  diketahui_pemuda: 'Diketahui Ketua Pemuda',
  diketahui_babinkamtibmas: 'Diketahui Babinkamtibmas',
  diketahui_tokoh_masyarakat: 'Diketahui Tokoh Masyarakat',
};

/** How an answer or a Berita Acara reaches the complainant. */
export const CARA_PENYAMPAIAN = ['langsung', 'telepon', 'whatsapp', 'email', 'surat'] as const;
export type CaraPenyampaian = (typeof CARA_PENYAMPAIAN)[number];
export const isCaraPenyampaian = guard(CARA_PENYAMPAIAN);
export const CARA_PENYAMPAIAN_LABEL: Record<CaraPenyampaian, string> = {
  langsung: 'Langsung (tatap muka)',
  telepon: 'Telepon',
  whatsapp: 'WhatsApp',
  email: 'E-mail',
  surat: 'Surat/pos',
};

/** Kinds of holiday in the holidays tab. */
export const JENIS_LIBUR = ['libur_nasional', 'cuti_bersama', 'libur_daerah'] as const;
export type JenisLibur = (typeof JENIS_LIBUR)[number];
export const isJenisLibur = guard(JENIS_LIBUR);

/** Documents the procedure produces (rendered from templates/). */
export const JENIS_DOKUMEN = [
  'tanda_terima',
  'lembar_pengaduan',
  'lembar_disposisi',
  'undangan_rapat',
  'berita_acara_draf',
  'berita_acara',
] as const;
export type JenisDokumen = (typeof JENIS_DOKUMEN)[number];
export const isJenisDokumen = guard(JENIS_DOKUMEN);
export const JENIS_DOKUMEN_LABEL: Record<JenisDokumen, string> = {
  tanda_terima: 'Tanda Terima Pengaduan Masyarakat',
  lembar_pengaduan: 'Lembar Pengaduan',
  lembar_disposisi: 'Lembar Disposisi',
  undangan_rapat: 'Undangan Rapat',
  berita_acara_draf: 'Draf Berita Acara Hasil Penanganan Pengaduan',
  berita_acara: 'Berita Acara Hasil Penanganan Pengaduan',
};

/** Which component writes a column: each writer owns its columns and writes nothing else. */
export const PENULIS = ['intake', 'alur', 'sla', 'dokumen', 'admin', 'staf'] as const;
export type Penulis = (typeof PENULIS)[number];

/** The kecamatan of Kota Payakumbuh, where the reported matter is located. */
export const KECAMATAN = [
  'Payakumbuh Barat',
  'Payakumbuh Timur',
  'Payakumbuh Utara',
  'Payakumbuh Selatan',
  'Lamposi Tigo Nagori',
  'Luar Kota Payakumbuh',
] as const;
export type Kecamatan = (typeof KECAMATAN)[number];
export const isKecamatan = guard(KECAMATAN);

/** Business sectors, for the dashboard's breakdown. */
export const BIDANG_USAHA = [
  'Perdagangan',
  'Industri',
  'Kuliner',
  'Jasa',
  'Konstruksi dan bangunan',
  'Kesehatan',
  'Pendidikan',
  'Pariwisata dan hiburan',
  'Pertanian dan peternakan',
  'Lainnya',
] as const;
export type BidangUsaha = (typeof BIDANG_USAHA)[number];
export const isBidangUsaha = guard(BIDANG_USAHA);
