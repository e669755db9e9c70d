/**
 * Tests of core/dokumen/terbilang.ts: numbers and dates in Indonesian words as official minutes
 * write them ("seribu", "sebelas", "satu juta"), checked against fixed examples and against a
 * small independent reference written here, over every number up to 100,000 and a sample of
 * large ones.
 */
import { describe, expect, it } from 'vitest';
import { angkaTerbilang, hariTanggalTerbilang, jamIndonesia, tanggalSurat, terbilang } from '../../core/dokumen/terbilang.js';
import { dayFromIso } from '../../core/time.js';
import { mulberry32 } from '../helpers/prng.js';

/**
 * The reference: recursive and subtractive (unlike the module, which walks scales). The special
 * forms are spelled out: se- for 10, 11, 100-199 and 1000-1999; "satu" before juta and above.
 */
const SATUAN = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];
function words(n: number): string {
  if (n === 0) return '';
  if (n < 10) return SATUAN[n] ?? '?';
  if (n === 10) return 'sepuluh';
  if (n === 11) return 'sebelas';
  if (n < 20) return `${SATUAN[n - 10] ?? '?'} belas`;
  if (n < 100) return `${SATUAN[Math.floor(n / 10)] ?? '?'} puluh ${words(n % 10)}`;
  if (n < 200) return `seratus ${words(n - 100)}`;
  if (n < 1000) return `${SATUAN[Math.floor(n / 100)] ?? '?'} ratus ${words(n % 100)}`;
  if (n < 2000) return `seribu ${words(n - 1000)}`;
  const big: [number, string][] = [
    [1e12, 'triliun'],
    [1e9, 'miliar'],
    [1e6, 'juta'],
    [1e3, 'ribu'],
  ];
  for (const [scale, name] of big) {
    if (n >= scale) return `${words(Math.floor(n / scale))} ${name} ${words(n % scale)}`;
  }
  throw new Error(`reference: ${n}`);
}
const reference = (n: number): string => (n === 0 ? 'nol' : words(n).replace(/\s+/g, ' ').trim());

const VOCABULARY = new Set([
  ...SATUAN.filter(Boolean),
  'nol', 'sepuluh', 'sebelas', 'belas', 'puluh', 'seratus', 'ratus', 'seribu', 'ribu', 'juta', 'miliar', 'triliun',
]);

describe('terbilang', () => {
  it.each<[number, string]>([
    [0, 'nol'],
    [1, 'satu'],
    [9, 'sembilan'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [21, 'dua puluh satu'],
    [99, 'sembilan puluh sembilan'],
    [100, 'seratus'],
    [101, 'seratus satu'],
    [110, 'seratus sepuluh'],
    [111, 'seratus sebelas'],
    [115, 'seratus lima belas'],
    [200, 'dua ratus'],
    [999, 'sembilan ratus sembilan puluh sembilan'],
    [1000, 'seribu'],
    [1001, 'seribu satu'],
    [1011, 'seribu sebelas'],
    [1100, 'seribu seratus'],
    [2000, 'dua ribu'],
    [2026, 'dua ribu dua puluh enam'],
    [11000, 'sebelas ribu'],
    [21000, 'dua puluh satu ribu'],
    [100000, 'seratus ribu'],
    [101000, 'seratus satu ribu'],
    [111111, 'seratus sebelas ribu seratus sebelas'],
    [1000000, 'satu juta'],
    [1001000, 'satu juta seribu'],
    [1100000, 'satu juta seratus ribu'],
    [2500000, 'dua juta lima ratus ribu'],
    [1000000000, 'satu miliar'],
    [1000001000, 'satu miliar seribu'],
    [123456789, 'seratus dua puluh tiga juta empat ratus lima puluh enam ribu tujuh ratus delapan puluh sembilan'],
    [1000000000000, 'satu triliun'],
    [999_999_999_999_999, 'sembilan ratus sembilan puluh sembilan triliun sembilan ratus sembilan puluh sembilan miliar sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan'],
  ])('%d is "%s"', (n, expected) => {
    expect(terbilang(n)).toBe(expected);
  });

  it('writes "satu juta" and "satu miliar" (formal), never "sejuta" or "semiliar"', () => {
    for (const n of [1_000_000, 1_000_001, 1_500_000, 1_000_000_000, 1_000_000_000_000]) {
      expect(terbilang(n)).toMatch(/^satu (juta|miliar|triliun)/);
      expect(terbilang(n)).not.toMatch(/sejuta|semiliar|setriliun/);
    }
  });

  it.each<[string, number]>([
    ['a negative number', -1],
    ['a fraction', 1.5],
    ['NaN', Number.NaN],
    ['infinity', Number.POSITIVE_INFINITY],
    ['10^15', 1e15],
    ['an unsafe integer', 2 ** 53],
  ])('refuses %s with a RangeError naming it', (_what, n) => {
    expect(() => terbilang(n)).toThrow(RangeError);
    expect(() => terbilang(n)).toThrow(/di luar jangkauan/);
  });

  it('agrees with the reference on every number 0 … 100,000, in well-formed words', () => {
    const wrong: string[] = [];
    for (let n = 0; n <= 100_000; n++) {
      const w = terbilang(n);
      const bad =
        w !== reference(n) ||
        /\s\s/.test(w) ||
        w !== w.trim() ||
        /^satu (ribu|ratus|puluh|belas)/.test(w) ||
        /(^|\s)satu (ratus|puluh|belas)/.test(w) ||
        (n > 0 && /\bnol\b/.test(w)) ||
        w.split(' ').some((part) => !VOCABULARY.has(part));
      if (bad && wrong.length < 10) wrong.push(`${n}: "${w}" (reference "${reference(n)}")`);
    }
    expect(wrong).toEqual([]);
  });

  it('agrees with the reference on a sample of large numbers', () => {
    const rnd = mulberry32(20261126);
    const wrong: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const digits = 6 + Math.floor(rnd() * 10); // 6 … 15 digits
      const n = Math.floor(rnd() * 10 ** digits);
      if (n >= 1e15) continue;
      const w = terbilang(n);
      if ((w !== reference(n) || /\s\s/.test(w) || /^satu (ribu|ratus|puluh)/.test(w)) && wrong.length < 10) wrong.push(`${n}: "${w}"`);
    }
    // Round numbers, whose empty groups must leave no stray words.
    for (const n of [1e6, 1e7, 1e8, 1e9 + 1, 1e12 + 1e3, 1e12 + 1e6, 1e14, 1e14 + 1e11 + 1]) {
      if (terbilang(n) !== reference(n)) wrong.push(`${n}: "${terbilang(n)}"`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('angkaTerbilang', () => {
  it.each<[number, string]>([
    [7, '7 (tujuh)'],
    [0, '0 (nol)'],
    [14, '14 (empat belas)'],
    [30, '30 (tiga puluh)'],
  ])('%d is "%s"', (n, expected) => {
    expect(angkaTerbilang(n)).toBe(expected);
  });

  it('refuses what terbilang refuses', () => {
    expect(() => angkaTerbilang(-1)).toThrow(RangeError);
  });
});

describe('dates in words', () => {
  it('writes the day of a meeting as a Berita Acara opens', () => {
    expect(hariTanggalTerbilang(dayFromIso('2026-11-26'))).toBe('Kamis tanggal dua puluh enam bulan November tahun dua ribu dua puluh enam');
  });

  it.each<[string, string]>([
    ['2026-01-01', 'Kamis tanggal satu bulan Januari tahun dua ribu dua puluh enam'],
    ['2026-03-11', 'Rabu tanggal sebelas bulan Maret tahun dua ribu dua puluh enam'],
    ['2025-08-17', 'Minggu tanggal tujuh belas bulan Agustus tahun dua ribu dua puluh lima'],
    ['2024-02-29', 'Kamis tanggal dua puluh sembilan bulan Februari tahun dua ribu dua puluh empat'],
    ['2030-12-31', 'Selasa tanggal tiga puluh satu bulan Desember tahun dua ribu tiga puluh'],
    ['2000-10-10', 'Selasa tanggal sepuluh bulan Oktober tahun dua ribu'],
  ])('%s is "%s"', (iso, expected) => {
    expect(hariTanggalTerbilang(dayFromIso(iso))).toBe(expected);
  });

  it.each<[string, string]>([
    ['2026-11-26', '26 November 2026'],
    ['2026-01-05', '5 Januari 2026'],
    ['2027-05-31', '31 Mei 2027'],
  ])('tanggalSurat(%s) is "%s", without a leading zero', (iso, expected) => {
    expect(tanggalSurat(dayFromIso(iso))).toBe(expected);
  });
});

describe('jamIndonesia', () => {
  it.each<[string, string]>([
    ['9:05', '09.05'],
    ['09:00', '09.00'],
    ['14:30', '14.30'],
    ['14:30:00', '14.30'],
    [' 8:15 ', '08.15'],
    ['00:00', '00.00'],
  ])('"%s" is "%s"', (input, expected) => {
    expect(jamIndonesia(input)).toBe(expected);
  });

  it.each<[string, string]>([
    ['', ''],
    ['  ', ''],
    ['09.30', '09.30'],
    ['pagi', 'pagi'],
    [' sesudah zuhur ', 'sesudah zuhur'],
  ])('leaves text that is not hh:mm as it is, trimmed: "%s"', (input, expected) => {
    expect(jamIndonesia(input)).toBe(expected);
  });
});
