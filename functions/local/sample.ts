/**
 * Sample data for a new local register: a roles tab with one person per role, and a handful of
 * complaints walked through the real procedure (every step goes through core's decide, exactly
 * as staff would do it) so that they stand in different stages: just received, waiting for
 * requirements, graded, at the Kepala's signature after a return for revision, finished by the
 * light path and by the heavy path, and closed as not within authority. Times are set back from
 * today in working days, so the SLA summary shows every clock state.
 */
import { PERSYARATAN } from '../../sheets-schema/index.js';
import type { WorkCalendar } from '../../core/calendar.js';
import { isoFromDay, wibDay, wibInstant } from '../../core/time.js';
import type { JenisDokumen } from '../../sheets-schema/index.js';
import { loadContext, performAction, registerComplaints, type Clock, type RegisterTables } from '../../core/register.js';

/** Called after each step with the documents it produces, at that step's time. */
export type ProduceHook = (nomor: string, documents: readonly JenisDokumen[], now: number) => Promise<void>;

export const SAMPLE_STAFF = [
  { email: 'rina.petugas@contoh.go.id', peran: 'petugas', nama: 'Rina Marlina', nip: '199203152019032001', jabatan: 'Petugas Layanan Pengaduan' },
  { email: 'andi.subkoor@contoh.go.id', peran: 'subkoordinator', nama: 'Andi Saputra, S.E.', nip: '198611202010011003', jabatan: 'Subkoordinator Pengaduan dan Pemantauan' },
  { email: 'yusuf.koordinator@contoh.go.id', peran: 'koordinator', nama: 'Yusuf Hidayat, S.T.', nip: '197908082005011002', jabatan: 'Koordinator Pelayanan' },
  { email: 'dewi.sekretaris@contoh.go.id', peran: 'sekretaris', nama: 'Dewi Kartika, S.H., M.H.', nip: '197505172000032004', jabatan: 'Sekretaris' },
  { email: 'kepala@contoh.go.id', peran: 'kepala', nama: 'Ir. Hendra Gunawan, M.T.', nip: '197001011995031001', jabatan: 'Kepala Dinas' },
  { email: 'admin@contoh.go.id', peran: 'admin', nama: 'Admin Sistem', nip: '', jabatan: 'Pranata Komputer' },
] as const;

const emailOf = (peran: (typeof SAMPLE_STAFF)[number]['peran']): string => SAMPLE_STAFF.find((s) => s.peran === peran)?.email ?? '';

/** The working day `n` working days before `day` (or `day` itself for n = 0), at hh:mm WIB. */
function backInTime(cal: WorkCalendar, day: number, n: number, hh: number, mm: number): number {
  let d = day;
  let left = n;
  while (left > 0 && cal.covers(d - 1)) {
    d -= 1;
    if (cal.isWorkingDay(d)) left -= 1;
  }
  return wibInstant(d, hh, mm);
}

const base = {
  alamat_pelapor: 'Jl. Soekarno Hatta No. 12, Payakumbuh',
  kecamatan: 'Payakumbuh Barat',
};

const COMPLAINTS = [
  {
    kanal: 'formulir_online', nama_pelapor: 'Siti Rahmah', telepon_pelapor: '081266110001', email_pelapor: 'siti.rahmah@contoh.id',
    nama_usaha: 'Bengkel Las Maju Jaya', alamat_usaha: 'Jl. Ahmad Yani, Kelurahan Labuh Baru', kelurahan: 'Labuh Baru', bidang_usaha: 'Industri',
    isi_pengaduan: 'Bengkel las beroperasi sampai tengah malam dan suaranya mengganggu warga. Apakah bengkel ini sudah memiliki izin usaha dan persetujuan lingkungan?',
    harapan: 'Jam operasional diatur dan izinnya diperiksa.', persetujuan_data: 'ya',
  },
  {
    kanal: 'surat', nama_pelapor: 'Budi Santoso', telepon_pelapor: '+62 812-6611-0002',
    nama_usaha: 'Peternakan Ayam Sumber Rezeki', alamat_usaha: 'Kelurahan Koto Tangah', kelurahan: 'Koto Tangah', kecamatan: 'Payakumbuh Utara', bidang_usaha: 'Pertanian dan peternakan',
    isi_pengaduan: 'Bau dari kandang ayam tercium sampai ke permukiman, terutama sore hari.\nLalat juga bertambah banyak sejak tiga bulan terakhir.',
    harapan: 'Dilakukan peninjauan lapangan dan pengelolaan limbah diperbaiki.',
  },
  {
    kanal: 'kotak_saran', nama_pelapor: 'Yulia Fitri', alamat_pelapor: 'Kelurahan Padang Tinggi Piliang',
    nama_usaha: 'Toko Bangunan Sinar', kelurahan: 'Padang Tinggi Piliang', bidang_usaha: 'Perdagangan',
    isi_pengaduan: 'Material bangunan ditumpuk di bahu jalan sehingga mengganggu pejalan kaki.',
  },
  {
    kanal: 'sp4n_lapor', nomor_lapor: 'LAPOR-20261127-0042', nama_pelapor: 'Rahmat Hidayat', email_pelapor: 'rahmat.h@contoh.id',
    nama_usaha: 'Kafe Kopi Senja', kelurahan: 'Ibuh', bidang_usaha: 'Kuliner',
    isi_pengaduan: 'Kafe menggunakan badan jalan untuk parkir pengunjung setiap malam.',
  },
  {
    kanal: 'telepon_whatsapp', nama_pelapor: 'Nurhayati', telepon_pelapor: '0752 92001',
    nama_usaha: 'Menara Telekomunikasi PT Sinyal Kuat', kelurahan: 'Tiakar', kecamatan: 'Payakumbuh Timur', bidang_usaha: 'Konstruksi dan bangunan',
    isi_pengaduan: 'Pembangunan menara telekomunikasi di dekat rumah tanpa sosialisasi kepada warga.',
  },
  {
    kanal: 'instagram', nama_pelapor: 'Fajar Ramadhan', email_pelapor: 'fajar.r@contoh.id',
    nama_usaha: 'Minimarket Serba Ada', kelurahan: 'Balai Nan Duo', bidang_usaha: 'Perdagangan',
    isi_pengaduan: 'Harga barang di kasir berbeda dengan harga di rak.',
  },
  {
    kanal: 'formulir_kertas', nama_pelapor: 'Hj. Asmawati', telepon_pelapor: '081374400007',
    nama_usaha: 'Pabrik Tahu Bersaudara', alamat_usaha: 'Kelurahan Tanjung Pauh', kelurahan: 'Tanjung Pauh', kecamatan: 'Payakumbuh Barat', bidang_usaha: 'Industri',
    isi_pengaduan: 'Limbah cair pabrik tahu dibuang ke saluran irigasi sawah warga.',
    harapan: 'Pabrik membuat instalasi pengolahan limbah.',
  },
] as const;

const ALL = [...PERSYARATAN];

/** Fills a new register with the sample roles and complaints. `now` is today's instant. */
export async function seedSamples(book: RegisterTables, clock: Clock, produce?: ProduceHook): Promise<void> {
  const peran = book.table('peran');
  for (const s of SAMPLE_STAFF) peran.append({ ...s, aktif: 'ya' }, ['admin']);
  const ctx = loadContext(book);
  const cal = ctx.calendar;
  const today = wibDay(clock.now);
  if (!cal.covers(today)) return; // no calendar for this year: roles only, no invented dates
  // Follow-up deadlines fall on working days, as an office would set them.
  const ahead = (workdays: number): string => isoFromDay(cal.addWorkdays(today, workdays) ?? today + Math.ceil((workdays * 7) / 5));
  const at = (wdAgo: number, hh: number, mm = 0): Clock => ({ ...clock, now: Math.min(clock.now, backInTime(cal, today, wdAgo, hh, mm)) });
  const step = async (nomor: string, aksi: string, who: Parameters<typeof emailOf>[0], inputs: unknown, t: Clock): Promise<void> => {
    const r = performAction(book, nomor, aksi, emailOf(who), inputs, t);
    if (produce && r.documents.length > 0) await produce(nomor, r.documents, t.now);
  };
  const reg = async (i: number, t: Clock): Promise<string> => {
    const c = COMPLAINTS[i];
    const [r] = registerComplaints(book, [{ ...base, ...c, diterima_pada: undefined }], emailOf('petugas'), t);
    if (r && produce) await produce(r.nomor, r.documents, t.now);
    return r?.nomor ?? '';
  };

  // 1. Light path, finished on time.
  const a = await reg(0, at(9, 8, 15));
  await step(a, 'periksa', 'petugas', { persyaratan: ALL }, at(9, 10));
  await step(a, 'nilai', 'subkoordinator', { kategori: 'ringan', alasan: 'Cukup dengan penjelasan jam operasional dan rujukan izin.' }, at(8, 9));
  await step(a, 'jawab', 'subkoordinator', { jawaban: 'Bengkel telah memiliki NIB dan izin usaha. Kami telah meminta pemilik membatasi jam operasional sampai pukul 21.00 WIB.', cara: 'whatsapp' }, at(7, 14));

  // 2. Heavy path, returned once for revision, now waiting for the Kepala's signature.
  const b = await reg(1, at(6, 9));
  await step(b, 'periksa', 'petugas', { persyaratan: ALL }, at(6, 11));
  await step(b, 'nilai', 'subkoordinator', { kategori: 'berat', alasan: 'Menyangkut dampak lingkungan; perlu tim teknis.' }, at(5, 9));
  await step(b, 'disposisi', 'kepala', { disposisi: 'Koordinator segera rapatkan dengan DLH dan Dinas Pertanian.' }, at(5, 13));
  await step(b, 'perintah_undangan', 'koordinator', { instruksi: 'Undang DLH, Dinas Pertanian, dan pemilik peternakan.' }, at(4, 9));
  const meetingDay = backInTime(cal, today, 3, 9, 0);
  await step(b, 'kirim_undangan', 'subkoordinator', {
    tanggal: isoFromDay(wibDay(meetingDay)), jam: '09:00', tempat: 'Ruang Rapat DPMPTSP',
    agenda: 'Pembahasan pengaduan bau peternakan ayam di Koto Tangah',
    undangan: [
      { nama: 'Kepala Dinas Lingkungan Hidup', instansi: 'DLH Kota Payakumbuh', kelompok: 'opd_terkait' },
      { nama: 'Kepala Dinas Pertanian', instansi: 'Dinas Pertanian Kota Payakumbuh', kelompok: 'opd_terkait' },
      { nama: 'Tim Teknis Perizinan', instansi: 'DPMPTSP', kelompok: 'tim_teknis' },
      { nama: 'Pemilik Peternakan Ayam Sumber Rezeki', instansi: '', kelompok: 'pemilik_usaha' },
    ],
  }, at(4, 14));
  await step(b, 'catat_hasil_rapat', 'subkoordinator', {
    hadir: [
      { nama: 'Drs. Zulkifli', instansi: 'DLH Kota Payakumbuh' },
      { nama: 'Ir. Maria Ulfa', instansi: 'Dinas Pertanian' },
      { nama: 'Andi Saputra, S.E.', instansi: 'DPMPTSP' },
      { nama: 'H. Syamsul Bahri', instansi: 'Pemilik peternakan' },
    ],
    pembahasan: 'Peternakan berjarak 80 m dari permukiman; pengelolaan kotoran belum memadai.',
    kesimpulan: 'Pemilik wajib memperbaiki pengelolaan kotoran dan menanam pohon penyangga.',
    tindak_lanjut: [{ uraian: 'Memperbaiki pengelolaan kotoran ayam', pelaksana: 'Pemilik peternakan', tenggat: '' }],
  }, at(3, 15));
  await step(b, 'kembalikan', 'koordinator', { catatan: 'Lengkapi tenggat tindak lanjut.' }, at(2, 9));
  await step(b, 'perbaiki_draf', 'subkoordinator', {
    tindak_lanjut: [
      { uraian: 'Memperbaiki pengelolaan kotoran ayam', pelaksana: 'Pemilik peternakan', tenggat: ahead(20) },
      { uraian: 'Pemantauan lapangan', pelaksana: 'DLH Kota Payakumbuh', tenggat: '' },
    ],
  }, at(2, 11));
  await step(b, 'paraf_koordinator', 'koordinator', {}, at(1, 9));
  await step(b, 'paraf_sekretaris', 'sekretaris', { koreksi: 'Perbaikan redaksi kesimpulan.' }, at(1, 14));

  // 3. Waiting for the complainant to complete the requirements (clock paused).
  const c = await reg(2, at(3, 10));
  await step(c, 'periksa', 'petugas', { persyaratan: ['surat_ditandatangani', 'diketahui_rt', 'diketahui_rw'], catatan: 'Belum diketahui Lurah dan tokoh masyarakat.' }, at(3, 13));

  // 4. Just received through SP4N-LAPOR!.
  await reg(3, at(0, 8, 30));

  // 5. Graded heavy 9 working days ago and still with the Kepala: late.
  const e = await reg(4, at(10, 9));
  await step(e, 'periksa', 'petugas', { persyaratan: ALL }, at(10, 11));
  await step(e, 'nilai', 'subkoordinator', { kategori: 'sedang', alasan: 'Perlu kajian tata ruang.' }, at(9, 10));

  // 6. Not within the office's authority: closed and forwarded.
  const f = await reg(5, at(5, 10));
  await step(f, 'tutup', 'subkoordinator', { alasan: 'Perbedaan harga barang adalah perlindungan konsumen, bukan perizinan.', diteruskan_kepada: 'Dinas Perdagangan Kota Payakumbuh' }, at(5, 14));

  // 7. Heavy path from receipt to delivery.
  const g = await reg(6, at(8, 8));
  await step(g, 'periksa', 'petugas', { persyaratan: ALL }, at(8, 9));
  await step(g, 'nilai', 'subkoordinator', { kategori: 'berat', alasan: 'Pencemaran saluran irigasi.' }, at(8, 11));
  await step(g, 'disposisi', 'kepala', { disposisi: 'Tindak lanjuti bersama DLH.' }, at(7, 9));
  await step(g, 'perintah_undangan', 'koordinator', {}, at(7, 10));
  await step(g, 'kirim_undangan', 'subkoordinator', {
    tanggal: isoFromDay(wibDay(backInTime(cal, today, 5, 9, 0))), jam: '10:00', tempat: 'Aula DPMPTSP',
    agenda: 'Limbah cair pabrik tahu di Tanjung Pauh',
    undangan: [
      { nama: 'DLH Kota Payakumbuh', instansi: 'DLH', kelompok: 'opd_terkait' },
      { nama: 'Pemilik Pabrik Tahu Bersaudara', instansi: '', kelompok: 'pemilik_usaha' },
    ],
  }, at(7, 14));
  await step(g, 'catat_hasil_rapat', 'subkoordinator', {
    hadir: [
      { nama: 'Drs. Zulkifli', instansi: 'DLH Kota Payakumbuh' },
      { nama: 'Yusuf Hidayat, S.T.', instansi: 'Koordinator Pelayanan, DPMPTSP' },
      { nama: 'Andi Saputra, S.E.', instansi: 'Subkoordinator Pengaduan dan Pemantauan, DPMPTSP' },
      { nama: 'Ir. Maria Ulfa', instansi: 'Dinas Pertanian Kota Payakumbuh' },
      { nama: 'Syafrizal', instansi: 'Lurah Tanjung Pauh' },
      { nama: 'Rudi Hartono', instansi: 'Pemilik Pabrik Tahu Bersaudara' },
      { nama: 'Hj. Asmawati', instansi: 'Pelapor' },
    ],
    pembahasan:
      'Pabrik belum memiliki instalasi pengolahan air limbah (IPAL); limbah cair dialirkan langsung ke saluran irigasi.\n' +
      'DLH telah meninjau lokasi dan mengambil sampel air saluran.\nPemilik pabrik menyatakan bersedia membangun IPAL.',
    kesimpulan: 'Pabrik membangun IPAL sederhana dalam 30 hari dan berhenti membuang limbah ke saluran irigasi sejak hari ini.',
    tindak_lanjut: [
      { uraian: 'Membangun IPAL sederhana sesuai arahan DLH', pelaksana: 'Pemilik Pabrik Tahu Bersaudara', tenggat: ahead(20) },
      { uraian: 'Pemantauan kualitas air saluran irigasi', pelaksana: 'DLH Kota Payakumbuh', tenggat: ahead(30) },
      { uraian: 'Menyampaikan hasil penanganan kepada pelapor', pelaksana: 'Subkoordinator Pengaduan dan Pemantauan', tenggat: '' },
    ],
  }, at(5, 15));
  await step(g, 'paraf_koordinator', 'koordinator', {}, at(4, 9));
  await step(g, 'paraf_sekretaris', 'sekretaris', {}, at(4, 11));
  await step(g, 'tandatangani', 'kepala', {}, at(3, 9));
  await step(g, 'serahkan', 'petugas', { cara: 'langsung', catatan: 'Diterima langsung oleh pelapor.' }, at(3, 11));
}

