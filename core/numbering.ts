/**
 * Registration, invitation and Berita Acara numbers: a per-year sequence rendered through a
 * format the office configures (`PGD-{tahun}-{urut:4}`, `{urut:3}/BA-PGD/{instansi}/{bulan_romawi}/{tahun}`).
 * A number is never reused: the next sequence is one past the larger of the stored counter and
 * the highest number already in the register, so neither a deleted row nor a reset counter can
 * bring a number back. Also the citizen's access code, from an injected source of randomness.
 */
import { PengaduanError } from './errors.js';
import { civilFromDay } from './time.js';

export const SERI_NOMOR = ['registrasi', 'undangan', 'ba'] as const;
export type SeriNomor = (typeof SERI_NOMOR)[number];

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'] as const;
export function romanMonth(month: number): string {
  return ROMAN[month - 1] ?? '';
}

const TOKEN = /\{([a-z_]+)(?::(\d))?\}/g;
const KNOWN_TOKENS = new Set(['urut', 'tahun', 'bulan', 'bulan_romawi', 'instansi']);
const LITERAL_OK = /^[A-Za-z0-9./_ -]*$/;

/** Checks a number format; returns Indonesian problems (empty when fine). */
export function formatProblems(format: string): string[] {
  const problems: string[] = [];
  const tokens = [...format.matchAll(TOKEN)].map((m) => m[1] ?? '');
  for (const t of tokens) if (!KNOWN_TOKENS.has(t)) problems.push(`unsur {${t}} tidak dikenal`);
  if (tokens.filter((t) => t === 'urut').length !== 1) problems.push('harus memuat {urut} tepat satu kali');
  if (!tokens.includes('tahun')) problems.push('harus memuat {tahun}, karena nomor urut dimulai lagi setiap tahun');
  if (!LITERAL_OK.test(format.replace(TOKEN, ''))) problems.push('hanya boleh memuat huruf, angka, spasi, dan tanda . / _ -');
  if (format.length > 80) problems.push('terlalu panjang');
  return problems;
}

function assertFormat(format: string): void {
  const problems = formatProblems(format);
  if (problems.length > 0) {
    throw new PengaduanError('FORMAT_NOMOR_TIDAK_VALID', `Format nomor "${format}" tidak valid: ${problems.join('; ')}.`);
  }
}

export interface NumberContext {
  readonly seq: number;
  /** The WIB day number the number is issued on. */
  readonly day: number;
  readonly instansi: string;
}

export function formatNumber(format: string, ctx: NumberContext): string {
  assertFormat(format);
  const { y, m } = civilFromDay(ctx.day);
  return format.replace(TOKEN, (_all, name: string, width: string | undefined) => {
    switch (name) {
      case 'urut':
        return String(ctx.seq).padStart(Number(width ?? '1'), '0');
      case 'tahun':
        return String(y);
      case 'bulan':
        return String(m).padStart(2, '0');
      case 'bulan_romawi':
        return romanMonth(m);
      default:
        return ctx.instansi;
    }
  });
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A matcher that recovers the sequence of numbers issued in `year` under `format`. */
export function sequenceReader(format: string, year: number, instansi: string): (nomor: string) => number | undefined {
  assertFormat(format);
  let pattern = '';
  let last = 0;
  for (const m of format.matchAll(TOKEN)) {
    pattern += escapeRe(format.slice(last, m.index));
    const name = m[1];
    if (name === 'urut') pattern += '(\\d+)';
    else if (name === 'tahun') pattern += String(year);
    else if (name === 'bulan') pattern += '\\d{2}';
    else if (name === 'bulan_romawi') pattern += '[IVX]+';
    else pattern += escapeRe(instansi);
    last = (m.index ?? 0) + m[0].length;
  }
  pattern += escapeRe(format.slice(last));
  const re = new RegExp(`^${pattern}$`);
  return (nomor) => {
    const hit = re.exec(nomor.trim());
    return hit ? Number(hit[1]) : undefined;
  };
}

/** The next sequence for `year`: one past the stored counter and every number already issued. */
export function nextSequence(format: string, year: number, instansi: string, counter: number, issued: Iterable<string>): number {
  const read = sequenceReader(format, year, instansi);
  let max = Math.max(0, Math.floor(counter) || 0);
  for (const n of issued) {
    const seq = read(n);
    if (seq !== undefined && seq > max) max = seq;
  }
  return max + 1;
}

/**
 * Whether a number typed by hand collides with one already issued: the same text, or the same
 * sequence of the same year under the office's format (`1/BA-…/III/2026` and `001/BA-…/IV/2026`
 * are both number 1 of 2026). Returns the owner of the collision, or undefined.
 */
export function numberConflict(
  given: string,
  issued: Iterable<{ readonly nomor: string; readonly owner: string }>,
  format: string,
  year: number,
  instansi: string,
): string | undefined {
  const read = sequenceReader(format, year, instansi);
  const wanted = read(given);
  const text = given.trim();
  for (const n of issued) {
    if (n.nomor.trim() === text) return n.owner;
    if (wanted !== undefined && read(n.nomor) === wanted) return n.owner;
  }
  return undefined;
}

/** Access-code alphabet: no 0/O, 1/I/L, so a code read over the phone is not misheard. */
export const KODE_AKSES_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const KODE_AKSES_LENGTH = 6;

/** A 6-character access code; `randomBytes` is the injected entropy (crypto in adapters). */
export function accessCode(randomBytes: (n: number) => Uint8Array): string {
  const alphabet = KODE_AKSES_ALPHABET;
  const limit = 256 - (256 % alphabet.length); // reject bytes that would bias the choice
  let code = '';
  while (code.length < KODE_AKSES_LENGTH) {
    for (const b of randomBytes(16)) {
      if (b < limit && code.length < KODE_AKSES_LENGTH) code += alphabet[b % alphabet.length];
    }
  }
  return code;
}

/** Compares access codes ignoring case, spaces and dashes, in time independent of the position of a mismatch. */
export function accessCodeMatches(stored: string, given: string): boolean {
  const a = stored.replace(/[\s-]/g, '').toUpperCase();
  const b = given.replace(/[\s-]/g, '').toUpperCase();
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0 && a.length > 0;
}
