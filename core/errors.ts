/**
 * The one error type of the domain. Every refusal carries a stable code for code (tests, exit
 * codes, HTTP statuses) and a clear Indonesian message for the user, saying what to do next.
 * Adapters turn it into a message in exactly one place each (CLI, HTTP handler, dialog).
 */
/** Refusals of the procedure or of the data: the user can correct them; nothing changed. */
const USER_CODES = [
  'AKSI_TIDAK_DIKENAL',
  'AKSI_TIDAK_BERLAKU',
  'PERAN_TIDAK_BERWENANG',
  'PENGGUNA_TIDAK_TERDAFTAR',
  'MASUKAN_TIDAK_VALID',
  'STATUS_TIDAK_DIKENAL',
  'KALENDER_TIDAK_TERSEDIA',
  'TANGGAL_TIDAK_VALID',
  'DATA_PENGADUAN_TIDAK_VALID',
  'FORMAT_NOMOR_TIDAK_VALID',
  'NOMOR_SUDAH_DIPAKAI',
  'PENGADUAN_TIDAK_DITEMUKAN',
  'PENGADUAN_GANDA',
  'ARGUMEN_TIDAK_VALID',
  'DOKUMEN_BELUM_TERSEDIA',
  'JENIS_DOKUMEN_TIDAK_DIKENAL',
  'TIDAK_TERAUTENTIKASI',
  'TERLALU_BANYAK_PERMINTAAN',
  'METODE_TIDAK_DIDUKUNG',
  'REGISTER_BERUBAH',
] as const;

/** Problems of the register, its file or its settings: they need an administrator. */
export const ADMIN_ERROR_CODES = [
  'PENGATURAN_TIDAK_VALID',
  'TAB_TIDAK_DITEMUKAN',
  'KOLOM_TIDAK_DITEMUKAN',
  'REGISTER_RUSAK',
  'REGISTER_TERKUNCI',
  'BERKAS_TIDAK_DITEMUKAN',
  'BERKAS_TIDAK_DAPAT_DIAKSES',
  'TEMPLATE_TIDAK_VALID',
  'PDF_TIDAK_TERSEDIA',
  'KONFIGURASI_TIDAK_VALID',
  'LAYANAN_TIDAK_TERSEDIA',
] as const;

export const ERROR_CODES = [...USER_CODES, ...ADMIN_ERROR_CODES] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one field, for forms and dialogs to show next to the field. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export class PengaduanError extends Error {
  readonly code: ErrorCode;
  readonly problems: readonly FieldProblem[];
  constructor(code: ErrorCode, message: string, options: { problems?: readonly FieldProblem[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PengaduanError';
    this.code = code;
    this.problems = options.problems ?? [];
  }
}

export function isPengaduanError(e: unknown): e is PengaduanError {
  return e instanceof PengaduanError;
}


/** Problems as one readable Indonesian message: "Nama: wajib diisi; E-mail: tidak valid". */
export function describeProblems(problems: readonly FieldProblem[]): string {
  return problems.map((p) => `${p.field}: ${p.message}`).join('; ');
}
