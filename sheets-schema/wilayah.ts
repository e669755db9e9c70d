/**
 * The kelurahan of Kota Payakumbuh per kecamatan, for the dashboard's area breakdown. The register
 * keeps the kelurahan as the complainant typed it (free text), and free text never reaches the
 * dashboard: only a name that matches this list, written as the list spells it, does; anything
 * else is left blank. Each entry may name the spellings people use (Minang and Indonesian, before
 * and after the 2014 mergers of Perda Kota Payakumbuh No. 5–15 Tahun 2014).
 *
 * Sources: Wikipedia (Payakumbuh Selatan, Payakumbuh Timur), the 2014 merger Perda as reported
 * by the city, and the office's own address (Kapalo Koto Dibalai). The city has 47 kelurahan;
 * those not listed yet (most of Payakumbuh Barat and Utara) are left blank on the dashboard until
 * an administrator adds them here, checked against the Kepmendagri list of region codes (13.76).
 */
import type { Kecamatan } from './enums.js';

export interface Kelurahan {
  /** The official name, as the dashboard shows it. */
  readonly nama: string;
  /** Other spellings that mean the same kelurahan (older names before a merger included). */
  readonly alias?: readonly string[];
}

export const KELURAHAN: Record<Exclude<Kecamatan, 'Luar Kota Payakumbuh'>, readonly Kelurahan[]> = {
  'Payakumbuh Barat': [
    { nama: 'Labuah Baru', alias: ['Labuh Baru'] },
    { nama: 'Padang Tinggi Piliang', alias: ['Padang Tinggi', 'Piliang'] },
    { nama: 'Nunang Daya Bangun', alias: ['Nunang', 'Daya Bangun'] },
  ],
  'Payakumbuh Utara': [
    { nama: 'Kapalo Koto Dibalai' },
    { nama: 'Tigo Koto Dibaruah', alias: ['Nan Kodok', 'Payolinyam', 'Kaniang Bukik'] },
    { nama: 'Taratak Padang Kampuang', alias: ['Tambago', 'Payonibuang'] },
    { nama: 'Ompang Tanah Sirah', alias: ['Talawi', 'Balai Batuang', 'Tanjung Anau', 'Tanjuang Anau'] },
  ],
  'Payakumbuh Timur': [
    { nama: 'Balai Jariang', alias: ['Balai Jaring'] },
    { nama: 'Padang Alai Bodi', alias: ['Padang Alai', 'Bodi'] },
    { nama: 'Padang Tangah Payobada', alias: ['Padang Tangah Payobadar', 'Payobada Padang Tangah'] },
    { nama: 'Padang Tiakar', alias: ['Padang Tiaka', 'Padang Tiaka Hilir', 'Padang Tiaka Mudik'] },
    { nama: 'Sicincin', alias: ['Sicincin Hilia', 'Sicincin Mudiak'] },
    { nama: 'Payobasuang', alias: ['Payobasung'] },
    { nama: 'Koto Baru Payobasuang' },
    { nama: 'Koto Panjang Payobasuang' },
    { nama: 'Tiakar', alias: ['Tiaka', 'Balai Batimah', 'Balai Nan Tuo', 'Ranah'] },
  ],
  'Payakumbuh Selatan': [
    { nama: 'Balai Panjang' },
    { nama: 'Kapalo Koto Ampangan', alias: ['Kapalo Koto', 'Ampangan'] },
    { nama: 'Kototuo Limokampuang', alias: ['Koto Tuo', 'Koto Tua', 'Limo Kampuang'] },
    { nama: 'Limbukan' },
    { nama: 'Padang Karambia', alias: ['Padang Karambie'] },
    { nama: 'Sawahpadang Aua Kuniang', alias: ['Sawahpadang Aur Kuning', 'Sawah Padang', 'Aua Kuniang', 'Aur Kuning'] },
  ],
  'Lamposi Tigo Nagori': [
    { nama: 'Bukik Sibaluik', alias: ['Bukit Sibaluik', 'Bukit Sibaluk'] },
    { nama: 'Koto Panjang' },
    { nama: 'Padang Sikabu' },
    { nama: 'Parambahan' },
    { nama: 'Parik Muko Aia', alias: ['Parik Muko Aie', 'Parit Muka Air'] },
    { nama: 'Sungai Durian', alias: ['Sungai Durian Lampasi'] },
  ],
};

/** Every official kelurahan name (the dashboard column's allowed values). */
export const KELURAHAN_NAMA: readonly string[] = Object.values(KELURAHAN).flatMap((list) => list.map((k) => k.nama));
