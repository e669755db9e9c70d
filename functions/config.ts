/**
 * The functions' configuration: read from environment variables once, at start, and validated
 * as a whole, so a deployment with a missing or mistyped setting fails at once with one message
 * listing every problem (in Indonesian, for the administrator) instead of failing on the first
 * request. `.env.example` documents every variable.
 */
import path from 'node:path';
import { PengaduanError } from '../core/errors.js';
import { normalizeEmail } from '../core/fields.js';
import { tryParseInstant } from '../core/time.js';

export type Backend = 'lokal' | 'google';
export type AuthMode = 'lokal' | 'google';

export interface Config {
  /** `lokal`: the .xlsx register and a local folder; `google`: Sheets and Drive. */
  readonly backend: Backend;
  /** `google`: an identity token verified on every call; `lokal`: the `X-Pengaduan-Sebagai` header (loopback only). */
  readonly auth: AuthMode;
  /** The local register file (absolute). */
  readonly register: string;
  /** The local templates folder, when not the shipped one. */
  readonly templateDir: string | undefined;
  readonly spreadsheetId: string;
  /** The Shared Drive folder for documents. */
  readonly driveFolderId: string;
  /** A Drive folder with templates that only administrators can edit (optional). */
  readonly templateFolderId: string | undefined;
  /** Audiences accepted in identity tokens. */
  readonly audiences: readonly string[];
  /** Service accounts (Cloud Scheduler) allowed to run the SLA sweep besides staff with the admin role. */
  readonly schedulers: readonly string[];
  /** Status look-ups per client per minute. */
  readonly statusPerMinute: number;
  /** Wrong access codes per registration number per hour before look-ups of it pause. */
  readonly statusWrongPerHour: number;
  /** How long a status look-up may reuse the register it read (seconds). */
  readonly statusCacheSeconds: number;
  /** The origin allowed to call `status` from a browser (`*` for any). */
  readonly corsOrigin: string;
  /** Where the local server listens. */
  readonly host: string;
  readonly port: number;
  /** A fixed "now" (tests and demonstrations only; refused on Cloud Run). */
  readonly fixedNow: number | undefined;
  /** Make a PDF of every document (Drive conversion; locally LibreOffice when asked per request). */
  readonly pdf: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

/** The local register when PENGADUAN_REGISTER names none (the command line's default too). */
export const DEFAULT_REGISTER = path.join('data', 'register-pengaduan.xlsx');

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const ID = /^[A-Za-z0-9_-]{10,200}$/;

/**
 * A value quoted in a message: at most `max` characters (whole characters, never half an emoji),
 * with line breaks and other control characters shown as spaces, so a value cannot add lines
 * of its own to the message.
 */
export function shown(value: string, max: number): string {
  const chars = [...value.replace(/[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu, ' ')];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Parses and checks the whole configuration; throws KONFIGURASI_TIDAK_VALID listing every problem. */
export function parseConfig(env: Env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const text = (name: string): string => (env[name] ?? '').trim();
  const onCloudRun = text('K_SERVICE') !== '';

  const backendText = (text('PENGADUAN_BACKEND') || 'lokal').toLowerCase();
  if (backendText !== 'lokal' && backendText !== 'google') problems.push(`PENGADUAN_BACKEND harus "lokal" atau "google", bukan "${shown(backendText, 40)}".`);
  const backend: Backend = backendText === 'google' ? 'google' : 'lokal';

  const authText = (text('PENGADUAN_AUTH') || backend).toLowerCase();
  if (authText !== 'lokal' && authText !== 'google') problems.push(`PENGADUAN_AUTH harus "google" atau "lokal", bukan "${shown(authText, 40)}".`);
  const auth: AuthMode = authText === 'lokal' ? 'lokal' : 'google';

  const host = text('PENGADUAN_HOST') || (onCloudRun ? '0.0.0.0' : '127.0.0.1');
  const portText = text('PORT') || '8080';
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 0 && port <= 65535)) problems.push(`PORT harus nomor port 0–65535, bukan "${shown(portText, 20)}".`);

  if (onCloudRun && backend === 'lokal') {
    problems.push('PENGADUAN_BACKEND=google wajib di Cloud Run: register .xlsx lokal akan hilang setiap kali instance berhenti.');
  } else if (auth === 'lokal') {
    if (onCloudRun) problems.push('PENGADUAN_AUTH=lokal tidak boleh dipakai di Cloud Run: setiap permintaan harus membawa token identitas Google.');
    else if (!LOOPBACK.has(host)) problems.push(`PENGADUAN_AUTH=lokal hanya untuk server di komputer sendiri (PENGADUAN_HOST 127.0.0.1), bukan "${shown(host, 60)}".`);
  }

  const spreadsheetId = text('PENGADUAN_SPREADSHEET_ID');
  const driveFolderId = text('PENGADUAN_DRIVE_FOLDER_ID');
  const templateFolderId = text('PENGADUAN_TEMPLATE_FOLDER_ID') || undefined;
  if (backend === 'google') {
    if (!ID.test(spreadsheetId)) problems.push('PENGADUAN_SPREADSHEET_ID wajib diisi dengan ID spreadsheet register (bagian URL di antara /d/ dan /edit).');
    if (!ID.test(driveFolderId)) problems.push('PENGADUAN_DRIVE_FOLDER_ID wajib diisi dengan ID folder dokumen di Shared Drive (bagian URL setelah /folders/).');
    if (templateFolderId !== undefined && !ID.test(templateFolderId)) problems.push('PENGADUAN_TEMPLATE_FOLDER_ID bukan ID folder Google Drive yang valid.');
  }

  const audiences = list(env.PENGADUAN_AUDIENCE);
  if (auth === 'google' && audiences.length === 0) {
    problems.push('PENGADUAN_AUDIENCE wajib diisi: Client ID OAuth proyek Apps Script (audience token ScriptApp.getIdentityToken) dan/atau URL fungsi (audience token Cloud Scheduler), dipisahkan koma.');
  }
  const schedulers = list(env.PENGADUAN_PENJADWAL).map((e) => e.toLowerCase());
  const badSchedulers = schedulers.filter((e) => normalizeEmail(e) === undefined);
  for (const e of badSchedulers.slice(0, 3)) problems.push(`PENGADUAN_PENJADWAL: "${shown(e, 60)}" bukan alamat e-mail akun layanan.`);
  if (badSchedulers.length > 3) problems.push(`PENGADUAN_PENJADWAL: ${badSchedulers.length - 3} alamat lain juga bukan e-mail akun layanan.`);

  const count = (name: string, fallback: number, max: number, min = 0): number => {
    const v = text(name);
    if (v === '') return fallback;
    if (!/^\d{1,6}$/.test(v) || Number(v) > max || Number(v) < min) {
      problems.push(`${name} harus bilangan bulat ${min}–${max}, bukan "${shown(v, 20)}".`);
      return fallback;
    }
    return Number(v);
  };
  // At least 1: a limit of 0 would turn every citizen away with "too many requests".
  const statusPerMinute = count('PENGADUAN_STATUS_PER_MENIT', 10, 10_000, 1);
  const statusWrongPerHour = count('PENGADUAN_STATUS_SALAH_PER_JAM', 5, 1_000, 1);
  const statusCacheSeconds = count('PENGADUAN_STATUS_CACHE_DETIK', backend === 'google' ? 60 : 5, 3_600);

  const fixedText = text('PENGADUAN_WAKTU');
  let fixedNow: number | undefined;
  if (fixedText !== '') {
    fixedNow = tryParseInstant(fixedText);
    if (fixedNow === undefined) problems.push(`PENGADUAN_WAKTU "${shown(fixedText, 40)}" bukan waktu ISO 8601 yang valid.`);
    if (onCloudRun) problems.push('PENGADUAN_WAKTU hanya untuk uji dan demonstrasi; hapus dari konfigurasi Cloud Run.');
  }

  const pdfText = (text('PENGADUAN_PDF') || (backend === 'google' ? 'ya' : 'tidak')).toLowerCase();
  if (pdfText !== 'ya' && pdfText !== 'tidak') problems.push(`PENGADUAN_PDF harus "ya" atau "tidak", bukan "${shown(pdfText, 20)}".`);

  const registerText = text('PENGADUAN_REGISTER') || DEFAULT_REGISTER;
  if (backend === 'lokal' && !/\.xlsx$/i.test(registerText)) problems.push(`PENGADUAN_REGISTER harus berkas .xlsx, bukan "${shown(registerText, 60)}".`);

  if (problems.length > 0) {
    throw new PengaduanError('KONFIGURASI_TIDAK_VALID', `Konfigurasi fungsi tidak valid (lihat .env.example):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  return {
    backend,
    auth,
    register: path.resolve(cwd, registerText),
    templateDir: text('PENGADUAN_TEMPLATE_DIR') ? path.resolve(cwd, text('PENGADUAN_TEMPLATE_DIR')) : undefined,
    spreadsheetId,
    driveFolderId,
    templateFolderId,
    audiences,
    schedulers,
    statusPerMinute,
    statusWrongPerHour,
    statusCacheSeconds,
    corsOrigin: text('PENGADUAN_CORS_ORIGIN') || '*',
    host,
    port,
    fixedNow,
    pdf: pdfText === 'ya',
  };
}
