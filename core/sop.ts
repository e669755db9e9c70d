/**
 * The SOP as a pure state machine (DESIGN.md §1, §4). `ACTIONS` is the transition table: for each
 * action, the statuses it starts from and the roles that may take it there, the inputs it needs,
 * and what it decides. `decide(record, aksi, actor, inputs, now, rules)` returns the next status
 * and the effects as data (columns to write, a history entry, numbers to assign, documents to
 * produce, people to notify); it executes nothing. Every refusal is a coded PengaduanError with an
 * Indonesian message, and since nothing was executed, nothing changed.
 *
 * Departures from DESIGN.md §4, on purpose: a returned draft goes to its own status REVISI_BA
 * (so the register shows who holds it), the Kepala may also return it before signing, and a
 * scheduled meeting can be rescheduled (a new invitation) without leaving RAPAT_DIJADWALKAN.
 */
import {
  CARA_PENYAMPAIAN,
  CARA_PENYAMPAIAN_LABEL,
  FINAL_STATUS,
  isStatus,
  KATEGORI,
  KATEGORI_LABEL,
  PERAN_LABEL,
  PERSYARATAN,
  REGISTER_COLUMNS,
  PERSYARATAN_LABEL,
  STATUS,
  STATUS_LABEL,
  isFinalStatus,
  type JenisDokumen,
  type Kategori,
  type Peran,
  type Persyaratan,
  type RegisterKey,
  type Status,
} from '../sheets-schema/index.js';
import { describeProblems, PengaduanError, type FieldProblem } from './errors.js';
import { validateFields, type FieldSpec, type FieldValue, type Pihak, type Peserta, type TindakLanjut } from './fields.js';
import { cell, joinList, splitList, type RegisterPatch, type RegisterRecord } from './record.js';
import type { SeriNomor } from './numbering.js';
import { formatTimeline, parseTimeline } from './timeline.js';
import type { TimelineEntry } from './sla.js';
import { formatWib, tryDayFromIso, wibDay } from './time.js';

export interface Actor {
  readonly email: string;
  readonly nama?: string;
  readonly roles: readonly Peran[];
}

export interface SopRules {
  /** Requirements that must all be received before a complaint moves on (from settings). */
  readonly persyaratanWajib: readonly Persyaratan[];
}
export const DEFAULT_SOP_RULES: SopRules = { persyaratanWajib: PERSYARATAN };

/** Who must act next in each status; undefined once finished. */
export const WAITING_FOR: Record<Status, Peran | undefined> = {
  DITERIMA: 'petugas',
  MENUNGGU_KELENGKAPAN: 'petugas',
  DIPERIKSA: 'subkoordinator',
  DITANGANI_LANGSUNG: 'subkoordinator',
  DILAPORKAN_PIMPINAN: 'kepala',
  DISPOSISI_KOORDINATOR: 'koordinator',
  UNDANGAN_DISIAPKAN: 'subkoordinator',
  RAPAT_DIJADWALKAN: 'subkoordinator',
  DRAFT_BA: 'koordinator',
  REVISI_BA: 'subkoordinator',
  PARAF_KOORDINATOR: 'sekretaris',
  PARAF_SEKRETARIS: 'kepala',
  DITANDATANGANI: 'petugas',
  SELESAI: undefined,
  DITUTUP: undefined,
};

export type Recipient = { readonly peran: Peran } | { readonly pelapor: true };

export type Effect =
  | { readonly type: 'writeColumns'; readonly values: RegisterPatch }
  | { readonly type: 'assignNumber'; readonly series: Exclude<SeriNomor, 'registrasi'>; readonly column: 'nomor_ba' | 'nomor_undangan'; readonly given?: string }
  | { readonly type: 'appendHistory'; readonly entry: HistoryEntry }
  | { readonly type: 'renderDocument'; readonly jenis: JenisDokumen }
  | { readonly type: 'notify'; readonly to: Recipient; readonly subject: string; readonly body: string };

export interface HistoryEntry {
  readonly waktu: string;
  readonly nomor: string;
  readonly aksi: string;
  readonly dari_status: Status | '';
  readonly ke_status: Status;
  readonly oleh_email: string;
  readonly oleh_nama: string;
  readonly oleh_peran: Peran | '';
  readonly masukan: string;
  readonly keterangan: string;
}

export interface Decision {
  readonly nomor: string;
  readonly aksi: AksiKey;
  readonly from: Status;
  readonly next: Status;
  readonly role: Peran;
  readonly effects: readonly Effect[];
}

/** What an action's rule sees. */
interface ActionContext {
  readonly record: RegisterRecord;
  readonly values: Readonly<Record<string, FieldValue>>;
  readonly now: number;
  readonly rules: SopRules;
}

/** What an action's rule decides, before the common bookkeeping is added. */
interface Outcome {
  readonly next: Status;
  readonly writes?: RegisterPatch;
  readonly documents?: readonly JenisDokumen[];
  readonly assign?: Extract<Effect, { type: 'assignNumber' }>;
  readonly toComplainant?: { readonly subject: string; readonly body: string };
  readonly summary: string;
  readonly problems?: readonly FieldProblem[];
}

export interface ActionDef {
  readonly key: string;
  readonly label: string;
  readonly description: string;
  /** SOP steps (DESIGN.md §1) this action carries out. */
  readonly sopSteps: readonly number[];
  /** Statuses it starts from, and the roles that may take it there. */
  readonly from: Partial<Record<Status, readonly Peran[]>>;
  readonly inputs: readonly FieldSpec[];
  /** Statuses it can lead to. */
  readonly outcomes: readonly Status[];
  readonly documents: readonly JenisDokumen[];
  readonly rule: (ctx: ActionContext) => Outcome;
}

const text = (v: FieldValue | undefined): string => (typeof v === 'string' ? v : '');
const list = <T>(v: FieldValue | undefined): T[] => (Array.isArray(v) ? (v as readonly unknown[] as T[]).slice() : []);
const persyaratanOptionLabels = PERSYARATAN_LABEL as Readonly<Record<string, string>>;
const caraOptionLabels = CARA_PENYAMPAIAN_LABEL as Readonly<Record<string, string>>;

const f = {
  persyaratan: (required: boolean, label = 'Persyaratan yang diterima'): FieldSpec => ({
    key: 'persyaratan',
    label,
    type: 'daftar_pilihan',
    required,
    options: PERSYARATAN,
    optionLabels: persyaratanOptionLabels,
    help: 'Centang setiap persyaratan yang sudah diterima.',
  }),
  catatan: (label = 'Catatan', required = false): FieldSpec => ({ key: 'catatan', label, type: 'teks_panjang', required }),
  cara: (label: string): FieldSpec => ({ key: 'cara', label, type: 'pilihan', required: true, options: CARA_PENYAMPAIAN, optionLabels: caraOptionLabels }),
  jadwal: (): FieldSpec[] => [
    { key: 'nomor_undangan', label: 'Nomor surat undangan', type: 'teks', required: false, maxLength: 100, help: 'Kosongkan agar diberi nomor otomatis.' },
    { key: 'tanggal', label: 'Tanggal rapat', type: 'tanggal', required: true },
    { key: 'jam', label: 'Jam rapat (WIB)', type: 'jam', required: true },
    { key: 'tempat', label: 'Tempat rapat', type: 'teks', required: true },
    { key: 'agenda', label: 'Agenda', type: 'teks_panjang', required: true, maxLength: 5000 },
    {
      key: 'undangan',
      label: 'Pihak yang diundang',
      type: 'pihak',
      required: true,
      help: 'Tim teknis, OPD teknis terkait, dan pemilik usaha yang diadukan.',
    },
  ],
  hasil: (required: boolean): FieldSpec[] => [
    { key: 'hadir', label: 'Peserta yang hadir', type: 'peserta', required },
    { key: 'pembahasan', label: 'Pembahasan', type: 'teks_panjang', required },
    { key: 'kesimpulan', label: 'Kesimpulan', type: 'teks_panjang', required },
    { key: 'tindak_lanjut', label: 'Tindak lanjut', type: 'tindak_lanjut', required: false, help: 'Uraian, pelaksana, dan tenggat.' },
  ],
};

function persyaratanOutcome(ctx: ActionContext, received: readonly Persyaratan[]): Outcome {
  const missing = ctx.rules.persyaratanWajib.filter((p) => !received.includes(p));
  const labels = (ps: readonly Persyaratan[]): string => joinList(ps.map((p) => PERSYARATAN_LABEL[p]));
  const writes: RegisterPatch = {
    persyaratan_diterima: labels(PERSYARATAN.filter((p) => received.includes(p))),
    persyaratan_kurang: labels(missing),
    catatan_pemeriksaan: text(ctx.values.catatan) || cell(ctx.record, 'catatan_pemeriksaan'),
  };
  // The receipt and the working paper now show which requirements were received.
  const documents: JenisDokumen[] = ['tanda_terima', 'lembar_pengaduan'];
  if (missing.length === 0) {
    return { next: 'DIPERIKSA', writes, documents, summary: 'Persyaratan lengkap; diteruskan kepada Subkoordinator untuk verifikasi dan penilaian.' };
  }
  const missingText = missing.map((p) => `- ${PERSYARATAN_LABEL[p]}`).join('\n');
  return {
    next: 'MENUNGGU_KELENGKAPAN',
    writes,
    documents,
    summary: `Persyaratan belum lengkap (${missing.length} kurang); menunggu pelapor melengkapi.`,
    toComplainant: {
      subject: `Pengaduan ${cell(ctx.record, 'nomor')}: mohon lengkapi persyaratan`,
      body:
        `Pengaduan Anda nomor ${cell(ctx.record, 'nomor')} sudah kami terima. Agar dapat kami proses, mohon lengkapi persyaratan berikut:\n` +
        `${missingText}\n\nSerahkan ke ruang pelayanan pengaduan. Selama menunggu kelengkapan, hitungan waktu penyelesaian dihentikan sementara.` +
        (text(ctx.values.catatan) ? `\n\nCatatan petugas: ${text(ctx.values.catatan)}` : ''),
    },
  };
}

function receivedSoFar(record: RegisterRecord): Persyaratan[] {
  const labels = splitList(cell(record, 'persyaratan_diterima'));
  return PERSYARATAN.filter((p) => labels.includes(PERSYARATAN_LABEL[p]));
}

/** A signed Berita Acara is delivered, not closed as "outside the office's authority". */
const CLOSABLE_STATUS = STATUS.filter((s) => !isFinalStatus(s) && s !== 'DITANDATANGANI');
const CLOSERS: readonly Peran[] = ['subkoordinator', 'kepala'];

export const ACTIONS = {
  periksa: {
    key: 'periksa',
    label: 'Periksa persyaratan',
    description: 'Petugas memeriksa kelengkapan persyaratan dan mencetak pengaduan untuk Subkoordinator.',
    sopSteps: [2],
    from: { DITERIMA: ['petugas'] },
    inputs: [f.persyaratan(false), f.catatan('Catatan pemeriksaan')],
    outcomes: ['DIPERIKSA', 'MENUNGGU_KELENGKAPAN'],
    documents: ['tanda_terima', 'lembar_pengaduan'],
    rule: (ctx) => persyaratanOutcome(ctx, list<Persyaratan>(ctx.values.persyaratan)),
  },
  lengkapi: {
    key: 'lengkapi',
    label: 'Catat kelengkapan',
    description: 'Petugas mencatat persyaratan susulan dari pelapor; bila sudah lengkap, pengaduan diteruskan.',
    sopSteps: [2],
    from: { MENUNGGU_KELENGKAPAN: ['petugas'] },
    inputs: [f.persyaratan(false, 'Persyaratan yang baru diterima'), f.catatan()],
    outcomes: ['DIPERIKSA', 'MENUNGGU_KELENGKAPAN'],
    documents: ['tanda_terima', 'lembar_pengaduan'],
    rule: (ctx) => {
      const before = receivedSoFar(ctx.record);
      const added = list<Persyaratan>(ctx.values.persyaratan);
      if (added.every((p) => before.includes(p)) && !text(ctx.values.catatan)) {
        return {
          next: 'MENUNGGU_KELENGKAPAN',
          summary: '',
          problems: [{ field: 'Persyaratan yang baru diterima', message: 'tidak ada persyaratan baru; isi persyaratan yang diterima atau catatan' }],
        };
      }
      const outcome = persyaratanOutcome(ctx, [...new Set([...before, ...added])]);
      // A note alone does not ask the complainant again for the same requirements.
      const nothingNew = added.every((p) => before.includes(p));
      return nothingNew ? { ...outcome, toComplainant: undefined } : outcome;
    },
  },
  nilai: {
    key: 'nilai',
    label: 'Verifikasi dan nilai',
    description: 'Subkoordinator memverifikasi dan menilai pengaduan: ringan ditangani langsung, sedang/berat dilaporkan kepada pimpinan.',
    sopSteps: [3, 4],
    from: { DIPERIKSA: ['subkoordinator'] },
    inputs: [
      { key: 'kategori', label: 'Kategori', type: 'pilihan', required: true, options: KATEGORI, optionLabels: KATEGORI_LABEL },
      { key: 'alasan', label: 'Alasan penilaian', type: 'teks_panjang', required: true, maxLength: 5000 },
    ],
    outcomes: ['DITANGANI_LANGSUNG', 'DILAPORKAN_PIMPINAN'],
    documents: ['lembar_pengaduan'],
    rule: (ctx) => {
      const kategori = text(ctx.values.kategori) as Kategori;
      const writes = { kategori, alasan_kategori: text(ctx.values.alasan) };
      // The working paper carries the Subkoordinator's verification.
      const documents: JenisDokumen[] = ['lembar_pengaduan'];
      return kategori === 'ringan'
        ? { next: 'DITANGANI_LANGSUNG', writes, documents, summary: 'Dinilai ringan; ditangani langsung oleh Subkoordinator.' }
        : {
            next: 'DILAPORKAN_PIMPINAN',
            writes,
            documents,
            summary: `Dinilai ${KATEGORI_LABEL[kategori].toLowerCase()}; dilaporkan kepada pimpinan untuk ditindaklanjuti tim teknis.`,
          };
    },
  },
  jawab: {
    key: 'jawab',
    label: 'Sampaikan jawaban (ringan)',
    description: 'Subkoordinator menyampaikan informasi atau penyelesaian langsung kepada pelapor.',
    sopSteps: [3],
    from: { DITANGANI_LANGSUNG: ['subkoordinator'] },
    inputs: [{ key: 'jawaban', label: 'Jawaban/penjelasan', type: 'teks_panjang', required: true }, f.cara('Cara penyampaian')],
    outcomes: ['SELESAI'],
    documents: [],
    rule: (ctx) => ({
      next: 'SELESAI',
      writes: { jawaban: text(ctx.values.jawaban), cara_jawaban: text(ctx.values.cara) },
      summary: `Jawaban disampaikan kepada pelapor (${CARA_PENYAMPAIAN_LABEL[text(ctx.values.cara) as keyof typeof CARA_PENYAMPAIAN_LABEL]}).`,
      toComplainant: {
        subject: `Pengaduan ${cell(ctx.record, 'nomor')} selesai ditangani`,
        body: `Pengaduan Anda nomor ${cell(ctx.record, 'nomor')} telah selesai ditangani.\n\nJawaban kami:\n${text(ctx.values.jawaban)}`,
      },
    }),
  },
  disposisi: {
    key: 'disposisi',
    label: 'Disposisi kepada Koordinator',
    description: 'Kepala mendisposisikan pengaduan kepada Koordinator untuk ditindaklanjuti tim teknis.',
    sopSteps: [5],
    from: { DILAPORKAN_PIMPINAN: ['kepala'] },
    inputs: [{ key: 'disposisi', label: 'Isi disposisi', type: 'teks_panjang', required: true, maxLength: 5000 }],
    outcomes: ['DISPOSISI_KOORDINATOR'],
    documents: ['lembar_disposisi'],
    rule: (ctx) => ({
      next: 'DISPOSISI_KOORDINATOR',
      writes: { disposisi: text(ctx.values.disposisi), disposisi_pada: formatWib(ctx.now) },
      documents: ['lembar_disposisi'],
      summary: 'Didisposisikan kepada Koordinator.',
    }),
  },
  perintah_undangan: {
    key: 'perintah_undangan',
    label: 'Perintahkan undangan rapat',
    description: 'Koordinator memerintahkan Subkoordinator menyiapkan undangan rapat tim teknis dan OPD terkait.',
    sopSteps: [5],
    from: { DISPOSISI_KOORDINATOR: ['koordinator'] },
    inputs: [{ key: 'instruksi', label: 'Instruksi', type: 'teks_panjang', required: false, maxLength: 5000 }],
    outcomes: ['UNDANGAN_DISIAPKAN'],
    documents: [],
    rule: (ctx) => ({
      next: 'UNDANGAN_DISIAPKAN',
      writes: { instruksi_koordinator: text(ctx.values.instruksi) },
      summary: 'Koordinator memerintahkan penyiapan undangan rapat.',
    }),
  },
  kirim_undangan: {
    key: 'kirim_undangan',
    label: 'Kirim undangan rapat',
    description: 'Subkoordinator membuat dan mengirim undangan kepada tim teknis, OPD terkait, dan pemilik usaha.',
    sopSteps: [6],
    from: { UNDANGAN_DISIAPKAN: ['subkoordinator'] },
    inputs: f.jadwal(),
    outcomes: ['RAPAT_DIJADWALKAN'],
    documents: ['undangan_rapat'],
    rule: (ctx) => scheduleOutcome(ctx, 'Undangan rapat dikirim'),
  },
  jadwal_ulang: {
    key: 'jadwal_ulang',
    label: 'Jadwalkan ulang rapat',
    description: 'Subkoordinator mengubah jadwal rapat dan mengirim undangan baru.',
    sopSteps: [6],
    from: { RAPAT_DIJADWALKAN: ['subkoordinator'] },
    inputs: f.jadwal(),
    outcomes: ['RAPAT_DIJADWALKAN'],
    documents: ['undangan_rapat'],
    rule: (ctx) => scheduleOutcome(ctx, 'Rapat dijadwalkan ulang'),
  },
  catat_hasil_rapat: {
    key: 'catat_hasil_rapat',
    label: 'Catat hasil rapat',
    description: 'Subkoordinator mencatat hasil rapat dan mengetik draf Berita Acara.',
    sopSteps: [7, 8],
    from: { RAPAT_DIJADWALKAN: ['subkoordinator'] },
    inputs: f.hasil(true),
    outcomes: ['DRAFT_BA'],
    documents: ['berita_acara_draf'],
    rule: (ctx) => {
      const meeting = tryDayFromIso(cell(ctx.record, 'rapat_tanggal'));
      if (meeting === undefined) {
        return {
          next: 'DRAFT_BA',
          summary: '',
          problems: [{ field: 'Tanggal Rapat', message: `"${cell(ctx.record, 'rapat_tanggal').slice(0, 40)}" di register tidak terbaca; jadwalkan ulang rapat dengan tanggal TTTT-BB-HH` }],
        };
      }
      if (wibDay(ctx.now) < meeting) {
        return {
          next: 'DRAFT_BA',
          summary: '',
          problems: [{ field: 'Hasil rapat', message: `rapat dijadwalkan ${cell(ctx.record, 'rapat_tanggal')}; hasilnya baru dapat dicatat pada atau setelah tanggal itu` }],
        };
      }
      return { next: 'DRAFT_BA', writes: resultWrites(ctx), documents: ['berita_acara_draf'], summary: 'Hasil rapat dicatat; draf Berita Acara disiapkan.' };
    },
  },
  perbaiki_draf: {
    key: 'perbaiki_draf',
    label: 'Perbaiki draf Berita Acara',
    description: 'Subkoordinator memperbaiki draf yang dikembalikan dan mengajukannya lagi kepada Koordinator.',
    sopSteps: [8, 9],
    from: { REVISI_BA: ['subkoordinator'] },
    inputs: [...f.hasil(false), f.catatan('Catatan perbaikan')],
    outcomes: ['DRAFT_BA'],
    documents: ['berita_acara_draf'],
    rule: (ctx) => {
      const changed = ['hadir', 'pembahasan', 'kesimpulan', 'tindak_lanjut'].some((k) => ctx.values[k] !== undefined);
      if (!changed) {
        return { next: 'DRAFT_BA', summary: '', problems: [{ field: 'Draf', message: 'isi setidaknya satu bagian yang diperbaiki (peserta, pembahasan, kesimpulan, atau tindak lanjut)' }] };
      }
      return {
        next: 'DRAFT_BA',
        writes: { ...resultWrites(ctx), paraf_koordinator_pada: '', paraf_sekretaris_pada: '' },
        documents: ['berita_acara_draf'],
        summary: `Draf Berita Acara diperbaiki${text(ctx.values.catatan) ? `: ${text(ctx.values.catatan)}` : ''}.`,
      };
    },
  },
  paraf_koordinator: {
    key: 'paraf_koordinator',
    label: 'Paraf Koordinator',
    description: 'Koordinator memaraf draf Berita Acara dan meneruskannya kepada Sekretaris.',
    sopSteps: [9],
    from: { DRAFT_BA: ['koordinator'] },
    inputs: [f.catatan()],
    outcomes: ['PARAF_KOORDINATOR'],
    documents: [],
    rule: (ctx) => ({ next: 'PARAF_KOORDINATOR', writes: { paraf_koordinator_pada: formatWib(ctx.now) }, summary: 'Draf Berita Acara diparaf Koordinator.' }),
  },
  paraf_sekretaris: {
    key: 'paraf_sekretaris',
    label: 'Koreksi dan paraf Sekretaris',
    description: 'Sekretaris mengoreksi dan memaraf draf Berita Acara, lalu meneruskannya kepada Kepala.',
    sopSteps: [10],
    from: { PARAF_KOORDINATOR: ['sekretaris'] },
    inputs: [
      { key: 'koreksi', label: 'Koreksi', type: 'teks_panjang', required: false, maxLength: 5000 },
      { key: 'kesimpulan', label: 'Kesimpulan (setelah dikoreksi)', type: 'teks_panjang', required: false },
    ],
    outcomes: ['PARAF_SEKRETARIS'],
    documents: ['berita_acara_draf'],
    rule: (ctx) => ({
      next: 'PARAF_SEKRETARIS',
      writes: {
        paraf_sekretaris_pada: formatWib(ctx.now),
        koreksi_sekretaris: text(ctx.values.koreksi),
        ...(ctx.values.kesimpulan !== undefined ? { rapat_kesimpulan: text(ctx.values.kesimpulan) } : {}),
      },
      documents: ctx.values.kesimpulan !== undefined ? ['berita_acara_draf'] : [],
      summary: 'Draf Berita Acara dikoreksi dan diparaf Sekretaris.',
    }),
  },
  kembalikan: {
    key: 'kembalikan',
    label: 'Kembalikan untuk revisi',
    description: 'Koordinator, Sekretaris, atau Kepala mengembalikan draf Berita Acara kepada Subkoordinator untuk diperbaiki.',
    sopSteps: [9, 10],
    from: { DRAFT_BA: ['koordinator'], PARAF_KOORDINATOR: ['sekretaris'], PARAF_SEKRETARIS: ['kepala'] },
    inputs: [{ key: 'catatan', label: 'Yang harus diperbaiki', type: 'teks_panjang', required: true, maxLength: 5000 }],
    outcomes: ['REVISI_BA'],
    documents: [],
    rule: (ctx) => ({ next: 'REVISI_BA', writes: { catatan_revisi: text(ctx.values.catatan) }, summary: `Draf dikembalikan untuk revisi: ${text(ctx.values.catatan)}` }),
  },
  tandatangani: {
    key: 'tandatangani',
    label: 'Tandatangani Berita Acara',
    description: 'Kepala menandatangani Berita Acara Hasil Penanganan Pengaduan; nomor BA diberikan.',
    sopSteps: [11],
    from: { PARAF_SEKRETARIS: ['kepala'] },
    inputs: [{ key: 'nomor_ba', label: 'Nomor Berita Acara', type: 'teks', required: false, maxLength: 100, help: 'Kosongkan agar diberi nomor otomatis.' }],
    outcomes: ['DITANDATANGANI'],
    documents: ['berita_acara'],
    rule: (ctx) => ({
      next: 'DITANDATANGANI',
      writes: { ditandatangani_pada: formatWib(ctx.now) },
      assign: { type: 'assignNumber', series: 'ba', column: 'nomor_ba', ...(text(ctx.values.nomor_ba) ? { given: text(ctx.values.nomor_ba) } : {}) },
      documents: ['berita_acara'],
      summary: 'Berita Acara ditandatangani Kepala.',
    }),
  },
  serahkan: {
    key: 'serahkan',
    label: 'Serahkan Berita Acara',
    description: 'Petugas menyerahkan Berita Acara kepada pelapor.',
    sopSteps: [12],
    from: { DITANDATANGANI: ['petugas'] },
    inputs: [f.cara('Cara penyerahan'), f.catatan('Keterangan penyerahan (misalnya nama penerima)')],
    outcomes: ['SELESAI'],
    documents: [],
    rule: (ctx) => ({
      next: 'SELESAI',
      writes: { diserahkan_pada: formatWib(ctx.now), cara_penyerahan: text(ctx.values.cara) },
      summary: `Berita Acara diserahkan kepada pelapor (${CARA_PENYAMPAIAN_LABEL[text(ctx.values.cara) as keyof typeof CARA_PENYAMPAIAN_LABEL]}).`,
      toComplainant: {
        subject: `Pengaduan ${cell(ctx.record, 'nomor')} selesai`,
        body: `Pengaduan Anda nomor ${cell(ctx.record, 'nomor')} telah selesai ditangani. Berita Acara Hasil Penanganan Pengaduan nomor ${cell(ctx.record, 'nomor_ba')} telah diserahkan kepada Anda.`,
      },
    }),
  },
  tutup: {
    key: 'tutup',
    label: 'Tutup (bukan kewenangan)',
    description: 'Subkoordinator atau Kepala menutup pengaduan yang bukan kewenangan DPMPTSP, misalnya karena diteruskan kepada instansi lain.',
    sopSteps: [3],
    from: Object.fromEntries(CLOSABLE_STATUS.map((s) => [s, CLOSERS])),
    inputs: [
      { key: 'alasan', label: 'Alasan penutupan', type: 'teks_panjang', required: true, maxLength: 5000 },
      { key: 'diteruskan_kepada', label: 'Diteruskan kepada (instansi)', type: 'teks', required: false },
    ],
    outcomes: ['DITUTUP'],
    documents: [],
    rule: (ctx) => ({
      next: 'DITUTUP',
      writes: { alasan_penutupan: text(ctx.values.alasan), diteruskan_kepada: text(ctx.values.diteruskan_kepada) },
      summary: `Ditutup: ${text(ctx.values.alasan)}`,
      toComplainant: {
        subject: `Pengaduan ${cell(ctx.record, 'nomor')} ditutup`,
        body:
          `Pengaduan Anda nomor ${cell(ctx.record, 'nomor')} kami tutup dengan alasan:\n${text(ctx.values.alasan)}` +
          (text(ctx.values.diteruskan_kepada) ? `\n\nPengaduan Anda telah kami teruskan kepada ${text(ctx.values.diteruskan_kepada)}.` : ''),
      },
    }),
  },
} as const satisfies Record<string, ActionDef>;

export type AksiKey = keyof typeof ACTIONS;
export const AKSI = Object.keys(ACTIONS) as AksiKey[];
export function isAksi(v: unknown): v is AksiKey {
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(ACTIONS, v);
}

function scheduleOutcome(ctx: ActionContext, what: string): Outcome {
  const tanggal = text(ctx.values.tanggal);
  const day = tryDayFromIso(tanggal);
  if (day !== undefined && day < wibDay(ctx.now)) {
    return { next: 'RAPAT_DIJADWALKAN', summary: '', problems: [{ field: 'Tanggal rapat', message: 'tidak boleh sebelum hari ini' }] };
  }
  const invited = list<Pihak>(ctx.values.undangan);
  return {
    next: 'RAPAT_DIJADWALKAN',
    writes: {
      rapat_tanggal: tanggal,
      rapat_jam: text(ctx.values.jam),
      rapat_tempat: text(ctx.values.tempat),
      rapat_agenda: text(ctx.values.agenda),
      rapat_undangan: JSON.stringify(invited),
    },
    assign: { type: 'assignNumber', series: 'undangan', column: 'nomor_undangan', ...(text(ctx.values.nomor_undangan) ? { given: text(ctx.values.nomor_undangan) } : {}) },
    documents: ['undangan_rapat'],
    summary: `${what}: ${tanggal} ${text(ctx.values.jam)} WIB di ${text(ctx.values.tempat)}, ${invited.length} pihak diundang.`,
  };
}

function resultWrites(ctx: ActionContext): RegisterPatch {
  const w: RegisterPatch = {};
  if (ctx.values.hadir !== undefined) w.rapat_hadir = JSON.stringify(list<Peserta>(ctx.values.hadir));
  if (ctx.values.pembahasan !== undefined) w.rapat_pembahasan = text(ctx.values.pembahasan);
  if (ctx.values.kesimpulan !== undefined) w.rapat_kesimpulan = text(ctx.values.kesimpulan);
  if (ctx.values.tindak_lanjut !== undefined) w.rapat_tindak_lanjut = JSON.stringify(list<TindakLanjut>(ctx.values.tindak_lanjut));
  return w;
}

/** The actions that may be taken from `status`, with the roles allowed. */
export function actionsFrom(status: Status): { aksi: AksiKey; roles: readonly Peran[] }[] {
  return AKSI.flatMap((aksi) => {
    const roles = (ACTIONS[aksi] as ActionDef).from[status];
    return roles ? [{ aksi, roles }] : [];
  });
}

/** The actions `actor` may take on a complaint in `status` (for menus and dialogs). */
export function actionsFor(status: Status, roles: readonly Peran[]): AksiKey[] {
  return actionsFrom(status)
    .filter((a) => a.roles.some((r) => roles.includes(r)))
    .map((a) => a.aksi);
}

/** The actions `roles` may take from some status: what a person's menu lists, in the procedure's order. */
export function actionsOfRoles(roles: readonly Peran[]): AksiKey[] {
  return AKSI.filter((a) => Object.values((ACTIONS[a] as ActionDef).from).some((allowed) => allowed?.some((r) => roles.includes(r))));
}

/** Why `actor` may not take an action only `allowed` may take (the one wording of this refusal). */
function roleRefusal(label: string, allowed: readonly Peran[], actor: Pick<Actor, 'email' | 'roles'>): PengaduanError {
  const who = actor.roles.length > 0 ? `terdaftar sebagai ${actor.roles.map((r) => PERAN_LABEL[r]).join(', ')}` : 'belum terdaftar di tab Peran';
  return new PengaduanError('PERAN_TIDAK_BERWENANG', `"${label}" hanya dapat dilakukan oleh ${allowed.map((r) => PERAN_LABEL[r]).join(' atau ')}. ${actor.email} ${who}.`);
}

/**
 * The statuses from which `actor` may take `aksi` (the complaints a dialog lists); refuses, with
 * the same words as `decide`, someone whose roles may take it from none.
 */
export function statusesFor(aksi: AksiKey, actor: Pick<Actor, 'email' | 'roles'>): Status[] {
  const def = ACTIONS[aksi] as ActionDef;
  const entries = Object.entries(def.from) as [Status, readonly Peran[]][];
  const statuses = entries.filter(([, allowed]) => allowed.some((r) => actor.roles.includes(r))).map(([s]) => s);
  if (statuses.length === 0) throw roleRefusal(def.label, [...new Set(entries.flatMap(([, allowed]) => allowed))], actor);
  return statuses;
}

const MAX_HISTORY_INPUT = 20_000;
/** Any cell: within Excel's 32,767 characters, and so within Google Sheets' 50,000 too. */
const MAX_CELL = 32_000;

function describeActions(status: Status): string {
  const a = actionsFrom(status);
  if (a.length === 0) return 'tidak ada aksi lagi karena pengaduan sudah selesai';
  return a.map((x) => `${ACTIONS[x.aksi].label} (${x.roles.map((r) => PERAN_LABEL[r]).join('/')})`).join(', ');
}

export function readStatus(record: RegisterRecord): Status {
  const raw = cell(record, 'status').trim();
  if (!isStatus(raw)) {
    throw new PengaduanError(
      'STATUS_TIDAK_DIKENAL',
      `Status "${raw.slice(0, 60)}" pada pengaduan ${cell(record, 'nomor')} tidak dikenal. Status yang sah: ${STATUS.join(', ')}.`,
    );
  }
  return raw;
}

/**
 * The complaint's state as the register holds it: the status cell and the timeline must agree.
 * A status typed over by hand (reopening a finished complaint, skipping the paraf) is refused
 * instead of being trusted.
 */
export function readState(record: RegisterRecord): { status: Status; timeline: TimelineEntry[] } {
  const status = readStatus(record);
  const nomor = cell(record, 'nomor');
  const timeline = parseTimeline(cell(record, 'jejak_status'), nomor);
  const last = timeline[timeline.length - 1];
  if (!last && status !== 'DITERIMA') {
    throw new PengaduanError(
      'REGISTER_RUSAK',
      `Pengaduan ${nomor} berstatus "${status}" tetapi kolom "Jejak Status (sistem)" kosong; status tampaknya diubah langsung di lembar kerja. ` +
        'Pulihkan kolom itu dari versi sebelumnya atau dari tab Riwayat.',
    );
  }
  if (last && last.status !== status) {
    throw new PengaduanError(
      'REGISTER_RUSAK',
      `Status pengaduan ${nomor} di register ("${status}") tidak sesuai dengan jejak statusnya ("${last.status}"); status tampaknya diubah langsung di lembar kerja. ` +
        `Kembalikan kolom Status menjadi "${last.status}", lalu lakukan perubahan lewat aksi yang semestinya.`,
    );
  }
  return { status, timeline };
}

/** Decides an action. Throws a coded PengaduanError on any refusal; executes nothing. */
export function decide(
  record: RegisterRecord,
  aksi: string,
  actor: Actor,
  inputs: unknown,
  now: number,
  rules: SopRules = DEFAULT_SOP_RULES,
): Decision {
  const nomor = cell(record, 'nomor');
  if (!isAksi(aksi)) {
    throw new PengaduanError('AKSI_TIDAK_DIKENAL', `Aksi "${aksi.slice(0, 60)}" tidak dikenal. Aksi yang ada: ${AKSI.join(', ')}.`);
  }
  const def: ActionDef = ACTIONS[aksi];
  const { status: from, timeline } = readState(record);
  const allowed = def.from[from];
  if (!allowed) {
    throw new PengaduanError(
      'AKSI_TIDAK_BERLAKU',
      `"${def.label}" tidak dapat dilakukan pada pengaduan ${nomor} yang berstatus "${STATUS_LABEL[from]}". Yang dapat dilakukan sekarang: ${describeActions(from)}.`,
    );
  }
  if (actor.roles.length === 0) {
    throw new PengaduanError(
      'PENGGUNA_TIDAK_TERDAFTAR',
      `${actor.email || 'Pengguna ini'} belum terdaftar dengan peran apa pun di tab Peran. Hubungi admin.`,
    );
  }
  const role = actor.roles.find((r) => allowed.includes(r));
  if (!role) throw roleRefusal(def.label, allowed, actor);
  const { values, problems } = validateFields(def.inputs, inputs);
  if (problems.length > 0) {
    throw new PengaduanError('MASUKAN_TIDAK_VALID', `Masukan untuk "${def.label}" belum benar: ${describeProblems(problems)}.`, { problems });
  }
  const outcome = def.rule({ record, values, now, rules });
  if (outcome.problems && outcome.problems.length > 0) {
    throw new PengaduanError('MASUKAN_TIDAK_VALID', `Masukan untuk "${def.label}" belum benar: ${describeProblems(outcome.problems)}.`, {
      problems: outcome.problems,
    });
  }

  const tooLong = Object.entries(outcome.writes ?? {}).flatMap(([key, value]) => {
    const column = REGISTER_COLUMNS.find((c) => c.key === key);
    const max = column?.maxLength ?? MAX_CELL;
    return typeof value === 'string' && value.length > max ? [{ field: column?.header ?? key, message: `terlalu panjang untuk satu sel (${value.length} karakter, paling banyak ${max}); ringkas isiannya` }] : [];
  });
  if (tooLong.length > 0) {
    throw new PengaduanError('MASUKAN_TIDAK_VALID', `Masukan untuk "${def.label}" belum benar: ${describeProblems(tooLong)}.`, { problems: tooLong });
  }
  const next = outcome.next;
  const statusChanged = next !== from;
  const waktu = formatWib(now);
  const common: RegisterPatch = {
    status: next,
    tahap: STATUS_LABEL[next],
    menunggu: WAITING_FOR[next] ? PERAN_LABEL[WAITING_FOR[next]] : '',
    jejak_status: statusChanged ? formatTimeline([...timeline, { status: next, at: now }]) : cell(record, 'jejak_status'),
    diperbarui_pada: waktu,
    diperbarui_oleh: actor.email,
    ...((FINAL_STATUS as readonly Status[]).includes(next) ? { selesai_pada: waktu } : {}),
  };
  let masukan = JSON.stringify(values);
  if (masukan.length > MAX_HISTORY_INPUT) {
    // Cut on a character boundary: half a surrogate pair is invalid in .xlsx and .docx.
    const cut = /[\uD800-\uDBFF]/.test(masukan.charAt(MAX_HISTORY_INPUT - 1)) ? MAX_HISTORY_INPUT - 1 : MAX_HISTORY_INPUT;
    masukan = `${masukan.slice(0, cut)}… (dipotong; isi lengkap ada di tab Pengaduan)`;
  }

  const effects: Effect[] = [{ type: 'writeColumns', values: { ...outcome.writes, ...common } }];
  if (outcome.assign) effects.push(outcome.assign);
  effects.push({
    type: 'appendHistory',
    entry: {
      waktu,
      nomor,
      aksi,
      dari_status: from,
      ke_status: next,
      oleh_email: actor.email,
      oleh_nama: actor.nama ?? '',
      oleh_peran: role,
      masukan,
      keterangan: outcome.summary,
    },
  });
  for (const jenis of outcome.documents ?? []) effects.push({ type: 'renderDocument', jenis });
  const waiting = WAITING_FOR[next];
  if (statusChanged && waiting && waiting !== role) {
    effects.push({
      type: 'notify',
      to: { peran: waiting },
      subject: `Pengaduan ${nomor} menunggu tindakan Anda: ${STATUS_LABEL[next]}`,
      body:
        `${outcome.summary}\n\nPengaduan ${nomor} kini berstatus "${STATUS_LABEL[next]}" dan menunggu tindakan ${PERAN_LABEL[waiting]}: ` +
        `${describeActions(next)}.\nBuka register pengaduan untuk menindaklanjuti.`,
    });
  }
  if (outcome.toComplainant) effects.push({ type: 'notify', to: { pelapor: true }, ...outcome.toComplainant });
  return { nomor, aksi, from, next, role, effects };
}

export type { RegisterKey };
