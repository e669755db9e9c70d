/**
 * Rules read from the history tab (Riwayat): who last took each step of each complaint, and when.
 * Documents of a step already taken (a disposition, a signed Berita Acara) keep that person, and
 * an invitation keeps the day it was sent, even when rendered again later.
 */
import type { AksiKey } from './sop.js';
import { isAksi } from './sop.js';
import { formatWib, tryParseInstant } from './time.js';

export interface Steps {
  /** Who last took each action (aksi → e-mail). */
  readonly pelaku: Partial<Record<AksiKey, string>>;
  /** When each action was last taken (aksi → `YYYY-MM-DD HH:mm:ss` WIB). */
  readonly waktu: Partial<Record<AksiKey, string>>;
}

export interface HistoryRow {
  readonly nomor: string;
  readonly aksi: string;
  readonly waktu: string;
  readonly oleh_email: string;
}

/**
 * The latest taking of each action on each complaint, by time (people may sort the history tab),
 * times compared as instants whatever way a spreadsheet wrote them. A row whose time cannot be
 * read never wins over one that can; unknown actions are ignored.
 */
export function lastSteps(rows: Iterable<HistoryRow>): Map<string, Steps> {
  const latest = new Map<string, { pelaku: Partial<Record<AksiKey, string>>; waktu: Partial<Record<AksiKey, string>>; at: Partial<Record<AksiKey, number>> }>();
  for (const r of rows) {
    const aksi = r.aksi.trim();
    if (!isAksi(aksi)) continue;
    const key = r.nomor.trim();
    const at = tryParseInstant(r.waktu) ?? -Infinity;
    let s = latest.get(key);
    if (!s) latest.set(key, (s = { pelaku: {}, waktu: {}, at: {} }));
    if ((s.at[aksi] ?? -Infinity) > at || (s.at[aksi] !== undefined && at === -Infinity)) continue;
    s.at[aksi] = at;
    s.pelaku[aksi] = r.oleh_email.trim();
    s.waktu[aksi] = Number.isFinite(at) ? formatWib(at) : '';
  }
  return new Map([...latest].map(([k, { pelaku, waktu }]) => [k, { pelaku, waktu }]));
}
