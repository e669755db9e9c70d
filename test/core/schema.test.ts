/**
 * Invariants of sheets-schema/, the register's shape as data, and of its meeting points with
 * core/: the default holiday table equals the reference CSV in shared/data, every tab has unique
 * keys and headers, choice columns have their values, Form questions write into intake columns,
 * and personal data never reaches the de-identified dashboard tab.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, describe, expect, it } from 'vitest';
import { parseYearRange, WorkCalendar } from '../../core/calendar.js';
import { dayFromIso, isoWeekday, tryDayFromIso } from '../../core/time.js';
import {
  DASBOR_COLUMNS,
  DEFAULT_LIBUR,
  DEFAULT_TAHUN_KALENDER,
  FINAL_STATUS,
  FORM,
  FORM_QUESTIONS,
  isAdminTab,
  isJenisLibur,
  isStatus,
  isSystemColumn,
  isSystemTab,
  KANAL,
  MAX_TEKS_PANJANG,
  PAUSED_STATUS,
  PENULIS,
  REGISTER_COLUMNS,
  schemaJson,
  SETTINGS,
  STATUS,
  STATUS_LABEL,
  STATUS_SLA,
  STATUS_SLA_LABEL,
  TAB_KEYS,
  TABS,
  TIPE_KOLOM,
  type Column,
  type Tab,
} from '../../sheets-schema/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HOLIDAY_CSV = path.resolve(repoRoot, '../shared/data/hari-libur-2024-2027.csv');

const ALL_TABS: readonly Tab[] = Object.values(TABS);

const duplicates = (values: readonly string[]): string[] => values.filter((v, i) => values.indexOf(v) !== i);

describe('the default holiday table (sheets-schema/libur.ts)', () => {
  it.skipIf(!existsSync(HOLIDAY_CSV))(
    'equals shared/data/hari-libur-2024-2027.csv row by row (skipped when shared/ is not beside the repository)',
    () => {
      const lines = readFileSync(HOLIDAY_CSV, 'utf8').trim().split(/\r?\n/);
      expect(lines[0]).toBe('date,name,type');
      const rows = lines.slice(1).map((line) => {
        const fields = line.split(',');
        expect(fields, `one date, name and type per line: ${line}`).toHaveLength(3);
        const [tanggal, nama, jenis] = fields;
        return { tanggal, nama, jenis };
      });
      expect(DEFAULT_LIBUR).toEqual(rows);
    },
  );

  it('has real dates, sorted, without duplicates, of a known kind', () => {
    const dates = DEFAULT_LIBUR.map((h) => h.tanggal);
    expect(dates.filter((t) => tryDayFromIso(t) === undefined)).toEqual([]);
    expect(duplicates(dates)).toEqual([]);
    expect(dates).toEqual([...dates].sort());
    expect(DEFAULT_LIBUR.filter((h) => !isJenisLibur(h.jenis))).toEqual([]);
    expect(DEFAULT_LIBUR.filter((h) => h.nama.trim() === '')).toEqual([]);
  });

  it('lies exactly within the covered years, each of which has New Year, Independence Day and Christmas', () => {
    const years = DEFAULT_LIBUR.map((h) => Number(h.tanggal.slice(0, 4)));
    expect(Math.min(...years)).toBe(DEFAULT_TAHUN_KALENDER.from);
    expect(Math.max(...years)).toBe(DEFAULT_TAHUN_KALENDER.to);
    const dates = new Set(DEFAULT_LIBUR.map((h) => h.tanggal));
    const missing: string[] = [];
    for (let y = DEFAULT_TAHUN_KALENDER.from; y <= DEFAULT_TAHUN_KALENDER.to; y++) {
      for (const md of ['01-01', '08-17', '12-25']) if (!dates.has(`${y}-${md}`)) missing.push(`${y}-${md}`);
      // A year whose table is complete has both libur nasional and cuti bersama.
      const kinds = new Set(DEFAULT_LIBUR.filter((h) => h.tanggal.startsWith(`${y}-`)).map((h) => h.jenis));
      if (!kinds.has('libur_nasional') || !kinds.has('cuti_bersama')) missing.push(`${y}: kinds ${[...kinds].join('/')}`);
    }
    expect(missing).toEqual([]);
  });

  it('cuti bersama fall on weekdays (a cuti bersama on a weekend would be a typo)', () => {
    const weekend = DEFAULT_LIBUR.filter((h) => h.jenis === 'cuti_bersama' && isoWeekday(dayFromIso(h.tanggal)) > 5);
    expect(weekend).toEqual([]);
  });

  it('builds a WorkCalendar, and the "Tahun kalender" setting default parses to the same years', () => {
    expect(() => new WorkCalendar({ holidays: DEFAULT_LIBUR, years: DEFAULT_TAHUN_KALENDER })).not.toThrow();
    const setting = SETTINGS.find((s) => s.key === 'tahun_kalender');
    expect(parseYearRange(setting?.default ?? '')).toEqual(DEFAULT_TAHUN_KALENDER);
  });
});

describe('every tab', () => {
  it('is registered under its own key, with a unique name Sheets and Excel accept', () => {
    for (const [key, tab] of Object.entries(TABS)) expect(tab.key).toBe(key);
    expect(TAB_KEYS).toEqual(Object.keys(TABS));
    const names = ALL_TABS.map((t) => t.name);
    expect(duplicates(names.map((n) => n.toLowerCase()))).toEqual([]);
    // Excel: at most 31 characters, none of : \ / ? * [ ]
    expect(names.filter((n) => n.length === 0 || n.length > 31 || /[:\\/?*[\]]/.test(n))).toEqual([]);
  });

  it.each(ALL_TABS.map((t) => [t.name, t] as const))('%s has unique column keys and headers, and a key column that exists', (_, tab) => {
    const keys = tab.columns.map((c) => c.key);
    const headers = tab.columns.map((c) => c.header);
    expect(duplicates(keys)).toEqual([]);
    expect(duplicates(headers.map((h) => h.trim().toLowerCase()))).toEqual([]);
    expect(keys.filter((k) => !/^[a-z][a-z0-9_]*$/.test(k))).toEqual([]);
    expect(headers.filter((h) => h.trim() === '' || h !== h.trim())).toEqual([]);
    if (tab.keyColumn !== undefined) expect(keys).toContain(tab.keyColumn);
    expect(tab.purpose.trim()).not.toBe('');
  });

  it.each(ALL_TABS.map((t) => [t.name, t] as const))('%s has known types and writers, and sane lengths', (_, tab) => {
    const bad = (pred: (c: Column) => boolean): string[] => tab.columns.filter(pred).map((c) => c.key);
    expect(bad((c) => !(TIPE_KOLOM as readonly string[]).includes(c.type))).toEqual([]);
    expect(bad((c) => !(PENULIS as readonly string[]).includes(c.writer))).toEqual([]);
    // An Excel cell holds 32,767 characters.
    expect(bad((c) => c.maxLength !== undefined && (c.maxLength < 1 || c.maxLength > MAX_TEKS_PANJANG))).toEqual([]);
  });

  it.each(ALL_TABS.map((t) => [t.name, t] as const))('%s: every pilihan/daftar column has unique values, and only those have values', (_, tab) => {
    const problems: string[] = [];
    for (const c of tab.columns) {
      const isChoice = c.type === 'pilihan' || c.type === 'daftar';
      if (isChoice && (c.values === undefined || c.values.length === 0)) problems.push(`${c.key}: no values`);
      if (isChoice && c.values && duplicates([...c.values]).length > 0) problems.push(`${c.key}: duplicate values`);
      if (isChoice && c.values?.some((v) => v.trim() === '' || v.includes(','))) problems.push(`${c.key}: empty value or comma`);
      if (!isChoice && c.values !== undefined) problems.push(`${c.key}: values on a ${c.type} column`);
    }
    expect(problems).toEqual([]);
  });
});

describe('the register tab (Pengaduan)', () => {
  const byKey = new Map<string, Column>(REGISTER_COLUMNS.map((c) => [c.key, c]));

  it('offers exactly the statuses, channels and SLA states of the enums', () => {
    expect(byKey.get('status')?.values).toEqual(STATUS);
    expect(byKey.get('kanal')?.values).toEqual(KANAL);
    expect(byKey.get('status_sla')?.values).toEqual(STATUS_SLA);
  });

  it('holds the columns the SLA clock writes', () => {
    for (const key of ['tenggat', 'hari_kerja_terpakai', 'hari_kerja_sisa', 'hari_kerja_dijeda', 'status_sla', 'hari_per_tahap']) {
      expect(byKey.get(key)?.writer, key).toBe('sla');
    }
  });

  it('marks the complainant’s identity and the access code as personal data', () => {
    for (const key of ['kode_akses', 'nama_pelapor', 'nik_pelapor', 'alamat_pelapor', 'telepon_pelapor', 'email_pelapor', 'isi_pengaduan']) {
      expect(byKey.get(key)?.pii, key).toBe(true);
    }
  });

  it('requires the fields every complaint has from intake', () => {
    for (const key of ['nomor', 'diterima_pada', 'kanal', 'nama_pelapor', 'isi_pengaduan', 'status']) {
      expect(byKey.get(key)?.required, key).toBe(true);
    }
  });
});

describe('the dashboard tab (Dasbor), read by Looker Studio', () => {
  const piiRegisterKeys = new Set(REGISTER_COLUMNS.filter((c) => c.pii).map((c) => c.key));

  it('has no personal-data column, and none named like a personal register column', () => {
    expect(DASBOR_COLUMNS.filter((c) => c.pii).map((c) => c.key)).toEqual([]);
    expect(DASBOR_COLUMNS.filter((c) => piiRegisterKeys.has(c.key)).map((c) => c.key)).toEqual([]);
  });

  it('has one working-days column per status', () => {
    const stageKeys = DASBOR_COLUMNS.map((c) => c.key).filter((k) => k.startsWith('hari_') && k !== 'hari_kerja_terpakai');
    expect(stageKeys).toEqual(STATUS.map((s) => `hari_${s.toLowerCase()}`));
  });

  it('has no free-text column a citizen could have typed into', () => {
    expect(DASBOR_COLUMNS.filter((c) => c.type === 'teks_panjang' || c.type === 'email' || c.type === 'telepon').map((c) => c.key)).toEqual([]);
  });
});

describe('the Google Form', () => {
  const byKey = new Map<string, Column>(REGISTER_COLUMNS.map((c) => [c.key, c]));

  it('asks each question once, and each writes into an intake column of the register', () => {
    const keys = FORM_QUESTIONS.map((q) => q.key);
    expect(duplicates(keys)).toEqual([]);
    expect(keys.filter((k) => byKey.get(k)?.writer !== 'intake')).toEqual([]);
    expect(byKey.get(FORM.consent.key)?.writer).toBe('intake');
    expect(keys).not.toContain(FORM.consent.key);
  });

  it('takes choices and length limits from the columns, never retyped', () => {
    const problems: string[] = [];
    for (const q of FORM_QUESTIONS) {
      const c = byKey.get(q.key) as Column;
      if (JSON.stringify(q.choices) !== JSON.stringify(c.values)) problems.push(`${q.key}: choices`);
      if (q.maxLength !== c.maxLength) problems.push(`${q.key}: maxLength`);
      if ((c.type === 'pilihan') !== (q.type === 'LIST')) problems.push(`${q.key}: type ${q.type} for ${c.type}`);
    }
    expect(problems).toEqual([]);
  });

  it('never asks for what staff or the system decide', () => {
    const staffOnly = ['nomor', 'kode_akses', 'diterima_pada', 'kanal', 'status', 'kategori', 'tenggat', 'status_sla'];
    expect(FORM_QUESTIONS.map((q) => q.key).filter((k) => staffOnly.includes(k))).toEqual([]);
  });

  it('asks for the complainant and the complaint, in titled sections', () => {
    const asked = FORM_QUESTIONS.map((q) => q.key);
    expect(asked).toEqual(expect.arrayContaining(['nama_pelapor', 'isi_pengaduan', 'nama_usaha']));
    expect(FORM.sections.filter((s) => s.title.trim() === '' || s.questions.length === 0)).toEqual([]);
  });

  it('promises the service time of the SLA setting and that the service is free', () => {
    const hariSla = SETTINGS.find((s) => s.key === 'hari_sla')?.default;
    expect(hariSla).toBe('7');
    expect(FORM.description).toContain(`${hariSla} hari kerja`);
    expect(FORM.confirmation).toContain(`${hariSla} hari kerja`);
    expect(FORM.confirmation).toContain('GRATIS');
  });
});

describe('settings and enums', () => {
  it('settings have unique keys and labels', () => {
    expect(duplicates(SETTINGS.map((s) => s.key))).toEqual([]);
    expect(duplicates(SETTINGS.map((s) => s.label))).toEqual([]);
  });

  it('numeric settings have numeric defaults', () => {
    expect(SETTINGS.filter((s) => s.kind === 'angka' && !/^\d+$/.test(s.default)).map((s) => s.key)).toEqual([]);
  });

  it('final and paused statuses are statuses, and disjoint', () => {
    expect([...FINAL_STATUS, ...PAUSED_STATUS].filter((s) => !isStatus(s))).toEqual([]);
    expect(FINAL_STATUS.filter((s) => (PAUSED_STATUS as readonly string[]).includes(s))).toEqual([]);
  });

  it('every status and SLA state has a non-empty Indonesian label', () => {
    expect(STATUS.filter((s) => !STATUS_LABEL[s]?.trim())).toEqual([]);
    expect(STATUS_SLA.filter((s) => !STATUS_SLA_LABEL[s]?.trim())).toEqual([]);
  });
});

describe('schemaJson', () => {
  it('is plain JSON: serialising and parsing it changes nothing', () => {
    const json = schemaJson();
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('lists every tab and the default holidays', () => {
    const json = schemaJson() as { tabs: { key: string }[]; defaultHolidays: { rows: unknown[]; years: unknown } };
    expect(json.tabs.map((t) => t.key)).toEqual(TAB_KEYS);
    expect(json.defaultHolidays.rows).toHaveLength(DEFAULT_LIBUR.length);
    expect(json.defaultHolidays.years).toEqual(DEFAULT_TAHUN_KALENDER);
  });
});

describe('which columns and tabs are the system\'s', () => {
  it('the history, the counters and the dashboard are the system\'s whole; roles, holidays and settings the admins\'', () => {
    expect(TAB_KEYS.filter((k) => isSystemTab(TABS[k]))).toEqual(['riwayat', 'penomoran', 'dasbor']);
    expect(TAB_KEYS.filter((k) => isAdminTab(TABS[k]))).toEqual(['peran', 'libur', 'pengaturan']);
  });

  it("in the register, the procedure's and the complaint's identity are the system's; the complainant's words are not", () => {
    const system = (key: string): boolean => isSystemColumn(TABS.pengaduan.columns.find((c) => c.key === key) ?? assert.fail(key));
    for (const key of ['nomor', 'kode_akses', 'diterima_pada', 'kanal', 'status', 'tenggat', 'berkas_tanda_terima']) expect(system(key), key).toBe(true);
    for (const key of ['nama_pelapor', 'telepon_pelapor', 'isi_pengaduan', 'catatan_staf']) expect(system(key), key).toBe(false);
  });
});
