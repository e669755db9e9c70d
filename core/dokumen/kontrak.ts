/**
 * The contract between the `.docx` templates (templates/) and the view-models that fill them:
 * for each template, every field it may use, with its kind. It is data, so one description serves
 * three purposes: the view-model types are derived from it (a builder that forgets a field does
 * not compile), the template check reads it (a template may only name fields listed here, and must
 * use the ones marked required), and the renderer checks a view-model against it before filling.
 *
 * Templates speak a deliberately small language, so that a template edited by staff cannot run
 * code: `{{field.path}}` inserts text, `{{FOR x IN list}}…{{$x.field}}…{{END-FOR x}}` repeats,
 * `{{IF flag}}…{{END-IF}}` shows a part when a yes/no field is true, `{{IMAGE kop.logo}}` places the
 * logo. No expressions, no operators, no function calls (see perintah.ts).
 */
import type { JenisDokumen } from '../../sheets-schema/index.js';

export type Kind = 'teks' | 'benar' | 'gambar' | { readonly daftar: Shape } | { readonly objek: Shape };
export interface Shape {
  readonly [field: string]: Kind;
}

/** An image for the IMAGE command (docx-templates' shape): size in centimetres. */
export interface Gambar {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
  readonly extension: '.png' | '.jpg' | '.jpeg' | '.gif';
}

export type ValueOf<K extends Kind> = K extends 'teks'
  ? string
  : K extends 'benar'
    ? boolean
    : K extends 'gambar'
      ? Gambar | null
      : K extends { readonly daftar: infer S extends Shape }
        ? ViewOf<S>[]
        : K extends { readonly objek: infer S extends Shape }
          ? ViewOf<S>
          : never;
export type ViewOf<S extends Shape> = { readonly [F in keyof S]: ValueOf<S[F]> };

// Parts shared by every document.
const KOP = {
  objek: {
    pemda: 'teks', // PEMERINTAH KOTA PAYAKUMBUH
    instansi: 'teks', // DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU
    alamat: 'teks',
    kontak: 'teks', // Telepon … · E-mail … · Laman …
    ada_logo: 'benar',
    logo: 'gambar',
  },
} as const satisfies Kind;

/** A signature block: "a.n. Kepala Dinas …," (when signed for), position, name, NIP. */
const TTD = {
  objek: {
    ada_atas_nama: 'benar',
    atas_nama: 'teks', // a.n. KEPALA DINAS …,
    jabatan: 'teks', // KEPALA DINAS … / SEKRETARIS,
    nama: 'teks',
    nip: 'teks', // NIP. 19700101 199503 1 001, or '' when unknown
  },
} as const satisfies Kind;

const PELAPOR = { objek: { nama: 'teks', nik: 'teks', alamat: 'teks', telepon: 'teks', email: 'teks', kontak: 'teks' } } as const satisfies Kind;
const USAHA = { objek: { nama: 'teks', alamat: 'teks', bidang: 'teks', izin: 'teks', lokasi: 'teks' } } as const satisfies Kind;
/** A checklist line: ☑ or ☐ and the item. */
const CENTANG = { daftar: { tanda: 'teks', nama: 'teks' } } as const satisfies Kind;

const COMMON = {
  kop: KOP,
  /** "Payakumbuh, 26 November 2026". */
  tempat_tanggal: 'teks',
  nomor_registrasi: 'teks',
} as const satisfies Shape;

export const KONTRAK = {
  tanda_terima: {
    ...COMMON,
    kode_akses: 'teks',
    diterima: 'teks', // Kamis, 26 November 2026 pukul 09.15 WIB
    kanal: 'teks',
    ada_nomor_lapor: 'benar',
    nomor_lapor: 'teks',
    pelapor: PELAPOR,
    usaha: USAHA,
    ringkasan: 'teks',
    persyaratan: CENTANG,
    persyaratan_keterangan: 'teks',
    tenggat: 'teks', // Kamis, 2 April 2026
    hari_sla: 'teks', // 7 (tujuh) hari kerja
    cek_status: 'teks',
    layanan: 'teks', // telepon/WhatsApp, Instagram
    ada_petugas: 'benar',
    elektronik: 'benar',
    petugas: TTD,
  },
  lembar_pengaduan: {
    ...COMMON,
    diterima: 'teks',
    kanal: 'teks',
    ada_nomor_lapor: 'benar',
    nomor_lapor: 'teks',
    dicatat_oleh: 'teks',
    pelapor: PELAPOR,
    usaha: USAHA,
    isi: 'teks',
    harapan: 'teks',
    bukti: 'teks',
    persyaratan: CENTANG,
    catatan_pemeriksaan: 'teks',
    tenggat: 'teks',
    tahap: 'teks',
    kategori: CENTANG,
    alasan_kategori: 'teks',
    petugas: TTD,
    subkoordinator: TTD,
  },
  lembar_disposisi: {
    ...COMMON,
    diterima: 'teks',
    asal: 'teks',
    perihal: 'teks',
    sifat: CENTANG,
    kategori: 'teks',
    tenggat: 'teks',
    diteruskan_kepada: 'teks',
    harap: CENTANG,
    isi_disposisi: 'teks',
    tanggal_disposisi: 'teks',
    kepala: TTD,
  },
  undangan_rapat: {
    ...COMMON,
    nomor: 'teks',
    sifat: 'teks',
    lampiran: 'teks',
    perihal: 'teks',
    kepada: { daftar: { no: 'teks', nama: 'teks', instansi: 'teks' } },
    pembuka: 'teks',
    rapat: { objek: { hari_tanggal: 'teks', waktu: 'teks', tempat: 'teks', agenda: 'teks' } },
    penutup: 'teks',
    penandatangan: TTD,
    tembusan: { daftar: { no: 'teks', nama: 'teks' } },
  },
  berita_acara: {
    ...COMMON,
    draf: 'benar',
    final: 'benar',
    tanda_draf: 'teks',
    nomor: 'teks',
    pembukaan: 'teks',
    pengaduan: {
      objek: { diterima: 'teks', pelapor: 'teks', usaha: 'teks', alamat_usaha: 'teks', isi: 'teks' },
    },
    peserta: { daftar: { no: 'teks', nama: 'teks', instansi: 'teks', ttd_kiri: 'teks', ttd_kanan: 'teks' } },
    pembahasan: 'teks',
    kesimpulan: 'teks',
    ada_tindak_lanjut: 'benar',
    tindak_lanjut: { daftar: { no: 'teks', uraian: 'teks', pelaksana: 'teks', tenggat: 'teks' } },
    penutup: 'teks',
    paraf: { daftar: { no: 'teks', jabatan: 'teks', nama: 'teks', tanggal: 'teks' } },
    kepala: TTD,
  },
} as const satisfies Record<string, Shape>;

export type NamaTemplate = keyof typeof KONTRAK;
export type ViewModel<T extends NamaTemplate> = ViewOf<(typeof KONTRAK)[T]>;

/** The template each document is filled from: the draft and the final Berita Acara share one. */
export const TEMPLATE_OF: Record<JenisDokumen, NamaTemplate> = {
  tanda_terima: 'tanda_terima',
  lembar_pengaduan: 'lembar_pengaduan',
  lembar_disposisi: 'lembar_disposisi',
  undangan_rapat: 'undangan_rapat',
  berita_acara_draf: 'berita_acara',
  berita_acara: 'berita_acara',
};

/** The template's file name in templates/. */
export const TEMPLATE_FILE: Record<NamaTemplate, string> = {
  tanda_terima: 'tanda-terima.docx',
  lembar_pengaduan: 'lembar-pengaduan.docx',
  lembar_disposisi: 'lembar-disposisi.docx',
  undangan_rapat: 'undangan-rapat.docx',
  berita_acara: 'berita-acara.docx',
};

/**
 * Fields a template must use: a Tanda Terima without its number and access code, or a Berita
 * Acara without its participants, is not the document the SOP requires, whatever staff did to it.
 */
export const WAJIB: { readonly [T in NamaTemplate]: readonly string[] } = {
  tanda_terima: ['nomor_registrasi', 'kode_akses', 'diterima', 'tenggat', 'pelapor.nama', 'ringkasan'],
  lembar_pengaduan: ['nomor_registrasi', 'pelapor.nama', 'isi'],
  lembar_disposisi: ['nomor_registrasi', 'isi_disposisi', 'kepala.nama'],
  undangan_rapat: ['nomor', 'rapat.hari_tanggal', 'rapat.waktu', 'rapat.tempat', 'rapat.agenda', 'penandatangan.nama'],
  berita_acara: ['nomor', 'pembukaan', 'peserta', 'pembahasan', 'kesimpulan', 'kepala.nama', 'tanda_draf'],
};

/** The kind of a field path (`pelapor.nama`) in a shape, or undefined when there is no such field. */
export function kindAt(shape: Shape, path: readonly string[]): Kind | undefined {
  let kind: Kind = { objek: shape };
  for (const part of path) {
    if (typeof kind !== 'object' || !('objek' in kind)) return undefined;
    const fields: Shape = kind.objek;
    if (!Object.hasOwn(fields, part)) return undefined;
    kind = fields[part] as Kind;
  }
  return kind;
}

/**
 * Checks a view-model against its shape: every field present with a value of its kind, nothing
 * else. Returns the problems (empty when it conforms); the renderer refuses a view that does not.
 */
export function shapeProblems(value: unknown, shape: Shape, where = ''): string[] {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${where || 'data'}: bukan objek`];
  const obj = value as Record<string, unknown>;
  for (const [field, kind] of Object.entries(shape)) {
    const at = where ? `${where}.${field}` : field;
    const v = obj[field];
    if (!Object.hasOwn(obj, field)) problems.push(`${at}: tidak ada`);
    else if (kind === 'teks') {
      if (typeof v !== 'string') problems.push(`${at}: harus teks`);
    } else if (kind === 'benar') {
      if (typeof v !== 'boolean') problems.push(`${at}: harus ya/tidak`);
    } else if (kind === 'gambar') {
      if (v !== null && !(typeof v === 'object' && v !== null && (v as Gambar).data instanceof Uint8Array)) problems.push(`${at}: harus gambar atau kosong`);
    } else if ('daftar' in kind) {
      if (!Array.isArray(v)) problems.push(`${at}: harus daftar`);
      else v.forEach((item, i) => problems.push(...shapeProblems(item, kind.daftar, `${at}[${i}]`)));
    } else {
      problems.push(...shapeProblems(v, kind.objek, at));
    }
  }
  for (const field of Object.keys(obj)) if (!Object.hasOwn(shape, field)) problems.push(`${where ? `${where}.` : ''}${field}: tidak ada di kontrak`);
  return problems;
}

/**
 * A view with every field filled (text "x", every yes/no true so every IF part is laid out, two
 * rows in every list, no logo): filling a template with it shows layout mistakes the command
 * check cannot see (two IFs on one line, a FOR split across a table) before a real document fails.
 */
export function exampleView(shape: Shape): Record<string, unknown> {
  const value = (kind: Kind): unknown =>
    kind === 'teks' ? 'x' : kind === 'benar' ? true : kind === 'gambar' ? null : 'daftar' in kind ? [exampleView(kind.daftar), exampleView(kind.daftar)] : exampleView(kind.objek);
  return Object.fromEntries(Object.entries(shape).map(([field, kind]) => [field, value(kind)]));
}
