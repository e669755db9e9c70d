/**
 * The view-models: what each document shows, built from one register row and the office's
 * settings, in the words of an Indonesian official letter (tata naskah dinas). Pure: the time,
 * the staff directory, the logo and who took each step are passed in. Every field of every
 * document is listed in kontrak.ts; the types here are derived from it.
 */
import {
  JENIS_DOKUMEN_LABEL,
  KANAL_LABEL,
  KATEGORI,
  KATEGORI_LABEL,
  PERAN_LABEL,
  REGISTER_COLUMNS,
  PERSYARATAN,
  PERSYARATAN_LABEL,
  STATUS_LABEL,
  isKanal,
  isKategori,
  isStatus,
  type JenisDokumen,
  type Peran,
} from '../../sheets-schema/index.js';
import type { StaffMember } from '../context.js';
import type { Steps } from '../riwayat.js';
import { PengaduanError } from '../errors.js';
import { cell, splitList, type RegisterRecord } from '../record.js';
import type { Settings } from '../settings.js';
import { civilFromDay, tanggalPanjang, tryDayFromIso, wibDay, parseRegisterTimestamp } from '../time.js';
import { closeBidi } from './aman.js';
import { TEMPLATE_OF, type Gambar, type NamaTemplate, type ViewModel } from './kontrak.js';
import { angkaTerbilang, hariTanggalTerbilang, jamIndonesia, tanggalSurat } from './terbilang.js';

/** What a view-model needs besides the register row. */
export interface DocumentContext {
  readonly settings: Settings;
  readonly staff: ReadonlyMap<string, StaffMember>;
  /** When the document is produced (epoch ms). */
  readonly now: number;
  /** The city's logo for the letterhead, or null for an empty logo slot. */
  readonly logo: Gambar | null;
  /** Who last took each SOP action on this complaint (aksi → e-mail), from the history tab (core/riwayat.ts). */
  readonly pelaku?: Steps['pelaku'];
  /** When each SOP action was last taken on this complaint (aksi → `YYYY-MM-DD HH:mm:ss` WIB). */
  readonly waktu?: Steps['waktu'];
}

export interface BuiltView<T extends NamaTemplate = NamaTemplate> {
  readonly jenis: JenisDokumen;
  readonly template: T;
  readonly view: ViewModel<T>;
  /** What is missing and shows as a blank to fill by hand (e.g. the Kepala's NIP). */
  readonly warnings: string[];
}

const CHECKED = '☑';
const UNCHECKED = '☐';
const BLANK = '……………………………';

/** The record's value, or a dash where the register holds nothing. */
const orBlank = (s: string): string => (s.trim() === '' ? '-' : s);

/** "19700101 199503 1 001": an 18-digit NIP in its standard groups. */
export function formatNip(nip: string): string {
  const digits = nip.replace(/\s+/g, '');
  return /^\d{18}$/.test(digits) ? `${digits.slice(0, 8)} ${digits.slice(8, 14)} ${digits.slice(14, 15)} ${digits.slice(15)}` : nip.trim();
}

/** A summary of long text: whole words, at most `max` characters, with an ellipsis when cut. */
export function ringkas(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  // Never between the two halves of a surrogate pair (an emoji).
  const end = /[\uD800-\uDBFF]/.test(flat.charAt(max - 1)) ? max - 1 : max;
  const cut = flat.slice(0, end);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:]+$/, '')}…`;
}

/** "Kamis, 26 November 2026 pukul 09.15 WIB" from a register timestamp. */
function waktuPanjang(ts: string): string {
  const ms = parseRegisterTimestamp(ts);
  if (ms === undefined) return ts;
  const day = wibDay(ms);
  return `${tanggalPanjang(day)} pukul ${ts.slice(11, 13)}.${ts.slice(14, 16)} WIB`;
}

function tanggalDari(ts: string): string {
  const ms = parseRegisterTimestamp(ts);
  if (ms !== undefined) return tanggalSurat(wibDay(ms));
  const day = tryDayFromIso(ts.slice(0, 10));
  return day === undefined ? ts : tanggalSurat(day);
}

function tanggalPanjangIso(iso: string): string {
  const day = tryDayFromIso(iso);
  return day === undefined ? iso : tanggalPanjang(day);
}

/** A JSON list column (invitees, participants, follow-ups); a hand-damaged cell gives a warning, not a crash. */
function jsonList(record: RegisterRecord, key: 'rapat_undangan' | 'rapat_hadir' | 'rapat_tindak_lanjut', warnings: string[]): Record<string, unknown>[] {
  const raw = cell(record, key).trim();
  if (raw === '') return [];
  try {
    const v: unknown = JSON.parse(raw);
    if (Array.isArray(v)) return v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x));
  } catch {
    // reported below
  }
  warnings.push(`Kolom ${key} di register tidak terbaca (bukan daftar JSON); bagian itu dikosongkan di dokumen.`);
  return [];
}
const str = (v: unknown): string => (typeof v === 'string' ? closeBidi(v) : typeof v === 'number' ? String(v) : '');

/**
 * Every text of the row with its right-to-left controls closed, before it is joined with the
 * office's own words: "Toko U+202EMakmur" must not reverse "…, dengan hormat kami mengundang".
 */
function closedRecord(record: RegisterRecord): RegisterRecord {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(record)) {
    // JSON lists are closed field by field once parsed (str): a closer after "]" would break them.
    if (v !== undefined) out[k] = typeof v === 'string' && !JSON_LISTS.has(k) ? closeBidi(v) : v;
  }
  return out;
}
/** The register's JSON columns, as the schema types them. */
const JSON_LISTS = new Set<string>(REGISTER_COLUMNS.filter((c) => c.type === 'json').map((c) => c.key));

/** The office's Instagram account as `@name`, however the setting was typed. */
const instagram = (account: string): string => `@${account.replace(/^@/, '')}`;

function kop(dc: DocumentContext): ViewModel<'tanda_terima'>['kop'] {
  const t = dc.settings.text;
  const kontak = [
    t.telepon && `Telepon/WhatsApp ${t.telepon}`,
    t.email && `E-mail ${t.email}`,
    t.situs && `Laman ${t.situs}`,
    t.instagram && `Instagram ${instagram(t.instagram)}`,
  ].filter(Boolean);
  return {
    pemda: t.nama_pemda.toUpperCase(),
    instansi: t.nama_instansi.toUpperCase(),
    alamat: t.alamat,
    kontak: kontak.join(' · '),
    ada_logo: dc.logo !== null,
    logo: dc.logo,
  };
}

function tempatTanggal(dc: DocumentContext, day = wibDay(dc.now)): string {
  return `${dc.settings.text.kota}, ${tanggalSurat(day)}`;
}

type Ttd = ViewModel<'tanda_terima'>['petugas'];

function activeWithRole(dc: DocumentContext, peran: Peran, preferred?: string): StaffMember | undefined {
  const pick = preferred ? dc.staff.get(preferred.trim().toLowerCase()) : undefined;
  if (pick && pick.roles.includes(peran)) return pick;
  return [...dc.staff.values()].find((m) => m.roles.includes(peran));
}

/**
 * The full title of the head of office: "Kepala Dinas Penanaman Modal … Kota Payakumbuh", from
 * the short title in the settings ("Kepala Dinas"), the office's name and the city.
 */
export function jabatanKepala(jabatan: string, instansi: string, pemda: string): string {
  let title = jabatan.trim() || 'Kepala';
  const office = instansi.trim();
  if (office && !title.toLowerCase().includes(office.toLowerCase())) {
    const [first = '', ...rest] = office.split(/\s+/);
    // "Kepala Dinas" + "Dinas Penanaman Modal …": the kind of office is not written twice.
    title = title.toLowerCase().endsWith(` ${first.toLowerCase()}`) ? `${title} ${rest.join(' ')}` : `${title} ${office}`;
  }
  const city = pemda.trim().replace(/^Pemerintah\s+/i, '');
  return city && !title.toLowerCase().includes(city.toLowerCase()) ? `${title} ${city}` : title;
}

const jabatanKepalaOf = (dc: DocumentContext): string =>
  jabatanKepala(dc.settings.text.jabatan_kepala, dc.settings.text.nama_instansi, dc.settings.text.nama_pemda);

/**
 * The Kepala's signature block. For a step the Kepala already took (`signedBy`: who disposed or
 * signed, from the history), that person, so a re-rendered document keeps its signer after the
 * Kepala changes; otherwise the Kepala named in the settings, else the one on the Peran tab.
 */
function ttdKepala(dc: DocumentContext, warnings: string[], signedBy?: string): Ttd {
  const t = dc.settings.text;
  const signer = signedBy ? dc.staff.get(signedBy.trim().toLowerCase()) : undefined;
  if (signer?.nama && signer.roles.includes('kepala') && signer.nama.trim() !== t.nama_kepala.trim()) {
    if (!signer.nip) warnings.push(`NIP ${signer.nama} belum diisi di tab Peran; baris NIP dikosongkan.`);
    return { ada_atas_nama: false, atas_nama: '', jabatan: `${jabatanKepalaOf(dc)},`.toUpperCase(), nama: signer.nama, nip: signer.nip ? `NIP. ${formatNip(signer.nip)}` : '' };
  }
  const fromStaff = activeWithRole(dc, 'kepala');
  const nama = t.nama_kepala.trim() || fromStaff?.nama || '';
  const nip = t.nip_kepala.trim() || (t.nama_kepala.trim() ? '' : (fromStaff?.nip ?? ''));
  if (!nama) warnings.push('Nama Kepala belum diisi (tab Pengaturan "nama_kepala" atau tab Peran); blok tanda tangan dikosongkan.');
  if (nama && !nip) warnings.push('NIP Kepala belum diisi (tab Pengaturan "nip_kepala"); baris NIP dikosongkan.');
  return { ada_atas_nama: false, atas_nama: '', jabatan: `${jabatanKepalaOf(dc)},`.toUpperCase(), nama: nama || BLANK, nip: nip ? `NIP. ${formatNip(nip)}` : '' };
}

/** A staff member's signature block; the role's name stands in when the Peran tab gives no position. */
function ttdStaf(member: StaffMember | undefined, peran: Peran): Ttd {
  return {
    ada_atas_nama: false,
    atas_nama: '',
    jabatan: `${member?.jabatan || PERAN_LABEL[peran]},`,
    nama: member?.nama || BLANK,
    nip: member?.nip ? `NIP. ${formatNip(member.nip)}` : '',
  };
}

function kanalLabel(record: RegisterRecord): string {
  const k = cell(record, 'kanal');
  return isKanal(k) ? KANAL_LABEL[k] : k;
}

function pelapor(record: RegisterRecord): ViewModel<'tanda_terima'>['pelapor'] {
  const telepon = cell(record, 'telepon_pelapor');
  const email = cell(record, 'email_pelapor');
  return {
    nama: cell(record, 'nama_pelapor'),
    nik: orBlank(cell(record, 'nik_pelapor')),
    alamat: orBlank(cell(record, 'alamat_pelapor')),
    telepon: orBlank(telepon),
    email: orBlank(email),
    kontak: orBlank([telepon, email].filter(Boolean).join(' / ')),
  };
}

function usaha(record: RegisterRecord): ViewModel<'tanda_terima'>['usaha'] {
  const lokasi = [cell(record, 'kelurahan') && `Kelurahan ${cell(record, 'kelurahan')}`, cell(record, 'kecamatan') && `Kecamatan ${cell(record, 'kecamatan')}`]
    .filter(Boolean)
    .join(', ');
  return {
    nama: orBlank(cell(record, 'nama_usaha')),
    alamat: orBlank(cell(record, 'alamat_usaha')),
    bidang: orBlank(cell(record, 'bidang_usaha')),
    izin: orBlank(cell(record, 'jenis_izin')),
    lokasi: orBlank(lokasi),
  };
}

function persyaratan(record: RegisterRecord): { tanda: string; nama: string }[] {
  const received = new Set(splitList(cell(record, 'persyaratan_diterima')));
  return PERSYARATAN.map((p) => ({ tanda: received.has(PERSYARATAN_LABEL[p]) ? CHECKED : UNCHECKED, nama: PERSYARATAN_LABEL[p] }));
}

function tenggatText(record: RegisterRecord, dc: DocumentContext): string {
  const iso = cell(record, 'tenggat');
  return tryDayFromIso(iso) !== undefined ? tanggalPanjangIso(iso) : `${dc.settings.sla.days} hari kerja sejak pengaduan diterima`;
}

function tandaTerima(record: RegisterRecord, dc: DocumentContext): ViewModel<'tanda_terima'> {
  const t = dc.settings.text;
  const recorder = dc.staff.get(cell(record, 'dicatat_oleh').trim().toLowerCase());
  // Only the online form has no receiving officer; a receipt of any other channel is signed by one.
  const online = cell(record, 'kanal') === 'formulir_online';
  const received = splitList(cell(record, 'persyaratan_diterima'));
  const contacts = [t.telepon && `telepon/WhatsApp ${t.telepon}`, t.instagram && `Instagram ${instagram(t.instagram)}`].filter(Boolean).join(', ');
  return {
    kop: kop(dc),
    tempat_tanggal: tempatTanggal(dc, wibDay(parseRegisterTimestamp(cell(record, 'diterima_pada')) ?? dc.now)),
    nomor_registrasi: cell(record, 'nomor'),
    kode_akses: cell(record, 'kode_akses'),
    diterima: waktuPanjang(cell(record, 'diterima_pada')),
    kanal: kanalLabel(record),
    ada_nomor_lapor: cell(record, 'nomor_lapor') !== '',
    nomor_lapor: cell(record, 'nomor_lapor'),
    pelapor: pelapor(record),
    usaha: usaha(record),
    ringkasan: ringkas(cell(record, 'isi_pengaduan'), 600),
    persyaratan: persyaratan(record),
    persyaratan_keterangan:
      received.length === 0
        ? 'Kelengkapan persyaratan akan diperiksa petugas; bila ada yang kurang, pelapor akan dihubungi. Selama menunggu kelengkapan, waktu penyelesaian dihentikan sementara.'
        : cell(record, 'persyaratan_kurang')
          ? `Persyaratan yang masih kurang: ${cell(record, 'persyaratan_kurang')}. Waktu penyelesaian dihentikan sementara sampai persyaratan lengkap.`
          : 'Persyaratan lengkap.',
    tenggat: tenggatText(record, dc),
    hari_sla: `${angkaTerbilang(dc.settings.sla.days)} hari kerja`,
    cek_status: t.url_cek_status
      ? `Cek status pengaduan di ${t.url_cek_status} dengan nomor registrasi dan kode akses di atas.`
      : 'Tanyakan status pengaduan melalui layanan pengaduan di bawah ini dengan menyebutkan nomor registrasi dan kode akses di atas.',
    layanan: contacts ? `Layanan pengaduan: ${contacts}.` : '',
    ada_petugas: !online,
    elektronik: online,
    petugas: ttdStaf(online ? undefined : recorder, 'petugas'),
  };
}

function kategoriChecklist(record: RegisterRecord): { tanda: string; nama: string }[] {
  const k = cell(record, 'kategori');
  return KATEGORI.map((c) => ({ tanda: k === c ? CHECKED : UNCHECKED, nama: KATEGORI_LABEL[c] }));
}

function lembarPengaduan(record: RegisterRecord, dc: DocumentContext): ViewModel<'lembar_pengaduan'> {
  const checker = dc.pelaku?.periksa ?? cell(record, 'dicatat_oleh');
  // The officer who checked (or recorded) it; a blank to sign by hand when that is not a staff member.
  const petugas = dc.staff.get(checker.trim().toLowerCase());
  const recorder = dc.staff.get(cell(record, 'dicatat_oleh').trim().toLowerCase());
  const status = cell(record, 'status');
  return {
    kop: kop(dc),
    tempat_tanggal: tempatTanggal(dc),
    nomor_registrasi: cell(record, 'nomor'),
    diterima: waktuPanjang(cell(record, 'diterima_pada')),
    kanal: kanalLabel(record),
    ada_nomor_lapor: cell(record, 'nomor_lapor') !== '',
    nomor_lapor: cell(record, 'nomor_lapor'),
    dicatat_oleh: recorder ? `${recorder.nama} (${recorder.jabatan || PERAN_LABEL.petugas})` : cell(record, 'kanal') === 'formulir_online' ? 'Formulir online (otomatis)' : orBlank(cell(record, 'dicatat_oleh')),
    pelapor: pelapor(record),
    usaha: usaha(record),
    isi: cell(record, 'isi_pengaduan'),
    harapan: orBlank(cell(record, 'harapan')),
    bukti: orBlank(cell(record, 'bukti')),
    // One line of items: an item never breaks inside ("Diketahui / Lurah").
    persyaratan: persyaratan(record).map((p) => ({ ...p, nama: p.nama.replace(/ /g, '\u00A0') })),
    catatan_pemeriksaan: orBlank(cell(record, 'catatan_pemeriksaan')),
    tenggat: tenggatText(record, dc),
    tahap: isStatus(status) ? STATUS_LABEL[status] : status,
    kategori: kategoriChecklist(record),
    alasan_kategori: orBlank(cell(record, 'alasan_kategori')),
    petugas: ttdStaf(petugas, 'petugas'),
    subkoordinator: ttdStaf(activeWithRole(dc, 'subkoordinator', dc.pelaku?.nilai), 'subkoordinator'),
  };
}

function lembarDisposisi(record: RegisterRecord, dc: DocumentContext, warnings: string[]): ViewModel<'lembar_disposisi'> {
  const kategori = cell(record, 'kategori');
  const koordinator = activeWithRole(dc, 'koordinator', dc.pelaku?.perintah_undangan);
  const usahaNama = cell(record, 'nama_usaha');

  return {
    kop: kop(dc),
    tempat_tanggal: tempatTanggal(dc, wibDay(parseRegisterTimestamp(cell(record, 'disposisi_pada')) ?? dc.now)),
    nomor_registrasi: cell(record, 'nomor'),
    diterima: tanggalDari(cell(record, 'diterima_pada')),
    asal: `${cell(record, 'nama_pelapor')} (${kanalLabel(record)})`,
    perihal: `Pengaduan masyarakat${usahaNama ? ` terhadap ${usahaNama}` : ''}: ${ringkas(cell(record, 'isi_pengaduan'), 300)}`,
    // The Kepala ticks urgency and instructions on the printed sheet: nothing is ticked for them.
    sifat: ['Sangat Segera', 'Segera', 'Biasa'].map((s) => ({ tanda: UNCHECKED, nama: s })),
    kategori: isKategori(kategori) ? `${KATEGORI_LABEL[kategori]} — ${orBlank(cell(record, 'alasan_kategori'))}` : orBlank(kategori),
    tenggat: tenggatText(record, dc),
    diteruskan_kepada: koordinator ? `${koordinator.jabatan || PERAN_LABEL.koordinator} (${koordinator.nama})` : PERAN_LABEL.koordinator,
    harap: [
      'Tindak lanjuti bersama tim teknis',
      'Siapkan undangan rapat tim teknis, OPD terkait, dan pemilik usaha',
      'Koordinasikan/konfirmasikan',
      'Laporkan hasilnya',
    ].map((h) => ({ tanda: UNCHECKED, nama: h })),
    isi_disposisi: cell(record, 'disposisi'),
    tanggal_disposisi: tanggalDari(cell(record, 'disposisi_pada')),
    kepala: ttdKepala(dc, warnings, dc.pelaku?.disposisi),
  };
}

function undanganRapat(record: RegisterRecord, dc: DocumentContext, warnings: string[]): ViewModel<'undangan_rapat'> {
  const invited = jsonList(record, 'rapat_undangan', warnings);
  const sekretaris = activeWithRole(dc, 'sekretaris');
  const kepala = ttdKepala(dc, sekretaris ? [] : warnings);
  const signer: Ttd = sekretaris
    ? { ...ttdStaf(sekretaris, 'sekretaris'), ada_atas_nama: true, atas_nama: `a.n. ${kepala.jabatan}`, jabatan: `${(sekretaris.jabatan || PERAN_LABEL.sekretaris).toUpperCase()},` }
    : kepala;
  const meeting = tryDayFromIso(cell(record, 'rapat_tanggal'));
  const usahaNama = cell(record, 'nama_usaha');
  // The letter is dated when it was sent (the last kirim_undangan or jadwal_ulang), not when re-rendered.
  const sent = [dc.waktu?.kirim_undangan ?? '', dc.waktu?.jadwal_ulang ?? ''].sort().pop() ?? '';
  const sentMs = parseRegisterTimestamp(sent);
  const jam = cell(record, 'rapat_jam');
  return {
    kop: kop(dc),
    tempat_tanggal: tempatTanggal(dc, wibDay(sentMs ?? dc.now)),
    nomor_registrasi: cell(record, 'nomor'),
    nomor: cell(record, 'nomor_undangan'),
    sifat: cell(record, 'kategori') === 'berat' ? 'Segera' : 'Biasa',
    lampiran: '-',
    perihal: 'Undangan Rapat Penanganan Pengaduan Masyarakat',
    kepada: invited.map((p, i) => ({ no: `${i + 1}.`, nama: str(p.nama), instansi: str(p.instansi) ? `(${str(p.instansi)})` : '' })),
    pembuka:
      `Dalam rangka menindaklanjuti pengaduan masyarakat Nomor Registrasi ${cell(record, 'nomor')} tanggal ${tanggalDari(cell(record, 'diterima_pada'))}` +
      `${usahaNama ? ` mengenai ${usahaNama}` : ''}, dengan hormat kami mengundang Bapak/Ibu/Saudara untuk hadir pada:`,
    rapat: {
      hari_tanggal: meeting === undefined ? cell(record, 'rapat_tanggal') : tanggalPanjang(meeting),
      waktu: jam ? `${jamIndonesia(jam)} WIB s.d. selesai` : BLANK,
      tempat: cell(record, 'rapat_tempat'),
      agenda: cell(record, 'rapat_agenda'),
    },
    penutup:
      'Mengingat pentingnya acara tersebut, kami mengharapkan kehadiran Bapak/Ibu/Saudara tepat pada waktunya. ' +
      'Demikian undangan ini kami sampaikan. Atas perhatian dan kehadirannya, kami ucapkan terima kasih.',
    penandatangan: signer,
    tembusan: [
      ...(sekretaris ? [`${jabatanKepalaOf(dc)} (sebagai laporan)`] : []),
      'Arsip',
    ].map((nama, i) => ({ no: `${i + 1}.`, nama })),
  };
}

function beritaAcara(record: RegisterRecord, dc: DocumentContext, warnings: string[], final: boolean): ViewModel<'berita_acara'> {
  const meeting = tryDayFromIso(cell(record, 'rapat_tanggal'));
  const peserta = jsonList(record, 'rapat_hadir', warnings);
  const tindak = jsonList(record, 'rapat_tindak_lanjut', warnings);
  const tempat = cell(record, 'rapat_tempat') || BLANK;
  const koordinator = activeWithRole(dc, 'koordinator', dc.pelaku?.paraf_koordinator);
  const sekretaris = activeWithRole(dc, 'sekretaris', dc.pelaku?.paraf_sekretaris);
  const parafDate = (key: 'paraf_koordinator_pada' | 'paraf_sekretaris_pada'): string => {
    const v = cell(record, key);
    return v ? tanggalDari(v) : '';
  };
  const year = meeting === undefined ? civilFromDay(wibDay(dc.now)).y : civilFromDay(meeting).y;
  return {
    kop: kop(dc),
    tempat_tanggal: meeting === undefined ? `${dc.settings.text.kota}, ${BLANK} ${year}` : tempatTanggal(dc, meeting),
    nomor_registrasi: cell(record, 'nomor'),
    draf: !final,
    final,
    tanda_draf: final ? '' : 'DRAF — BELUM DITANDATANGANI, BUKAN DOKUMEN RESMI',
    nomor: final ? cell(record, 'nomor_ba') : '(diberikan saat ditandatangani Kepala)',
    pembukaan:
      `Pada hari ini ${meeting === undefined ? BLANK : hariTanggalTerbilang(meeting)}, bertempat di ${tempat}, ` +
      `telah dilaksanakan rapat penanganan pengaduan masyarakat Nomor Registrasi ${cell(record, 'nomor')} ` +
      'yang dihadiri oleh pihak-pihak sebagaimana tercantum di bawah ini, dengan hasil sebagai berikut:',
    pengaduan: {
      diterima: `${tanggalDari(cell(record, 'diterima_pada'))} melalui ${kanalLabel(record)}`,
      pelapor: cell(record, 'nama_pelapor'),
      usaha: orBlank(cell(record, 'nama_usaha')),
      alamat_usaha: orBlank(cell(record, 'alamat_usaha')),
      isi: cell(record, 'isi_pengaduan'),
    },
    peserta: peserta.map((p, i) => {
      const no = `${i + 1}.`;
      const line = `${no} ${'.'.repeat(20)}`;
      return { no, nama: str(p.nama), instansi: str(p.instansi), ttd_kiri: i % 2 === 0 ? line : '', ttd_kanan: i % 2 === 1 ? line : '' };
    }),
    pembahasan: cell(record, 'rapat_pembahasan'),
    kesimpulan: cell(record, 'rapat_kesimpulan'),
    ada_tindak_lanjut: tindak.length > 0,
    tindak_lanjut: tindak.map((t, i) => ({
      no: `${i + 1}.`,
      uraian: str(t.uraian),
      pelaksana: orBlank(str(t.pelaksana)),
      tenggat: str(t.tenggat) ? tanggalPanjangIso(str(t.tenggat)) : '-',
    })),
    penutup: 'Demikian Berita Acara ini dibuat dengan sebenarnya untuk dapat dipergunakan sebagaimana mestinya.',
    paraf: [
      { no: '1.', jabatan: koordinator?.jabatan || PERAN_LABEL.koordinator, nama: koordinator?.nama ?? '', tanggal: parafDate('paraf_koordinator_pada') },
      { no: '2.', jabatan: sekretaris?.jabatan || PERAN_LABEL.sekretaris, nama: sekretaris?.nama ?? '', tanggal: parafDate('paraf_sekretaris_pada') },
    ],
    kepala: ttdKepala(dc, warnings, dc.pelaku?.tandatangani),
  };
}

/**
 * Why a document cannot be produced for this complaint yet (Indonesian), or undefined when it
 * can: an invitation needs a scheduled meeting, a final Berita Acara needs the Kepala's signature.
 */
export function documentProblem(jenis: JenisDokumen, record: RegisterRecord): string | undefined {
  const what = `${JENIS_DOKUMEN_LABEL[jenis]} untuk ${cell(record, 'nomor')}`;
  const hasResults = cell(record, 'rapat_hadir') !== '' || cell(record, 'rapat_pembahasan') !== '';
  switch (jenis) {
    case 'tanda_terima':
    case 'lembar_pengaduan':
      return undefined;
    case 'lembar_disposisi':
      return cell(record, 'disposisi') ? undefined : `${what} belum dapat dibuat: Kepala belum memberi disposisi.`;
    case 'undangan_rapat':
      return cell(record, 'nomor_undangan') && cell(record, 'rapat_tanggal') ? undefined : `${what} belum dapat dibuat: rapat belum dijadwalkan (aksi kirim_undangan).`;
    case 'berita_acara_draf':
      return hasResults ? undefined : `${what} belum dapat dibuat: hasil rapat belum dicatat (aksi catat_hasil_rapat).`;
    case 'berita_acara':
      return cell(record, 'nomor_ba') && cell(record, 'ditandatangani_pada')
        ? undefined
        : `${what} belum ada: Kepala belum menandatangani.${hasResults ? ' Yang dapat dibuat sekarang: berita_acara_draf.' : ''}`;
  }
}

/** Builds the view-model of one document; refuses (DOKUMEN_BELUM_TERSEDIA) when its step has not happened. */
export function buildView(jenis: JenisDokumen, given: RegisterRecord, dc: DocumentContext): BuiltView {
  const problem = documentProblem(jenis, given);
  if (problem) throw new PengaduanError('DOKUMEN_BELUM_TERSEDIA', problem);
  const record = closedRecord(given);
  const warnings: string[] = [];
  const template = TEMPLATE_OF[jenis];
  const view =
    jenis === 'tanda_terima'
      ? tandaTerima(record, dc)
      : jenis === 'lembar_pengaduan'
        ? lembarPengaduan(record, dc)
        : jenis === 'lembar_disposisi'
          ? lembarDisposisi(record, dc, warnings)
          : jenis === 'undangan_rapat'
            ? undanganRapat(record, dc, warnings)
            : beritaAcara(record, dc, warnings, jenis === 'berita_acara');
  return { jenis, template, view, warnings };
}

