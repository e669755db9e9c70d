/**
 * The office's settings, read from the settings tab (key/value rows) over the schema's defaults
 * and validated once: a wrong value is reported with its label and what to type instead, instead
 * of surfacing later as a wrong due date or a broken number.
 */
import { isPersyaratan, SETTINGS, type Persyaratan, type SettingKey } from '../sheets-schema/index.js';
import { parseYearRange, type YearRange } from './calendar.js';
import { describeProblems, PengaduanError, type FieldProblem } from './errors.js';
import { formatProblems } from './numbering.js';
import type { SlaRules } from './sla.js';

export interface Settings {
  readonly text: Readonly<Record<SettingKey, string>>;
  readonly sla: SlaRules;
  readonly years: YearRange;
  readonly persyaratanWajib: readonly Persyaratan[];
}

export function defaultSettingValues(): Record<SettingKey, string> {
  return Object.fromEntries(SETTINGS.map((s) => [s.key, s.default])) as Record<SettingKey, string>;
}

/** Builds validated settings from tab rows; unknown keys are ignored, blank values take the default. */
export function parseSettings(rows: Iterable<{ kunci: string; nilai: string }>): Settings {
  const text = defaultSettingValues();
  const known = new Set<string>(SETTINGS.map((s) => s.key));
  for (const r of rows) {
    const k = r.kunci.trim();
    if (known.has(k) && r.nilai.trim() !== '') text[k as SettingKey] = r.nilai.trim();
  }
  const label = (k: SettingKey): string => SETTINGS.find((s) => s.key === k)?.label ?? k;
  const problems: FieldProblem[] = [];

  const int = (k: SettingKey, min: number, max: number): number => {
    const n = /^\d{1,3}$/.test(text[k]) ? Number(text[k]) : NaN;
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push({ field: label(k), message: `harus bilangan bulat ${min}-${max}, bukan "${text[k]}"` });
      return min;
    }
    return n;
  };
  const days = int('hari_sla', 1, 60);
  const atRisk = int('ambang_rawan', 0, 60);
  if (atRisk >= days && problems.length === 0) {
    problems.push({ field: label('ambang_rawan'), message: `harus lebih kecil dari waktu layanan (${days} hari kerja), bukan ${atRisk}` });
  }
  const years = parseYearRange(text.tahun_kalender);
  if (!years) problems.push({ field: label('tahun_kalender'), message: `harus seperti 2024-2027, bukan "${text.tahun_kalender}"` });
  for (const k of ['format_nomor_registrasi', 'format_nomor_ba', 'format_nomor_undangan'] as const) {
    const p = formatProblems(text[k]);
    if (p.length > 0) problems.push({ field: label(k), message: p.join('; ') });
  }
  // "tidak ada" means no requirement is mandatory; a value that lists nothing is a typo.
  const none = text.persyaratan_wajib.trim().toLowerCase() === 'tidak ada';
  const wajib = none ? [] : text.persyaratan_wajib.split(/[,;\s]+/).filter((s) => s !== '');
  const unknown = wajib.filter((w) => !isPersyaratan(w));
  if (unknown.length > 0) problems.push({ field: label('persyaratan_wajib'), message: `kode tidak dikenal: ${unknown.join(', ')}` });
  else if (!none && wajib.length === 0) problems.push({ field: label('persyaratan_wajib'), message: 'isi kode persyaratan dipisah koma, atau "tidak ada"' });

  if (problems.length > 0) {
    throw new PengaduanError(
      'PENGATURAN_TIDAK_VALID',
      `Tab Pengaturan berisi nilai yang tidak valid: ${describeProblems(problems)}.`,
      { problems },
    );
  }
  return {
    text,
    sla: { days, atRisk },
    years: years as YearRange,
    persyaratanWajib: wajib.filter(isPersyaratan),
  };
}
