/**
 * A register row as code sees it: values keyed by column key (never by position). Cells hold
 * strings or numbers; list columns hold `; `-joined labels and structured columns JSON text.
 */
import type { RegisterKey } from '../sheets-schema/index.js';

export type CellValue = string | number;
export type RegisterRecord = Partial<Record<RegisterKey, CellValue>>;
export type RegisterPatch = Partial<Record<RegisterKey, CellValue>>;

/** A cell as text ('' when empty). */
export function cell(record: RegisterRecord, key: RegisterKey): string {
  const v = record[key];
  return v === undefined || v === null ? '' : String(v);
}

export const LIST_SEPARATOR = '; ';

export function joinList(items: readonly string[]): string {
  return items.join(LIST_SEPARATOR);
}

export function splitList(text: string): string[] {
  return text.split(';').map((s) => s.trim()).filter((s) => s !== '');
}
