/**
 * The shape of a column, and the helpers that define tabs from a compact list. A column has a
 * stable key (code), the Indonesian header staff see (the sheet is mapped by header, never by
 * position), a type, whether it is required, whether it holds personal data, which component
 * writes it, and for enums the allowed values.
 */
import type { Penulis } from './enums.js';

export const TIPE_KOLOM = [
  'teks',
  'teks_panjang',
  'tanggal',
  'waktu',
  'jam',
  'angka',
  'pilihan',
  'daftar',
  'email',
  'telepon',
  'ya_tidak',
  'json',
] as const;
export type TipeKolom = (typeof TIPE_KOLOM)[number];

export interface Column {
  /** Stable key used by code; never shown to staff. */
  readonly key: string;
  /** The header in row 1, as staff see it. */
  readonly header: string;
  readonly type: TipeKolom;
  readonly required: boolean;
  /** Personal data (data pribadi): never copied to the dashboard tab or any public output. */
  readonly pii: boolean;
  readonly writer: Penulis;
  /** Allowed values for `pilihan` and `daftar` columns. */
  readonly values?: readonly string[];
  /** Most characters a cell may hold. */
  readonly maxLength?: number;
  /** A short explanation for the header note and the documentation. */
  readonly note?: string;
  /** Hidden from everyday view (system bookkeeping). */
  readonly hidden?: boolean;
  /**
   * The system cannot work correctly without this column (the status timeline, numbers it must
   * never reuse, a setting's value, whether a role is active): like a required column, a missing
   * one is refused, never re-added empty.
   */
  readonly essential?: boolean;
}

export interface Tab {
  readonly key: string;
  /** The sheet's name in the workbook. */
  readonly name: string;
  readonly purpose: string;
  readonly columns: readonly Column[];
  /** Only appended to; rows are never edited or removed by the system. */
  readonly appendOnly?: boolean;
  /** Column whose value identifies a row (rows are located by it, never by index). */
  readonly keyColumn?: string;
  /**
   * Column every procedure step rewrites ("Terakhir Diperbarui"): a writer that finds it changed
   * between its read and its write knows another step took the row meanwhile.
   */
  readonly changeColumn?: string;
  /**
   * Derived entirely by the system (counters, the dashboard): when missing from an existing
   * register it is simply recreated. A missing tab that holds people's data is an error instead
   * (most likely renamed), never silently replaced by an empty one.
   */
  readonly derived?: boolean;
}

/** Shorthand used to keep the tab definitions readable. */
export function col(
  key: string,
  header: string,
  type: TipeKolom,
  writer: Penulis,
  extra: Partial<Omit<Column, 'key' | 'header' | 'type' | 'writer'>> = {},
): Column {
  return { key, header, type, writer, required: false, pii: false, ...extra };
}

/** A Sheets cell holds at most 50,000 characters, an Excel cell 32,767: long text stays under both. */
export const MAX_TEKS_PANJANG = 30_000;
export const MAX_TEKS = 500;
