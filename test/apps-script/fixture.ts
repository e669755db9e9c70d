/**
 * A register Sheet set up by the built script's own Setup, with a staff member for every role,
 * the `dokumen` function's address set through the Admin menu, and a stand-in for the function
 * at the HTTP layer (UrlFetchApp) that answers as the real one does.
 */
import { FORM, FORM_QUESTIONS, PERSYARATAN, type JenisDokumen, type RegisterKey, type Status } from '../../sheets-schema/index.js';
import type { AksiKey } from '../../core/sop.js';
import { wibInstant, dayFromIso } from '../../core/time.js';
import type { FetchRequest } from './fakes.js';
import { dialogModel, loadScript, sheetRecords, type LoadOptions, type Script } from './harness.js';

export const STAFF = {
  admin: 'admin@kantor.go.id',
  petugas: 'rina.petugas@kantor.go.id',
  subkoordinator: 'andi.subkoor@kantor.go.id',
  koordinator: 'yusuf.koordinator@kantor.go.id',
  sekretaris: 'dewi.sekretaris@kantor.go.id',
  kepala: 'kepala@kantor.go.id',
} as const;
export type Role = keyof typeof STAFF;

export const DOKUMEN_URL = 'https://pengaduan-dokumen-abc123-et.a.run.app';
/** Tuesday 24 November 2026, 09:00 WIB. */
export const NOW = wibInstant(dayFromIso('2026-11-24'), 9, 0);

export interface DokumenCall {
  readonly nomor: string;
  readonly jenis: JenisDokumen[];
  readonly lampiran: boolean;
  readonly token: string;
}

export interface Office {
  readonly s: Script;
  readonly dokumenCalls: DokumenCall[];
  /** What the function stand-in does next: answer, refuse, or fail to be reached. */
  dokumenMode: 'ok' | 'down' | 'busy' | 'refuse';
}

/** The `dokumen` function as Apps Script sees it over HTTP. */
function dokumenFunction(office: Office): (r: FetchRequest) => { status: number; body: string } {
  return (r) => {
    if (r.url !== DOKUMEN_URL) throw new Error(`unexpected fetch ${r.url}`);
    const token = (r.headers.Authorization ?? r.headers.authorization ?? '').replace(/^Bearer /, '');
    const body = JSON.parse(r.payload) as { nomor: string; jenis: JenisDokumen[]; lampiran?: boolean };
    office.dokumenCalls.push({ nomor: body.nomor, jenis: body.jenis, lampiran: body.lampiran === true, token });
    if (office.dokumenMode === 'down') throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    if (office.dokumenMode === 'busy') return { status: 503, body: JSON.stringify({ ok: false, kode: 'LAYANAN_TIDAK_TERSEDIA', pesan: 'Layanan sedang sibuk.' }) };
    if (office.dokumenMode === 'refuse') return { status: 403, body: JSON.stringify({ ok: false, kode: 'PENGGUNA_TIDAK_TERDAFTAR', pesan: 'Tidak terdaftar.' }) };
    if (!token) return { status: 401, body: JSON.stringify({ ok: false, kode: 'TIDAK_TERAUTENTIKASI', pesan: 'Token tidak ada.' }) };
    const dokumen = body.jenis.map((jenis) => ({ jenis, tautan: `https://drive.google.com/file/d/${body.nomor}-${jenis}/view` }));
    const lampiran = body.lampiran
      ? body.jenis.map((jenis) => ({ jenis, nama: `${body.nomor}_${jenis.replace(/_/g, "-")}.docx`, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', base64: Buffer.from(`docx ${jenis}`).toString('base64') }))
      : undefined;
    return { status: 200, body: JSON.stringify({ ok: true, nomor: body.nomor, dokumen, peringatan: [], ...(lampiran ? { lampiran } : {}) }) };
  };
}

/** Setup by the admin, staff on the Peran tab, the function's address set. */
export async function office(options: LoadOptions = {}): Promise<Office> {
  const s = await loadScript({ activeUser: STAFF.admin, effectiveUser: STAFF.admin, owner: STAFF.admin, now: NOW, ...options });
  s.call('siapkan');
  const ss = s.fakes.globals.SpreadsheetApp.getActiveSpreadsheet();
  const peran = ss.getSheetByName('Peran');
  if (!peran) throw new Error('Setup made no Peran tab');
  const names: Record<Role, string> = {
    admin: 'Admin Sistem',
    petugas: 'Rina Marlina',
    subkoordinator: 'Andi Saputra, S.E.',
    koordinator: 'Yusuf Hidayat, S.T.',
    sekretaris: 'Dewi Kartika, S.H.',
    kepala: 'Ir. Hendra Gunawan, M.T.',
  };
  for (const role of Object.keys(STAFF) as Role[]) {
    if (role === 'admin') continue;
    peran.appendRow([STAFF[role], role, names[role], '197001011995031001', role, 'ya']);
  }
  s.fakes.state.promptResponses.push({ button: 'OK', text: DOKUMEN_URL });
  s.call('aturLayananDokumen');
  const o: Office = { s, dokumenCalls: [], dokumenMode: 'ok' };
  s.fakes.state.fetchHandler = dokumenFunction(o);
  return o;
}

export const formId = (o: Office): string => o.s.fakes.state.properties.script.PENGADUAN_FORM_ID ?? '';

/** A citizen's answers, by the register column each Form question fills. */
export type Answers = Partial<Record<RegisterKey, string | string[]>>;

/** The Form's question title for a register column (the consent included), from the schema. */
function titleOf(key: string): string {
  if (key === FORM.consent.key) return FORM.consent.title;
  const q = FORM_QUESTIONS.find((x) => x.key === key);
  if (!q) throw new Error(`the Form asks nothing for ${key}`);
  return q.title;
}

/** A citizen's answers as the Form receives them: by question title. */
export function answers(over: Answers = {}): Record<string, string | string[]> {
  const all: Answers = {
    nama_pelapor: 'Siti Rahmah',
    telepon_pelapor: '081266110001',
    email_pelapor: 'siti.rahmah@contoh.id',
    alamat_pelapor: 'Jl. Soekarno Hatta No. 12, Payakumbuh',
    nama_usaha: 'Bengkel Las Maju Jaya',
    kelurahan: 'Labuh Baru',
    kecamatan: 'Payakumbuh Barat',
    bidang_usaha: 'Industri',
    isi_pengaduan: 'Bengkel las beroperasi sampai tengah malam dan suaranya mengganggu warga.',
    [FORM.consent.key]: [FORM.consent.text],
    ...over,
  };
  return Object.fromEntries(Object.entries(all).map(([key, v]) => [titleOf(key), v ?? '']));
}

/** Submits the Form and runs the submit trigger; returns the event for a second firing. */
export function submit(o: Office, over: Answers = {}): ReturnType<Script['fakes']['submitForm']> {
  const ev = o.s.fakes.submitForm(formId(o), answers(over), { timestamp: new Date(NOW) });
  o.s.call('onFormSubmit', ev);
  return ev;
}

export const register = (o: Office): Record<string, unknown>[] => sheetRecords(o.s, 'Pengaduan');
export const history = (o: Office): Record<string, unknown>[] => sheetRecords(o.s, 'Riwayat');

/** The row number of a complaint on the Pengaduan tab. */
export function rowOf(o: Office, nomor: string): number {
  const i = register(o).findIndex((r) => r['Nomor Registrasi'] === nomor);
  if (i < 0) throw new Error(`${nomor} is not in the register`);
  return i + 2;
}

/** Opens the sheet as `role`, selects the complaint's row, and picks the action from the menu. */
export function openAction(o: Office, role: Role, nomor: string, label: string): Record<string, unknown> {
  o.s.as(STAFF[role]);
  o.s.fakes.select('Pengaduan', `A${rowOf(o, nomor)}`);
  o.s.call('onOpen');
  const menu = o.s.fakes.state.menus.at(-1);
  const item = menu?.items.find(([caption]) => caption === label);
  if (!item) throw new Error(`${role} has no menu item "${label}" (has: ${menu?.items.map(([c]) => c).join(', ')})`);
  const before = o.s.fakes.state.dialogs.length;
  o.s.call(item[1]);
  const dialog = o.s.fakes.state.dialogs[before];
  if (!dialog) throw new Error(`"${label}" opened no dialog; alerts: ${o.s.fakes.state.alerts.map((a) => a.prompt).join(' | ')}`);
  return dialogModel(dialog.content);
}

export const ALL_PERSYARATAN = [...PERSYARATAN];

/** The daily time trigger fires (as Apps Script calls it: with the trigger's own id). */
export function daily(o: Office): void {
  const trigger = o.s.fakes.state.triggers.find((t) => t.handlerFunction === 'harian');
  if (!trigger) throw new Error('Setup installed no daily trigger');
  o.s.as(STAFF.admin);
  o.s.call('harian', { triggerUid: trigger.uid, authMode: 'FULL' });
}

/** One step of the procedure as a role takes it, and the status it leads to. */
export interface Step {
  readonly role: Role;
  readonly aksi: AksiKey;
  readonly masukan: Record<string, unknown>;
  readonly status: Status;
  /** The day it happens (WIB, 14:00); the start day otherwise. */
  readonly on?: string;
}

/** The heavy road, Form to delivered Berita Acara, each step on a day it can happen. */
export const HEAVY_PATH: readonly Step[] = [
  { role: 'petugas', aksi: 'periksa', masukan: { persyaratan: ALL_PERSYARATAN }, status: 'DIPERIKSA' },
  { role: 'subkoordinator', aksi: 'nilai', masukan: { kategori: 'berat', alasan: 'Menyangkut izin lingkungan; perlu tim teknis.' }, status: 'DILAPORKAN_PIMPINAN' },
  { role: 'kepala', aksi: 'disposisi', masukan: { disposisi: 'Koordinator segera rapatkan dengan DLH.' }, status: 'DISPOSISI_KOORDINATOR' },
  { role: 'koordinator', aksi: 'perintah_undangan', masukan: { instruksi: 'Undang DLH dan pemilik bengkel.' }, status: 'UNDANGAN_DISIAPKAN' },
  {
    role: 'subkoordinator',
    aksi: 'kirim_undangan',
    masukan: {
      tanggal: '2026-11-26',
      jam: '09:00',
      tempat: 'Ruang Rapat DPMPTSP',
      agenda: 'Pembahasan pengaduan kebisingan bengkel las',
      undangan: [
        { nama: 'Kepala DLH', instansi: 'DLH Kota Payakumbuh', kelompok: 'opd_terkait' },
        { nama: 'Pemilik Bengkel Las Maju Jaya', instansi: '', kelompok: 'pemilik_usaha' },
      ],
    },
    status: 'RAPAT_DIJADWALKAN',
  },
  {
    role: 'subkoordinator',
    aksi: 'catat_hasil_rapat',
    on: '2026-11-26',
    masukan: {
      hadir: [{ nama: 'Drs. Zulkifli', instansi: 'DLH' }],
      pembahasan: 'Bengkel beroperasi melewati jam yang diizinkan.',
      kesimpulan: 'Pemilik membatasi jam kerja sampai pukul 21.00.',
      tindak_lanjut: [{ uraian: 'Pemantauan', pelaksana: 'DLH', tenggat: '2026-12-15' }],
    },
    status: 'DRAFT_BA',
  },
  { role: 'koordinator', aksi: 'paraf_koordinator', masukan: {}, status: 'PARAF_KOORDINATOR', on: '2026-11-27' },
  { role: 'sekretaris', aksi: 'paraf_sekretaris', masukan: { koreksi: 'Redaksi kesimpulan diperbaiki.' }, status: 'PARAF_SEKRETARIS', on: '2026-11-27' },
  { role: 'kepala', aksi: 'tandatangani', masukan: {}, status: 'DITANDATANGANI', on: '2026-11-30' },
  { role: 'petugas', aksi: 'serahkan', masukan: { cara: 'langsung', catatan: 'Diterima langsung oleh pelapor.' }, status: 'SELESAI', on: '2026-12-01' },
];
