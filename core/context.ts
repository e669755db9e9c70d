/**
 * The office's context for one pass over the register, built from the three tabs an administrator
 * edits by hand: settings (Pengaturan), holidays (Libur) and roles (Peran). Hand-typed tabs have
 * typos, so every rule about reading them lives here: a broken value that would make a due date
 * or a permission wrong is refused; a row that can only be ignored is ignored with a warning the
 * commands show, never silently.
 */
import { isPeran, PERAN, PERAN_LABEL, SETTINGS, type Peran } from '../sheets-schema/index.js';
import { WorkCalendar } from './calendar.js';
import { describeProblems, PengaduanError, type FieldProblem } from './errors.js';
import { normalizeEmail } from './fields.js';
import { parseSettings, type Settings } from './settings.js';
import { tryDayFromIso, yearOfDay } from './time.js';

export interface StaffMember {
  readonly email: string;
  readonly nama: string;
  readonly nip: string;
  readonly jabatan: string;
  readonly roles: Peran[];
}

export interface RegisterContext {
  readonly settings: Settings;
  readonly calendar: WorkCalendar;
  readonly staff: ReadonlyMap<string, StaffMember>;
  /** Rows and keys that were ignored, in Indonesian, for the commands to show. */
  readonly warnings: readonly string[];
}

export interface ContextRows {
  /** `unsafeNumber`: the cell held a number too long to keep every digit (an 18-digit NIP typed into a spreadsheet). */
  readonly pengaturan: readonly { rowNumber: number; kunci: string; nilai: string; unsafeNumber?: boolean }[];
  readonly libur: readonly { rowNumber: number; tanggal: string }[];
  /** `nip` as text; `nipIsNumber` when the cell held a number (a spreadsheet turns 18 digits into a rounded number). */
  readonly peran: readonly { rowNumber: number; email: string; peran: string; nama: string; nip: string; nipIsNumber?: boolean; jabatan: string; aktif: string }[];
}

const ROLE_BY_TEXT = new Map<string, Peran>([
  ...PERAN.map((p) => [p, p] as const),
  ...PERAN.map((p) => [PERAN_LABEL[p].toLowerCase(), p] as const),
]);

export function buildContext(rows: ContextRows): RegisterContext {
  const warnings: string[] = [];
  const known = new Set<string>(SETTINGS.map((s) => s.key));
  const seenAt = new Map<string, number>();
  for (const r of rows.pengaturan) {
    const k = r.kunci.trim();
    if (k !== '' && !known.has(k)) warnings.push(`Pengaturan baris ${r.rowNumber}: kunci "${k.slice(0, 40)}" tidak dikenal dan diabaikan.`);
    const first = seenAt.get(k);
    if (known.has(k) && first !== undefined) {
      warnings.push(`Pengaturan baris ${r.rowNumber}: kunci "${k}" juga ada di baris ${first}; yang dipakai baris paling bawah. Hapus salah satunya.`);
    }
    if (!seenAt.has(k)) seenAt.set(k, r.rowNumber);
    if (r.unsafeNumber) {
      warnings.push(`Pengaturan baris ${r.rowNumber}: nilai "${k.slice(0, 40)}" tersimpan sebagai angka sehingga digit terakhirnya hilang; ketik ulang sebagai teks (awali dengan tanda kutip '). Nilai itu diabaikan.`);
    }
  }
  const settings = parseSettings(rows.pengaturan.filter((r) => !r.unsafeNumber));

  const holidays: { tanggal: string }[] = [];
  const problems: FieldProblem[] = [];
  const years = new Set<number>();
  for (const r of rows.libur) {
    const tanggal = r.tanggal.trim();
    const day = tryDayFromIso(tanggal);
    if (day === undefined) problems.push({ field: `Libur baris ${r.rowNumber}`, message: `tanggal "${tanggal.slice(0, 40)}" bukan TTTT-BB-HH` });
    else {
      holidays.push({ tanggal });
      years.add(yearOfDay(day));
    }
  }
  if (problems.length > 0) {
    throw new PengaduanError('PENGATURAN_TIDAK_VALID', `Tab Libur berisi tanggal yang tidak valid: ${describeProblems(problems)}.`, { problems });
  }
  // A year is covered only when the holiday table has its dates: a range typed ahead of the data
  // ends before the first year without any, so that year's dates are never guessed.
  const { from, to } = settings.years;
  if (!years.has(from)) {
    throw new PengaduanError(
      'PENGATURAN_TIDAK_VALID',
      `Tahun kalender dimulai ${from}, tetapi tab Libur tidak berisi satu pun hari libur tahun ${from}. Tambahkan hari liburnya atau ubah "Tahun kalender" di tab Pengaturan.`,
    );
  }
  let last = from;
  while (last < to && years.has(last + 1)) last++;
  if (last < to) {
    warnings.push(
      `Tahun kalender ${from}-${to}, tetapi tab Libur belum berisi hari libur tahun ${last + 1}: kalender dipakai sampai ${last}. Tambahkan libur nasional dan cuti bersama tahun ${last + 1}.`,
    );
  }
  const calendar = new WorkCalendar({ holidays, years: { from, to: last } });

  const staff = new Map<string, StaffMember>();
  for (const r of rows.peran) {
    if ([r.email, r.peran, r.nama, r.nip, r.jabatan, r.aktif].every((v) => v.trim() === '')) continue;
    const where = `Peran baris ${r.rowNumber}`;
    const email = normalizeEmail(r.email)?.toLowerCase();
    const peran = ROLE_BY_TEXT.get(r.peran.trim().toLowerCase());
    const aktif = r.aktif.trim().toLowerCase();
    if (!email) {
      warnings.push(`${where}: e-mail "${r.email.slice(0, 60)}" tidak valid; baris diabaikan.`);
      continue;
    }
    if (!peran || !isPeran(peran)) {
      warnings.push(`${where}: peran "${r.peran.slice(0, 40)}" tidak dikenal (pilihan: ${PERAN.join(', ')}); baris diabaikan.`);
      continue;
    }
    if (aktif === 'tidak') continue;
    if (aktif !== '' && aktif !== 'ya') {
      // Deny by default: an unreadable "Aktif" never grants a role.
      warnings.push(`${where}: kolom Aktif "${r.aktif.slice(0, 20)}" harus "ya" atau "tidak"; peran ${peran} untuk ${email} tidak diberlakukan.`);
      continue;
    }
    // A NIP printed on letters must be exactly right: a rounded number or a malformed one is left blank, with a warning.
    let nip = r.nip.trim();
    if (r.nipIsNumber && nip !== '') {
      warnings.push(`${where}: NIP ${email} tersimpan sebagai angka sehingga digit terakhirnya hilang; ketik ulang sebagai teks (awali dengan tanda kutip '). NIP dikosongkan di dokumen.`);
      nip = '';
    } else if (nip !== '' && !/^\d{18}$/.test(nip.replace(/\s+/g, ''))) {
      warnings.push(`${where}: NIP "${nip.slice(0, 30)}" untuk ${email} bukan 18 digit; NIP dikosongkan di dokumen.`);
      nip = '';
    }
    const m = staff.get(email) ?? { email, nama: r.nama.trim(), nip, jabatan: r.jabatan.trim(), roles: [] };
    if (!m.roles.includes(peran)) m.roles.push(peran);
    staff.set(email, m);
  }
  return { settings, calendar, staff, warnings };
}
