/**
 * Input fields and their validation, shared by intake (every channel) and by the SOP actions'
 * inputs. A field spec says what a dialog or form must ask; `validateFields` turns raw, untrusted
 * values (JSON from the CLI, a form response, a dialog) into clean values or a list of problems
 * in Indonesian, one per field. Unknown fields are refused, so a typo is never silently dropped.
 */
import { MAX_TEKS, MAX_TEKS_PANJANG } from '../sheets-schema/index.js';
import type { FieldProblem } from './errors.js';
import { cleanText } from './text.js';
import { tryDayFromIso } from './time.js';

export const FIELD_TYPES = [
  'teks',
  'teks_panjang',
  'pilihan',
  'daftar_pilihan',
  'tanggal',
  'jam',
  'email',
  'telepon',
  'nik',
  'ya_tidak',
  'pihak',
  'peserta',
  'tindak_lanjut',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldSpec {
  readonly key: string;
  readonly label: string;
  readonly type: FieldType;
  readonly required: boolean;
  readonly options?: readonly string[];
  readonly optionLabels?: Readonly<Record<string, string>>;
  readonly maxLength?: number;
  readonly maxItems?: number;
  readonly help?: string;
}

/** Someone invited to, or present at, a meeting. */
/** Dates the office can mean: a typo like 0026 or 9999 is refused rather than printed in a letter. */
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
const plausibleYear = (iso: string): boolean => {
  const y = Number(iso.slice(0, 4));
  return y >= MIN_YEAR && y <= MAX_YEAR;
};

export interface Pihak {
  readonly nama: string;
  readonly instansi: string;
  readonly kelompok: KelompokPihak;
}
export const KELOMPOK_PIHAK = ['tim_teknis', 'opd_terkait', 'pemilik_usaha', 'pelapor', 'lainnya'] as const;
export type KelompokPihak = (typeof KELOMPOK_PIHAK)[number];
export const KELOMPOK_PIHAK_LABEL: Record<KelompokPihak, string> = {
  tim_teknis: 'Tim teknis',
  opd_terkait: 'OPD teknis terkait',
  pemilik_usaha: 'Pemilik usaha',
  pelapor: 'Pelapor',
  lainnya: 'Lainnya',
};

export interface Peserta {
  readonly nama: string;
  readonly instansi: string;
}

export interface TindakLanjut {
  readonly uraian: string;
  readonly pelaksana: string;
  /** YYYY-MM-DD or '' when no deadline was set. */
  readonly tenggat: string;
}

export type FieldValue = string | boolean | readonly string[] | readonly Pihak[] | readonly Peserta[] | readonly TindakLanjut[];

const DEFAULT_MAX = { teks: MAX_TEKS, teks_panjang: MAX_TEKS_PANJANG } as const;
const MAX_ITEMS = 100;

export const EMAIL_PATTERN = /^[^\s@<>()[\]\\,;:"']+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/;

/** `+62 812-3456-7890`, `62812…`, `0812 3456 7890` → `081234567890`; undefined if not Indonesian. */
export function normalizePhone(raw: string): string | undefined {
  const compact = raw.replace(/[\s\-.()/]/g, '');
  let national: string;
  if (/^\+62\d+$/.test(compact)) national = `0${compact.slice(3)}`;
  else if (/^62\d+$/.test(compact)) national = `0${compact.slice(2)}`;
  else if (/^0\d+$/.test(compact)) national = compact;
  else return undefined;
  if (national.startsWith('00')) return undefined;
  // Mobile 08 + 8-11 digits; fixed lines 0 + area code + number, 9-12 digits in all.
  if (national.startsWith('08')) return /^08\d{8,11}$/.test(national) ? national : undefined;
  return /^0[1-9]\d{7,10}$/.test(national) ? national : undefined;
}

export function normalizeEmail(raw: string): string | undefined {
  const s = raw.trim();
  if (s.length > 254 || !EMAIL_PATTERN.test(s)) return undefined;
  const at = s.lastIndexOf('@');
  // RFC 5321: a mailbox name of at most 64 characters.
  if (at > 64) return undefined;
  return `${s.slice(0, at)}@${s.slice(at + 1).toLowerCase()}`;
}

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

type Check<T> = { ok: true; value: T } | { ok: false; message: string };
const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

function asText(v: unknown, spec: FieldSpec, multiline: boolean): Check<string> {
  if (typeof v !== 'string' && typeof v !== 'number') return fail('harus berupa teks');
  const s = cleanText(String(v), { multiline });
  const max = spec.maxLength ?? (multiline ? DEFAULT_MAX.teks_panjang : DEFAULT_MAX.teks);
  // Counted in UTF-16 units, as Excel (32,767) and Google Sheets (50,000) count a cell's length.
  const len = s.length;
  if (len > max) return fail(`terlalu panjang (${len.toLocaleString('id-ID')} karakter, paling banyak ${max.toLocaleString('id-ID')})`);
  return { ok: true, value: s };
}

function asList(v: unknown): unknown[] | undefined {
  if (Array.isArray(v)) return v as unknown[];
  if (typeof v === 'string') return v.split(/[,;\n]/).map((x) => x.trim()).filter((x) => x !== '');
  return undefined;
}

function textProp(o: Record<string, unknown>, key: string, max: number, required: boolean): Check<string> {
  const v = o[key];
  if (isBlank(v)) return required ? fail(`"${key}" wajib diisi`) : { ok: true, value: '' };
  if (typeof v !== 'string') return fail(`"${key}" harus berupa teks`);
  const s = cleanText(v, { multiline: false });
  if (s.length > max) return fail(`"${key}" terlalu panjang (paling banyak ${max} karakter)`);
  if (required && s === '') return fail(`"${key}" wajib diisi`);
  return { ok: true, value: s };
}

function asObjects<T>(
  v: unknown,
  spec: FieldSpec,
  parse: (o: Record<string, unknown>, i: number) => Check<T>,
): Check<T[]> {
  if (!Array.isArray(v)) return fail('harus berupa daftar');
  const max = spec.maxItems ?? MAX_ITEMS;
  if (v.length > max) return fail(`paling banyak ${max} baris`);
  const out: T[] = [];
  for (let i = 0; i < v.length; i++) {
    const item: unknown = v[i];
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return fail(`baris ${i + 1} tidak valid`);
    const r = parse(item as Record<string, unknown>, i);
    if (!r.ok) return fail(`baris ${i + 1}: ${r.message}`);
    out.push(r.value);
  }
  return { ok: true, value: out };
}

function checkValue(spec: FieldSpec, v: unknown): Check<FieldValue> {
  switch (spec.type) {
    case 'teks':
      return asText(v, spec, false);
    case 'teks_panjang':
      return asText(v, spec, true);
    case 'pilihan': {
      const s = typeof v === 'string' ? v.trim() : '';
      const options = spec.options ?? [];
      const hit = options.find((o) => o === s) ?? options.find((o) => o.toLowerCase() === s.toLowerCase() || spec.optionLabels?.[o]?.toLowerCase() === s.toLowerCase());
      return hit !== undefined ? { ok: true, value: hit } : fail(`harus salah satu dari: ${options.join(', ')}`);
    }
    case 'daftar_pilihan': {
      const list = asList(v);
      if (!list) return fail('harus berupa daftar');
      const options = spec.options ?? [];
      const out: string[] = [];
      for (const item of list) {
        const s = typeof item === 'string' ? item.trim() : '';
        const hit = options.find((o) => o === s || spec.optionLabels?.[o] === s);
        if (hit === undefined) {
          const shown = typeof item === 'string' ? item.slice(0, 60) : `(${Array.isArray(item) ? 'daftar' : typeof item})`;
          return fail(`"${shown}" tidak dikenal; pilihan: ${options.join(', ')}`);
        }
        if (!out.includes(hit)) out.push(hit);
      }
      return { ok: true, value: out };
    }
    case 'tanggal': {
      const s = typeof v === 'string' ? v.trim() : '';
      if (tryDayFromIso(s) === undefined) return fail('harus tanggal yang valid, format TTTT-BB-HH');
      return plausibleYear(s) ? { ok: true, value: s } : fail(`tahun ${s.slice(0, 4)} tidak masuk akal (${MIN_YEAR}-${MAX_YEAR})`);
    }
    case 'jam': {
      const m = typeof v === 'string' ? /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(v.trim()) : null;
      return m ? { ok: true, value: `${(m[1] ?? '').padStart(2, '0')}:${m[2] ?? ''}` } : fail('harus jam yang valid, format JJ:MM (misalnya 09:30)');
    }
    case 'email': {
      const e = typeof v === 'string' ? normalizeEmail(v) : undefined;
      return e !== undefined ? { ok: true, value: e } : fail('bukan alamat e-mail yang valid');
    }
    case 'telepon': {
      const p = typeof v === 'string' || typeof v === 'number' ? normalizePhone(String(v)) : undefined;
      return p !== undefined ? { ok: true, value: p } : fail('bukan nomor telepon Indonesia yang valid (contoh: 081234567890 atau +6281234567890)');
    }
    case 'nik': {
      // A NIK above 2^53 sent as a JSON number has already lost digits: refuse it, never store it.
      if (typeof v === 'number' && !Number.isSafeInteger(v)) return fail('tulis NIK sebagai teks dalam tanda kutip, misalnya "1376011203800001"');
      const s = typeof v === 'string' || typeof v === 'number' ? String(v).replace(/\s/g, '') : '';
      return /^\d{16}$/.test(s) ? { ok: true, value: s } : fail('NIK harus 16 digit angka');
    }
    case 'ya_tidak': {
      if (typeof v === 'boolean') return { ok: true, value: v };
      const s = typeof v === 'string' ? v.trim().toLowerCase() : '';
      if (['ya', 'y', 'true', 'setuju'].includes(s)) return { ok: true, value: true };
      if (['tidak', 't', 'false'].includes(s)) return { ok: true, value: false };
      return fail('harus "ya" atau "tidak"');
    }
    case 'pihak':
      return asObjects<Pihak>(v, spec, (o) => {
        const nama = textProp(o, 'nama', 200, true);
        if (!nama.ok) return nama;
        const instansi = textProp(o, 'instansi', 200, false);
        if (!instansi.ok) return instansi;
        const k = typeof o.kelompok === 'string' ? o.kelompok.trim() : 'lainnya';
        if (!(KELOMPOK_PIHAK as readonly string[]).includes(k)) return fail(`"kelompok" harus salah satu dari: ${KELOMPOK_PIHAK.join(', ')}`);
        return { ok: true, value: { nama: nama.value, instansi: instansi.value, kelompok: k as KelompokPihak } };
      });
    case 'peserta':
      return asObjects<Peserta>(v, spec, (o) => {
        const nama = textProp(o, 'nama', 200, true);
        if (!nama.ok) return nama;
        const instansi = textProp(o, 'instansi', 200, false);
        if (!instansi.ok) return instansi;
        return { ok: true, value: { nama: nama.value, instansi: instansi.value } };
      });
    case 'tindak_lanjut':
      return asObjects<TindakLanjut>(v, spec, (o) => {
        const uraian = textProp(o, 'uraian', 1000, true);
        if (!uraian.ok) return uraian;
        const pelaksana = textProp(o, 'pelaksana', 200, true);
        if (!pelaksana.ok) return pelaksana;
        // A deadline is a date or nothing: a number or an object is refused, not dropped.
        if (o.tenggat !== undefined && o.tenggat !== null && typeof o.tenggat !== 'string') return fail('"tenggat" harus tanggal TTTT-BB-HH atau dikosongkan');
        const t = typeof o.tenggat === 'string' ? o.tenggat.trim() : '';
        if (t !== '' && tryDayFromIso(t) === undefined) return fail('"tenggat" harus tanggal TTTT-BB-HH');
        if (t !== '' && !plausibleYear(t)) return fail(`"tenggat" tahun ${t.slice(0, 4)} tidak masuk akal (${MIN_YEAR}-${MAX_YEAR})`);
        return { ok: true, value: { uraian: uraian.value, pelaksana: pelaksana.value, tenggat: t } };
      });
  }
}

export interface Validated {
  readonly values: Record<string, FieldValue>;
  readonly problems: FieldProblem[];
}

/** Validates raw input against specs. Blank optional fields are left out of `values`. */
export function validateFields(specs: readonly FieldSpec[], raw: unknown): Validated {
  const problems: FieldProblem[] = [];
  const values: Record<string, FieldValue> = {};
  if (raw === undefined || raw === null) raw = {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { values, problems: [{ field: 'masukan', message: 'harus berupa objek JSON {"kunci": "nilai", …}' }] };
  }
  const input = raw as Record<string, unknown>;
  const known = new Set(specs.map((s) => s.key));
  const unknown = Object.keys(input).filter((key) => !known.has(key));
  for (const key of unknown.slice(0, 5)) {
    problems.push({
      field: key.slice(0, 60),
      message: `isian tidak dikenal; yang dikenal: ${specs.map((s) => s.key).join(', ') || '(tidak ada)'}`,
    });
  }
  if (unknown.length > 5) problems.push({ field: 'masukan', message: `dan ${unknown.length - 5} isian tidak dikenal lainnya` });
  for (const spec of specs) {
    const v = input[spec.key];
    if (isBlank(v)) {
      if (spec.required) problems.push({ field: spec.label, message: 'wajib diisi' });
      continue;
    }
    const r = checkValue(spec, v);
    if (!r.ok) problems.push({ field: spec.label, message: r.message });
    else if (spec.required && (r.value === '' || (Array.isArray(r.value) && r.value.length === 0))) {
      problems.push({ field: spec.label, message: 'wajib diisi' });
    } else if (!(r.value === '' || (Array.isArray(r.value) && r.value.length === 0))) values[spec.key] = r.value;
  }
  return { values, problems };
}
