/**
 * Reading the tabs an administrator types by hand: settings, holidays and roles. What would make
 * a due date or a permission wrong is refused; what can only be ignored is ignored with a warning.
 */
import { describe, expect, it } from 'vitest';
import { buildContext, type ContextRows } from '../../core/context.js';
import { dayFromIso } from '../../core/time.js';
import { DEFAULT_LIBUR } from '../../sheets-schema/index.js';
import { refusal } from '../helpers/refusal.js';

const libur = DEFAULT_LIBUR.map((h, i) => ({ rowNumber: i + 2, tanggal: h.tanggal }));
const rows = (over: Partial<ContextRows> = {}): ContextRows => ({ pengaturan: [], libur, peran: [], ...over });
const person = (rowNumber: number, email: string, peran: string, aktif = 'ya') => ({ rowNumber, email, peran, nama: 'N', nip: '', jabatan: '', aktif });

describe('the calendar years', () => {
  it('covers the whole range when every year has holidays', () => {
    const ctx = buildContext(rows());
    expect(ctx.calendar.years).toEqual({ from: 2024, to: 2027 });
    expect(ctx.warnings).toEqual([]);
  });

  it('stops before a year the range names but the Libur tab lacks, and says so', () => {
    const ctx = buildContext(rows({ pengaturan: [{ rowNumber: 16, kunci: 'tahun_kalender', nilai: '2024-2028' }] }));
    expect(ctx.calendar.years).toEqual({ from: 2024, to: 2027 });
    expect(ctx.calendar.covers(dayFromIso('2028-08-14'))).toBe(false); // Monday; 17 Aug 2028 must not be guessed
    expect(ctx.warnings.join(' ')).toContain('belum berisi hari libur tahun 2028');
  });

  it('refuses a range whose first year has no holidays at all', () => {
    const err = refusal(() => buildContext(rows({ pengaturan: [{ rowNumber: 16, kunci: 'tahun_kalender', nilai: '2023-2027' }] })));
    expect(err.code).toBe('PENGATURAN_TIDAK_VALID');
    expect(err.message).toContain('tahun 2023');
  });

  it('refuses an unreadable holiday date, naming the row', () => {
    const err = refusal(() => buildContext(rows({ libur: [...libur, { rowNumber: 200, tanggal: '17/08/2026' }] })));
    expect(err.code).toBe('PENGATURAN_TIDAK_VALID');
    expect(err.message).toContain('Libur baris 200');
  });
});

describe('the roles tab', () => {
  it('accepts a role typed as its key or its label, in any case, and merges rows of one e-mail', () => {
    const ctx = buildContext(rows({ peran: [person(2, 'Kepala@Contoh.go.id', 'Kepala Dinas'), person(3, 'kepala@contoh.go.id', 'ADMIN')] }));
    expect(ctx.staff.get('kepala@contoh.go.id')?.roles).toEqual(['kepala', 'admin']);
  });

  it.each([
    ['an unknown role', person(2, 'a@contoh.go.id', 'bupati'), 'peran "bupati" tidak dikenal'],
    ['an invalid e-mail', person(2, 'a@contoh\r\nBcc: x@y.z', 'petugas'), 'tidak valid'],
    ['an unreadable Aktif', person(2, 'a@contoh.go.id', 'petugas', 'nonaktif'), 'harus "ya" atau "tidak"'],
  ])('grants nothing for %s and warns', (_what, row, warning) => {
    const ctx = buildContext(rows({ peran: [row] }));
    expect(ctx.staff.size).toBe(0);
    expect(ctx.warnings.join(' ')).toContain(warning);
  });

  it('revokes a role marked Aktif "tidak" silently (that is its purpose)', () => {
    const ctx = buildContext(rows({ peran: [person(2, 'a@contoh.go.id', 'petugas', 'Tidak')] }));
    expect(ctx.staff.size).toBe(0);
    expect(ctx.warnings).toEqual([]);
  });
});

describe('the settings tab', () => {
  it('warns about a key it does not know instead of dropping it silently', () => {
    const ctx = buildContext(rows({ pengaturan: [{ rowNumber: 14, kunci: 'hari sla', nilai: '10' }] }));
    expect(ctx.settings.sla.days).toBe(7);
    expect(ctx.warnings).toEqual(['Pengaturan baris 14: kunci "hari sla" tidak dikenal dan diabaikan.']);
  });
});

describe('a setting typed twice', () => {
  it('uses the lower row and warns, naming both rows', () => {
    const ctx = buildContext(rows({ pengaturan: [{ rowNumber: 14, kunci: 'hari_sla', nilai: '7' }, { rowNumber: 30, kunci: 'hari_sla', nilai: '10' }] }));
    expect(ctx.settings.sla.days).toBe(10);
    expect(ctx.warnings).toEqual(['Pengaturan baris 30: kunci "hari_sla" juga ada di baris 14; yang dipakai baris paling bawah. Hapus salah satunya.']);
  });
});

describe('NIP on the Peran and Pengaturan tabs', () => {
  const base = { pengaturan: [], libur };
  const row = (nip: string, nipIsNumber = false) => ({ rowNumber: 2, email: 'k@contoh.go.id', peran: 'kepala', nama: 'K', nip, nipIsNumber, jabatan: '', aktif: 'ya' });

  it('keeps an 18-digit NIP typed as text', () => {
    const ctx = buildContext({ ...base, peran: [row('197001011995031001')] });
    expect(ctx.staff.get('k@contoh.go.id')?.nip).toBe('197001011995031001');
    expect(ctx.warnings).toEqual([]);
  });

  it('blanks a NIP the spreadsheet stored as a number (its last digits are gone), and says how to fix it', () => {
    const ctx = buildContext({ ...base, peran: [row(String(Number('197001011995031001')), true)] });
    expect(ctx.staff.get('k@contoh.go.id')?.nip).toBe('');
    expect(ctx.warnings.join('\n')).toMatch(/tersimpan sebagai angka.*ketik ulang sebagai teks/);
  });

  it('blanks a NIP that is not 18 digits', () => {
    const ctx = buildContext({ ...base, peran: [row('19700101')] });
    expect(ctx.staff.get('k@contoh.go.id')?.nip).toBe('');
    expect(ctx.warnings.join('\n')).toMatch(/bukan 18 digit/);
  });

  it('ignores a setting stored as a rounded number, with a warning', () => {
    const ctx = buildContext({ ...base, peran: [], pengaturan: [{ rowNumber: 12, kunci: 'nip_kepala', nilai: String(Number('197001011995031001')), unsafeNumber: true }] });
    expect(ctx.settings.text.nip_kepala).toBe('');
    expect(ctx.warnings.join('\n')).toMatch(/Pengaturan baris 12: nilai "nip_kepala" tersimpan sebagai angka/);
  });
});
