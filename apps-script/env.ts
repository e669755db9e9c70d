/**
 * What the script reads from its surroundings: the clock, randomness, the script's settings
 * (Script Properties, written only by Admin menu items), the current user, and the lock.
 * Everything else is in core/ and takes these as parameters.
 */
import type { Clock } from '../core/register.js';
import { PengaduanError } from '../core/errors.js';

/** Script Properties this project uses. */
export const PROP = {
  /** URL of the `dokumen` Cloud Function (https://…run.app). */
  dokumenUrl: 'PENGADUAN_DOKUMEN_URL',
  /** ID of the Google Form made by Setup. */
  formId: 'PENGADUAN_FORM_ID',
  /** The account the installable triggers run as (the first admin to run Setup). */
  pemicuOleh: 'PENGADUAN_PEMICU_OLEH',
  /** The WIB date the daily reminders last went out. */
  pengingatTanggal: 'PENGADUAN_PENGINGAT_TANGGAL',
  /** When a daily run started and has not finished (epoch ms). */
  harianBerjalan: 'PENGADUAN_HARIAN_BERJALAN',
  /** The last row the register's protections, lists and colours cover. */
  barisTerlindungi: 'PENGADUAN_BARIS_TERLINDUNGI',
} as const;

/** Prefix of the properties that remember which dialog registered which complaint (a day long). */
export const PROP_PERMINTAAN = 'PENGADUAN_PERMINTAAN:';
/** Prefix of the properties that remember a Form response reported as not registrable. */
export const PROP_TIDAK_TERCATAT = 'PENGADUAN_TIDAK_TERCATAT:';

export function scriptProperty(key: string): string {
  return (PropertiesService.getScriptProperties().getProperty(key) ?? '').trim();
}

export function setScriptProperty(key: string, value: string): void {
  PropertiesService.getScriptProperties().setProperty(key, value);
}

/** UUIDs come from a secure generator; bytes 6 and 8 hold the version and variant bits, so they are skipped. */
function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  let filled = 0;
  while (filled < n) {
    const hex = Utilities.getUuid().replace(/-/g, '');
    for (let i = 0; i < 16 && filled < n; i++) {
      if (i === 6 || i === 8) continue;
      out[filled++] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
    }
  }
  return out;
}

export function clock(): Clock {
  return { now: Date.now(), randomBytes };
}

/** The signed-in user's e-mail, lower case ('' when Google does not reveal it). */
export function currentUser(): string {
  return Session.getActiveUser().getEmail().trim().toLowerCase();
}

/** The signed-in user, or a refusal saying why the script cannot tell who it is. */
export function requireUser(): string {
  const email = currentUser();
  if (email === '') {
    throw new PengaduanError(
      'PENGGUNA_TIDAK_TERDAFTAR',
      'Google tidak memberi tahu e-mail Anda kepada skrip ini. Masuklah dengan akun kantor (bukan mode tamu), muat ulang spreadsheet, lalu coba lagi.',
    );
  }
  return email;
}

const LOCK_WAIT_MS = 30_000;

/** Runs `fn` holding the script lock; the lock is released whatever happens. */
export function withLock<T>(fn: () => T): T {
  const lock = LockService.getScriptLock();
  try {
    lock.waitLock(LOCK_WAIT_MS);
  } catch {
    throw new PengaduanError('REGISTER_TERKUNCI', 'Register sedang dipakai proses lain selama lebih dari 30 detik. Tunggu sebentar, lalu coba lagi; tidak ada yang berubah.');
  }
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}

export function spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** The message of anything thrown, for logs and the people who must act on it. */
export function messageOf(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).slice(0, 500);
}
