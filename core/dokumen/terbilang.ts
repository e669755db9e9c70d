/**
 * Numbers and dates in Indonesian words, as official minutes and letters write them:
 * `terbilang(2026)` is "dua ribu dua puluh enam", and the opening of a Berita Acara reads
 * "Kamis tanggal dua puluh enam bulan November tahun dua ribu dua puluh enam".
 * Indonesian has its own forms for 10–19 and 100/1000 ("sepuluh", "sebelas", "seratus", "seribu").
 */
import { civilFromDay, namaBulan, namaHari } from '../time.js';

const ONES = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'] as const;
const SCALES = [
  [1_000_000_000_000, 'triliun'],
  [1_000_000_000, 'miliar'],
  [1_000_000, 'juta'],
] as const;

function below1000(n: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 1) words.push('seratus');
  else if (hundreds > 1) words.push(ONES[hundreds] ?? '', 'ratus');
  if (rest === 0) return words;
  if (rest < 10) words.push(ONES[rest] ?? '');
  else if (rest === 10) words.push('sepuluh');
  else if (rest === 11) words.push('sebelas');
  else if (rest < 20) words.push(ONES[rest - 10] ?? '', 'belas');
  else {
    words.push(ONES[Math.floor(rest / 10)] ?? '', 'puluh');
    if (rest % 10 > 0) words.push(ONES[rest % 10] ?? '');
  }
  return words;
}

/** A whole number 0 … 999,999,999,999,999 in Indonesian words, lower case. */
export function terbilang(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n >= 1e15) throw new RangeError(`terbilang: ${n} di luar jangkauan`);
  if (n === 0) return 'nol';
  const words: string[] = [];
  let rest = n;
  for (const [scale, name] of SCALES) {
    const q = Math.floor(rest / scale);
    if (q > 0) words.push(...below1000(q), name);
    rest %= scale;
  }
  const thousands = Math.floor(rest / 1000);
  if (thousands === 1) words.push('seribu');
  else if (thousands > 1) words.push(...below1000(thousands), 'ribu');
  words.push(...below1000(rest % 1000));
  return words.join(' ');
}

/** "7 (tujuh)": a count with its words in parentheses, as letters write quantities. */
export function angkaTerbilang(n: number): string {
  return `${n} (${terbilang(n)})`;
}

/** "Kamis tanggal dua puluh enam bulan November tahun dua ribu dua puluh enam". */
export function hariTanggalTerbilang(day: number): string {
  const { y, m, d } = civilFromDay(day);
  return `${namaHari(day)} tanggal ${terbilang(d)} bulan ${namaBulan(m)} tahun ${terbilang(y)}`;
}

/** "26 November 2026". */
export function tanggalSurat(day: number): string {
  const { y, m, d } = civilFromDay(day);
  return `${d} ${namaBulan(m)} ${y}`;
}

/** "09.30": Indonesian writes clock times with a full stop. */
export function jamIndonesia(hhmm: string): string {
  const m = /^(\d{1,2}):(\d{2})/.exec(hhmm.trim());
  return m ? `${(m[1] ?? '').padStart(2, '0')}.${m[2] ?? ''}` : hhmm.trim();
}
