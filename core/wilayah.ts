/**
 * The area of a complaint for the dashboard: the kelurahan as the complainant typed it, matched
 * against the official list (sheets-schema/wilayah.ts), and the kecamatan. Only a listed name
 * ever comes out, spelled as the list spells it; a name the list does not know, one that belongs
 * to another kecamatan than the one recorded, or one found in two kecamatan with none recorded
 * comes out blank. Free text never passes through.
 */
import { isKecamatan, KELURAHAN, type Kecamatan } from '../sheets-schema/index.js';

/** Case, spaces, dots, hyphens and a leading "Kelurahan"/"Kel." do not matter. */
function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^\s*(?:kelurahan|kel\.?)\s+/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Every spelling, normalized, to the kelurahan and kecamatan it names. */
const INDEX: ReadonlyMap<string, readonly { nama: string; kecamatan: Kecamatan }[]> = (() => {
  const map = new Map<string, { nama: string; kecamatan: Kecamatan }[]>();
  for (const [kecamatan, list] of Object.entries(KELURAHAN) as [Kecamatan, (typeof KELURAHAN)[keyof typeof KELURAHAN]][]) {
    for (const k of list) {
      for (const spelling of [k.nama, ...(k.alias ?? [])]) {
        const key = normalize(spelling);
        const hits = map.get(key) ?? [];
        if (!hits.some((h) => h.nama === k.nama)) hits.push({ nama: k.nama, kecamatan });
        map.set(key, hits);
      }
    }
  }
  return map;
})();

export interface Area {
  /** An official kelurahan name, or ''. */
  readonly kelurahan: string;
  /** A kecamatan of the schema's list, or ''. */
  readonly kecamatan: string;
}

/** The official area of a complaint from its register cells. */
export function officialArea(kelurahanText: string, kecamatanText: string): Area {
  const kecamatan = isKecamatan(kecamatanText.trim()) ? (kecamatanText.trim() as Kecamatan) : undefined;
  // A register cell holds at most 100 characters; a longer one is no kelurahan name.
  const hits = kelurahanText.length > 200 ? [] : (INDEX.get(normalize(kelurahanText)) ?? []);
  const fitting = kecamatan === undefined ? hits : hits.filter((h) => h.kecamatan === kecamatan);
  const only = fitting.length === 1 ? fitting[0] : undefined;
  return { kelurahan: only?.nama ?? '', kecamatan: kecamatan ?? only?.kecamatan ?? '' };
}
