/**
 * Tests of core/settings.ts: the settings tab read over the schema's defaults and validated once,
 * so that a wrong value is reported with its label (every wrong value at once) instead of
 * surfacing later as a wrong due date or a broken number.
 */
import { describe, expect, it } from 'vitest';
import { defaultSettingValues, parseSettings } from '../../core/settings.js';
import { PERSYARATAN, SETTINGS, type SettingKey } from '../../sheets-schema/index.js';
import { refusal } from '../helpers/refusal.js';

const label = (key: SettingKey): string => SETTINGS.find((s) => s.key === key)?.label ?? key;
const rows = (values: Partial<Record<string, string>>): { kunci: string; nilai: string }[] =>
  Object.entries(values).map(([kunci, nilai]) => ({ kunci, nilai: nilai ?? '' }));


describe('the default settings', () => {
  it('parse into the service standard: 7 working days, at risk at 2, 2024-2027, every requirement', () => {
    const s = parseSettings([]);
    expect(s.sla).toEqual({ days: 7, atRisk: 2 });
    expect(s.years).toEqual({ from: 2024, to: 2027 });
    expect(s.persyaratanWajib).toEqual([...PERSYARATAN]);
    expect(s.text).toEqual(defaultSettingValues());
    expect(s.text.format_nomor_registrasi).toBe('PGD-{tahun}-{urut:4}');
  });

  it('have a default for every setting key', () => {
    expect(Object.keys(defaultSettingValues()).sort()).toEqual(SETTINGS.map((s) => s.key).sort());
  });

  it('are the same as a tab holding every key with its default value', () => {
    expect(parseSettings(rows(defaultSettingValues()))).toEqual(parseSettings([]));
  });
});

describe('values from the tab', () => {
  it('override the defaults, trimmed', () => {
    const s = parseSettings(
      rows({
        hari_sla: ' 5 ',
        ambang_rawan: '1',
        tahun_kalender: '2025 – 2028',
        singkatan_instansi: '  DPMPTSP-PYK ',
        persyaratan_wajib: 'surat_ditandatangani; diketahui_lurah\ndiketahui_rt',
        format_nomor_ba: 'BA/{urut:3}/{tahun}',
      }),
    );
    expect(s.sla).toEqual({ days: 5, atRisk: 1 });
    expect(s.years).toEqual({ from: 2025, to: 2028 });
    expect(s.text.singkatan_instansi).toBe('DPMPTSP-PYK');
    expect(s.persyaratanWajib).toEqual(['surat_ditandatangani', 'diketahui_lurah', 'diketahui_rt']);
    expect(s.text.format_nomor_ba).toBe('BA/{urut:3}/{tahun}');
  });

  it('a blank value falls back to the default', () => {
    const s = parseSettings(rows({ hari_sla: '', ambang_rawan: '   ', tahun_kalender: '\t', persyaratan_wajib: '', nama_instansi: ' ' }));
    expect(s).toEqual(parseSettings([]));
  });

  it('keys are matched after trimming, and unknown keys are ignored', () => {
    const s = parseSettings([
      { kunci: ' hari_sla ', nilai: '10' },
      { kunci: 'hari_kerja', nilai: 'banyak' },
      { kunci: 'Hari SLA', nilai: 'x' },
      { kunci: '', nilai: '' },
      { kunci: '__proto__', nilai: 'x' },
    ]);
    expect(s.sla.days).toBe(10);
    expect(s.text).not.toHaveProperty('hari_kerja');
  });

  it('the last row wins when a key appears twice', () => {
    expect(parseSettings(rows({ hari_sla: '5' }).concat(rows({ hari_sla: '6' }))).sla.days).toBe(6);
  });

  it.each([
    { key: 'hari_sla', value: '1', ok: true }, // with ambang_rawan 0 (below)
    { key: 'hari_sla', value: '60', ok: true },
    { key: 'ambang_rawan', value: '0', ok: true },
    { key: 'tahun_kalender', value: '2026', ok: true },
  ] as const)('accepts $key = $value at the edge of its range', ({ key, value }) => {
    const extra = key === 'hari_sla' && value === '1' ? { ambang_rawan: '0' } : {};
    expect(() => parseSettings(rows({ ...extra, [key]: value }))).not.toThrow();
  });
});

describe('invalid values', () => {
  it.each([
    { key: 'hari_sla', value: '0' },
    { key: 'hari_sla', value: '61' },
    { key: 'hari_sla', value: '7,5' },
    { key: 'hari_sla', value: 'tujuh' },
    { key: 'hari_sla', value: '-7' },
    { key: 'ambang_rawan', value: '61' },
    { key: 'ambang_rawan', value: '1.5' },
    { key: 'tahun_kalender', value: '2027-2024' },
    { key: 'tahun_kalender', value: '24-27' },
    { key: 'tahun_kalender', value: 'semua' },
    { key: 'format_nomor_registrasi', value: 'PGD-{urut:4}' },
    { key: 'format_nomor_ba', value: '{urut:3}/BA/{nomor}/{tahun}' },
    { key: 'format_nomor_undangan', value: 'UND {tahun}' },
    { key: 'format_nomor_ba', value: '{urut}#{tahun}' },
    { key: 'persyaratan_wajib', value: 'surat_ditandatangani, diketahui_camat' },
  ] as const)('$key = $value is refused, naming the setting', ({ key, value }) => {
    const err = refusal(() => parseSettings(rows({ [key]: value })));
    expect(err.code).toBe('PENGATURAN_TIDAK_VALID');
    expect(err.problems.map((p) => p.field)).toEqual([label(key)]);
    expect(err.message).toContain(label(key));
  });

  it('every problem is listed at once', () => {
    const err = refusal(() =>
      parseSettings(
        rows({
          hari_sla: 'tujuh',
          ambang_rawan: '-1',
          tahun_kalender: '2030-2020',
          format_nomor_registrasi: 'PGD',
          format_nomor_ba: '{urut}/{tahun}/{rahasia}',
          format_nomor_undangan: '{urut}!{tahun}',
          persyaratan_wajib: 'ktp, diketahui_lurah, kk',
          nama_kepala: 'Bapak Kepala', // a valid value next to the invalid ones
        }),
      ),
    );
    expect(err.code).toBe('PENGATURAN_TIDAK_VALID');
    const keys: SettingKey[] = [
      'hari_sla',
      'ambang_rawan',
      'tahun_kalender',
      'format_nomor_registrasi',
      'format_nomor_ba',
      'format_nomor_undangan',
      'persyaratan_wajib',
    ];
    expect(err.problems.map((p) => p.field)).toEqual(keys.map(label));
    for (const p of err.problems) expect(err.message).toContain(`${p.field}: ${p.message}`);
    expect(err.problems.find((p) => p.field === label('persyaratan_wajib'))?.message).toContain('ktp, kk');
    expect(err.problems.find((p) => p.field === label('hari_sla'))?.message).toContain('"tujuh"');
  });

  // Fixed (was a bug): ambang_rawan used to be checked against 0-60 on its own, not
  // against hari_sla. With hari_sla 7 and ambang_rawan 7 (or 10), every open complaint is
  // "Hampir jatuh tempo" from the day it is received, so the dashboard's at-risk signal means
  // nothing. Repro: parseSettings([{ kunci: 'ambang_rawan', nilai: '10' }]).sla → { days: 7, atRisk: 10 }.
  it('an at-risk threshold that is not below the service time is refused', () => {
    for (const nilai of ['7', '10']) {
      const err = refusal(() => parseSettings(rows({ hari_sla: '7', ambang_rawan: nilai })));
      expect(err.code).toBe('PENGATURAN_TIDAK_VALID');
      expect(err.problems.map((p) => p.field)).toContain(label('ambang_rawan'));
    }
  });
});
