/**
 * The Google Form's questions, derived from the register's columns: the question writes into the
 * column of the same key, so titles, required flags, choices and length limits are never retyped.
 * Apps Script's setup builds the Form from this list; intake maps answers back by `key`.
 */
import type { Column } from './columns.js';
import { REGISTER_COLUMNS, type RegisterKey } from './tabs.js';

export type FormItemType = 'TEXT' | 'PARAGRAPH_TEXT' | 'LIST' | 'CHECKBOX' | 'SECTION';

export interface FormQuestion {
  readonly key: RegisterKey;
  readonly title: string;
  readonly help: string;
  readonly type: FormItemType;
  readonly required: boolean;
  readonly choices?: readonly string[];
  readonly maxLength?: number;
  /** Validation the Form applies before submit (the server validates again). */
  readonly validation?: 'email' | 'telepon' | 'nik';
}

interface QuestionSpec {
  readonly key: RegisterKey;
  readonly help: string;
  readonly title?: string;
  readonly required?: boolean;
}

export interface FormSection {
  readonly title: string;
  readonly help: string;
  readonly questions: readonly QuestionSpec[];
}

/** Sections of the Form, in order. Titles default to the column header. */
const SECTIONS: readonly FormSection[] = [
  {
    title: 'Identitas Pelapor',
    help: 'Data pribadi Anda hanya dipakai untuk menangani pengaduan ini dan tidak dipublikasikan.',
    questions: [
      { key: 'nama_pelapor', title: 'Nama lengkap', help: 'Sesuai KTP.' },
      { key: 'nik_pelapor', title: 'NIK', help: '16 digit nomor induk kependudukan (boleh dikosongkan).' },
      { key: 'alamat_pelapor', title: 'Alamat', help: 'Alamat tempat tinggal.' },
      { key: 'telepon_pelapor', title: 'Nomor telepon/WhatsApp', help: 'Contoh: 081234567890.' },
      { key: 'email_pelapor', title: 'Alamat e-mail', help: 'Tanda terima dan kabar penanganan dikirim ke sini.' },
    ],
  },
  {
    title: 'Yang Diadukan',
    help: 'Usaha, kegiatan, atau perizinan yang Anda adukan.',
    questions: [
      { key: 'nama_usaha', title: 'Nama usaha/kegiatan', help: 'Nama usaha atau kegiatan yang diadukan, bila diketahui.' },
      { key: 'alamat_usaha', title: 'Alamat usaha/kegiatan', help: 'Lokasi usaha atau kegiatan.' },
      { key: 'kelurahan', title: 'Kelurahan', help: 'Kelurahan lokasi usaha atau kegiatan.' },
      { key: 'kecamatan', title: 'Kecamatan', help: 'Kecamatan lokasi usaha atau kegiatan.' },
      { key: 'bidang_usaha', title: 'Bidang usaha', help: 'Pilih yang paling sesuai.' },
      { key: 'jenis_izin', title: 'Izin yang berkaitan', help: 'Jika diketahui, misalnya PBG atau izin usaha.' },
    ],
  },
  {
    title: 'Pengaduan',
    help: 'Sampaikan apa yang terjadi, sejak kapan, dan dampaknya bagi Anda.',
    questions: [
      { key: 'isi_pengaduan', title: 'Isi pengaduan', help: 'Uraikan selengkap mungkin.' },
      { key: 'harapan', title: 'Harapan Anda', help: 'Penyelesaian yang Anda harapkan.' },
      {
        key: 'bukti',
        title: 'Bukti pendukung',
        help: 'Tautan foto/dokumen (Google Drive, dsb.) atau keterangan bukti yang akan diserahkan. Surat pengaduan bertanda tangan yang diketahui Lurah, RT, RW, Ketua LPM, Ketua Pemuda, Babinkamtibmas dan tokoh masyarakat diserahkan ke ruang pelayanan.',
      },
    ],
  },
];

const byKey = new Map<string, Column>(REGISTER_COLUMNS.map((c) => [c.key, c]));

function question(spec: QuestionSpec): FormQuestion {
  const column = byKey.get(spec.key);
  if (!column) throw new Error(`Form question for unknown column ${spec.key}`, { cause: { code: 'SCHEMA_FORM_UNKNOWN_COLUMN' } });
  const type: FormItemType =
    column.type === 'teks_panjang' ? 'PARAGRAPH_TEXT' : column.type === 'pilihan' ? 'LIST' : 'TEXT';
  const validation =
    column.type === 'email' ? 'email' : column.type === 'telepon' ? 'telepon' : column.key === 'nik_pelapor' ? 'nik' : undefined;
  return {
    key: spec.key,
    title: spec.title ?? column.header,
    help: spec.help,
    type,
    required: spec.required ?? column.required,
    ...(column.values ? { choices: column.values } : {}),
    ...(column.maxLength ? { maxLength: column.maxLength } : {}),
    ...(validation ? { validation } : {}),
  };
}

export const FORM = {
  title: 'Pengaduan Masyarakat DPMPTSP Kota Payakumbuh',
  description:
    'Sampaikan pengaduan tentang perizinan dan penanaman modal. Layanan ini GRATIS. ' +
    'Pengaduan ditangani paling lama 7 hari kerja. Setelah mengirim, Anda menerima nomor registrasi dan kode akses untuk mengecek status.',
  kanal: 'formulir_online',
  sections: SECTIONS.map((s) => ({ title: s.title, help: s.help, questions: s.questions.map(question) })),
  /** Shown under the description, before any question. */
  privacy:
    'Pemberitahuan privasi: nama, NIK, alamat, telepon, dan e-mail Anda hanya dipakai DPMPTSP Kota Payakumbuh untuk menangani pengaduan ini, ' +
    'tidak dipublikasikan, dan hanya dibagikan kepada tim teknis atau OPD terkait bila diperlukan untuk penyelesaiannya.',
  consent: {
    key: 'persetujuan_data' as RegisterKey,
    title: 'Persetujuan',
    text:
      'Saya menyatakan data yang saya sampaikan benar, dan menyetujui data pribadi saya digunakan oleh DPMPTSP Kota Payakumbuh ' +
      'hanya untuk menangani pengaduan ini, termasuk diteruskan kepada tim teknis dan OPD terkait bila diperlukan.',
    required: true,
  },
  confirmation:
    'Terima kasih, pengaduan Anda sudah kami terima. Nomor registrasi dan kode akses dikirim ke e-mail Anda bersama Tanda Terima. ' +
    'Petugas akan memeriksa kelengkapan persyaratan; bila ada yang kurang, kami menghubungi Anda. ' +
    'Pengaduan diselesaikan paling lama 7 hari kerja. Layanan ini tidak dipungut biaya (GRATIS).',
} as const;

export const FORM_QUESTIONS: readonly FormQuestion[] = FORM.sections.flatMap((s) => s.questions);
