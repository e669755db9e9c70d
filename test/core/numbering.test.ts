/**
 * Tests of core/numbering.ts: number formats and their tokens, the checks an admin's format must
 * pass, the per-year sequence that never hands out a number twice, and the citizen's access code
 * drawn from an injected byte source (so every case here is deterministic).
 */
import { describe, expect, it } from 'vitest';
import {
  accessCode,
  accessCodeMatches,
  formatNumber,
  formatProblems,
  KODE_AKSES_ALPHABET,
  KODE_AKSES_LENGTH,
  nextSequence,
  romanMonth,
  sequenceReader,
} from '../../core/numbering.js';
import { dayFromIso } from '../../core/time.js';
import { SETTINGS } from '../../sheets-schema/index.js';
import { refusal } from '../helpers/refusal.js';

const defaultFormat = (key: string): string => {
  const s = SETTINGS.find((x) => x.key === key);
  if (!s) throw new Error(`no setting ${key}`);
  return s.default;
};
const REG = defaultFormat('format_nomor_registrasi'); // PGD-{tahun}-{urut:4}
const BA = defaultFormat('format_nomor_ba'); // {urut:3}/BA-PGD/{instansi}/{bulan_romawi}/{tahun}
const UND = defaultFormat('format_nomor_undangan');
const TUE_17_MAR_2026 = dayFromIso('2026-03-17'); // Tuesday


describe('formatNumber', () => {
  it.each([
    { format: REG, seq: 42, date: '2026-03-17', want: 'PGD-2026-0042' }, // Tuesday
    { format: BA, seq: 7, date: '2026-03-17', want: '007/BA-PGD/DPMPTSP/III/2026' }, // Tuesday
    { format: UND, seq: 12, date: '2026-12-31', want: '012/UND-PGD/DPMPTSP/XII/2026' }, // Thursday
    { format: '{urut}/{bulan}/{tahun}', seq: 5, date: '2027-01-04', want: '5/01/2027' }, // Monday
    { format: '{urut:2}.{bulan_romawi}.{tahun}', seq: 123, date: '2026-09-01', want: '123.IX.2026' }, // Tuesday, wider than the width
    { format: '{instansi} {tahun} {urut:1}', seq: 1, date: '2026-01-01', want: 'DPMPTSP 2026 1' }, // Thursday
    { format: 'A_{tahun}-{bulan}-{urut:6}', seq: 99, date: '2026-10-15', want: 'A_2026-10-000099' }, // Thursday
  ])('$format, sequence $seq on $date → $want', ({ format, seq, date, want }) => {
    expect(formatNumber(format, { seq, day: dayFromIso(date), instansi: 'DPMPTSP' })).toBe(want);
  });

  it('uses the year and month of the WIB day it is given', () => {
    const newYearsEve = dayFromIso('2025-12-31'); // Wednesday
    expect(formatNumber(BA, { seq: 1, day: newYearsEve, instansi: 'X' })).toBe('001/BA-PGD/X/XII/2025');
    expect(formatNumber(BA, { seq: 1, day: newYearsEve + 1, instansi: 'X' })).toBe('001/BA-PGD/X/I/2026');
  });

  it('refuses an invalid format with a coded error quoting it', () => {
    const err = refusal(() => formatNumber('PGD-{urut}', { seq: 1, day: TUE_17_MAR_2026, instansi: 'X' }));
    expect(err.code).toBe('FORMAT_NOMOR_TIDAK_VALID');
    expect(err.message).toContain('PGD-{urut}');
  });
});

describe('romanMonth', () => {
  it.each([
    [1, 'I'], [2, 'II'], [3, 'III'], [4, 'IV'], [5, 'V'], [6, 'VI'],
    [7, 'VII'], [8, 'VIII'], [9, 'IX'], [10, 'X'], [11, 'XI'], [12, 'XII'],
  ])('month %i is %s', (m, roman) => {
    expect(romanMonth(m)).toBe(roman);
  });

  it.each([0, 13, -1])('month %i has no numeral', (m) => {
    expect(romanMonth(m)).toBe('');
  });
});

describe('formatProblems', () => {
  it.each([REG, BA, UND, '{tahun}/{urut}', 'No. {urut:3}/{bulan}/{tahun}'])('accepts %s', (format) => {
    expect(formatProblems(format)).toEqual([]);
  });

  it.each([
    { format: 'PGD-{tahun}', problem: '{urut}', why: 'missing {urut}' },
    { format: '{urut}-{urut}/{tahun}', problem: '{urut}', why: '{urut} twice' },
    { format: 'PGD-{urut:4}', problem: '{tahun}', why: 'missing {tahun}' },
    { format: '{urut}/{nomor}/{tahun}', problem: '{nomor}', why: 'unknown token' },
    { format: '{urut}#{tahun}', problem: 'huruf, angka', why: 'a character outside letters, digits, space . / _ -' },
    { format: '{urut}/{TAHUN}', problem: 'huruf, angka', why: 'a token in capitals is literal text with braces' },
    { format: '={urut}/{tahun}', problem: 'huruf, angka', why: 'a formula sign' },
    { format: `{urut}/{tahun}/${'X'.repeat(80)}`, problem: 'terlalu panjang', why: 'too long' },
  ])('$why: $format', ({ format, problem }) => {
    const problems = formatProblems(format);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('; ')).toContain(problem);
  });

  it('lists every problem of a format at once', () => {
    expect(formatProblems('{nomor}#')).toHaveLength(4); // unknown token, no {urut}, no {tahun}, bad character
  });
});

describe('nextSequence', () => {
  const issued2026 = ['PGD-2026-0001', 'PGD-2026-0002', 'PGD-2026-0017', 'PGD-2026-0009'];

  it('is one past the highest number issued in the year when the counter is behind', () => {
    expect(nextSequence(REG, 2026, 'DPMPTSP', 3, issued2026)).toBe(18);
  });

  it('is one past the counter when the highest number was deleted (a number is never reused)', () => {
    const afterDeletingTheLast = issued2026.filter((n) => n !== 'PGD-2026-0017');
    expect(nextSequence(REG, 2026, 'DPMPTSP', 17, afterDeletingTheLast)).toBe(18);
  });

  it('starts at 1 in a new year and with nothing issued', () => {
    expect(nextSequence(REG, 2027, 'DPMPTSP', 0, issued2026)).toBe(1);
    expect(nextSequence(REG, 2026, 'DPMPTSP', 0, [])).toBe(1);
  });

  it('ignores numbers of other years and of other formats', () => {
    const mixed = ['PGD-2025-0950', 'PGD-2027-0003', '099/BA-PGD/DPMPTSP/III/2026', 'LAPOR-2026-0500', 'PGD-2026-0004', 'catatan bebas'];
    expect(nextSequence(REG, 2026, 'DPMPTSP', 0, mixed)).toBe(5);
  });

  it('reads the sequence back through every token of the BA format', () => {
    const issued = ['001/BA-PGD/DPMPTSP/I/2026', '014/BA-PGD/DPMPTSP/XII/2026', '020/BA-PGD/DPMPTSP/III/2025', '030/BA-PGD/DINAS/III/2026'];
    expect(nextSequence(BA, 2026, 'DPMPTSP', 2, issued)).toBe(15);
    expect(sequenceReader(BA, 2026, 'DPMPTSP')(' 014/BA-PGD/DPMPTSP/XII/2026 ')).toBe(14);
  });

  it('treats a broken counter as zero', () => {
    expect(nextSequence(REG, 2026, 'DPMPTSP', Number.NaN, ['PGD-2026-0002'])).toBe(3);
    expect(nextSequence(REG, 2026, 'DPMPTSP', -5, [])).toBe(1);
    expect(nextSequence(REG, 2026, 'DPMPTSP', 4.7, [])).toBe(5);
  });

  it('round-trips what formatNumber issues', () => {
    const issued = [1, 2, 3].map((seq) => formatNumber(BA, { seq, day: TUE_17_MAR_2026, instansi: 'DPMPTSP' }));
    expect(nextSequence(BA, 2026, 'DPMPTSP', 0, issued)).toBe(4);
  });
});

describe('accessCode', () => {
  /** A byte source that replays `bytes` in 16-byte reads, failing loudly when exhausted. */
  function replay(bytes: readonly number[]): (n: number) => Uint8Array {
    let at = 0;
    return (n) => {
      if (at >= bytes.length) throw new Error('byte source exhausted');
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = bytes[at++] ?? 0;
      return out;
    };
  }

  it('is six characters from an alphabet without 0/O, 1/I/L', () => {
    expect(KODE_AKSES_LENGTH).toBe(6);
    expect(KODE_AKSES_ALPHABET).toHaveLength(31);
    expect(KODE_AKSES_ALPHABET).not.toMatch(/[01OIL]/);
    const code = accessCode(replay(Array.from({ length: 16 }, (_, i) => i * 13)));
    expect(code).toHaveLength(6);
    expect([...code].every((c) => KODE_AKSES_ALPHABET.includes(c))).toBe(true);
  });

  it('is deterministic for a fixed byte source', () => {
    const bytes = [0, 1, 2, 30, 31, 247, 100, 200, 5, 6, 7, 8, 9, 10, 11, 12];
    expect(accessCode(replay(bytes))).toBe('ABC9A9');
    expect(accessCode(replay(bytes))).toBe(accessCode(replay(bytes)));
  });

  it('skips bytes 248-255, which would favour the first 8 characters', () => {
    const biased = [248, 249, 250, 251, 252, 253, 254, 255];
    const bytes = [...biased, 3, ...biased.slice(0, 7), ...biased, 4, 5, 6, 7, 8, ...biased.slice(0, 3)];
    // 3 → D, then 4 5 6 7 8 → E F G H J; the skipped bytes would have given A..H.
    expect(accessCode(replay(bytes))).toBe('DEFGHJ');
  });

  it('keeps reading when a whole read is made of skipped bytes', () => {
    const bytes = [...Array<number>(16).fill(255), ...Array<number>(16).fill(61)]; // 61 % 31 = 30 → 9
    expect(accessCode(replay(bytes))).toBe('999999');
  });
});

describe('accessCodeMatches', () => {
  it.each(['K7QM2X', 'k7qm2x', 'K7Q-M2X', ' k7q m2x ', 'K7-QM-2X'])('accepts %j for K7QM2X', (given) => {
    expect(accessCodeMatches('K7QM2X', given)).toBe(true);
  });

  it.each(['K7QM2Y', 'K7QM2', 'K7QM2XX', '', '   ', '-', 'X2MQ7K'])('rejects %j for K7QM2X', (given) => {
    expect(accessCodeMatches('K7QM2X', given)).toBe(false);
  });

  it('never matches an empty stored code', () => {
    expect(accessCodeMatches('', '')).toBe(false);
    expect(accessCodeMatches(' - ', '')).toBe(false);
  });
});
